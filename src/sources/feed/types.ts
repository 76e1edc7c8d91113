/** One entry of a feed, normalised across RSS, RDF, Atom and JSON Feed. */
export interface FeedItem {
  /** A stable identity: the feed's GUID/id, else the item URL, else title and date. */
  readonly guid: string;
  /** The article URL, absolute (resolved against the feed URL), http(s) only. */
  readonly url: string | null;
  /** Plain text, whitespace collapsed. */
  readonly title: string | null;
  /** The teaser as the feed gave it (RSS description, Atom summary, JSON summary); may hold HTML. */
  readonly summary: string | null;
  /** The full content when the feed carries it (content:encoded, Atom content, content_html). */
  readonly contentHtml: string | null;
  readonly publishedAt: Date | null;
  readonly author: string | null;
}

/** The feed formats understood. */
export type FeedFormat = 'rss' | 'rdf' | 'atom' | 'json';

/** A feed parsed and normalised. */
export interface ParsedFeed {
  readonly format: FeedFormat;
  readonly title: string | null;
  /** The site the feed belongs to, absolute. */
  readonly link: string | null;
  /** RSS `<ttl>`: minutes the feed may be cached; polling honours it. */
  readonly ttlMinutes?: number;
  readonly items: readonly FeedItem[];
}

/** Why a body is not a usable feed. */
export type FeedParseErrorCode = 'empty_body' | 'not_a_feed' | 'invalid_xml';

/** A parsed feed, or a clear reason why not. */
export type FeedParseResult =
  | { readonly ok: true; readonly feed: ParsedFeed }
  | { readonly ok: false; readonly error: { readonly code: FeedParseErrorCode; readonly message: string } };
