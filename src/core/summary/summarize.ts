import { scoreSentences, type ArticleScores, type SentencedArticle } from './score.js';

export type { SentencedArticle } from './score.js';

/** Per-sentence and per-word arrays reused from call to call (grown when an article needs more). */
let pool = new Int32Array(64);
let redundancy = new Float64Array(64);
let taken = new Uint8Array(64);
let marks = new Uint8Array(1024);

/**
 * The `count` key sentences, in article order. Greedy maximal marginal relevance: each pick is
 * the sentence whose score, times the share of it that is new, is highest; a sentence that says
 * again what a chosen one said scores nothing. Redundancy is a candidate's largest overlap with any
 * one chosen sentence (shared topic words over the smaller sentence's count), updated after each
 * pick against that pick only. Captions are taken only when nothing else is left.
 */
export function summarize(article: SentencedArticle, count: number): string[] {
  return summarizeScored(article, scoreSentences(article), count);
}

/** `summarize` from the article's scores, for a caller that also reads them (the lede's word counts). */
export function summarizeScored(article: SentencedArticle, scores: ArticleScores, count: number): string[] {
  const { length, score, furniture, bagStart, ids, vocabulary } = scores;
  if (pool.length < length) {
    pool = new Int32Array(2 * length);
    redundancy = new Float64Array(2 * length);
    taken = new Uint8Array(2 * length);
  }
  if (marks.length < vocabulary) marks = new Uint8Array(2 * vocabulary);
  redundancy.fill(0, 0, length);
  taken.fill(0, 0, length);
  // The candidates in the order they are weighed: sentences first, captions after them.
  let size = 0;
  for (let s = 0; s < length; s++) if (furniture[s] === 0) pool[size++] = s;
  for (let s = 0; s < length; s++) if (furniture[s] === 1) pool[size++] = s;
  let chosen = 0;
  while (chosen < count && chosen < length) {
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < length; k++) {
      const s = pool[k] ?? 0;
      if (taken[s]) continue;
      // Captions sit at the end of the pool: reached only when every other sentence is taken.
      if (furniture[s] && best >= 0) break;
      const value = (score[s] ?? 0) * (1 - (redundancy[s] ?? 0));
      if (value > bestValue) {
        bestValue = value;
        best = s;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    chosen++;
    addRedundancy(best, length, bagStart, ids);
  }
  // The taken sentences in article order: a walk over the flags, no sort (which allocates).
  const summary: string[] = [];
  for (let s = 0; s < length; s++) if (taken[s] === 1) summary.push(article.sentences[s] ?? '');
  return summary;
}

/** Raises each candidate's redundancy to its overlap with the sentence just picked. */
function addRedundancy(pick: number, length: number, bagStart: Int32Array, ids: Int32Array): void {
  const pickFrom = bagStart[pick] ?? 0;
  const pickTo = bagStart[pick + 1] ?? 0;
  if (pickTo === pickFrom) return;
  for (let w = pickFrom; w < pickTo; w++) marks[ids[w] ?? 0] = 1;
  for (let s = 0; s < length; s++) {
    const from = bagStart[s] ?? 0;
    const to = bagStart[s + 1] ?? 0;
    if (taken[s] || to === from) continue;
    let hit = 0;
    for (let w = from; w < to; w++) hit += marks[ids[w] ?? 0] ?? 0;
    const overlap = hit / Math.min(to - from, pickTo - pickFrom);
    redundancy[s] = Math.max(redundancy[s] ?? 0, overlap);
  }
  for (let w = pickFrom; w < pickTo; w++) marks[ids[w] ?? 0] = 0;
}
