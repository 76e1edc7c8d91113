import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { findRegion } from '../../core/places/regions.js';

/** A feed listed in an OPML file. */
export interface OpmlFeed {
  readonly url: string;
  readonly title: string | null;
  readonly htmlUrl: string | null;
  /** From the outline's `category`, or from the nearest enclosing folder named after a region. */
  readonly region: string | null;
}

/** The feeds of an OPML file, or why it could not be read. */
export type OpmlResult =
  | { readonly ok: true; readonly title: string | null; readonly feeds: readonly OpmlFeed[] }
  | { readonly ok: false; readonly error: string };

/** Large enough for any real reading list, small enough that a hostile file cannot exhaust memory. */
export const MAX_OPML_BYTES = 5_000_000;
const MAX_DEPTH = 20;

type Attributes = Record<string, unknown>;
interface Outline extends Attributes {
  outline?: Outline[];
}

// Entity expansion is off in the parser (no DOCTYPE entity can expand); the five predefined entities
// and character references are decoded here, in one pass, so "&amp;#38;" stays "&#38;".
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
function decode(value: string): string {
  return value.replace(/&(amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name.toLowerCase()] ?? whole;
    const code =
      name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

function text(attrs: Attributes, name: string): string | null {
  const v = attrs[name];
  if (typeof v !== 'string' && typeof v !== 'number') return null;
  const s = decode(String(v)).trim();
  return s === '' ? null : s;
}

function categoryRegion(attrs: Attributes): string | null {
  // OPML 2.0: a comma-separated list of slash-delimited paths; the first names the region.
  const first = text(attrs, 'category')
    ?.split(',')[0]
    ?.replace(/^\/+|\/+$/g, '')
    .trim();
  return first && /^[a-z0-9-]+$/.test(first) ? first : null;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  processEntities: false,
  parseAttributeValue: false,
  isArray: (name) => name === 'outline',
});

/** Reads the feeds of an OPML file: nested folders, `xmlUrl`, `htmlUrl`, `title` or `text`. */
export function parseOpml(xml: string): OpmlResult {
  if (xml.length > MAX_OPML_BYTES)
    return { ok: false, error: `the file is larger than ${MAX_OPML_BYTES} bytes` };
  if (xml.trim() === '') return { ok: false, error: 'the file is empty' };
  if (/<!ENTITY/i.test(xml)) return { ok: false, error: 'entity declarations are not allowed in OPML' };
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    return { ok: false, error: `not well-formed XML (line ${valid.err.line}): ${valid.err.msg}` };
  }
  const doc = parser.parse(xml) as { opml?: { head?: Attributes; body?: Outline | string } };
  if (!doc.opml || typeof doc.opml !== 'object')
    return { ok: false, error: 'not an OPML file: no <opml> element' };
  const body = doc.opml.body;
  // An empty <body/> parses as an empty string: a valid list of no feeds.
  if (body === undefined) return { ok: false, error: 'no <body> in the OPML file' };

  const feeds: OpmlFeed[] = [];
  const seen = new Set<string>();
  const walk = (outlines: readonly Outline[], folderRegion: string | null, depth: number): string | null => {
    if (depth > MAX_DEPTH) return `outlines nested deeper than ${MAX_DEPTH} levels`;
    for (const o of outlines) {
      const url = text(o, 'xmlUrl') ?? text(o, 'xmlurl');
      const name = text(o, 'title') ?? text(o, 'text');
      if (url) {
        if (!/^https?:\/\//i.test(url))
          return `the feed "${name ?? url}" has an address that is not http(s): ${url}`;
        if (!seen.has(url)) {
          seen.add(url);
          feeds.push({
            url,
            title: name,
            htmlUrl: text(o, 'htmlUrl'),
            region: categoryRegion(o) ?? folderRegion,
          });
        }
      }
      if (o.outline) {
        const region = categoryRegion(o) ?? (name ? findRegion(name)?.slug : undefined) ?? folderRegion;
        const problem = walk(o.outline, region, depth + 1);
        if (problem) return problem;
      }
    }
    return null;
  };
  const problem = walk(typeof body === 'object' ? (body.outline ?? []) : [], null, 1);
  if (problem) return { ok: false, error: problem };
  const head = doc.opml.head;
  return {
    ok: true,
    title: head && typeof head.title === 'string' ? decode(head.title).trim() || null : null,
    feeds,
  };
}
