import { decodeBody } from './charset.js';
import type { FetchContext } from './context.js';
import { describeUrl, failure, type FetchFailure, type TransferStats } from './errors.js';
import { header, parseContentType } from './headers.js';
import { httpGet } from './http-get.js';

/** An article page fetched and decoded, ready for extraction. */
export interface PageFetchSuccess {
  readonly ok: true;
  /** The URL after redirects: the base for the page's relative links. */
  readonly finalUrl: string;
  /** The media type in lower case, e.g. `text/html`. */
  readonly mediaType: string;
  readonly charset: string;
  readonly text: string;
  readonly stats: TransferStats;
}

export type PageFetchResult = PageFetchSuccess | FetchFailure;

const PAGE_ACCEPT = 'text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1';

// Text the extractor can work with; a PDF or an image is refused rather than decoded as text.
function isTextual(mediaType: string): boolean {
  return mediaType === '' || mediaType.startsWith('text/') || mediaType === 'application/xhtml+xml';
}

/**
 * Fetches an article page (HTML, or plain text for `newsdesk ingest URL`) under the same safety
 * rules as feeds, and decodes it by its declared or sniffed charset.
 */
export async function fetchPage(url: string, ctx: FetchContext): Promise<PageFetchResult> {
  const res = await httpGet(url, ctx, { accept: PAGE_ACCEPT });
  if (!res.ok) return res;
  const { mediaType, charset } = parseContentType(header(res.headers, 'content-type'));
  if (!isTextual(mediaType)) {
    return failure(
      'unsupported_content_type',
      `${describeUrl(res.finalUrl)} is ${mediaType.slice(0, 60)}, not a page`,
      {
        stats: res.stats,
      },
    );
  }
  if (res.bytes.length === 0) {
    return failure('empty_body', `${describeUrl(res.finalUrl)}: the response was empty`, {
      stats: res.stats,
    });
  }
  const decoded = decodeBody(res.bytes, charset);
  return {
    ok: true,
    finalUrl: res.finalUrl,
    mediaType,
    charset: decoded.charset,
    text: decoded.text,
    stats: res.stats,
  };
}
