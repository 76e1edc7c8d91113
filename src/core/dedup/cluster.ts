import { jaccard } from './terms.js';

/**
 * Near-duplicate clustering: an incoming article joins the story of the most similar recent article
 * (token-set Jaccard of headline and lede terms), or starts a new story.
 */

/** An earlier article that shares terms with the incoming one, as the store finds it. */
export interface ClusterCandidate {
  readonly articleId: number;
  readonly storyId: number;
  readonly outlet: string;
  /** How many terms it shares with the incoming article. */
  readonly shared: number;
  /** How many terms it has in all. */
  readonly termCount: number;
  readonly countries: readonly string[];
}

/** The incoming article, as far as clustering needs it. */
export interface ClusterSubject {
  readonly termCount: number;
  readonly outlet: string;
  readonly countries: readonly string[];
}

/** Thresholds; the defaults are set by the tests in test/core/dedup. */
export interface ClusterOptions {
  /** Jaccard needed between articles of different outlets. */
  readonly threshold: number;
  /**
   * Jaccard needed within one outlet: an outlet's follow-up on yesterday's story is news, so only a
   * near-verbatim republication (a changed URL) joins the earlier story.
   */
  readonly sameOutletThreshold: number;
  /** Fewer shared terms than this is coincidence, however short the headlines. */
  readonly minShared: number;
  /** How far apart in time two articles of one story may be. */
  readonly windowHours: number;
}

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = {
  threshold: 0.3,
  sameOutletThreshold: 0.7,
  minShared: 4,
  windowHours: 48,
};

/** The fewest shared terms a candidate needs to reach the threshold: a filter for the store's query. */
export function minSharedTerms(termCount: number, options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS): number {
  // With a candidate no larger than the shared part, Jaccard = shared / termCount: the best case.
  return Math.max(options.minShared, Math.ceil(options.threshold * termCount));
}

/** The story the subject belongs to, or `null` when it is a new story. */
export function pickStory(
  subject: ClusterSubject,
  candidates: readonly ClusterCandidate[],
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): number | null {
  let best: { storyId: number; score: number } | null = null;
  for (const c of candidates) {
    if (c.shared < options.minShared) continue;
    // Two reports about different countries are different stories, however alike their wording.
    if (
      subject.countries.length > 0 &&
      c.countries.length > 0 &&
      !c.countries.some((x) => subject.countries.includes(x))
    )
      continue;
    const score = jaccard(c.shared, subject.termCount, c.termCount);
    const needed = c.outlet === subject.outlet ? options.sameOutletThreshold : options.threshold;
    if (score < needed) continue;
    if (!best || score > best.score || (score === best.score && c.storyId < best.storyId)) {
      best = { storyId: c.storyId, score };
    }
  }
  return best?.storyId ?? null;
}
