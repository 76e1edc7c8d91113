import { parseFeedText } from '../feed/parse-feed.js';
import type { FeedParseResult, ParsedFeed } from '../feed/types.js';
import { decodeBody } from './charset.js';
import type { FetchContext } from './context.js';
import { describeUrl, failure, type FetchFailure, type TransferStats } from './errors.js';
import { header, parseContentType, parseMaxAge } from './headers.js';
import { httpGet, type Validators } from './http-get.js';

/** Validators to keep for the next conditional GET (store them on the feed). */
export interface StoredValidators {
  readonly etag: string | null;
  readonly lastModified: string | null;
}

/** What both outcomes of a successful feed fetch share. */
interface FeedFetchBase {
  readonly ok: true;
  /** The URL after redirects. */
  readonly finalUrl: string;
  readonly validators: StoredValidators;
  /** `Cache-Control: max-age`, seconds: the server's own idea of how long to wait. */
  readonly maxAgeSeconds?: number;
  readonly stats: TransferStats;
}

/** A feed fetched: either unchanged since the validators (304) or fetched and parsed. */
export type FeedFetchSuccess =
  | (FeedFetchBase & { readonly notModified: true })
  | (FeedFetchBase & { readonly notModified: false; readonly feed: ParsedFeed; readonly charset: string });

export type FeedFetchResult = FeedFetchSuccess | FeedFetchFailure;
export type FeedFetchFailure = FetchFailure;

/** A feed body decoded and parsed, and the charset it was read in. */
export interface ParsedBody {
  readonly charset: string;
  readonly result: FeedParseResult;
}

/**
 * Decodes and parses a feed body. Big feeds take a while, so a poller hands this to a worker
 * thread; the default runs it here.
 */
export type FeedBodyParser = (
  bytes: Buffer,
  headerCharset: string | undefined,
  baseUrl: string,
) => ParsedBody | Promise<ParsedBody>;

/** The feed body parser that runs on the calling thread. */
export const parseFeedBody: FeedBodyParser = (bytes, headerCharset, baseUrl) => {
  const decoded = decodeBody(bytes, headerCharset);
  return { charset: decoded.charset, result: parseFeedText(decoded.text, baseUrl) };
};

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';

/**
 * Fetches a feed and parses it. With stored validators it makes a conditional GET, and a 304
 * comes back as `notModified: true` with no feed. Every failure is a value with a stable code.
 */
export async function fetchFeed(
  url: string,
  validators: Validators | undefined,
  ctx: FetchContext,
  parse: FeedBodyParser = parseFeedBody,
): Promise<FeedFetchResult> {
  const res = await httpGet(url, ctx, { accept: FEED_ACCEPT, ...(validators ? { validators } : {}) });
  if (!res.ok) return res;
  const maxAge = parseMaxAge(header(res.headers, 'cache-control'));
  const base = {
    ok: true as const,
    finalUrl: res.finalUrl,
    validators: {
      // A 304 may omit the validators; the ones sent still hold then.
      etag: header(res.headers, 'etag') ?? validators?.etag ?? null,
      lastModified: header(res.headers, 'last-modified') ?? validators?.lastModified ?? null,
    },
    ...(maxAge !== undefined ? { maxAgeSeconds: maxAge } : {}),
    stats: res.stats,
  };
  if (res.status === 304) return { ...base, notModified: true };
  const { charset } = parseContentType(header(res.headers, 'content-type'));
  const { charset: decodedAs, result: parsed } = await parse(res.bytes, charset, res.finalUrl);
  if (!parsed.ok) {
    return failure(parsed.error.code, `${describeUrl(res.finalUrl)}: ${parsed.error.message}`, {
      stats: res.stats,
    });
  }
  return { ...base, notModified: false, feed: parsed.feed, charset: decodedAs };
}
