import type { FeedUpdate, NewArticle, NewFeed } from './types.js';

// PostgreSQL text holds neither NUL nor a lone surrogate (a half of a UTF-16 pair), and its jsonb
// refuses their escapes; SQLite takes them but hands back text that is not valid Unicode.
// eslint-disable-next-line no-control-regex -- NUL is what is being replaced
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * Text either store keeps as given: each NUL and lone surrogate becomes U+FFFD. One code unit for
 * one, so offsets into the text (quote positions in the body) still hold.
 */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE, '\ufffd');
}

function storableValue(value: unknown): unknown {
  if (typeof value === 'string') return storableText(value);
  if (Array.isArray(value)) return value.map(storableValue);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, storableValue(v)]));
  }
  return value;
}

/** Every string in `value`, however deep (a feed, a feed change), made storable. */
export function storable<T extends NewFeed | FeedUpdate>(value: T): T {
  return storableValue(value) as T;
}

/** An address without `user:password@`: credentials in an article's link are never stored. */
function withoutCredentials(url: string): string {
  try {
    const u = new URL(url);
    if (u.username === '' && u.password === '') return url;
    u.username = '';
    u.password = '';
    return u.href;
  } catch {
    return url;
  }
}

/** An article made storable: its strings cleaned, its link without credentials. */
export function storableArticle(article: NewArticle): NewArticle {
  const clean = storableValue(article) as NewArticle;
  return { ...clean, url: withoutCredentials(clean.url) };
}
