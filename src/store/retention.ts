import { DEFAULT_CLUSTER_OPTIONS } from '../core/dedup/cluster.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** How long a queued story that a digest did not carry stays queued (the next digest starts later). */
export const PENDING_EXPIRY_HOURS = 48;

/** Rows one delete statement removes at most: short statements, so readers and writers never wait long. */
export const PRUNE_BATCH = 500;

/** What `Store.prune` deletes: everything older than these times. */
export interface PruneCutoffs {
  /** Stories that broke before it and have no article since, with their articles and deliveries. */
  readonly stories: Date;
  /**
   * The near-duplicate index (MinHash bands) of articles seen before it: a look-up only ever reads
   * the clustering window around a new article, so older bands are dead weight.
   */
  readonly bands: Date;
  /** Stories queued for a subscription before it and never sent: the digest did not carry them. */
  readonly pending: Date;
  /** Digest slots due before it and finished (sent, skipped or failed). */
  readonly slots: Date;
}

/** What a prune deleted. */
export interface PruneReport {
  readonly stories: number;
  readonly bands: number;
  readonly pending: number;
  readonly slots: number;
}

/**
 * The cutoffs for a retention window of `days` (NEWSDESK_RETENTION_DAYS) at `now`: bands are kept
 * for twice the clustering window, whatever the retention.
 */
export function pruneCutoffs(
  now: Date,
  days: number,
  windowHours: number = DEFAULT_CLUSTER_OPTIONS.windowHours,
): PruneCutoffs {
  const at = now.getTime();
  const window = new Date(at - days * DAY_MS);
  const bands = new Date(Math.max(at - 2 * windowHours * HOUR_MS, window.getTime()));
  return {
    stories: window,
    bands,
    pending: new Date(at - PENDING_EXPIRY_HOURS * HOUR_MS),
    slots: window,
  };
}

/** The key in `store_meta` under which a store records up to when bands were pruned. */
export const BANDS_PRUNED_KEY = 'bands_pruned_before';

/** How much time one band delete covers: about an hour of articles' bands a statement. */
export const BAND_SLICE_MS = HOUR_MS;
