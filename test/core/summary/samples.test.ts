import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../../src/core/analyze.js';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'articles');
const samples = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')] as const);

const FURNITURE =
  /»|PUBLISHED|UPDATED|Last updated|Source :|Share this|Print this|Tags:|Scroll down|\(pictured\)|^By /;

describe('analysis of the sample articles', () => {
  it('GIVEN the samples THEN there are at least five, from several regions', () => {
    expect(samples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(samples)(
    'GIVEN %s THEN the lede is the opening news sentence and never furniture',
    (_name, text) => {
      const a = analyzeArticle({ text });
      expect(a.lede).not.toMatch(FURNITURE);
      expect(a.lede).not.toMatch(/^["“'‘]/);
      expect(a.sentences.slice(0, 3)).toContain(a.lede);
      expect(a.lede.split(' ').length).toBeGreaterThan(12);
    },
  );

  it.each(samples)(
    'GIVEN %s THEN the summary has 3 distinct sentences in article order, none furniture',
    (_name, text) => {
      const a = analyzeArticle({ text });
      expect(a.summary).toHaveLength(3);
      expect(new Set(a.summary).size).toBe(3);
      const positions = a.summary.map((s) => a.sentences.indexOf(s));
      expect(positions.every((p) => p >= 0)).toBe(true);
      expect(positions).toEqual([...positions].sort((x, y) => x - y));
      for (const s of a.summary) expect(s).not.toMatch(FURNITURE);
    },
  );

  it.each(samples)('GIVEN %s and --sentences 5 THEN the summary has 5 sentences', (_name, text) => {
    expect(analyzeArticle({ text }, { sentences: 5 }).summary).toHaveLength(5);
  });

  it('GIVEN samples with a headline in the text THEN it is detected and kept out of the body', () => {
    const withTitle = samples.filter(([name]) => !name.includes('accra'));
    for (const [name, text] of withTitle) {
      const a = analyzeArticle({ text });
      expect(a.title, name).toMatch(/^[A-Z]/);
      expect(a.body.startsWith(a.title ?? '?'), name).toBe(false);
    }
  });
});
