/** Small value cleaners shared by the format normalisers. */
import { createHash } from 'node:crypto';
import { markupText } from '../extract/dom-text.js';
import { checkMarkup } from '../extract/limits.js';
import { stripInert } from '../extract/strip.js';
import { wellFormed } from './repair-text.js';

/** Trimmed text with runs of whitespace collapsed, or null when nothing is left. */
export function cleanText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = wellFormed(value).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Trimmed markup, or null when empty; inner whitespace is kept since it may matter in HTML. */
export function cleanHtml(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const html = wellFormed(value).trim();
  return html === '' ? null : html;
}

/** Plain text made safe to embed as HTML. */
export function textToHtml(value: string | undefined | null): string | null {
  const text = cleanHtml(value);
  if (text === null) return null;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

// A tag (`<b>`, `</a>`, `<br/>`), a comment or an entity reference: what HTML in a plain-text field looks like.
const MARKUP = /<\/?[A-Za-z][\w:-]*(?:\s[^<]*)?\/?>|<!--|&(?:#\d+|#x[\dA-Fa-f]+|[A-Za-z][A-Za-z\d]*);/;

/**
 * Markup as plain text, read by the HTML parser (htmlparser2) rather than a pattern, so that a `>`
 * inside an attribute or a comment cannot leak into the text. Whitespace collapsed; null when empty.
 */
export function markupToText(html: string | undefined | null): string | null {
  if (html === undefined || html === null) return null;
  if (!MARKUP.test(html)) return cleanText(html);
  const markup = stripInert(wellFormed(html));
  // Past the extractor's bounds (tags nested thousands deep), the parser's work grows with the
  // square of the depth: such a title is markup noise, and it is dropped.
  if (checkMarkup(markup) !== null) return null;
  return cleanText(markupText(markup));
}

/** An absolute http(s) URL resolved against `base`, without credentials, or null (other schemes are dropped). */
export function resolveLink(value: string | undefined | null, base: string): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    // Credentials in a link are a secret in the wrong place: never stored, fetched with or shown.
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return null;
  }
}

/** A GUID that is itself an absolute http(s) URL, or null: an id like "12345" is no link. */
export function guidLink(guid: string | null | undefined): string | null {
  return guid && /^https?:\/\/\S+$/i.test(guid) ? resolveLink(guid, guid) : null;
}

/** A date from RFC 822 / RFC 3339 text, or null when it does not read as one. */
export function parseDate(...values: (string | undefined | null)[]): Date | null {
  for (const value of values) {
    if (!value) continue;
    const ms = Date.parse(value.trim());
    if (!Number.isNaN(ms)) return new Date(ms);
  }
  return null;
}

/** The first value that is a non-empty string. */
export function firstText(...values: (string | undefined | null)[]): string | null {
  for (const v of values) {
    const t = cleanText(v);
    if (t !== null) return t;
  }
  return null;
}

/**
 * A person's name from an author field: "Name (email)" and "email (Name)" (RSS's own form) give
 * the name, as does "Name <email>"; a bare address gives null (addresses are not shown).
 */
export function authorName(value: string | undefined | null): string | null {
  // Names are short; the cut keeps the patterns below cheap on a hostile field.
  const raw = cleanText(value?.slice(0, 400));
  if (raw === null) return null;
  const isEmail = (s: string) => /^\S+@\S+\.\S+$/.test(s.trim());
  const paren = /^(.*?)\s*\(([^()]*)\)$/.exec(raw);
  if (paren) {
    const [, outside = '', inside = ''] = paren;
    if (isEmail(outside)) return cleanText(inside);
    return cleanText(outside) ?? (isEmail(inside) ? null : cleanText(inside));
  }
  const angle = /^(.*?)\s*<([^<>]*)>$/.exec(raw);
  if (angle) return cleanText(angle[1]);
  return isEmail(raw) ? null : raw;
}

/** What an item is known by: its GUID, its link, its title and date, or a digest of its text. */
export function itemIdentity(parts: {
  guid: string | null;
  url: string | null;
  title: string | null;
  date: Date | null;
  body: string | null;
}): string | null {
  if (parts.guid) return parts.guid;
  if (parts.url) return parts.url;
  if (parts.title) return `${parts.title}|${parts.date?.toISOString() ?? ''}`;
  if (parts.body) return `sha1:${createHash('sha1').update(parts.body).digest('hex')}`;
  return null;
}
