import type { Feed } from '../../store/types.js';
import { pollFeed } from './poll-feed.js';
import type { FeedOutcome, PollDeps, PollSummary } from './types.js';

/** Options of one pass. */
export interface PollOptions {
  /** Poll every enabled feed, due or not (`newsdesk poll --all`). */
  readonly all?: boolean;
  /** The most feeds one pass takes (the most overdue first). */
  readonly limit?: number;
  /**
   * How long a due feed is held for this pass: other processes on the same store skip it meanwhile,
   * and it is due again after this if the pass dies (default 10 minutes).
   */
  readonly leaseMs?: number;
}

const DEFAULT_LIMIT = 100_000;
const DEFAULT_LEASE_MS = 10 * 60_000;

/**
 * One polling pass: every due feed (or every enabled one) is fetched, its new items analysed,
 * clustered into stories and stored, and its next fetch scheduled. Feeds run concurrently; the fetch
 * context keeps each host to its politeness limit. A feed's failure is recorded on it and in the
 * summary, never thrown.
 */
export async function pollOnce(deps: PollDeps, now: Date, options: PollOptions = {}): Promise<PollSummary> {
  const limit = options.limit ?? DEFAULT_LIMIT;
  const feeds: Feed[] = options.all
    ? (await deps.store.feeds.list()).filter((f) => f.enabled).slice(0, limit)
    : await deps.store.feeds.claimDue(
        now,
        new Date(now.getTime() + (options.leaseMs ?? DEFAULT_LEASE_MS)),
        limit,
      );
  const outcomes: FeedOutcome[] = new Array<FeedOutcome>(feeds.length);
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < feeds.length) {
      const i = next++;
      const feed = feeds[i]!;
      // pollFeed returns a feed's failures as values; a throw is a bug or the store going away,
      // and it still must not stop the other feeds of the pass.
      const outcome = await pollFeed(feed, deps, now).catch((err: unknown): FeedOutcome => ({
        feedId: feed.id,
        url: feed.url,
        status: 'failed',
        items: 0,
        newArticles: 0,
        newStories: 0,
        skipped: 0,
        error: `poll error: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`,
      }));
      outcomes[i] = outcome;
      done++;
      deps.onFeed?.(outcome, done, feeds.length);
    }
  };
  const workers = Math.max(
    1,
    Math.min(deps.concurrency ?? deps.fetch.limits.globalConcurrency, feeds.length),
  );
  await Promise.all(Array.from({ length: workers }, worker));
  return summarise(outcomes);
}

/** Totals of a pass's outcomes. */
export function summarise(outcomes: readonly FeedOutcome[]): PollSummary {
  const count = (status: FeedOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const sum = (pick: (o: FeedOutcome) => number) => outcomes.reduce((a, o) => a + pick(o), 0);
  return {
    feeds: outcomes.length,
    ok: count('ok'),
    notModified: count('not-modified'),
    failed: count('failed'),
    disabled: outcomes.filter((o) => o.status === 'disabled'),
    deferred: count('deferred'),
    newArticles: sum((o) => o.newArticles),
    newStories: sum((o) => o.newStories),
    skipped: sum((o) => o.skipped),
    outcomes,
  };
}
