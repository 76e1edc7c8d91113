import type { JsonFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from './types.js';
import {
  authorName,
  cleanHtml,
  cleanText,
  itemIdentity,
  parseDate,
  resolveLink,
  textToHtml,
} from './values.js';

type Item = JsonFeed.Item<string>;

/** JSON Feed 1.1 lists `authors`; 1.0 had a single `author`, still common. */
function authorOf(value: { authors?: { name?: string }[]; author?: unknown }): string | null {
  const single = value.author as { name?: unknown } | undefined;
  const legacy = typeof single?.name === 'string' ? single.name : undefined;
  return authorName(value.authors?.[0]?.name) ?? authorName(legacy);
}

function jsonItem(item: Item, base: string, feedAuthor: string | null): FeedItem | null {
  const url = resolveLink(item.url, base) ?? resolveLink(item.external_url, base);
  const title = cleanText(item.title);
  const publishedAt = parseDate(item.date_published, item.date_modified);
  // JSON Feed ids may be numbers in the wild although the spec says strings.
  const rawId = (item as { id?: unknown }).id;
  const id = typeof rawId === 'string' || typeof rawId === 'number' ? cleanText(String(rawId)) : null;
  // The summary is plain text by the spec.
  const summary = textToHtml(item.summary);
  const contentHtml = cleanHtml(item.content_html) ?? textToHtml(item.content_text);
  const guid = itemIdentity({ guid: id, url, title, date: publishedAt, body: contentHtml ?? summary });
  if (guid === null) return null;
  return { guid, url, title, summary, contentHtml, publishedAt, author: authorOf(item) ?? feedAuthor };
}

/** Normalises a feedsmith JSON Feed (1.0 or 1.1) document. */
export function normaliseJson(feed: JsonFeed.Feed<string>, base: string): ParsedFeed {
  const feedAuthor = authorOf(feed);
  return {
    format: 'json',
    title: cleanText(feed.title),
    link: resolveLink(feed.home_page_url, base),
    items: (feed.items ?? [])
      .map((i) => jsonItem(i, base, feedAuthor))
      .filter((i): i is FeedItem => i !== null),
  };
}
