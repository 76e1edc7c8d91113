import { type DomDocument, type DomElement, elementsOf } from './dom.js';

/** Elements that never hold article text. */
const NOISE_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'nav',
  'aside',
  'footer',
  'header',
  'button',
  'select',
  'input',
  'textarea',
  'form',
  'figure',
  'figcaption',
  'time',
]);
/** ARIA landmarks of page furniture. */
const NOISE_ROLES = [
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'dialog',
  'alertdialog',
];
/** Class and id words of widgets: sharing, related links, newsletters, comments, ads. */
const NOISE_WORDS =
  /(?:^|[-_\s])(share|sharing|social|related|recommended|newsletter|subscribe|subscription|comment|promo|advert|advertisement|ad|dfp|sponsored|breadcrumb|caption|credit|byline|cookie|popup|modal|outbrain|taboola|trending|most-popular|sidebar|signup|paywall|tag|author-bio|read-more|more-stories)s?(?:$|[-_\s])/i;

/** Parts of camel-cased class names (`imageCaption`, `articleByline`) that mark furniture too. */
const NOISE_PARTS = /caption|credit|byline|author|timestamp|related|newsletter|outbrain|taboola/i;

/**
 * Removes page furniture before Readability scores the page: scripts and styles, navigation,
 * asides and footers, forms, share and related-links widgets, ads. An element that holds most of
 * the page's paragraph text is kept whatever its name says: some sites wrap the whole story in a
 * `<form>` or a `content-with-sidebar` box.
 */
export function prunePage(doc: DomDocument): void {
  const root = doc.body ?? doc.documentElement;
  if (!root) return;
  unwrapEmbeds(root);
  const chars = paragraphChars(root);
  const pageText = chars.get(root) ?? 0;
  const doomed: DomElement[] = [];
  for (const el of elementsOf(root)) {
    if (el !== root && isNoise(el) && (chars.get(el) ?? 0) <= pageText * 0.4) doomed.push(el);
  }
  for (const el of doomed) el.remove();
}

function isNoise(el: DomElement): boolean {
  if (NOISE_TAGS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && NOISE_ROLES.includes(role)) return true;
  if (el.getAttribute('aria-hidden') === 'true' || el.getAttribute('hidden') !== null) return true;
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  return names.trim() !== '' && (NOISE_WORDS.test(names) || NOISE_PARTS.test(names));
}

/** How many characters of `<p>` text each element holds, counted once for the whole page. */
function paragraphChars(root: DomElement): Map<DomElement, number> {
  const chars = new Map<DomElement, number>();
  const ps = root.querySelectorAll('p');
  for (let i = 0; i < ps.length; i++) {
    const n = (ps[i]!.textContent ?? '').length;
    for (let el: DomElement | null = ps[i]!; el; el = el === root ? null : el.parentElement)
      chars.set(el, (chars.get(el) ?? 0) + n);
  }
  return chars;
}

/**
 * Embedded posts (a quoted tweet, an Instagram caption) are part of the story, but they come in
 * wrappers named "social-embed" that look like share widgets; keep the quote, drop the wrapper.
 */
function unwrapEmbeds(root: DomElement): void {
  const quotes = root.querySelectorAll('blockquote');
  for (let i = 0; i < quotes.length; i++) {
    const quote = quotes[i]!;
    const own = squash(quote.textContent);
    if (own === '') continue;
    let wrapper: DomElement = quote;
    while (
      wrapper.parentElement &&
      wrapper.parentElement !== root &&
      squash(wrapper.parentElement.textContent) === own
    )
      wrapper = wrapper.parentElement;
    if (wrapper !== quote) wrapper.replaceWith(quote);
  }
}

function squash(text: string | null): string {
  return (text ?? '').replace(/\s+/g, '');
}
