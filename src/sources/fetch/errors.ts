/** Stable codes for every expected way a fetch can fail; callers branch on these, never on text. */
export type FetchErrorCode =
  | 'invalid_url'
  | 'unsupported_scheme'
  | 'blocked_address'
  | 'dns_failed'
  | 'connect_failed'
  | 'timeout'
  | 'too_large'
  | 'too_many_redirects'
  | 'http_status'
  | 'rate_limited'
  | 'decode_failed'
  | 'unsupported_content_type'
  | 'empty_body'
  | 'not_a_feed'
  | 'invalid_xml';

/**
 * An expected fetch failure. `message` is for people and never carries a URL's query string or
 * credentials (feed URLs sometimes hold tokens); `retryAfter` is when the host said to come back.
 */
export interface FetchError {
  readonly code: FetchErrorCode;
  readonly message: string;
  readonly status?: number;
  readonly retryAfter?: Date;
}

/** Bytes seen for one fetch: off the wire, and after decompression. Both stay under the caps. */
export interface TransferStats {
  readonly bytesReceived: number;
  readonly bytesDecoded: number;
}

/** A failed fetch, as a value. */
export interface FetchFailure {
  readonly ok: false;
  readonly error: FetchError;
  readonly stats: TransferStats;
}

export const NO_TRANSFER: TransferStats = { bytesReceived: 0, bytesDecoded: 0 };

/** Builds a failure value. */
export function failure(
  code: FetchErrorCode,
  message: string,
  extra: { status?: number; retryAfter?: Date; stats?: TransferStats } = {},
): FetchFailure {
  const { stats = NO_TRANSFER, ...rest } = extra;
  return { ok: false, error: { code, message, ...rest }, stats };
}

/**
 * A URL as safe to show with its path: without credentials (`user:password@`), query or fragment,
 * which is where tokens live. For a URL the user named (`newsdesk ingest URL`).
 */
export function describeLink(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/**
 * A URL as safe to show: scheme and host only. Paths and queries of private feeds often carry
 * tokens (`/rss/private/<token>`, `?key=`), and the caller knows which feed failed anyway.
 */
export function describeUrl(url: URL | string): string {
  try {
    const u = typeof url === 'string' ? new URL(url) : url;
    return `${u.protocol}//${u.host}`;
  } catch {
    return '(invalid URL)';
  }
}
