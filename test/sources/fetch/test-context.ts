import {
  createFetchContext,
  type FetchContext,
  type FetchContextOptions,
} from '../../../src/sources/fetch/context.js';
import type { FeedFetchResult } from '../../../src/sources/fetch/fetch-feed.js';
import type { ParsedFeed } from '../../../src/sources/feed/types.js';

/** A fetch context for tests: 127.0.0.1 allowlisted, short timeouts, small caps. */
export function testContext(options: FetchContextOptions = {}): FetchContext {
  return createFetchContext({
    allowlist: ['127.0.0.1'],
    ...options,
    limits: {
      connectTimeoutMs: 1_000,
      headersTimeoutMs: 1_000,
      totalTimeoutMs: 2_000,
      maxBodyBytes: 1024 * 1024,
      maxDecodedBytes: 2 * 1024 * 1024,
      ...options.limits,
    },
  });
}

/** The parsed feed of a successful, modified fetch; fails the test otherwise. */
export function parsedFeed(result: FeedFetchResult): ParsedFeed {
  if (!result.ok) throw new Error(`expected a feed, got ${result.error.code}: ${result.error.message}`);
  if (result.notModified) throw new Error('expected a feed, got 304 not modified');
  return result.feed;
}
