import { describe, expect, it } from 'vitest';
import * as lexicon from '../../../src/core/quotes/lexicon.js';
import { readPlainRun } from '../../../src/core/quotes/plain-run.js';

/** `word` with a capital first letter, as it opens a run. */
const capitalised = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
/** The plain words (letters only) of lists, the ones the word table holds. */
const plainWords = (...lists: Iterable<string>[]): string[] =>
  lists.flatMap((list) => [...list]).filter((w) => /^[a-z]+$/.test(w));

describe('readPlainRun', () => {
  it('GIVEN two to four capitalised words THEN they are one name', () => {
    expect(readPlainRun('Dragan Petrovic')).toEqual({ name: 'Dragan Petrovic', offset: 0, words: 2 });
    expect(readPlainRun('Douglas Holtz-Eakin')).toEqual({ name: 'Douglas Holtz-Eakin', offset: 0, words: 2 });
  });

  it('GIVEN sentence-initial function words THEN the name starts after them', () => {
    expect(readPlainRun('The Danube Authority')).toEqual({ name: 'Danube Authority', offset: 4, words: 2 });
    expect(readPlainRun('In The FBI')).toEqual({ name: 'FBI', offset: 7, words: 1 });
    expect(readPlainRun('In The')).toBeNull();
  });

  it("GIVEN a sentence's period or a possessive THEN the name ends there", () => {
    expect(readPlainRun('West Africa. The')).toEqual({ name: 'West Africa', offset: 0, words: 2 });
    expect(readPlainRun('Hillary Clinton’s')).toEqual({ name: 'Hillary', offset: 0, words: 1 });
  });

  it('GIVEN five words or a shouted headline THEN nobody is named', () => {
    expect(readPlainRun('Floods Force Thousands Out Today')).toBeNull();
    expect(readPlainRun('CONGRESS HAS INVESTIGATED')).toBeNull();
  });

  it('GIVEN a title, a calendar word, an abbreviation or an inner apostrophe THEN the run is left to the tokens', () => {
    expect(readPlainRun('President Vjosa Osmani')).toBe(false);
    expect(readPlainRun('Monday Morning')).toBe(false);
    expect(readPlainRun('Andina Copper Co.')).toBe(false);
    expect(readPlainRun('NATO’s Jens Stoltenberg')).toBe(false);
    expect(readPlainRun('Mary J. Blige')).toBe(false);
  });

  it('GIVEN any word of the lists, in any case, THEN it is known: every title or calendar word leaves the run to the tokens, every function word is skipped', () => {
    for (const word of plainWords(
      lexicon.CALENDAR,
      lexicon.TITLES,
      lexicon.HONORIFICS.keys(),
      lexicon.PRONOUNS.keys(),
    )) {
      for (const form of [capitalised(word), word.toUpperCase()])
        expect(readPlainRun(`${form} Vjosa Osmani`), form).toBe(false);
    }
    for (const word of plainWords(lexicon.PHRASE_BREAKERS, lexicon.DETERMINERS)) {
      // a word of one letter is never plain; a word in both kinds of list leaves the run to the tokens
      if (word.length < 2) continue;
      if (
        plainWords(lexicon.CALENDAR, lexicon.TITLES, lexicon.HONORIFICS.keys(), lexicon.PRONOUNS.keys(), [
          'and',
        ]).includes(word)
      )
        continue;
      const run = `${capitalised(word)} Vjosa Osmani`;
      expect(readPlainRun(run), run).toEqual({ name: 'Vjosa Osmani', offset: word.length + 1, words: 2 });
    }
    // an abbreviation keeps its period, so the run is left to the tokens; a word of no list does not
    for (const word of plainWords(lexicon.ABBREVIATIONS))
      expect(readPlainRun(`Vjosa ${capitalised(word)}.`)).toBe(false);
    expect(readPlainRun('Vjosa Osmanix.')).toEqual({ name: 'Vjosa Osmanix', offset: 0, words: 2 });
  });
});
