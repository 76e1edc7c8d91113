import { scoreSentences, type ScoredSentence, type SentencedArticle } from './score.js';

export type { SentencedArticle } from './score.js';

/** Share of the smaller sentence's topic words that the other also has. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let hit = 0;
  for (const w of a) if (b.has(w)) hit++;
  return hit / Math.min(a.size, b.size);
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
  while (chosen.length < count && pool.length > 0) {
    let best = 0;
    let bestValue = -Infinity;
    const furnitureOnly = pool.every((c) => c.furniture);
    pool.forEach((c, k) => {
      if (c.furniture && !furnitureOnly) return;
      const redundancy = chosen.reduce((m, s) => Math.max(m, overlap(c.bag, s.bag)), 0);
      const value = c.score * (1 - redundancy);
      if (value > bestValue) {
        bestValue = value;
        best = k;
      }
    });
    const [pick] = pool.splice(best, 1);
    if (pick) chosen.push(pick);
  }
  return chosen.sort((a, b) => a.index - b.index).map((c) => article.sentences[c.index] ?? '');
}
