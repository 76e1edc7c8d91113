/** The limits one fetch runs under; every one has a default (see {@link DEFAULT_FETCH_LIMITS}). */
export interface FetchLimits {
  /** Time to open the TCP/TLS connection. */
  readonly connectTimeoutMs: number;
  /** Time from sending the request to the end of the response headers. */
  readonly headersTimeoutMs: number;
  /** Time for the whole fetch, redirects and body included: a trickling server ends here. */
  readonly totalTimeoutMs: number;
  /** Bytes accepted off the wire (compressed) for one response. */
  readonly maxBodyBytes: number;
  /** Bytes accepted after decompression: a gzip bomb ends here. */
  readonly maxDecodedBytes: number;
  /** Redirects followed before giving up. */
  readonly maxRedirects: number;
  /** Requests in flight to one host at once. */
  readonly perHostConcurrency: number;
  /** Requests in flight overall. */
  readonly globalConcurrency: number;
  /** Longest wait a `Retry-After` may impose (a hostile value must not park a feed for years). */
  readonly maxRetryAfterMs: number;
  /** Wait after a 429 that gave no `Retry-After`. */
  readonly defaultRetryAfterMs: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 15_000,
  totalTimeoutMs: 30_000,
  maxBodyBytes: 5 * 1024 * 1024,
  maxDecodedBytes: 20 * 1024 * 1024,
  maxRedirects: 5,
  perHostConcurrency: 2,
  globalConcurrency: 16,
  maxRetryAfterMs: 24 * 60 * 60 * 1000,
  defaultRetryAfterMs: 60_000,
};

/** The User-Agent newsdesk sends: names the bot so feed owners can tell who is polling. */
export const DEFAULT_USER_AGENT = 'newsdesk/0.1 (regional news briefings; feed reader)';
