import { markupText } from '../extract/dom-text.js';
import { checkMarkup } from '../extract/limits.js';
import { stripInert } from '../extract/strip.js';
import type { FeedItem } from '../feed/types.js';

/**
 * Below this many characters of text, a feed item's content is a teaser: the article is fetched
 * from its page instead. Real teasers run to a sentence or two (under ~300 characters); a full
 * article, even a brief, is longer.
 */
export const TEASER_CHARS = 400;

/**
 * HTML from a feed to plain text: scripts, styles and comments cut, block elements as paragraphs.
 * The parser (htmlparser2) runs no scripts and touches no network, so hostile markup is inert, and
 * no document is built: the text is all a feed item needs. Markup over the extractor's size, depth
 * or element limits gives no text.
 */
export function htmlToText(html: string): string {
  // Text without tags or entities needs no parser: most feed summaries, and the fast path matters.
  if (!/[<&]/.test(html)) return html.trim();
  const markup = stripInert(html);
  // The page extractor's bounds hold for feed content too: 200,000 nested <div> took 70 s to parse.
  if (checkMarkup(markup) !== null) return '';
  return markupText(markup).trim();
}

/** The text a feed item carries itself: its content, else its summary. */
export interface ItemText {
  readonly text: string;
  /** True when the text is only a teaser and the page should be fetched for the full article. */
  readonly teaser: boolean;
}

/** Decides whether an item carries its article or only a teaser. */
export function itemText(item: FeedItem): ItemText {
  const content = item.contentHtml ? htmlToText(item.contentHtml) : '';
  const summary = item.summary ? htmlToText(item.summary) : '';
  const best = content.length >= summary.length ? content : summary;
  return { text: best, teaser: best.length < TEASER_CHARS };
}
