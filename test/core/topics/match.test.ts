import { describe, expect, it } from 'vitest';
import { matchTopic, type TopicArticle } from '../../../src/core/topics/match.js';
import { compilePhrase, phraseOccurs, words, type Meter } from '../../../src/core/topics/phrase.js';
import type { Topic } from '../../../src/core/types.js';

const article = (body: string, regions: string[] = [], title: string | null = null): TopicArticle => ({
  title,
  body,
  regions,
});
const topic = (t: Partial<Topic>): Topic => ({ name: 't', include: [], exclude: [], regions: [], ...t });

describe('matchTopic', () => {
  const story = article('Voters in Priština went to the polls as the election campaign closed.', ['balkans']);

  it('GIVEN an include phrase in the text THEN it matches and says which phrase', () => {
    expect(matchTopic(story, topic({ include: ['polls'] }))).toEqual({
      matched: true,
      reason: 'phrase',
      phrase: 'polls',
    });
  });

  it('GIVEN a multi-word phrase THEN its words must be adjacent and in order', () => {
    expect(matchTopic(story, topic({ include: ['election campaign'] })).matched).toBe(true);
    expect(matchTopic(story, topic({ include: ['campaign election'] })).matched).toBe(false);
  });

  it('GIVEN a different case or diacritics THEN it still matches (Pristina = Priština)', () => {
    expect(matchTopic(story, topic({ include: ['PRISTINA'] })).matched).toBe(true);
    expect(matchTopic(article('Police in Pristina'), topic({ include: ['Priština'] })).matched).toBe(true);
  });

  it('GIVEN a part of a word THEN no match: whole words only', () => {
    expect(matchTopic(story, topic({ include: ['elect'] })).matched).toBe(false);
    expect(matchTopic(story, topic({ include: ['poll'] })).reason).toBe('no-phrase');
  });

  it('GIVEN a wildcard THEN it matches any word with that start', () => {
    expect(matchTopic(story, topic({ include: ['elect*'] }))).toMatchObject({
      matched: true,
      phrase: 'elect*',
    });
    expect(matchTopic(story, topic({ include: ['elect* camp*'] })).matched).toBe(true);
    expect(matchTopic(story, topic({ include: ['vote*'] })).matched).toBe(true);
  });

  it('GIVEN an exclude phrase in the text THEN it vetoes and says which', () => {
    expect(matchTopic(story, topic({ include: ['election'], exclude: ['polls'] }))).toEqual({
      matched: false,
      reason: 'excluded',
      phrase: 'polls',
    });
  });

  it('GIVEN regions THEN an article outside them is refused with the reason', () => {
    expect(matchTopic(story, topic({ include: ['election'], regions: ['sahel'] }))).toEqual({
      matched: false,
      reason: 'region',
      wanted: ['sahel'],
    });
    expect(matchTopic(story, topic({ include: ['election'], regions: ['sahel', 'balkans'] })).matched).toBe(
      true,
    );
  });

  it('GIVEN no include phrase THEN every article in the regions matches', () => {
    expect(matchTopic(story, topic({ regions: ['balkans'] }))).toEqual({ matched: true, reason: 'any' });
  });

  it('GIVEN regex syntax in a phrase THEN it is matched as words, never run', () => {
    // As a regex this would match "ab"; as words it needs "a" then "b".
    expect(matchTopic(article('ab'), topic({ include: ['(a|b)+$'] })).matched).toBe(false);
    expect(matchTopic(article('the a b word'), topic({ include: ['(a|b)'] })).matched).toBe(true);
  });

  it('GIVEN the headline holds the phrase THEN it matches', () => {
    expect(
      matchTopic(article('Body text.', [], 'Floods in Sahel'), topic({ include: ['floods'] })).matched,
    ).toBe(true);
  });
});

describe('matching cost on hostile input', () => {
  // The classic ReDoS shape: many overlapping wildcards over a long run of near-matches.
  const hostile = compilePhrase('a* a* a* a* a* b');
  const count = (n: number): number => {
    const meter: Meter = { steps: 0 };
    expect(phraseOccurs(words('aaaa '.repeat(n)), hostile, meter)).toBe(false);
    return meter.steps;
  };

  it('GIVEN a hostile pattern THEN work grows linearly with the text, bounded by words × terms', () => {
    const small = count(1_000);
    const large = count(8_000);
    expect(small).toBeLessThanOrEqual(1_000 * 6);
    expect(large).toBeLessThanOrEqual(8_000 * 6);
    expect(large / small).toBeLessThan(8.1);
  });

  it('GIVEN matchTopic with many hostile phrases THEN the meter stays within words × total terms', () => {
    const meter: Meter = { steps: 0 };
    const body = 'aaaa '.repeat(5_000);
    const t = topic({ include: Array.from({ length: 30 }, () => 'a* a* a* a* a* b') });
    expect(matchTopic(article(body), t, meter).matched).toBe(false);
    expect(meter.steps).toBeLessThanOrEqual(5_000 * 6 * 30);
  });
});
