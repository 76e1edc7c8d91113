/** Small value cleaners shared by the format normalisers. */

/** Trimmed text with runs of whitespace collapsed, or null when nothing is left. */
export function cleanText(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const text = value.replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

/** Trimmed markup, or null when empty; inner whitespace is kept since it may matter in HTML. */
export function cleanHtml(value: string | undefined | null): string | null {
  if (value === undefined || value === null) return null;
  const html = value.trim();
  return html === '' ? null : html;
}

/** Plain text made safe to embed as HTML. */
export function textToHtml(value: string | undefined | null): string | null {
  const text = cleanHtml(value);
  if (text === null) return null;
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** An absolute http(s) URL resolved against `base`, or null (other schemes are dropped). */
export function resolveLink(value: string | undefined | null, base: string): string | null {
  const raw = value?.trim();
  if (!raw) return null;
  try {
    const url = new URL(raw, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
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
