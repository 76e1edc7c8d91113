import { scoreSentences, type ScoredSentence, type SentencedArticle } from './score.js';

export type { SentencedArticle } from './score.js';

/** Share of the candidate's (or the chosen sentence's, if smaller) topic words already said. */
function overlap(candidate: readonly number[], said: Uint8Array, saidSize: number): number {
  if (candidate.length === 0 || saidSize === 0) return 0;
  let hit = 0;
  for (const id of candidate) hit += said[id] ?? 0;
  return hit / Math.min(candidate.length, saidSize);
}

/**
 * The `count` key sentences, in article order. Greedy maximal marginal relevance: each pick is
 * the sentence whose score, times the share of it that is new, is highest; a sentence that says
 * again what a chosen one said scores nothing. Captions are taken only when nothing else is left.
 */
export function summarize(article: SentencedArticle, count: number): string[] {
  const scored = scoreSentences(article);
  const pool = [...scored.filter((s) => !s.furniture), ...scored.filter((s) => s.furniture)];
  const chosen: ScoredSentence[] = [];
  const vocabulary = scored.reduce((m, s) => s.bag.reduce((k, id) => Math.max(k, id + 1), m), 0);
  // One marker array per chosen sentence: redundancy is measured against each, not their union.
  const said: Uint8Array[] = [];
  while (chosen.length < count && pool.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    const furnitureOnly = pool.every((c) => c.furniture);
    pool.forEach((c, k) => {
      if (c.furniture && !furnitureOnly) return;
      let redundancy = 0;
      said.forEach((marks, k) => {
        redundancy = Math.max(redundancy, overlap(c.bag, marks, chosen[k]?.bag.length ?? 0));
      });
      const value = c.score * (1 - redundancy);
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    });
    const [pick] = pool.splice(best, 1);
    if (!pick) break;
    chosen.push(pick);
    const marks = new Uint8Array(vocabulary);
    for (const id of pick.bag) marks[id] = 1;
    said.push(marks);
  }
  return chosen.sort((a, b) => a.index - b.index).map((c) => article.sentences[c.index] ?? '');
}
