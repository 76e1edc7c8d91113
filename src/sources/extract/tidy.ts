import { isFurniture } from './boilerplate.js';
import { type DomElement, elementsOf } from './dom.js';

/** A lead-in to a list of other stories: "Related", "You may also like", "More:". */
const LEAD_IN =
  /^(related( stories| articles| coverage| content| links)?|you (may|might) also (like|enjoy)|more( (from|on|stories)\b.{0,40})?|recommended( for you| stories)?|don'?t miss|see also|most (popular|read)|trending( now| stories)?|read (more|next|this)|also read|further reading|top stories)\W*$/i;
/** "READ MORE: another story" links set between paragraphs. */
const PROMPT = /^(related|read more|see more|see also|also read|more|watch|listen|read|don'?t miss)\s*:/i;

const LEAF_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'dt', 'dd', 'blockquote']);
/** How many link blocks after a lead-in are taken as its list. */
const MAX_LIST_BLOCKS = 12;

/**
 * Drops the links to elsewhere that Readability keeps inside a story: "related stories" lists and
 * their lead-ins, "READ MORE: ..." teasers, paragraphs that are one link, and the headline repeated
 * at the top. Works on blocks whose text stands alone (no block children), so a rule can never
 * take a whole story with it.
 */
export function tidyArticle(root: DomElement, title: string | null): void {
  const headline = title ? squash(title) : null;
  const doomed: DomElement[] = [];
  for (const el of elementsOf(root)) {
    if (el === root || !LEAF_BLOCKS.has(el.localName) || hasBlockChild(el)) continue;
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (text === '') continue;
    if (headline && /^h[1-6]$/.test(el.localName) && squash(text) === headline) doomed.push(el);
    else if (isTeaser(el, text) || isFurniture(text)) doomed.push(el);
    else if (LEAD_IN.test(text)) {
      doomed.push(el);
      let next = el.nextElementSibling;
      for (let n = 0; next && n < MAX_LIST_BLOCKS && isLinkList(next); n++, next = next.nextElementSibling)
        doomed.push(next);
    }
  }
  for (const el of doomed) el.remove();
}

function isTeaser(el: DomElement, text: string): boolean {
  if (text.length <= 200 && PROMPT.test(text) && linkShare(el) > 0.5) return true;
  // A short paragraph that is one link is a teaser for another page, unless it shows the address
  // itself: then it is a reference the author gives.
  return el.localName === 'p' && text.length <= 160 && linkShare(el) > 0.9 && !/^(https?:|www\.)/i.test(text);
}

function isLinkList(el: DomElement): boolean {
  return el.localName === 'ul' || el.localName === 'ol' || linkShare(el) > 0.8;
}

function hasBlockChild(el: DomElement): boolean {
  const kids = el.children;
  for (let i = 0; i < kids.length; i++)
    if (LEAF_BLOCKS.has(kids[i]!.localName) || kids[i]!.localName === 'ul') return true;
  return false;
}

/** The share of an element's text that sits inside links. */
function linkShare(el: DomElement): number {
  const total = (el.textContent ?? '').replace(/\s+/g, '').length;
  if (total === 0) return 0;
  let linked = 0;
  const links = el.querySelectorAll('a');
  for (let i = 0; i < links.length; i++) linked += (links[i]!.textContent ?? '').replace(/\s+/g, '').length;
  return Math.min(1, linked / total);
}

function squash(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}
