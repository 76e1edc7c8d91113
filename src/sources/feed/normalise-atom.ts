import type { AtomFeed } from 'feedsmith';
import type { FeedItem, ParsedFeed } from './types.js';
import {
  authorName,
  cleanHtml,
  cleanText,
  firstText,
  itemIdentity,
  markupToText,
  parseDate,
  resolveLink,
  textToHtml,
} from './values.js';

type Entry = AtomFeed.Entry<string>;
type Link = AtomFeed.Link<string>;

/** The page a set of Atom links points at: rel="alternate" (the default), HTML preferred. */
function alternate(links: readonly Link[] | undefined, base: string): string | null {
  const candidates = (links ?? []).filter((l) => (l.rel ?? 'alternate') === 'alternate');
  const best = candidates.find((l) => !l.type || l.type.includes('html')) ?? candidates[0];
  return resolveLink(best?.href, base);
}

/**
 * How an Atom text construct holds its value. Atom 1.0 says text, html or xhtml; Atom 0.3 gave a
 * MIME type instead (text/plain, text/html, application/xhtml+xml). Types that are not text
 * (an image, say) carry nothing to read.
 */
function kindOf(type: string | undefined): 'text' | 'markup' | null {
  const t = (type ?? 'text').trim().toLowerCase();
  if (t === 'html' || t === 'xhtml' || t.includes('html')) return 'markup';
  if (t === 'text' || t.startsWith('text/')) return 'text';
  return null;
}

/** A text construct as plain text: markup read by the HTML parser, titles and names alike. */
function textOf(text: AtomFeed.Text | undefined): string | null {
  if (!text) return null;
  const kind = kindOf(text.type);
  if (kind === 'markup') return markupToText(text.value);
  return kind === 'text' ? cleanText(text.value) : null;
}

/** A text construct as HTML: plain text escaped, markup kept. */
function htmlOf(text: { value?: string; type?: string } | undefined): string | null {
  if (!text || text.value === undefined) return null;
  const kind = kindOf(text.type);
  if (kind === 'markup') return cleanHtml(text.value);
  return kind === 'text' ? textToHtml(text.value) : null;
}

function content(entry: Entry): string | null {
  const c = entry.content;
  // Out-of-line content (src=) is not fetched here; page extraction covers that case.
  if (!c || c.src !== undefined) return null;
  return htmlOf(c);
}

function entryItem(entry: Entry, base: string, feedAuthor: string | null): FeedItem | null {
  const url = alternate(entry.links, base);
  const title = textOf(entry.title) ?? markupToText(entry.dc?.titles?.[0]);
  const publishedAt = parseDate(
    entry.published,
    entry.dcterms?.issued?.[0],
    entry.dcterms?.created?.[0],
    entry.dc?.dates?.[0],
    entry.updated,
    entry.dcterms?.modified?.[0],
  );
  const summary = htmlOf(entry.summary) ?? cleanHtml(entry.dc?.descriptions?.[0]);
  const contentHtml = content(entry);
  const guid = itemIdentity({
    guid: cleanText(entry.id),
    url,
    title,
    date: publishedAt,
    body: contentHtml ?? summary,
  });
  if (guid === null) return null;
  const person = entry.authors?.[0];
  return {
    guid,
    url,
    title,
    summary,
    contentHtml,
    publishedAt,
    author: authorName(person?.name) ?? authorName(entry.dc?.creators?.[0]) ?? feedAuthor,
  };
}

/** Normalises a feedsmith Atom (1.0 or 0.3) document. */
export function normaliseAtom(feed: AtomFeed.Feed<string>, base: string): ParsedFeed {
  const feedAuthor = firstText(authorName(feed.authors?.[0]?.name));
  return {
    format: 'atom',
    title: textOf(feed.title),
    link: alternate(feed.links, base),
    items: (feed.entries ?? [])
      .map((e) => entryItem(e, base, feedAuthor))
      .filter((i): i is FeedItem => i !== null),
  };
}
