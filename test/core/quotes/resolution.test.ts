import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../src/core/quotes/extract.js';

const none = { title: null, lede: '' };

function speakerOf(text: string, begins: string) {
  const q = extractQuotes(text, none).find((x) => x.text.startsWith(begins));
  if (!q) throw new Error(`no quote begins "${begins}"`);
  const m = q.speaker.mention;
  return { ...q.speaker, said: m ? text.slice(m.start, m.end) : null };
}

describe('extractQuotes: resolution', () => {
  it('GIVEN a surname after the full name THEN the full name is the speaker, the surname the mention', () => {
    const text = 'Port director Hanna Lindqvist opened the terminal.\n\n“It took six years,” Lindqvist said.';
    expect(speakerOf(text, 'It took')).toMatchObject({ name: 'Hanna Lindqvist', said: 'Lindqvist' });
  });

  it('GIVEN "he said" after a named speaker THEN "he" resolves to them, and the mention stays "he"', () => {
    const text =
      '“The levee held,” engineer Omar Haddad said.\n\nHaddad toured the site on Tuesday.\n\n“We were lucky this time,” he said.';
    expect(speakerOf(text, 'We were lucky')).toMatchObject({ name: 'Omar Haddad', said: 'he' });
  });

  it('GIVEN "she said" after a man and a woman THEN gender from Mr./Ms. picks the woman', () => {
    const text =
      'Ms. Clara Voss, the union leader, met Mr. Peter Lund on Monday. “We have a deal,” Voss said. Lund left early.\n\n“The strike is over,” she said.';
    expect(speakerOf(text, 'The strike')).toMatchObject({ name: 'Clara Voss', said: 'she' });
  });

  it('GIVEN gender evident only from his/her usage THEN the pronoun skips the other person', () => {
    const text =
      'Theo Marsh chairs the board. Marsh said his board had already voted.\n\nDana Kerr spoke next. Kerr said her office would review the permits.\n\n“The permits are fine as they are,” he said.';
    expect(speakerOf(text, 'The permits')).toMatchObject({ name: 'Theo Marsh', said: 'he' });
  });

  it('GIVEN "the mayor said" and a mayor named earlier THEN the title resolves to her', () => {
    const text =
      'Mayor Ines Cabral opened the new library on Saturday.\n\n“Every child in this town deserves a quiet place to read,” the mayor said.';
    expect(speakerOf(text, 'Every child')).toMatchObject({ name: 'Ines Cabral', said: 'the mayor' });
  });

  it('GIVEN "ORG’s title said" and "ORG’s NAME" THEN the person gets the role "ORG title"', () => {
    const text =
      'Lakeport’s harbor master said Monday that the channel is closed.\n\nLakeport’s Tom Reyes said that crews “will work through the night.”\n\n“We expect to reopen by Thursday,” Reyes said.';
    expect(speakerOf(text, 'We expect')).toMatchObject({ name: 'Tom Reyes', role: 'Lakeport harbor master' });
  });

  it('GIVEN "they said" after a group spoke THEN the group is the speaker', () => {
    const text =
      'Flood officials said the water was falling.\n\n“Residents can return home on Sunday,” they said.';
    expect(speakerOf(text, 'Residents')).toMatchObject({ name: 'Flood officials', said: 'they' });
  });

  it('GIVEN "he said" with nobody named before THEN the name stays unknown but the mention is kept', () => {
    const text = '“I saw the lights go out,” he said.';
    expect(speakerOf(text, 'I saw')).toMatchObject({ name: null, said: 'he' });
  });
});
