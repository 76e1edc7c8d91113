import { BLOCKED_LOOKUP_CODE } from '../ssrf/guard.js';
import type { FetchContext } from './context.js';
import { describeUrl, failure, type FetchFailure } from './errors.js';
import { parseRetryAfter } from './headers.js';

/**
 * A 429 or 503: records the host's "not before" time from `Retry-After` (capped, with a default
 * for a bare 429) and says when to come back.
 */
export function rateLimited(
  ctx: FetchContext,
  host: string,
  status: number,
  retryAfterHeader: string | undefined,
  url: URL,
): FetchFailure {
  const now = ctx.now();
  let at = parseRetryAfter(retryAfterHeader, now);
  if (at === undefined && status === 429) at = now + ctx.limits.defaultRetryAfterMs;
  if (at === undefined) {
    return failure('http_status', `${describeUrl(url)} answered HTTP ${status}`, { status });
  }
  at = Math.min(at, now + ctx.limits.maxRetryAfterMs);
  ctx.gate.deferUntil(host, at);
  const code = status === 429 ? 'rate_limited' : 'http_status';
  return failure(
    code,
    `${describeUrl(url)} answered HTTP ${status}, retry after ${new Date(at).toISOString()}`,
    {
      status,
      retryAfter: new Date(at),
    },
  );
}

/** Maps a thrown network error to a failure value, by the codes in its cause chain. */
export function networkFailure(err: unknown, url: URL): FetchFailure {
  const codes = new Set<string>();
  // undici wraps socket errors; the cause chain holds the code that says what happened.
  for (let e: unknown = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.add(code);
  }
  const where = describeUrl(url);
  if (codes.has(BLOCKED_LOOKUP_CODE))
    return failure('blocked_address', `refused ${url.hostname}: it resolved to a blocked address`);
  if (codes.has('UND_ERR_CONNECT_TIMEOUT')) return failure('timeout', `${where}: connecting timed out`);
  if (codes.has('UND_ERR_HEADERS_TIMEOUT') || codes.has('UND_ERR_BODY_TIMEOUT'))
    return failure('timeout', `${where}: the server stopped answering`);
  if (codes.has('ENOTFOUND') || codes.has('EAI_AGAIN'))
    return failure('dns_failed', `could not resolve ${url.hostname}`);
  return failure('connect_failed', `${where}: the connection failed (${[...codes][0] ?? 'network error'})`);
}
