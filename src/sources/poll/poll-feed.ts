import { fileArticle, type FileResult } from '../../store/file-article.js';
import type { Feed, FeedUpdate, NewArticle } from '../../store/types.js';
import { fetchFeed } from '../fetch/fetch-feed.js';
import type { FetchError } from '../fetch/errors.js';
import type { ParsedFeed } from '../feed/types.js';
import { readItem } from './read-item.js';
import { afterFailure, afterSuccess, DEFAULT_SCHEDULE } from './schedule.js';
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
  const res = await fetchFeed(feed.url, validators, deps.fetch);
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
  let counts: Awaited<ReturnType<typeof storeItems>>;
  try {
    counts = await storeItems(feed, res.feed, deps, now);
  } catch (err) {
    return storeFailed(feed, err, update, deps);
  }
  const { unstored, ...totals } = counts;
  // Items the store refused are named on the feed, which otherwise fetched fine.
  await deps.store.feeds.update(feed.id, unstored === null ? update : { ...update, lastError: unstored });
  return { ...base, ...totals, status: 'ok', nextFetchAt: update.nextFetchAt! };
}

/** A store error's message, short: enough to tell a person what went wrong with the feed. */
function storeMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 200);
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

async function storeItems(feed: Feed, parsed: ParsedFeed, deps: PollDeps, now: Date) {
  let newArticles = 0;
  let newStories = 0;
  let skipped = 0;
  const source = feed.title ?? parsed.title;
  // First read every new item (page fetches, analysis), then file them all in one store batch:
  // the batch then holds no network waits, and the feed's articles share one commit.
  const toFile: NewArticle[] = [];
  for (const item of parsed.items) {
    const url = item.url;
    if (!url) {
      skipped++;
      continue;
    }
    // Known already (same canonical URL, or same GUID in this feed): no page fetch, no analysis.
    if (await deps.store.articles.find(url, item.guid, feed.id)) continue;
    const read = await readItem(item, deps);
    if (!read.ok) {
      skipped++;
      continue;
    }
    toFile.push({
      url,
      guid: item.guid,
      feedId: feed.id,
      source,
      publishedAt: item.publishedAt,
      fetchedAt: now,
      analysis: read.analysis,
    });
  }
  let unstored: string | null = null;
  // One after another, so that each article is clustered against those filed before it. An article
  // the store refuses is skipped with its reason; the feed's other articles are still filed.
  const fileAll = async () => {
    const results: FileResult[] = [];
    for (const article of toFile) {
      try {
        results.push(await fileArticle(deps.store, article));
      } catch (err) {
        unstored ??= `an item could not be stored: ${storeMessage(err)}`;
        results.push({ kind: 'invalid', reason: unstored });
      }
    }
    return results;
  };
  const filed = toFile.length === 0 ? [] : await (deps.store.batch ? deps.store.batch(fileAll) : fileAll());
  for (const result of filed) {
    if (result.kind === 'stored') {
      newArticles++;
      if (!result.joined) newStories++;
    } else if (result.kind === 'invalid') skipped++;
  }
  return {
    items: parsed.items.length,
    newArticles,
    newStories,
    skipped,
    unstored: unstored as string | null,
  };
}
