import type { JsonFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from './types.js';
import { cleanHtml, cleanText, firstText, parseDate, resolveLink, textToHtml } from './values.js';

type Item = JsonFeed.Item<string>;

function jsonItem(item: Item, base: string, feedAuthor: string | null): FeedItem | null {
  const url = resolveLink(item.url, base) ?? resolveLink(item.external_url, base);
  const title = cleanText(item.title);
  const publishedAt = parseDate(item.date_published, item.date_modified);
  // JSON Feed ids may be numbers in the wild although the spec says strings.
  const rawId = (item as { id?: unknown }).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? cleanText(String(rawId)) : null;
  const guid = id ?? url ?? (title ? `${title}|${publishedAt?.toISOString() ?? ''}` : null);
  if (guid === null) return null;
  return {
    guid,
    url,
    title,
    summary: cleanHtml(item.summary),
    contentHtml: cleanHtml(item.content_html) ?? textToHtml(item.content_text),
    publishedAt,
    author: firstText(item.authors?.[0]?.name, feedAuthor),
  };
}

/** Normalises a feedsmith JSON Feed (1.0 or 1.1) document. */
export function normaliseJson(feed: JsonFeed.Feed<string>, base: string): ParsedFeed {
  const feedAuthor = firstText(feed.authors?.[0]?.name);
  return {
    format: 'json',
    title: cleanText(feed.title),
    link: resolveLink(feed.home_page_url, base),
    items: (feed.items ?? [])
      .map((i) => jsonItem(i, base, feedAuthor))
      .filter((i): i is FeedItem => i !== null),
  };
}
