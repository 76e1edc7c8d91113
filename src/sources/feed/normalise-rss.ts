import type { RdfFeed, RssFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from './types.js';
import {
  authorName,
  cleanHtml,
  cleanText,
  firstText,
  guidLink,
  itemIdentity,
  markupToText,
  parseDate,
  resolveLink,
} from './values.js';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** The fields RSS 2.0 and RDF items share, Dublin Core included. */
type CommonItem = Pick<RssItem, 'title' | 'link' | 'description' | 'content' | 'dc' | 'dcterms'>;

/**
 * What RSS 2.0 and RSS 1.0 items have in common: a title (or `dc:title`), a description (or
 * `dc:description`), `content:encoded`, and a date from `dc:date` or the `dcterms` dates.
 */
function commonFields(item: CommonItem) {
  return {
    title: markupToText(item.title) ?? markupToText(item.dc?.titles?.[0]),
    summary: cleanHtml(item.description) ?? cleanHtml(item.dc?.descriptions?.[0]),
    contentHtml: cleanHtml(item.content?.encoded),
    dates: [
      item.dc?.dates?.[0],
      item.dcterms?.issued?.[0],
      item.dcterms?.created?.[0],
      item.dcterms?.dates?.[0],
      item.dcterms?.modified?.[0],
    ],
  };
}

/**
 * A feed item, or null when it carries nothing to know it by: an item is kept when it has any of
 * a GUID, a link, a title, a description or content.
 */
function item(
  fields: ReturnType<typeof commonFields>,
  guid: string | null,
  url: string | null,
  publishedAt: Date | null,
  author: string | null,
): FeedItem | null {
  const { title, summary, contentHtml } = fields;
  const id = itemIdentity({ guid, url, title, date: publishedAt, body: contentHtml ?? summary });
  if (id === null) return null;
  return { guid: id, url, title, summary, contentHtml, publishedAt, author };
}

function rssItem(raw: RssItem, base: string): FeedItem | null {
  const fields = commonFields(raw);
  const guid = cleanText(raw.guid?.value);
  // A GUID is the permalink unless it says otherwise, but only when it is a URL: "12345" is no link.
  const permalink = raw.guid?.isPermaLink === false ? null : guidLink(guid);
  const url = resolveLink(raw.link, base) ?? permalink;
  const publishedAt = parseDate(raw.pubDate, ...fields.dates);
  const person = raw.authors?.[0];
  const author =
    firstText(raw.dc?.creators?.[0]) ?? authorName(person?.name) ?? authorName(person?.email ?? null);
  return item(fields, guid, url, publishedAt, author);
}

function rdfItem(raw: RdfItem, base: string): FeedItem | null {
  const fields = commonFields(raw);
  const about = cleanText(raw.rdf?.about);
  const url = resolveLink(raw.link, base) ?? guidLink(about);
  const publishedAt = parseDate(...fields.dates);
  return item(fields, about, url, publishedAt, authorName(raw.dc?.creators?.[0]));
}

const kept = (items: (FeedItem | null)[]): FeedItem[] => items.filter((i): i is FeedItem => i !== null);

/** Normalises a feedsmith RSS 2.0 (or 0.9x) document. */
export function normaliseRss(feed: RssFeed.Feed<string>, base: string): ParsedFeed {
  const ttl = feed.ttl;
  return {
    format: 'rss',
    title: markupToText(feed.title) ?? markupToText(feed.dc?.titles?.[0]),
    link: resolveLink(feed.link, base),
    ...(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0 ? { ttlMinutes: ttl } : {}),
    items: kept((feed.items ?? []).map((i) => rssItem(i, base))),
  };
}

/** Normalises a feedsmith RSS 1.0 (RDF) document. */
export function normaliseRdf(feed: RdfFeed.Feed<string>, base: string): ParsedFeed {
  return {
    format: 'rdf',
    title: markupToText(feed.title) ?? markupToText(feed.dc?.titles?.[0]),
    link: resolveLink(feed.link, base),
    items: kept((feed.items ?? []).map((i) => rdfItem(i, base))),
  };
}
