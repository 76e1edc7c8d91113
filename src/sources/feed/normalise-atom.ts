import type { AtomFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from './types.js';
import { cleanHtml, cleanText, firstText, parseDate, resolveLink, textToHtml } from './values.js';

type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** The page a set of Atom links points at: rel="alternate" (the default), HTML preferred. */
function alternate(links: readonly Link[] | undefined, base: string): string | null {
  const candidates = (links ?? []).filter((l) => (l.rel ?? 'alternate') === 'alternate');
  const best = candidates.find((l) => !l.type || l.type.includes('html')) ?? candidates[0];
  return resolveLink(best?.href, base);
}

/** Atom text constructs say whether they hold text or markup; titles become plain text. */
function textOf(text: AtomFeed.Text | undefined): string | null {
  if (!text) return null;
  const isMarkup = text.type === 'html' || text.type === 'xhtml';
  return cleanText(isMarkup ? text.value.replace(/<[^>]*>/g, ' ') : text.value);
}

function content(entry: Entry): string | null {
  const c = entry.content;
  // Out-of-line content (src=) is not fetched here; page extraction covers that case.
  if (!c || c.src !== undefined || c.value === undefined) return null;
  if (c.type === undefined || c.type === 'text') return textToHtml(c.value);
  if (c.type === 'html' || c.type === 'xhtml' || c.type.includes('html')) return cleanHtml(c.value);
  return null;
}

function entryItem(entry: Entry, base: string, feedAuthor: string | null): FeedItem | null {
  const url = alternate(entry.links, base);
  const title = textOf(entry.title);
  const publishedAt = parseDate(entry.published, entry.updated, entry.dc?.dates?.[0]);
  const guid = cleanText(entry.id) ?? url ?? (title ? `${title}|${publishedAt?.toISOString() ?? ''}` : null);
  if (guid === null) return null;
  return {
    guid,
    url,
    title,
    summary: cleanHtml(entry.summary?.value),
    contentHtml: content(entry),
    publishedAt,
    author: firstText(entry.authors?.[0]?.name, entry.dc?.creators?.[0], feedAuthor),
  };
}

/** Normalises a feedsmith Atom 1.0 document. */
export function normaliseAtom(feed: AtomFeed.Feed<string>, base: string): ParsedFeed {
  const feedAuthor = firstText(feed.authors?.[0]?.name);
  return {
    format: 'atom',
    title: textOf(feed.title),
    link: alternate(feed.links, base),
    items: (feed.entries ?? [])
      .map((e) => entryItem(e, base, feedAuthor))
      .filter((i): i is FeedItem => i !== null),
  };
}
