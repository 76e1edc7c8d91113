import type { FetchError } from '../fetch/errors.js';
import type { Feed, FeedUpdate } from '../../store/types.js';

/** How often feeds are polled, and how failures slow and finally stop them. */
export interface ScheduleOptions {
  /** Never poll a feed more often than this, whatever it or its server says. */
  readonly floorSeconds: number;
  /** Never poll a healthy feed less often than this, however long its TTL or max-age. */
  readonly ceilingSeconds: number;
  /** Jitter as a fraction of the interval, either way, so feeds added together spread out. */
  readonly jitter: number;
  /** The longest wait after failures (exponential backoff stops growing here). */
  readonly maxBackoffSeconds: number;
  /** Consecutive failures after which a feed is disabled. */
  readonly disableAfter: number;
  /** Consecutive permanent failures (404, 410, not a feed) after which a feed is disabled. */
  readonly disablePermanentAfter: number;
}

export const DEFAULT_SCHEDULE: ScheduleOptions = {
  floorSeconds: 5 * 60,
  ceilingSeconds: 6 * 60 * 60,
  jitter: 0.1,
  maxBackoffSeconds: 12 * 60 * 60,
  disableAfter: 10,
  disablePermanentAfter: 3,
};

/** What the server said about caching, from a fetch that succeeded. */
export interface CacheHints {
  /** RSS `<ttl>`, minutes (only known when the body was fetched). */
  readonly ttlMinutes?: number | undefined;
  /** `Cache-Control: max-age`, seconds. */
  readonly maxAgeSeconds?: number | undefined;
}

/** A random source in [0, 1); tests pass a fixed one so schedules are deterministic. */
export type Random = () => number;

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function jittered(seconds: number, random: Random, options: ScheduleOptions): number {
  return seconds * (1 + (random() * 2 - 1) * options.jitter);
}

/**
 * The wait after a successful fetch, seconds: the feed's own interval, lengthened to its TTL or
 * max-age when they ask for longer (they are the publisher saying "nothing new before then"), kept
 * between the floor and the ceiling, then jittered (still never under the floor).
 */
export function successDelaySeconds(
  feed: Pick<Feed, 'intervalSeconds'>,
  hints: CacheHints,
  random: Random,
  options: ScheduleOptions = DEFAULT_SCHEDULE,
): number {
  const asked = Math.max(feed.intervalSeconds, (hints.ttlMinutes ?? 0) * 60, hints.maxAgeSeconds ?? 0);
  const base = clamp(asked, options.floorSeconds, options.ceilingSeconds);
  return Math.max(options.floorSeconds, jittered(base, random, options));
}

/** The feed change after a successful fetch: failures cleared, next fetch scheduled. */
export function afterSuccess(
  feed: Feed,
  hints: CacheHints,
  now: Date,
  random: Random,
  options: ScheduleOptions = DEFAULT_SCHEDULE,
): FeedUpdate {
  const delay = successDelaySeconds(feed, hints, random, options);
  return {
    failures: 0,
    lastError: null,
    lastFetchedAt: now,
    nextFetchAt: new Date(now.getTime() + Math.round(delay * 1000)),
  };
}

/** Errors that retrying will not fix soon: the feed is gone, or it is not a feed. */
export function isPermanent(error: FetchError): boolean {
  if (error.code === 'http_status') return error.status === 404 || error.status === 410;
  return (
    error.code === 'not_a_feed' ||
    error.code === 'unsupported_scheme' ||
    error.code === 'invalid_url' ||
    error.code === 'blocked_address'
  );
}

/**
 * The feed change after a failed fetch: the failure counted and kept, the next fetch backed off
 * exponentially (interval × 2^failures, capped) and never before the server's `Retry-After`; or the
 * feed disabled, with the reason, after too many failures in a row.
 */
export function afterFailure(
  feed: Feed,
  error: FetchError,
  now: Date,
  random: Random,
  options: ScheduleOptions = DEFAULT_SCHEDULE,
): FeedUpdate & { readonly disabled: boolean } {
  const failures = feed.failures + 1;
  const permanent = isPermanent(error);
  if (failures >= options.disableAfter || (permanent && failures >= options.disablePermanentAfter)) {
    const why = permanent ? 'a permanent error' : 'repeated errors';
    return {
      disabled: true,
      enabled: false,
      failures,
      lastError: error.message,
      lastFetchedAt: now,
      disabledReason: `disabled after ${failures} failed fetches in a row (${why}); last: ${error.message}`,
    };
  }
  const interval = clamp(feed.intervalSeconds, options.floorSeconds, options.ceilingSeconds);
  const backoff = Math.min(options.maxBackoffSeconds, interval * 2 ** failures);
  let next = now.getTime() + Math.round(jittered(backoff, random, options) * 1000);
  if (error.retryAfter) next = Math.max(next, error.retryAfter.getTime());
  return {
    disabled: false,
    failures,
    lastError: error.message,
    lastFetchedAt: now,
    nextFetchAt: new Date(next),
  };
}
