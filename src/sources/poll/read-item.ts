import { analyzeArticle } from '../../core/analyze.js';
import type { Analysis } from '../../core/types.js';
import { fetchPage } from '../fetch/fetch-page.js';
import type { FeedItem } from '../feed/types.js';
import { itemText } from './item-text.js';
import type { PollDeps } from './types.js';

/** The article an item leads to, analysed; or why it could not be read. */
export type ReadItem =
  { readonly ok: true; readonly analysis: Analysis } | { readonly ok: false; readonly reason: string };

/** Reads a page's article: HTML through the extractor, plain text as it is. */
export function pageText(
  page: { text: string; mediaType: string; finalUrl: string },
  deps: Pick<PollDeps, 'extract'>,
): { title: string | null; text: string } | null {
  if (page.mediaType === 'text/plain') return { title: null, text: page.text };
  return deps.extract(page.text, page.finalUrl);
}

/**
 * The full text of a feed item, analysed. An item carrying only a teaser has its page fetched (through
 * the same SSRF guard and host limits) and extracted; when that fails, the teaser is used if there is
 * one, so a paywalled or broken page still gives the story its headline.
 */
export async function readItem(item: FeedItem, deps: Pick<PollDeps, 'fetch' | 'extract'>): Promise<ReadItem> {
  const own = itemText(item);
  let text = own.text;
  let pageTitle: string | null = null;
  let pageProblem: string | null = null;
  if (own.teaser && item.url) {
    const page = await fetchPage(item.url, deps.fetch);
    const extracted = page.ok ? pageText(page, deps) : null;
    if (extracted && extracted.text.length > text.length) {
      text = extracted.text;
      pageTitle = extracted.title;
    } else {
      pageProblem = page.ok ? 'no article found in the page' : page.error.message;
    }
  }
  if (!/[\p{L}\p{N}]/u.test(text)) {
    return { ok: false, reason: pageProblem ?? 'the item carries no text' };
  }
  const title = item.title ?? pageTitle ?? undefined;
  return { ok: true, analysis: analyzeArticle({ text, title, url: item.url ?? undefined }) };
}
