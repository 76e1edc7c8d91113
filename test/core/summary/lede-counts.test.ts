import { describe, expect, it } from 'vitest';
import { chooseLede } from '../../../src/core/summary/lede.js';
import { scoreSentences } from '../../../src/core/summary/score.js';
import { wordCount } from '../../../src/core/summary/tokens.js';

describe('chooseLede with the scoring scan word counts', () => {
  const sentences = [
    'Short teaser here.',
    '“Is this the end?” asked the mayor of the small coastal town last week.',
    'He said the bridge would close for repairs on Monday, costing the city millions.',
    'The council of Lakeport voted 9-2 on Tuesday to spend 40 million crowns on the Old Mill bridge.',
    'Priština’s mayor, Përparim Rama, said the works — due in 2025 — were overdue.',
  ];
  const article = { title: 'Bridge repairs approved', sentences };

  it('GIVEN the scores of an article THEN their word counts are wordCount of each sentence', () => {
    const { words } = scoreSentences(article);
    expect(sentences.map((_, k) => words[k])).toEqual(sentences.map(wordCount));
  });

  it('GIVEN the word counts THEN the lede is the one chosen without them', () => {
    expect(chooseLede(article, scoreSentences(article).words)).toBe(chooseLede(article));
  });
});
