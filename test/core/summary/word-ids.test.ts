import { describe, expect, it } from 'vitest';
import { WordIds } from '../../../src/core/summary/word-ids.js';

/** What the bags must be: ids dense in order of first use, once per sentence, and sentence counts. */
function reference(sentences: number[][]): { ids: number[][]; df: number[] } {
  const idOf = new Map<number, number>();
  const df: number[] = [];
  const ids = sentences.map((words) => {
    const seen = new Set<number>();
    const out: number[] = [];
    for (const w of words) {
      if (!idOf.has(w)) idOf.set(w, idOf.size);
      const id = idOf.get(w)!;
      if (seen.has(id)) continue;
      seen.add(id);
      df[id] = (df[id] ?? 0) + 1;
      out.push(id);
    }
    return out;
  });
  return { ids, df };
}

function bags(wordIds: WordIds, sentences: number[][]): { ids: number[][]; df: number[] } {
  wordIds.reset();
  const ids = new Int32Array(100_000);
  const df = new Int32Array(100_000).fill(7); // stale counts from an earlier article
  let used = 0;
  const out: number[][] = [];
  sentences.forEach((words, s) => {
    const from = used;
    used = wordIds.addSentence(Int32Array.from(words), words.length, s, ids, used, df);
    out.push(Array.from(ids.subarray(from, used)));
  });
  return { ids: out, df: Array.from(df.subarray(0, wordIds.size)) };
}

describe('WordIds.addSentence', () => {
  it('gives dense ids in order of first use, each once per sentence, and counts sentences', () => {
    const sentences = [
      [11, 22, 11, 33],
      [22, 44, 22],
      [55, 11, 44, 11],
    ];
    const wordIds = new WordIds();
    expect(bags(wordIds, sentences)).toEqual(reference(sentences));
    // A second article reuses the table: nothing of the first leaks into it.
    const next = [[44, 99], [99], [22, 11]];
    expect(bags(wordIds, next)).toEqual(reference(next));
  });

  it('stays right while its table grows (thousands of words, colliding low bits)', () => {
    const sentences = Array.from({ length: 60 }, (_, s) =>
      Array.from({ length: 80 }, (_, k) => ((s * 37 + k * 11) % 3000) * 1024 + (k % 3)),
    );
    expect(bags(new WordIds(), sentences)).toEqual(reference(sentences));
  });
});
