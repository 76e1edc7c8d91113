import { describe, expect, it } from 'vitest';
import { sortShort } from '../../../src/core/text/sort-short.js';

/** A small deterministic generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

describe('sortShort', () => {
  it('orders as the native stable sort does, ties kept in their order, at every length up to and past its limit', () => {
    const next = random(7);
    for (let length = 0; length <= 40; length++) {
      for (let trial = 0; trial < 20; trial++) {
        // few distinct scores, so that ties are common; `i` tells equal elements apart
        const items = Array.from({ length }, (_, i) => ({ score: Math.floor(next() * 4), i }));
        const byScore = (a: { score: number }, b: { score: number }): number => b.score - a.score;
        expect(sortShort([...items], byScore)).toEqual([...items].sort(byScore));
      }
    }
  });

  it('sorts in place and returns the array, as `sort` does', () => {
    const numbers = [5, 3, 9, 1];
    expect(sortShort(numbers, (a, b) => a - b)).toBe(numbers);
    expect(numbers).toEqual([1, 3, 5, 9]);
  });
});
