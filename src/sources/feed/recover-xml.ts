/**
 * Repairs to feed XML that real readers make before parsing, each for a way feeds are commonly
 * broken. They work on the document text, touch only the constructs they name, and run in linear
 * time; a document that needs none comes back unchanged.
 */

/**
 * The root element's name, after the prolog (declaration, comments, PIs, a DOCTYPE), or null.
 * A plain scan rather than one pattern: alternatives that can each swallow the next backtrack
 * exponentially when no root follows.
 */
export function rootElement(xml: string): string | null {
  const s = xml.slice(0, 65_536);
  let i = 0;
  while (i < s.length) {
    if (s[i] === '\uFEFF' || /\s/.test(s[i]!)) i++;
    else if (s.startsWith('<?', i)) i = after(s, '?>', i + 2);
    else if (s.startsWith('<!--', i)) i = after(s, '-->', i + 4);
    else if (s.slice(i, i + 9).toUpperCase() === '<!DOCTYPE') {
      const subset = s.indexOf('[', i);
      const close = s.indexOf('>', i);
      i = subset >= 0 && subset < close ? after(s, '>', after(s, ']', subset)) : after(s, '>', i);
    } else return /^<([A-Za-z_][\w:.-]*)/.exec(s.slice(i, i + 256))?.[1] ?? null;
  }
  return null;
}

/** The index just past the next `token` from `from`, or the end of `s` when there is none. */
function after(s: string, token: string, from: number): number {
  const at = s.indexOf(token, from);
  return at < 0 ? s.length : at + token.length;
}

/** The feed format a root element names, if any. */
export function formatOfRoot(root: string | null): 'rss' | 'rdf' | 'atom' | null {
  const local = root?.replace(/^.*:/, '').toLowerCase();
  if (local === 'rss') return 'rss';
  if (local === 'rdf') return 'rdf';
  if (local === 'feed') return 'atom';
  return null;
}

/** A document cut off inside its last end tag (`...</channel></rss` at the end): the `>` is added. */
export function completeFinalEndTag(xml: string): string {
  return /<\/[A-Za-z_][\w:.-]*\s*$/.test(xml) ? `${xml.trimEnd()}>` : xml;
}

// A start tag, its attribute values allowed to hold `>`.
const RSS_START = /<rss\b(?:[^>"']|"[^"]*"|'[^']*')*>/i;

/** RSS whose items sit directly under `<rss>`, with no `<channel>`: the channel is put around them. */
function wrapChannel(xml: string): string {
  if (/<channel[\s>/]/i.test(xml)) return xml;
  const start = RSS_START.exec(xml);
  const end = xml.search(/<\/rss\s*>\s*$/i);
  if (!start || end < 0) return xml;
  const open = start.index + start[0].length;
  if (start[0].endsWith('/>')) return xml;
  return `${xml.slice(0, open)}<channel>${xml.slice(open, end)}</channel>${xml.slice(end)}`;
}

// An Atom 0.3 text construct and its text: `<content mode="base64" ...>PHA+...</content>`. The
// attribute alternatives cannot overlap, so a long start tag costs one pass.
const TEXT_CONSTRUCT =
  /<((?:[\w.-]+:)?(?:content|summary|title|tagline|info|subtitle))(\s(?:[^>"']|"[^"]*"|'[^']*')*)?>([A-Za-z0-9+/=\s]*)<\/\1\s*>/g;
const BASE64_MODE = /\smode\s*=\s*["']base64["']/;

/** Atom 0.3 base64 content (`mode="base64"`) decoded, as CDATA so the parser reads it verbatim. */
function decodeBase64Content(xml: string): string {
  if (!/mode\s*=\s*["']base64["']/.test(xml)) return xml;
  return xml.replace(TEXT_CONSTRUCT, (whole, name: string, attrs: string | undefined, data: string) => {
    if (attrs === undefined || !BASE64_MODE.test(attrs)) return whole;
    const text = Buffer.from(data.replace(/\s+/g, ''), 'base64').toString('utf8');
    const cdata = text.replace(/]]>/g, ']]]]><![CDATA[>');
    return `<${name}${attrs.replace(BASE64_MODE, '')}><![CDATA[${cdata}]]></${name}>`;
  });
}

const ENTRY = /<((?:[\w.-]+:)?entry)\b[^>]*>[\s\S]*?<\/\1\s*>/g;
const DATE_ELEMENT = /<((?:[\w.-]+:)?(updated|modified|published|issued|created))\b[^>]*>[^<]*<\/\1\s*>/g;

/**
 * An entry that gives the same date element twice keeps the last, as the feed's author meant when
 * they appended a correction (the parser would keep the first).
 */
function keepLastDates(xml: string): string {
  return xml.replace(ENTRY, (entry) => {
    const seen = new Map<string, number>();
    for (const m of entry.matchAll(DATE_ELEMENT)) seen.set(m[1]!, (seen.get(m[1]!) ?? 0) + 1);
    if (![...seen.values()].some((n) => n > 1)) return entry;
    return entry.replace(DATE_ELEMENT, (element, name: string) => {
      const left = seen.get(name)! - 1;
      seen.set(name, left);
      return left > 0 ? '' : element;
    });
  });
}

// An RSS person field far longer than any name: the parser library's person pattern takes time
// quadratic in its length (28 s at 280 KB), so such a field is cut before it sees it.
const LONG_PERSON = /<((?:[\w.-]+:)?(?:author|managingEditor|webMaster))>([^<]{400,})<\/\1\s*>/gi;

function capPersonFields(xml: string): string {
  return xml.replace(
    LONG_PERSON,
    (_whole, name: string, text: string) => `<${name}>${text.slice(0, 400)}</${name}>`,
  );
}

/**
 * The repairs a well-formed document may still need: a channel for channel-less RSS, Atom 0.3
 * base64 content decoded, repeated entry dates reduced to the last. Well-formedness matters here:
 * every start tag these patterns find has its end tag, so each is scanned once.
 */
export function recoverXml(xml: string): string {
  let fixed = xml;
  const format = formatOfRoot(rootElement(fixed));
  if (format === 'rss') fixed = capPersonFields(wrapChannel(fixed));
  if (format === 'atom') fixed = keepLastDates(decodeBase64Content(fixed));
  return fixed;
}
