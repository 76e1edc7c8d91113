/**
 * What a page's JSON-LD says about its article (schema.org NewsArticle, BlogPosting, ...). Strings
 * are as the page wrote them: they may still hold entities or markup.
 */
export interface JsonLdArticle {
  readonly body: string | null;
  readonly headline: string | null;
  readonly author: string | null;
  readonly publisher: string | null;
}

/** Larger JSON-LD blocks are skipped: they are data dumps, not article metadata. */
const MAX_BLOCK_CHARS = 2_000_000;

/**
 * Reads the first article described in the page's `application/ld+json` scripts. Malformed blocks
 * are skipped (many sites ship them); nothing here throws.
 */
export function readJsonLd(html: string): JsonLdArticle {
  const found: JsonLdArticle = { body: null, headline: null, author: null, publisher: null };
  for (const m of html.matchAll(/<script\b[^>]*ld\+json[^>]*>([\s\S]*?)<\/script\s*>/gi)) {
    const raw = m[1]!;
    if (raw.length > MAX_BLOCK_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw.trim());
    } catch {
      continue;
    }
    const article = findArticle(data, 0);
    if (article) return describe(article);
  }
  return found;
}

type Json = Record<string, unknown>;

/** The first object (breadth-first, bounded depth) that carries an article body or headline. */
function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 6 || data === null || typeof data !== 'object') return null;
  const values = Array.isArray(data) ? (data as unknown[]) : [data];
  for (const v of values) {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Json;
      if (typeof o.articleBody === 'string' || (typeof o.headline === 'string' && isArticleType(o['@type'])))
        return o;
    }
  }
  for (const v of values) {
    if (!v || typeof v !== 'object') continue;
    for (const child of Array.isArray(v) ? (v as unknown[]) : Object.values(v as Json)) {
      const hit = findArticle(child, depth + 1);
      if (hit) return hit;
    }
  }
  return null;
}

function isArticleType(type: unknown): boolean {
  const types = Array.isArray(type) ? type : [type];
  return types.some((t) => typeof t === 'string' && /Article|Posting|Report/.test(t));
}

function describe(o: Json): JsonLdArticle {
  return {
    body: typeof o.articleBody === 'string' ? o.articleBody : null,
    headline: typeof o.headline === 'string' ? o.headline : null,
    author: nameOf(o.author),
    publisher: nameOf(o.publisher),
  };
}

function nameOf(v: unknown): string | null {
  const first: unknown = Array.isArray(v) ? v[0] : v;
  if (typeof first === 'string') return first.trim() || null;
  if (first && typeof first === 'object' && typeof (first as Json).name === 'string')
    return ((first as Json).name as string).trim() || null;
  return null;
}
