import type { ClusterCandidate } from '../core/dedup/cluster.js';

/** How many articles sharing a MinHash band are checked exactly, the most bands in common first. */
export const MAX_BAND_CANDIDATES = 200;

/** A stored article found through a shared band, with what the exact check needs. */
export interface BandCandidate {
  readonly id: number;
  readonly storyId: number;
  readonly outlet: string;
  readonly terms: readonly string[];
  readonly countries: readonly string[];
}

/**
 * The exact check behind `ArticleRepo.similar`: counts the terms each candidate shares with the
 * query, keeps those with at least `minShared`, most shared first.
 */
export function checkCandidates(
  terms: readonly string[],
  candidates: readonly BandCandidate[],
  minShared: number,
  limit: number,
): ClusterCandidate[] {
  const wanted = new Set(terms);
  return candidates
    .map((c) => ({
      articleId: c.id,
      storyId: c.storyId,
      outlet: c.outlet,
      shared: c.terms.filter((t) => wanted.has(t)).length,
      termCount: c.terms.length,
      countries: c.countries,
    }))
    .filter((c) => c.shared >= Math.max(1, minShared))
    .sort((a, b) => b.shared - a.shared || a.articleId - b.articleId)
    .slice(0, limit);
}
