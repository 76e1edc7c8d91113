import { request, type Dispatcher } from 'undici';
import type { GuardResult } from '../ssrf/guard.js';
import { networkFailure, rateLimited } from './response-failures.js';
import type { FetchContext } from './context.js';
import { describeUrl, failure, NO_TRANSFER, type FetchFailure, type TransferStats } from './errors.js';
import { header, type ResponseHeaders } from './headers.js';
import { readBody } from './read-body.js';
import {
  requestHeaders,
  takeCredentials,
  type OriginCredentials,
  type Validators,
} from './request-headers.js';

export type { Validators } from './request-headers.js';

/** A response that arrived whole: 200-299 with its body, or 304 with none. */
export interface HttpResponse {
  readonly ok: true;
  readonly status: number;
  /** The URL after redirects: the base for relative links. */
  readonly finalUrl: string;
  readonly headers: ResponseHeaders;
  readonly bytes: Buffer;
  readonly stats: TransferStats;
}

export type HttpResult = HttpResponse | FetchFailure;

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One GET with every safety rule applied: the SSRF guard and the host gate on each hop, redirects
 * followed by hand up to the limit, a deadline over the whole exchange, and the body read under
 * its caps. Never throws for a network or server problem; those come back as a failure value.
 */
export async function httpGet(
  rawUrl: string,
  ctx: FetchContext,
  options: { accept: string; validators?: Validators },
): Promise<HttpResult> {
  let url: URL;
  let credentials: OriginCredentials | undefined;
  try {
    ({ url, credentials } = takeCredentials(new URL(rawUrl)));
  } catch {
    return failure('invalid_url', 'not a valid URL');
  }
  const { limits } = ctx;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const startDeadline = () => {
    // The deadline starts with the first request on the wire, not while queued behind the gate.
    timer ??= setTimeout(() => controller.abort(), limits.totalTimeoutMs);
  };
  const baseHeaders = requestHeaders(ctx.userAgent, options.accept, options.validators);

  try {
    for (let hop = 0; ; hop++) {
      const checked = await checkWithin(ctx, url);
      if (!checked.ok) return failure(checked.code, checked.message);
      const host = url.hostname;
      const notBefore = ctx.gate.notBefore(host);
      if (notBefore !== undefined) {
        return failure('rate_limited', `${host} asked us to wait`, { retryAfter: new Date(notBefore) });
      }
      const release = await ctx.gate.acquire(host);
      try {
        startDeadline();
        const auth = credentials?.origin === url.origin ? credentials.authorization : undefined;
        const res = await request(url, {
          dispatcher: ctx.dispatcher,
          method: 'GET',
          headers: auth ? { ...baseHeaders, authorization: auth } : baseHeaders,
          signal: controller.signal,
          headersTimeout: limits.headersTimeoutMs,
          bodyTimeout: limits.totalTimeoutMs,
        });
        const status = res.statusCode;
        const location = header(res.headers, 'location');
        if (REDIRECTS.has(status) && location !== undefined) {
          await discard(res.body);
          if (hop >= limits.maxRedirects) {
            return failure(
              'too_many_redirects',
              `more than ${limits.maxRedirects} redirects from ${describeUrl(rawUrl)}`,
            );
          }
          try {
            url = new URL(location, url);
            // Credentials in a Location would otherwise surface in finalUrl and item links.
            url.username = '';
            url.password = '';
          } catch {
            return failure('invalid_url', `${describeUrl(url)} redirected to an invalid URL`);
          }
          continue;
        }
        if (status === 304) {
          await discard(res.body);
          return {
            ok: true,
            status,
            finalUrl: url.href,
            headers: res.headers,
            bytes: Buffer.alloc(0),
            stats: NO_TRANSFER,
          };
        }
        if (status === 429 || status === 503) {
          await discard(res.body);
          return rateLimited(ctx, host, status, header(res.headers, 'retry-after'), url);
        }
        if (status < 200 || status > 299) {
          await discard(res.body);
          return failure('http_status', `${describeUrl(url)} answered HTTP ${status}`, { status });
        }
        const body = await readBody(res.body, header(res.headers, 'content-encoding'), limits);
        if (!body.ok) {
          if (body.code === 'stream_error') throw body.cause;
          return failure(body.code, `${describeUrl(url)}: ${body.message}`, { stats: body.stats });
        }
        return {
          ok: true,
          status,
          finalUrl: url.href,
          headers: res.headers,
          bytes: body.bytes,
          stats: body.stats,
        };
      } finally {
        release();
      }
    }
  } catch (err) {
    if (controller.signal.aborted) {
      return failure('timeout', `${describeUrl(url)} took longer than ${limits.totalTimeoutMs} ms`);
    }
    return networkFailure(err, url);
  } finally {
    clearTimeout(timer);
  }
}

/** The guard's check, bounded: a resolver that never answers must not hold a feed forever. */
async function checkWithin(ctx: FetchContext, url: URL): Promise<GuardResult | GuardTimeout> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<GuardTimeout>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, code: 'timeout', message: `resolving ${url.hostname} timed out` }),
      ctx.limits.connectTimeoutMs,
    );
  });
  try {
    return await Promise.race([ctx.guard.checkUrl(url), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

interface GuardTimeout {
  readonly ok: false;
  readonly code: 'timeout';
  readonly message: string;
}

/** Drains a small body so the connection can be reused, and drops a big one. */
async function discard(body: Dispatcher.ResponseData['body']): Promise<void> {
  try {
    await body.dump({ limit: 64 * 1024 });
  } catch {
    // A body we are throwing away may fail to drain; the connection is closed instead.
  }
}
