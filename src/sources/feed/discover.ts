import { resolveLink } from './values.js';

const LINK_TAG = /<link\b[^>]*>/gi;
const FEED_TYPES = /^application\/(?:rss\+xml|atom\+xml|rdf\+xml|feed\+json)$/i;

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[1] ?? m[2] ?? m[3]) : undefined;
}

/**
 * The feeds an HTML page advertises (`<link rel="alternate" type="application/rss+xml">` and
 * kin), absolute, in page order. Lets `feeds add` turn a site URL into its feed URL.
 */
export function discoverFeedLinks(html: string, baseUrl: string): string[] {
  // Feed links live in <head>; a bounded prefix keeps this cheap on huge pages.
  const head = html.slice(0, 65_536);
  const found: string[] = [];
  for (const [tag] of head.matchAll(LINK_TAG)) {
    const rel = attribute(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const type = attribute(tag, 'type')?.trim() ?? '';
    if (!rel.includes('alternate') || !FEED_TYPES.test(type)) continue;
    const href = resolveLink(attribute(tag, 'href'), baseUrl);
    if (href !== null && !found.includes(href)) found.push(href);
  }
  return found;
}
