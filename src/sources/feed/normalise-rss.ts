import type { RdfFeed, RssFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from './types.js';
import { cleanHtml, cleanText, firstText, parseDate, resolveLink } from './values.js';

type RssItem = RssFeed.Item<string>;
type RdfItem = RdfFeed.Item<string>;

/** RSS `<author>` is "email (Name)" by the spec; the name is what readers want. */
function rssAuthor(item: RssItem): string | null {
  const person = item.authors?.[0];
  const raw = firstText(person?.name, person?.email);
  const named = raw === null ? null : /\(([^)]+)\)\s*$/.exec(raw)?.[1];
  return firstText(item.dc?.creators?.[0], named, raw);
}

function identity(
  guid: string | null,
  url: string | null,
  title: string | null,
  date: Date | null,
): string | null {
  if (guid) return guid;
  if (url) return url;
  if (title) return `${title}|${date?.toISOString() ?? ''}`;
  return null;
}

function rssItem(item: RssItem, base: string): FeedItem | null {
  const guid = cleanText(item.guid?.value);
  // A GUID is the permalink unless it says otherwise; it stands in when <link> is missing.
  const permalink = item.guid?.isPermaLink === false ? undefined : guid;
  const url = resolveLink(item.link, base) ?? resolveLink(permalink, base);
  const title = cleanText(item.title);
  const publishedAt = parseDate(item.pubDate, item.dc?.dates?.[0], item.dcterms?.created?.[0]);
  const id = identity(guid, url, title, publishedAt);
  if (id === null) return null;
  return {
    guid: id,
    url,
    title,
    summary: cleanHtml(item.description),
    contentHtml: cleanHtml(item.content?.encoded),
    publishedAt,
    author: rssAuthor(item),
  };
}

function rdfItem(item: RdfItem, base: string): FeedItem | null {
  const url = resolveLink(item.link, base) ?? resolveLink(item.rdf?.about, base);
  const title = cleanText(item.title);
  const publishedAt = parseDate(item.dc?.dates?.[0], item.dcterms?.created?.[0]);
  const id = identity(cleanText(item.rdf?.about), url, title, publishedAt);
  if (id === null) return null;
  return {
    guid: id,
    url,
    title,
    summary: cleanHtml(item.description),
    contentHtml: cleanHtml(item.content?.encoded),
    publishedAt,
    author: firstText(item.dc?.creators?.[0]),
  };
}

/** Normalises a feedsmith RSS 2.0 (or 0.9x) document. */
export function normaliseRss(feed: RssFeed.Feed<string>, base: string): ParsedFeed {
  const ttl = feed.ttl;
  return {
    format: 'rss',
    title: cleanText(feed.title),
    link: resolveLink(feed.link, base),
    ...(typeof ttl === 'number' && Number.isFinite(ttl) && ttl > 0 ? { ttlMinutes: ttl } : {}),
    items: (feed.items ?? []).map((i) => rssItem(i, base)).filter((i): i is FeedItem => i !== null),
  };
}

/** Normalises a feedsmith RSS 1.0 (RDF) document. */
export function normaliseRdf(feed: RdfFeed.Feed<string>, base: string): ParsedFeed {
  return {
    format: 'rdf',
    title: cleanText(feed.title),
    link: resolveLink(feed.link, base),
    items: (feed.items ?? []).map((i) => rdfItem(i, base)).filter((i): i is FeedItem => i !== null),
  };
}
