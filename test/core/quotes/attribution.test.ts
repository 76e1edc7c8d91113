import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract.js';
import type { Quote } from '../../../src/core/types.js';

const none = { title: null, lede: '' };

/** The quote whose words begin with `begins`, with its speaker's mention as text. */
function quote(text: string, begins: string): Quote & { said: string | null } {
  const q = extractQuotes(text, none).find((x) => x.text.startsWith(begins));
  if (!q) throw new Error(`no quote begins "${begins}"`);
  const m = q.speaker.mention;
  return { ...q, said: m ? text.slice(m.start, m.end) : null };
}

describe('extractQuotes: attribution', () => {
  it('GIVEN "...," NAME said THEN the name after the quote is the speaker', () => {
    const text =
      'Harbor Commissioner Lena Okafor spoke on Monday.\n\n“The dredging starts in May,” Okafor said.';
    const q = quote(text, 'The dredging');
    expect(q.speaker.name).toBe('Lena Okafor');
    expect(q.said).toBe('Okafor');
    expect(text.slice(q.start, q.end)).toBe('“The dredging starts in May,”');
  });

  it('GIVEN "...," said TITLE NAME (party), APPOSITIVE THEN the inverted speaker and the appositive role', () => {
    const text =
      '"We were not consulted," said Rep. Dana Whitfield (D-Ore.), the head of the coastal caucus.';
    const q = quote(text, 'We were not');
    expect(q.speaker.name).toBe('Dana Whitfield');
    expect(q.said).toBe('Rep. Dana Whitfield');
  });

  it('GIVEN NAME, APPOSITIVE, said THEN the role comes from the appositive, possessive made plain', () => {
    const text = '“We will keep the ferry running,” Ito, Lakeport’s transit director, said on Friday.';
    const q = quote(text, 'We will keep');
    expect(q.speaker.name).toBe('Ito');
    expect(q.speaker.role).toBe('Lakeport transit director');
  });

  it('GIVEN a title and a name before the verb THEN the name is the speaker and the title its role', () => {
    const text = 'Kestrian President Maren Holt said: “Our borders stay open to trade.”';
    const q = quote(text, 'Our borders');
    expect(q.speaker).toMatchObject({ name: 'Maren Holt', role: 'Kestrian President' });
    expect(q.said).toBe('Kestrian President Maren Holt');
  });

  it('GIVEN a quote interrupted by its attribution THEN both halves go to the same speaker and mention', () => {
    const text =
      '“We expect the repairs to hold,” engineer Paul Brandt said. “It is important that the city keeps checking the cables.”';
    const first = quote(text, 'We expect');
    const second = quote(text, 'It is important');
    expect(first.speaker.name).toBe('Paul Brandt');
    expect(second.speaker).toEqual(first.speaker);
  });

  it('GIVEN a partial quote inside reported speech THEN the reporting subject speaks and it is no key quote', () => {
    const text =
      'Governor Ana Ruiz said inspectors found the damage “serious” and closed two lanes. “We will reopen the bridge only when engineers tell us it is safe,” Ruiz said.';
    const partial = quote(text, 'serious');
    expect(partial.speaker.name).toBe('Ana Ruiz');
    expect(partial.key).toBe(false);
  });

  it('GIVEN a group as the subject THEN the group is the speaker', () => {
    const text = 'State transport officials said they saw “an unusual” rise in freight traffic.';
    expect(quote(text, 'an unusual').speaker.name).toBe('State transport officials');
  });

  it('GIVEN "according to NAME" THEN that name speaks', () => {
    const text = 'According to Mayor Tom Reyes, “the budget has room for one more bus line.”';
    expect(quote(text, 'the budget').speaker.name).toBe('Tom Reyes');
  });

  it('GIVEN a paragraph ending "NAME continued:" THEN the next all-quote paragraph is theirs', () => {
    const text =
      'The host, Mira Sand, was unimpressed. Sand continued:\n\n“Nobody on this panel has read the report.”';
    expect(quote(text, 'Nobody on this panel').speaker.name).toBe('Mira Sand');
  });

  it('GIVEN a dash after the quote THEN the name after the dash speaks', () => {
    const text = '“The new market brought my customers back.” ― Jonas Weller';
    expect(quote(text, 'The new market').speaker.name).toBe('Jonas Weller');
  });

  it('GIVEN a participle after another verb THEN the sentence subject speaks, not the object', () => {
    const text =
      'Senator Ruth Ames sent a letter to the board on Friday, saying the plan was “a gift to developers.”';
    expect(quote(text, 'a gift').speaker.name).toBe('Ruth Ames');
  });

  it('GIVEN a name right before a participle THEN that name speaks, not the sentence subject', () => {
    const text =
      'The campaign video shows Governor Ana Ruiz saying, “Every town deserves a bridge that stands.”';
    expect(quote(text, 'Every town').speaker.name).toBe('Ana Ruiz');
  });

  it('GIVEN a thing that "demands" inside what a person said THEN the person speaks', () => {
    const text = 'Senator Ruth Ames said the string of closures demands “a real answer” from the board.';
    expect(quote(text, 'a real answer').speaker.name).toBe('Ruth Ames');
  });

  it('GIVEN a possessive before a noun that looks like a verb THEN the possessive is not the speaker', () => {
    const text = 'Ames called the mayor’s remarks “a distraction from the budget.”';
    // the one who calls them so speaks (a naming verb), never the possessive
    expect(quote(text, 'a distraction').speaker.name).toBe('Ames');
  });

  it('GIVEN scare quotes with no reporting verb THEN the quote has no speaker', () => {
    const text = 'The so-called “peace dividend” never reached the valley towns.';
    expect(quote(text, 'peace dividend').speaker).toEqual({ name: null, role: null, mention: null });
  });

  it('GIVEN a programme title after "told" THEN the title is no one’s words', () => {
    const text = 'Ruiz told “Morning Harbor Report” that the bridge would reopen.';
    expect(quote(text, 'Morning Harbor').speaker.name).toBeNull();
  });

  it('GIVEN a quote with no attribution anywhere THEN it is kept with no speaker', () => {
    const text = 'Rain fell all week.\n\n“Stay off the coastal road tonight.”';
    const q = quote(text, 'Stay off');
    expect(q.speaker.name).toBeNull();
    expect(q.speaker.mention).toBeNull();
  });
});
