import type { Store, Story, StoryQuery } from '../store/types.js';

/**
 * The store as digest composition sees it: the same story query within `ttlMs` is read once. A
 * batch of 10,000 digests of one region at 08:00 asks the same question 10,000 times; the answers
 * differ per subscription only by what each has had, which the delivery log decides, not the query.
 * Its `since` is rounded down to the minute, so that queries a few seconds apart are the same one
 * (a story from that minute seen again is filtered out by the delivery log).
 */
export function withStoryCache(store: Store, ttlMs: number, now: () => number = () => Date.now()): Store {
  const cache = new Map<string, { until: number; stories: Promise<Story[]> }>();
  const stories = (query: StoryQuery): Promise<Story[]> => {
    const since = query.since ? new Date(Math.floor(query.since.getTime() / 60_000) * 60_000) : undefined;
    const rounded: StoryQuery = { ...query, ...(since ? { since } : {}) };
    const key = JSON.stringify(rounded);
    const at = now();
    const hit = cache.get(key);
    if (hit && hit.until > at) return hit.stories;
    if (cache.size > 1000) for (const [k, v] of cache) if (v.until <= at) cache.delete(k);
    const read = store.articles.stories(rounded);
    cache.set(key, { until: at + ttlMs, stories: read });
    read.catch(() => cache.delete(key));
    return read;
  };
  return { ...store, articles: { ...store.articles, stories } };
}
