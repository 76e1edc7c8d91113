import { describe, expect, it } from 'vitest';
import { chooseLede } from '../../../src/core/summary/lede.js';

describe('chooseLede', () => {
  it('GIVEN a news story THEN the lede is its first statement', () => {
    const sentences = [
      'The council voted on Tuesday to spend 40 million crowns repairing the Old Mill bridge.',
      'The vote passed 9-2 after a three-hour debate.',
    ];
    expect(chooseLede({ title: null, sentences })).toBe(sentences[0]);
  });

  it('GIVEN a leftover headline, a caption, a question and a quotation first THEN the lede is the first real news sentence', () => {
    const sentences = [
      'Bridge Repairs Approved After Long Debate In Lakeport Council Chamber',
      'Repairs: Workers inspect the cracked supports of the Old Mill bridge .',
      'Who will pay for the new bridge over the river?',
      '"We cannot wait any longer for this bridge," the mayor said.',
      'Short teaser here.',
      'The council voted on Tuesday to spend 40 million crowns repairing the Old Mill bridge.',
    ];
    expect(
      chooseLede({
        title: 'Bridge Repairs Approved After Long Debate In Lakeport Council Chamber',
        sentences,
      }),
    ).toBe(sentences[5]);
  });

  it('GIVEN only short sentences THEN the first one is the lede rather than nothing', () => {
    expect(chooseLede({ title: null, sentences: ['The council met.', 'It voted.'] })).toBe(
      'The council met.',
    );
  });

  it('GIVEN no sentences THEN the lede is empty', () => {
    expect(chooseLede({ title: null, sentences: [] })).toBe('');
  });
});

describe('chooseLede with a teaser opening', () => {
  it('GIVEN a first sentence that leans on a pronoun THEN the next self-contained statement is the lede', () => {
    const sentences = [
      "He's been accused of wearing the same shoes on every holiday for years.",
      'Prime Minister Ana Lund was photographed on Monday in the loafers she wore in Portugal last summer.',
    ];
    expect(chooseLede({ title: null, sentences })).toBe(sentences[1]);
  });

  it('GIVEN only teasers THEN the first of them is still the lede', () => {
    const sentences = [
      'It was the moment every pet owner dreads in the small town.',
      'They said goodbye on a sunny afternoon.',
    ];
    expect(chooseLede({ title: null, sentences })).toBe(sentences[0]);
  });
});
