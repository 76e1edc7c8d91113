import { describe, expect, it } from 'vitest';
import { findQuotations } from '../../../src/core/quotes/marks.js';

const spans = (text: string): string[] => findQuotations(text).map((q) => text.slice(q.start, q.end));

describe('findQuotations', () => {
  it('GIVEN curly and straight double quotes THEN each is one quotation, marks included in the span', () => {
    const text = '“The bridge is safe,” she said. He replied: "Not for long."';
    expect(spans(text)).toEqual(['“The bridge is safe,”', '"Not for long."']);
    expect(findQuotations(text).map((q) => q.text)).toEqual(['The bridge is safe,', 'Not for long.']);
  });

  it('GIVEN single quotes nested in a quote THEN the quote is not cut at them', () => {
    const text = '“They told us ‘wait and see,’ and we waited,” the farmer said.';
    expect(findQuotations(text).map((q) => q.text)).toEqual(['They told us ‘wait and see,’ and we waited,']);
  });

  it('GIVEN apostrophes and an inch mark outside quotes THEN nothing is taken for a quote', () => {
    expect(spans("The council's 6'2\" goalkeeper didn't play.")).toEqual([]);
  });

  it('GIVEN a quote over two paragraphs, reopened but not closed at the break THEN it is one quotation', () => {
    const text = '“We rebuilt the pier in a year.\n\n“Now we will rebuild the school,” the mayor said.';
    const [q, ...rest] = findQuotations(text);
    expect(rest).toEqual([]);
    expect(q?.start).toBe(0);
    expect(text.slice(q?.start, q?.end)).toContain('school,”');
    expect(q?.text).toBe('We rebuilt the pier in a year.\nNow we will rebuild the school,');
  });

  it('GIVEN a quote left open at the end of the text THEN it runs to the end and is flagged unclosed', () => {
    const text = 'The minister said: “We will not give up the harbor';
    const [q] = findQuotations(text);
    expect(q?.unclosed).toBe(true);
    expect(q?.end).toBe(text.length);
    expect(q?.text).toBe('We will not give up the harbor');
  });

  it('GIVEN mismatched marks (straight open, curly close) THEN they still pair', () => {
    const text = 'He said "the vote was fair” and left.';
    expect(spans(text)).toEqual(['"the vote was fair”']);
  });

  it('GIVEN a quote inside a quote with double marks THEN the outer quote holds it', () => {
    const text = '“She calls it “the long winter” and smiles,” he said.';
    expect(spans(text)).toEqual(['“She calls it “the long winter” and smiles,”']);
  });

  it('GIVEN an opening mark never closed before quotes of its own THEN the stray mark is dropped', () => {
    const text = '"The crowd cheered, chanting “Go Lakeport!” as the band played.';
    expect(spans(text)).toEqual(['“Go Lakeport!”']);
  });
});
