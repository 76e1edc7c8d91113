import { DetectError, MalformedError, parseFeed as parseAnyFeed } from 'feedsmith';
import { XMLValidator } from 'fast-xml-parser';
import { discoverFeedLinks } from './discover.js';
import { hostileDtd } from './dtd-guard.js';
import { normaliseAtom } from './normalise-atom.js';
import { normaliseJson } from './normalise-json.js';
import { normaliseRdf, normaliseRss } from './normalise-rss.js';
import { sniffDocument } from './sniff.js';
import type { FeedParseErrorCode, FeedParseResult } from './types.js';

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
export function parseFeedText(text: string, baseUrl: string): FeedParseResult {
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
      const checked = wellFormed(text);
      if (!checked.ok) return fail('invalid_xml', checked.message);
      return parseDetected(checked.xml, baseUrl, 'XML, but not RSS, RDF or Atom');
    }
    case 'json':
      return parseDetected(text, baseUrl, 'JSON, but not a JSON Feed');
  }
}

function parseDetected(text: string, baseUrl: string, unrecognised: string): FeedParseResult {
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
    // ParseError: recognised as a feed but missing its required structure (e.g. no <channel>).
    return fail('not_a_feed', `${unrecognised}: the feed structure is missing`);
  }
}

/** A discovered link for a message: without its query, which may carry a token. */
function describeLink(link: string): string {
  const url = new URL(link);
  return `${url.origin}${url.pathname}`;
}
