import { describe, expect, it } from 'vitest';
import { appendSentences, SentenceSpans, splitSentences } from '../../../src/core/text/sentences.js';

describe('splitSentences', () => {
  it('GIVEN titles before names THEN the sentence is not cut after them', () => {
    expect(
      splitSentences(
        'Mr. Brandt met Mrs. Varga and Dr. Osei. Gen. Ruiz, Sen. Hale, Rep. Cole, Gov. Lund, Lt. Col. Ames and St. John agreed.',
      ),
    ).toEqual([
      'Mr. Brandt met Mrs. Varga and Dr. Osei.',
      'Gen. Ruiz, Sen. Hale, Rep. Cole, Gov. Lund, Lt. Col. Ames and St. John agreed.',
    ]);
  });

  it('GIVEN dotted acronyms THEN they split only where a new sentence starts', () => {
    expect(
      splitSentences('The U.N. Security Council met. Aid went to the U.K. and the U.S. The vote was close.'),
    ).toEqual(['The U.N. Security Council met.', 'Aid went to the U.K. and the U.S.', 'The vote was close.']);
  });

  it('GIVEN month abbreviations, "No." and company suffixes THEN they stay inside the sentence', () => {
    expect(
      splitSentences('On Sept. 24 the No. 2 plant closed. Acme Inc. said Jan. sales fell. It blamed costs.'),
    ).toEqual(['On Sept. 24 the No. 2 plant closed.', 'Acme Inc. said Jan. sales fell.', 'It blamed costs.']);
  });

  it('GIVEN a company suffix at the end of a sentence THEN the next sentence still starts', () => {
    expect(splitSentences('The mine belongs to Andina Copper Co. The company denies the spill.')).toEqual([
      'The mine belongs to Andina Copper Co.',
      'The company denies the spill.',
    ]);
  });

  it('GIVEN initials, "vs." and decimals THEN nothing is cut', () => {
    expect(splitSentences('John F. Kennedy won 3.5 points more in Smith vs. Jones. Then it rained.')).toEqual(
      ['John F. Kennedy won 3.5 points more in Smith vs. Jones.', 'Then it rained.'],
    );
  });

  it('GIVEN an ellipsis THEN it ends a sentence before a capital but not before a lower-case word', () => {
    expect(splitSentences('He paused... and went on. The hall waited... Nobody spoke.')).toEqual([
      'He paused... and went on.',
      'The hall waited...',
      'Nobody spoke.',
    ]);
  });

  it('GIVEN closing quotes and brackets after the full stop THEN they stay with their sentence', () => {
    expect(
      splitSentences(
        '"We are ready," she said. "This is the day." Then she left. (The vote was 9-2.) It passed.',
      ),
    ).toEqual([
      '"We are ready," she said.',
      '"This is the day."',
      'Then she left.',
      '(The vote was 9-2.)',
      'It passed.',
    ]);
    expect(splitSentences('He called it “a disgrace.” Others agreed.')).toEqual([
      'He called it “a disgrace.”',
      'Others agreed.',
    ]);
  });

  it('GIVEN question and exclamation marks THEN they end sentences unless the attribution follows in lower case', () => {
    expect(splitSentences('Will it rain? Nobody knows! "Why now?" he asked. It rained.')).toEqual([
      'Will it rain?',
      'Nobody knows!',
      '"Why now?" he asked.',
      'It rained.',
    ]);
  });

  it('GIVEN a full stop followed by a lower-case word or no space THEN it is not a boundary', () => {
    expect(splitSentences('Visit example.com today, e.g. on Monday. Done.')).toEqual([
      'Visit example.com today, e.g. on Monday.',
      'Done.',
    ]);
  });

  it('GIVEN a very long paragraph THEN splitting stays fast (linear scan)', () => {
    const paragraph = 'The U.S. envoy met Gen. Ruiz on Sept. 24 in St. Louis... '.repeat(5000);
    expect(splitSentences(paragraph).length).toBe(5000);
  });
});

describe('splitSentences with words that look like abbreviations', () => {
  it('GIVEN lower-case words such as "no", "ill" or "mass" at a sentence end THEN the sentence ends there', () => {
    expect(
      splitSentences(
        'He said no. The vote failed. She was ill. Protesters gathered for mass. Police watched.',
      ),
    ).toEqual([
      'He said no.',
      'The vote failed.',
      'She was ill.',
      'Protesters gathered for mass.',
      'Police watched.',
    ]);
  });

  it('GIVEN capitalised state abbreviations THEN they split only before a new sentence', () => {
    expect(
      splitSentences(
        'Voters in Springfield, Ill. Tuesday chose a mayor. She moved to Boston, Mass. The move was hard.',
      ),
    ).toEqual([
      'Voters in Springfield, Ill. Tuesday chose a mayor.',
      'She moved to Boston, Mass.',
      'The move was hard.',
    ]);
  });
});

describe('appendSentences with spans', () => {
  it('notes where each trimmed sentence lies in the flat text of the paragraphs', () => {
    const paragraphs = ['\u00a0 One went. Two came!  ', 'Three stayed.\u2028', '   '];
    const body = paragraphs.join('\n\n');
    const sentences: string[] = [];
    const spans = new SentenceSpans();
    let base = 0;
    for (const p of paragraphs) {
      appendSentences(p, sentences, spans, base);
      base += p.length + 2;
    }
    expect(sentences).toEqual(['One went.', 'Two came!', 'Three stayed.']);
    sentences.forEach((s, k) => expect(body.slice(spans.starts[k], spans.ends[k])).toBe(s));
  });
});
