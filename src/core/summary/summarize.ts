import { scoreSentences, type ScoredSentence, type SentencedArticle } from './score.js';

export type { SentencedArticle } from './score.js';

/**
 * The `count` key sentences, in article order. Greedy maximal marginal relevance: each pick is
 * the sentence whose score, times the share of it that is new, is highest; a sentence that says
 * again what a chosen one said scores nothing. Redundancy is a candidate's largest overlap with any
 * one chosen sentence (shared topic words over the smaller sentence's count), updated after each
 * pick against that pick only. Captions are taken only when nothing else is left.
 */
export function summarize(article: SentencedArticle, count: number): string[] {
  const scored = scoreSentences(article);
  const pool: ScoredSentence[] = [];
  for (const s of scored) if (!s.furniture) pool.push(s);
  for (const s of scored) if (s.furniture) pool.push(s);
  const redundancy = new Float64Array(pool.length);
  let vocabulary = 0;
  for (const s of scored) for (const id of s.bag) if (id >= vocabulary) vocabulary = id + 1;
  const marks = new Uint8Array(vocabulary);
  const taken = new Uint8Array(pool.length);
  const chosen: ScoredSentence[] = [];
  while (chosen.length < count && chosen.length < pool.length) {
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < pool.length; k++) {
      const c = pool[k];
      if (!c || taken[k]) continue;
      // Captions sit at the end of the pool: reached only when every other sentence is taken.
      if (c.furniture && best >= 0) break;
      const value = c.score * (1 - (redundancy[k] ?? 0));
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    }
    const pick = pool[best];
    if (!pick) break;
    taken[best] = 1;
    chosen.push(pick);
    for (const id of pick.bag) marks[id] = 1;
    for (let k = 0; k < pool.length; k++) {
      const bag = pool[k]?.bag ?? [];
      if (taken[k] || bag.length === 0 || pick.bag.length === 0) continue;
      let hit = 0;
      for (let w = 0; w < bag.length; w++) hit += marks[bag[w] ?? 0] ?? 0;
      const overlap = hit / Math.min(bag.length, pick.bag.length);
      redundancy[k] = Math.max(redundancy[k] ?? 0, overlap);
    }
    for (const id of pick.bag) marks[id] = 0;
  }
  return chosen.sort((a, b) => a.index - b.index).map((c) => article.sentences[c.index] ?? '');
}
