import { Readability } from '@mozilla/readability';
import { type DomDocument, type DomElement, parseDocument } from './dom.js';
import { elementText } from './dom-text.js';
import { dropBoilerplate } from './boilerplate.js';
import { readJsonLd } from './json-ld.js';
import { checkMarkup, DEFAULT_LIMITS, type ExtractLimits } from './limits.js';
import { prunePage } from './prune.js';
import { stripInert } from './strip.js';
import { tidyArticle } from './tidy.js';
import type { ExtractError, ExtractedArticle, Result } from './types.js';

/** Below this many characters, Readability's pick is doubted and the fallbacks are tried. */
const SHORT_TEXT = 250;
/** Containers that name themselves as the article, in order of trust. */
const ARTICLE_CONTAINERS = ['[itemprop="articleBody"]', 'article', 'main', '[role="main"]', 'body'];

interface Candidate {
  readonly title: string | null;
  readonly text: string;
  readonly byline: string | null;
  readonly siteName: string | null;
}

/**
 * Finds the article in a web page: Readability on the page with its furniture (navigation, share
 * and related widgets, ads) removed, tidied of captions, bylines and teaser links. When that finds
 * little, the page's JSON-LD `articleBody` or its `<article>` element is used instead. A page that
 * is too large or too deeply nested is refused before parsing, so cost stays bounded.
 */
export function extractArticle(
  html: string,
  _url?: string,
  limits: ExtractLimits = DEFAULT_LIMITS,
): Result<ExtractedArticle, ExtractError> {
  if (html.length > limits.maxChars) return fail(checkMarkup(html, limits)!);
  const markup = stripInert(html);
  const refused = checkMarkup(markup, limits);
  if (refused) return fail(refused);
  const meta = readJsonLd(markup);
  const main = readable(parseDocument(markup));
  let best: Candidate = main ?? { title: null, text: '', byline: null, siteName: null };
  if (best.text.length < SHORT_TEXT) {
    const ldBody = meta.body ? decodeMarkup(meta.body) : '';
    const container = ldBody.length > best.text.length ? '' : containerText(parseDocument(markup));
    const fallback = ldBody.length >= container.length ? ldBody : container;
    if (fallback.length > best.text.length) best = { ...best, text: fallback };
  }
  // Text without a single letter or digit (whitespace, stray brackets) is no article.
  if (!/[\p{L}\p{N}]/u.test(best.text))
    return fail({ code: 'no-article', message: 'the page holds no article text' });
  const title = clean(best.title) ?? clean(meta.headline);
  const byline = clean(best.byline) ?? clean(meta.author);
  const siteName = clean(best.siteName) ?? clean(meta.publisher);
  return {
    ok: true,
    value: { title, text: best.text, ...(byline ? { byline } : {}), ...(siteName ? { siteName } : {}) },
  };
}

function readable(doc: DomDocument): Candidate | null {
  prunePage(doc);
  // The serializer hands back the content element itself, so it can be tidied and laid out as text.
  const reader = new Readability<DomElement>(doc, {
    serializer: (node: unknown) => node as DomElement,
    keepClasses: true,
  });
  let parsed: ReturnType<typeof reader.parse>;
  try {
    parsed = reader.parse();
  } catch {
    // Readability gives up on some malformed pages by throwing; the fallbacks take over.
    return null;
  }
  const content = parsed?.content;
  if (!parsed || !content) return null;
  const title = parsed.title ?? null;
  tidyArticle(content, title);
  return {
    title,
    text: elementText(content),
    byline: parsed.byline ?? null,
    siteName: parsed.siteName ?? null,
  };
}

/** The text of the first container that names itself as the article, tidied. */
function containerText(doc: DomDocument): string {
  prunePage(doc);
  for (const selector of ARTICLE_CONTAINERS) {
    const el = doc.querySelector(selector);
    if (!el) continue;
    tidyArticle(el, null);
    const text = dropBoilerplate(elementText(el));
    if (text) return text;
  }
  return '';
}

/** JSON-LD text may carry entities or markup; read it as HTML, keeping its line breaks. */
function decodeMarkup(text: string): string {
  const html = /<[a-z/!]|&[#a-z0-9]+;/i.test(text) ? text : text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const doc = parseDocument(
    `<!doctype html><html><body>${html.replace(/\s*\n\s*/g, '<br><br>')}</body></html>`,
  );
  return doc.body ? elementText(doc.body) : '';
}

function clean(s: string | null | undefined): string | null {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
}

function fail(error: ExtractError): Result<ExtractedArticle, ExtractError> {
  return { ok: false, error };
}
