// The CPU-heavy steps of reading a feed: parsing it, turning items and pages into text, analysing.
// Plain functions of their inputs, so that they run the same in a worker thread or in this one.
import { analyzeArticle } from '../../core/analyze.js';
import type { Analysis } from '../../core/types.js';
import type { FeedItem } from '../feed/types.js';
import { itemText } from '../poll/item-text.js';
import type { ExtractPage } from '../poll/types.js';
import { cutAtSentence } from './cut.js';

/** What became of an item's text: analysed, a teaser whose page is wanted, or nothing to read. */
export type ItemReading =
  | { readonly kind: 'analysed'; readonly analysis: Analysis; readonly cut: boolean }
  | { readonly kind: 'teaser'; readonly text: string }
  | { readonly kind: 'empty'; readonly reason: string };

/** The parts of a feed item the reading looks at. */
export type ItemInput = Pick<FeedItem, 'title' | 'url' | 'summary' | 'contentHtml'>;

/** A fetched page (or the reason it could not be fetched), with the item it stands behind. */
export interface PageInput {
  readonly item: ItemInput;
  /** The item's own (teaser) text, the fallback when the page gives less. */
  readonly ownText: string;
  readonly page: { readonly text: string; readonly mediaType: string; readonly finalUrl: string } | null;
  readonly pageProblem: string | null;
  readonly maxChars: number;
}

function analyse(
  text: string,
  title: string | null,
  url: string | null,
  maxChars: number,
  why: string,
): ItemReading {
  if (!/[\p{L}\p{N}]/u.test(text)) return { kind: 'empty', reason: why };
  const within = cutAtSentence(text, maxChars);
  return {
    kind: 'analysed',
    analysis: analyzeArticle({ text: within.text, title: title ?? undefined, url: url ?? undefined }),
    cut: within.cut,
  };
}

/** Reads the text an item carries: analysed when it is the article, else a teaser for its page. */
export function readItemText(item: ItemInput, maxChars: number): ItemReading {
  const own = itemText(item as FeedItem);
  if (own.teaser && item.url) return { kind: 'teaser', text: own.text };
  return analyse(own.text, item.title, item.url, maxChars, 'the item carries no text');
}

/**
 * Reads a teaser item's page: HTML through the extractor, plain text as it is. When the page gives
 * less than the teaser (paywalled, broken, not fetched), the teaser is analysed instead, so the
 * story still gets its headline.
 */
export function readPageText(input: PageInput, extract: ExtractPage): ItemReading {
  const { page, item } = input;
  const extracted =
    page === null
      ? null
      : page.mediaType === 'text/plain'
        ? { title: null, text: page.text }
        : extract(page.text, page.finalUrl);
  let text = input.ownText;
  let pageTitle: string | null = null;
  let problem = input.pageProblem;
  if (extracted && extracted.text.length > text.length) {
    text = extracted.text;
    pageTitle = extracted.title;
  } else if (page !== null) problem = 'no article found in the page';
  return analyse(
    text,
    item.title ?? pageTitle,
    item.url,
    input.maxChars,
    problem ?? 'the item carries no text',
  );
}
