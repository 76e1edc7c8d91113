import type { Feed, FeedUpdate } from '../../store/types.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { FetchError } from '../fetch/errors.js';
import { afterFailure, afterSuccess, DEFAULT_SCHEDULE } from './schedule.js';
import { storeItems, storeMessage, type StoredItems } from './store-items.js';
import type { FeedOutcome, PollDeps } from './types.js';

const EMPTY = { items: 0, newArticles: 0, newStories: 0, skipped: 0 };

/**
 * Fetches one feed (a conditional GET with its stored validators), stores its new items, and
 * schedules its next fetch. Never throws for a feed's fault: a failure is counted on the feed and
 * returned, so one bad feed never stops a pass.
 */
export async function pollFeed(feed: Feed, deps: PollDeps, now: Date): Promise<FeedOutcome> {
  const random = deps.random ?? Math.random;
  const schedule = deps.schedule ?? DEFAULT_SCHEDULE;
  const base = { feedId: feed.id, url: feed.url };
  const validators =
    feed.etag || feed.lastModified ? { etag: feed.etag, lastModified: feed.lastModified } : undefined;
  const res = await fetchFeed(feed.url, validators, deps.fetch, deps.work?.parseFeed);
  if (!res.ok) return failed(feed, res.error, deps, now);

  const hints = {
    maxAgeSeconds: res.maxAgeSeconds,
    ttlMinutes: res.notModified ? undefined : res.feed.ttlMinutes,
  };
  const update: FeedUpdate = {
    ...afterSuccess(feed, hints, now, random, schedule),
    etag: res.validators.etag,
    lastModified: res.validators.lastModified,
    ...(!res.notModified && feed.title === null && res.feed.title ? { title: res.feed.title } : {}),
  };
  if (res.notModified) {
    await deps.store.feeds.update(feed.id, update);
    return { ...base, ...EMPTY, status: 'not-modified', nextFetchAt: update.nextFetchAt! };
  }
  let counts: StoredItems;
  try {
    counts = await storeItems(feed, res.feed, deps, now);
  } catch (err) {
    return storeFailed(feed, err, update, deps);
  }
  const { unstored, complete, ...totals } = counts;
  // Items the store refused are named on the feed, which otherwise fetched fine. Items a budget left
  // unread come next time: no validators are kept, so the feed is fetched in full again.
  await deps.store.feeds.update(feed.id, {
    ...update,
    ...(unstored === null ? {} : { lastError: unstored }),
    ...(complete ? {} : { etag: null, lastModified: null }),
  });
  return { ...base, ...totals, status: 'ok', nextFetchAt: update.nextFetchAt! };
}

/**
 * The store failed while filing a feed's items (the database went away, a write was refused): the
 * error is recorded on the feed and the pass goes on. It is no fault of the feed, so it counts no
 * failure toward disabling it, and its validators are kept as they were, so the items come again.
 */
async function storeFailed(
  feed: Feed,
  err: unknown,
  update: FeedUpdate,
  deps: PollDeps,
): Promise<FeedOutcome> {
  const error = `store error: ${storeMessage(err)}`;
  const nextFetchAt = update.nextFetchAt!;
  await deps.store.feeds
    .update(feed.id, { lastError: error, lastFetchedAt: update.lastFetchedAt ?? null, nextFetchAt })
    .catch(() => undefined);
  return { feedId: feed.id, url: feed.url, ...EMPTY, status: 'failed', error, nextFetchAt };
}

async function failed(feed: Feed, error: FetchError, deps: PollDeps, now: Date): Promise<FeedOutcome> {
  const base = { feedId: feed.id, url: feed.url, ...EMPTY };
  // Our own host gate holding back a request (another feed of the host got a 429) is no fault of
  // this feed: it waits its turn without a failure counted.
  if (error.code === 'rate_limited' && error.status === undefined) {
    const at = error.retryAfter ?? new Date(now.getTime() + deps.fetch.limits.defaultRetryAfterMs);
    await deps.store.feeds.update(feed.id, { nextFetchAt: at });
    return { ...base, status: 'deferred', error: error.message, nextFetchAt: at };
  }
  const { disabled, ...update } = afterFailure(feed, error, now, deps.random ?? Math.random, deps.schedule);
  await deps.store.feeds.update(feed.id, update);
  if (disabled) return { ...base, status: 'disabled', error: update.disabledReason ?? error.message };
  return { ...base, status: 'failed', error: error.message, nextFetchAt: update.nextFetchAt! };
}
