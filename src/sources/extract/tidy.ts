import { type DomElement, elementsOf } from './dom.js';

/** Paragraphs that are page furniture wherever they appear. */
const FURNITURE = [
  /^(advert(isement)?|sponsored( content)?|skip to (main )?content|continue reading( below)?|story continues below( advertisement)?|comments?|\d+ comments?|share( this( article| story)?)?|print|email|tweet|reddit)\W*$/i,
  /^this (slideshow|video|content|feature) requires javascript\W*$/i,
  /^(posted|updated|published|last (updated|modified))( on)?\b[^.]{0,60}\d[^.]{0,40}$/i,
  /^by\s+[\p{Lu}][^.!?]{0,80}$/u,
  /^(©|\(c\)|copyright\b)/i,
  /^(have a (news )?tip|got a tip|sign up|subscribe|get the latest|follow us|click here|download (the|our) app)\b.{0,200}$/i,
];

/** Captions and photo credits, when they stand as paragraphs of their own. */
const CREDIT = [
  /\b(credit|photo|photograph|picture|image|source)s?( credit)?\s*:\s*[^.:]{0,80}\)?$/i,
  /\|\s*(getty images|ap|afp|reuters|epa|shutterstock|bloomberg)\s*$/i,
  /\((ap|afp|reuters|epa) photo[^)]*\)\s*$/i,
];

/** A lead-in to a list of other stories: "Related", "You may also like", "Don't miss". */
const LEAD_IN =
  /^(related( stories| articles| coverage| content| links)?|you (may|might) also (like|enjoy)|more (from|on|stories)\b.{0,40}|recommended( for you| stories)?|don'?t miss|see also|most (popular|read)|trending( now| stories)?|read (more|next|this)|also read|further reading|top stories)\W*$/i;
/** "READ MORE: another story" links set between paragraphs. */
const PROMPT = /^(related|read more|see more|see also|also read|more|watch|listen|read|don'?t miss)\s*:/i;

const LEAF_BLOCKS = new Set(['p', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'div', 'dt', 'dd', 'blockquote']);

/**
 * Drops what Readability keeps but a reader skips: bylines and datelines, captions and credits,
 * ad labels, "related stories" lists and their lead-ins, calls to subscribe, the headline repeated
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
    else if (isFurniture(el, text)) doomed.push(el);
    else if (LEAD_IN.test(text)) {
      doomed.push(el);
      const next = el.nextElementSibling;
      if (next && (next.localName === 'ul' || next.localName === 'ol' || linkShare(next) > 0.8))
        doomed.push(next);
    }
  }
  for (const el of doomed) el.remove();
}

function isFurniture(el: DomElement, text: string): boolean {
  if (text.length <= 200 && FURNITURE.some((re) => re.test(text))) return true;
  if (text.length <= 300 && CREDIT.some((re) => re.test(text))) return true;
  if (text.length <= 200 && PROMPT.test(text) && linkShare(el) > 0.5) return true;
  // A short paragraph that is one link is a teaser for another page.
  return el.localName === 'p' && text.length <= 160 && linkShare(el) > 0.9;
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
