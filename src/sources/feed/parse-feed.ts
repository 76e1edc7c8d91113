import { DetectError, MalformedError, parseFeed as parseAnyFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { discoverFeedLinks } from './discover.js';
import { hostileDtd } from './dtd-guard.js';
import { normaliseAtom } from './normalise-atom.js';
import { normaliseJson } from './normalise-json.js';
import { normaliseRdf, normaliseRss } from './normalise-rss.js';
import { completeFinalEndTag, formatOfRoot, recoverXml, rootElement } from './recover-xml.js';
import { repairText } from './repair-text.js';
import { sniffDocument } from './sniff.js';
import type { FeedFormat, FeedParseErrorCode, FeedParseResult } from './types.js';

const fail = (code: FeedParseErrorCode, message: string): FeedParseResult => ({
  ok: false,
  error: { code, message },
});

// An "&" that starts no entity or character reference: the commonest way real feeds break XML.
const BARE_AMPERSAND = /&(?![A-Za-z_][\w.-]*;|#\d+;|#x[\dA-Fa-f]+;)/g;

/**
 * Checks well-formedness, which the feed parser itself is lenient about (it accepts a truncated
 * document). Bare ampersands alone are forgiven by escaping them, as mainstream readers do.
 */
function wellFormed(xml: string): { ok: true; xml: string } | { ok: false; message: string } {
  const first = XMLValidator.validate(xml);
  if (first === true) return { ok: true, xml };
  const repaired = xml.replace(BARE_AMPERSAND, '&amp;');
  if (repaired !== xml && XMLValidator.validate(repaired) === true) return { ok: true, xml: repaired };
  const { msg, line, col } = first.err;
  return { ok: false, message: `invalid XML at line ${line}, column ${col}: ${msg.slice(0, 120)}` };
}

/**
 * Parses feed text (already decoded) into a normalised feed. `baseUrl` is where the feed was
 * fetched from (after redirects); relative links resolve against it. Entity expansion stays off
 * (the parser leaves `&name;` from a DTD unexpanded), and DTDs shaped like billion laughs or XXE
 * are refused outright. Anything that is not RSS, RDF, Atom or JSON Feed is a clear error, never a throw.
 */
export function parseFeedText(body: string, baseUrl: string): FeedParseResult {
  const text = repairText(body);
  const kind = sniffDocument(text);
  switch (kind) {
    case 'empty':
      return fail('empty_body', 'the response was empty');
    case 'html': {
      const [advertised] = discoverFeedLinks(text, baseUrl);
      const hint = advertised === undefined ? '' : ` (the page links to a feed: ${describeLink(advertised)})`;
      return fail('not_a_feed', `an HTML page, not a feed${hint}`);
    }
    case 'other':
      return fail('not_a_feed', 'neither XML nor JSON');
    case 'xml': {
      const hostile = hostileDtd(text);
      if (hostile !== null) return fail('invalid_xml', `refused: ${hostile}`);
      const checked = wellFormed(completeFinalEndTag(text));
      if (!checked.ok) return fail('invalid_xml', checked.message);
      const format = formatOfRoot(rootElement(checked.xml));
      return parseDetected(recoverXml(checked.xml), baseUrl, 'XML, but not RSS, RDF or Atom', format);
    }
    case 'json':
      return parseDetected(text, baseUrl, 'JSON, but not a JSON Feed', jsonFeedVersion(text) ? 'json' : null);
  }
}

/** Whether JSON text declares itself a JSON Feed (`"version": "https://jsonfeed.org/version/1.1"`). */
function jsonFeedVersion(text: string): boolean {
  try {
    const value = JSON.parse(text) as { version?: unknown } | null;
    return typeof value?.version === 'string' && value.version.includes('jsonfeed.org');
  } catch {
    return false;
  }
}

/**
 * Parses a document whose root names a feed format (`format`; null when it names none). A feed
 * that is valid but holds nothing the parser maps (no items, an empty channel) is an empty feed,
 * not a failure: it must not count toward disabling the feed.
 */
function parseDetected(
  text: string,
  baseUrl: string,
  unrecognised: string,
  format: FeedFormat | null,
): FeedParseResult {
  try {
    const parsed = parseAnyFeed(text);
    switch (parsed.format) {
      case 'rss':
        return { ok: true, feed: normaliseRss(parsed.feed, baseUrl) };
      case 'rdf':
        return { ok: true, feed: normaliseRdf(parsed.feed, baseUrl) };
      case 'atom':
        return { ok: true, feed: normaliseAtom(parsed.feed, baseUrl) };
      case 'json':
        return { ok: true, feed: normaliseJson(parsed.feed, baseUrl) };
    }
  } catch (err) {
    if (err instanceof DetectError) return fail('not_a_feed', unrecognised);
    if (err instanceof MalformedError) {
      // The cause is the XML parser's own message (e.g. external entities refused); no input echoed.
      const why = (err.cause as { message?: unknown } | undefined)?.message;
      const cause = typeof why === 'string' ? `: ${(why.split(/\.?\s*Context:/)[0] ?? '').slice(0, 80)}` : '';
      return fail('invalid_xml', `the feed parser could not read the document${cause}`);
    }
    // ParseError: recognised, but nothing in it the parser maps (an empty channel, say).
    if (format !== null) return { ok: true, feed: { format, title: null, link: null, items: [] } };
    return fail('not_a_feed', `${unrecognised}: the feed structure is missing`);
  }
}

/** A discovered link for a message: without its query, which may carry a token. */
function describeLink(link: string): string {
  const url = new URL(link);
  return `${url.origin}${url.pathname}`;
}
