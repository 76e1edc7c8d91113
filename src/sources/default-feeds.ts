import { z } from 'zod';
import type { NewFeed, Store } from '../store/types.js';
import data from './default-feeds.json' with { type: 'json' };

const schema = z.object({
  feeds: z
    .array(
      z.object({
        url: z.url({ protocol: /^https?$/ }),
        title: z.string().min(1),
        region: z.string().regex(/^[a-z]+(-[a-z]+)*$/, 'a region slug'),
      }),
    )
    .min(1),
});

/** The public feeds per region a new store starts with (src/sources/default-feeds.json). */
export const DEFAULT_FEEDS: readonly NewFeed[] = schema.parse(data).feeds;

/** Adds the default feeds the first time a store is used; a no-op ever after. Returns how many were added. */
export function seedDefaultFeeds(store: Store, now: Date): Promise<number> {
  return store.feeds.seed(DEFAULT_FEEDS, now);
}
