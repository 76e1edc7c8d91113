export { createFetchContext, type FetchContext, type FetchContextOptions } from './context.js';
export type { FetchError, FetchErrorCode, FetchFailure, TransferStats } from './errors.js';
export {
  fetchFeed,
  type FeedFetchResult,
  type FeedFetchSuccess,
  type StoredValidators,
} from './fetch-feed.js';
export { fetchPage, type PageFetchResult, type PageFetchSuccess } from './fetch-page.js';
export type { Validators } from './http-get.js';
export { DEFAULT_FETCH_LIMITS, DEFAULT_USER_AGENT, type FetchLimits } from './limits.js';
export type { ResolveHost, ResolvedAddress } from '../ssrf/guard.js';
