import { describe, expect, it } from 'vitest';
import { analyzeArticle } from '../../src/core/analyze.js';
import type { ArticleInput } from '../../src/core/types.js';
import { work } from '../../src/core/work.js';

// Inputs that once made a pass of the analysis quadratic (or would): each is analysed at two sizes,
// and the work, counted in steps by the passes themselves (not timed), must about double.

const SIZE = 32_000;

/** `unit` repeated to about `size` characters. */
const repeat = (unit: string, size: number): string => unit.repeat(Math.ceil(size / unit.length));

/** A distinct capitalised word for each number: Ba, Ca, ..., Bab... */
function nameWord(i: number): string {
  let s = '';
  for (let k = i; ; k = Math.floor(k / 20)) {
    s += 'bcdfghjklmnprstvwxyz'.charAt(k % 20) + 'aeiou'.charAt(k % 5);
    if (k < 20) break;
  }
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Sentences made by `make(i)` for i = 0, 1, ... up to about `size` characters. */
function numbered(size: number, make: (i: number) => string): string {
  let text = '';
  for (let i = 0; text.length < size; i++) text += make(i);
  return text;
}

const SHAPES: [string, (size: number) => ArticleInput][] = [
  ['quote-dense text ("a b" said "c d, repeated)', (n) => ({ text: repeat('"a b" said "c d ', n) })],
  ['abbreviations (Mr. Dr. St. U.S., repeated)', (n) => ({ text: repeat('Mr. Dr. St. U.S. ', n) })],
  ['opening marks that never close ("a "a "a)', (n) => ({ text: repeat('"a ', n) })],
  ['curly marks nested and misspaced', (n) => ({ text: repeat('“a “b ”c ” ', n) })],
  ['a run of one-letter capitals (A B C D E F)', (n) => ({ text: repeat('A B C D E F ', n) })],
  ['a long run with no sentence end', (n) => ({ text: repeat('word ', n) })],
  [
    'a huge headline over a body of quotes',
    (n) => ({
      title: numbered(n, (i) => `Word${i} `),
      text: repeat('Ann Lee said "one two three four five six seven eight nine." ', n),
    }),
  ],
  [
    'many people, each quoted, then he and she',
    (n) => ({
      text: numbered(n, (i) => `John ${nameWord(i)} said "x y z w." He said "a b c d." She said "e f." `),
    }),
  ],
  [
    'many title holders, then "the mayor said"',
    (n) => ({
      text: numbered(n, (i) => `Mayor Ann ${nameWord(i)} spoke. "x y z w," the mayor said. `),
    }),
  ],
  [
    'many people sharing a surname',
    (n) => ({ text: numbered(n, (i) => `${nameWord(i)} Smith said "a b." `) }),
  ],
  [
    'groups that speak, then "they" and "it"',
    (n) => ({
      text: repeat('"x y z," they said. Officials said the plan "was fine," it said. ', n),
    }),
  ],
  [
    'many owners with possessives',
    (n) => ({
      text: numbered(n, (i) => `${nameWord(i)}'s Ann Lee and ${nameWord(i)}'s chief said so. `),
    }),
  ],
  [
    'headline-like lines and nothing else',
    (n) => ({
      text: numbered(n, (i) => `Big News About ${nameWord(i)}\n`),
    }),
  ],
  ['paragraphs ending in a colon before a quote', (n) => ({ text: repeat('He said:\n\n"a b c d"\n\n', n) })],
];

function stepsOf(input: ArticleInput): number {
  work.steps = 0;
  analyzeArticle(input);
  return work.steps;
}

describe('the analysis does work linear in its input', () => {
  for (const [shape, make] of SHAPES) {
    it(`GIVEN ${shape}, doubled THEN the work about doubles`, () => {
      const once = stepsOf(make(SIZE));
      const twice = stepsOf(make(2 * SIZE));
      // the passes count what they read: at least the text once
      expect(once).toBeGreaterThanOrEqual(SIZE);
      expect(twice / once).toBeGreaterThan(1.8);
      expect(twice / once).toBeLessThan(2.2);
    });
  }
});
