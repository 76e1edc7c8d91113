import { describe, expect, it } from 'vitest';
import { readPlainRun } from '../../../src/core/quotes/plain-run.js';

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
});
