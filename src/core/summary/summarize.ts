import { scoreSentences, type ScoredSentence, type SentencedArticle } from './score.js';

export type { SentencedArticle } from './score.js';

/** Share of the candidate's (or the chosen sentence's, if smaller) topic words already said. */
function overlap(candidate: readonly number[], said: ReadonlySet<number>): number {
  if (candidate.length === 0 || said.size === 0) return 0;
  let hit = 0;
  for (const id of candidate) if (said.has(id)) hit++;
  return hit / Math.min(candidate.length, said.size);
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
  // The words of each chosen sentence: redundancy is measured against each, not their union.
  const said: Set<number>[] = [];
  while (chosen.length < count && pool.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    const furnitureOnly = pool.every((c) => c.furniture);
    pool.forEach((c, k) => {
      if (c.furniture && !furnitureOnly) return;
      let redundancy = 0;
      for (const words of said) redundancy = Math.max(redundancy, overlap(c.bag, words));
      const value = c.score * (1 - redundancy);
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    });
    const [pick] = pool.splice(best, 1);
    if (!pick) break;
    chosen.push(pick);
    said.push(new Set(pick.bag));
  }
  return chosen.sort((a, b) => a.index - b.index).map((c) => article.sentences[c.index] ?? '');
}
