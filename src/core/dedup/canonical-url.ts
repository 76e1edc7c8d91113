/**
 * Canonical article addresses: the same article reached through a newsletter, a social share and a
 * feed must get one address, so the store can recognise it.
 */

/** Query parameters that only track the reader; any name starting with one of these prefixes too. */
const TRACKING_PREFIXES = ['utm_', 'at_', 'ns_', 'pk_', 'mtm_', 'hsa_'];
const TRACKING_NAMES = new Set([
  'fbclid',
  'gclid',
  'gclsrc',
  'dclid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  'mkt_tok',
  '_ga',
  '_gl',
  '_hsenc',
  '_hsmi',
  'ref',
  'ref_src',
  'ref_url',
  'referrer',
  'cmpid',
  'cmp',
  'icid',
  'ocid',
  'xtor',
  's_cid',
  'smid',
  'spm',
  'ito',
  'wt.mc_id',
]);

function isTracking(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_NAMES.has(lower) || TRACKING_PREFIXES.some((p) => lower.startsWith(p));
}

/**
 * The canonical form of an http(s) address: host lower-cased, default port, fragment and tracking
 * parameters dropped, the remaining parameters sorted, and a trailing slash dropped from the path
 * (the root path keeps its "/"). Returns `undefined` for anything that is not an absolute http(s) URL.
 */
export function canonicalUrl(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // URL already lower-cases the host and drops the scheme's default port.
  url.hash = '';
  url.username = '';
  url.password = '';
  if (url.hostname.endsWith('.')) url.hostname = url.hostname.slice(0, -1);
  const kept = [...url.searchParams.entries()].filter(([name]) => !isTracking(name));
  kept.sort(([a, av], [b, bv]) => (a === b ? compare(av, bv) : compare(a, b)));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '') || '/';
  }
  return url.toString();
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The outlet behind an address, for counting how many outlets carried a story: the host without a
 * leading "www." or "m." ("https://www.bbc.co.uk/news/x" and "https://m.bbc.co.uk/y" are one outlet).
 */
export function outletOf(raw: string): string {
  try {
    return new URL(raw).hostname.replace(/\.$/, '').replace(/^(www\d?|m|mobile|amp)\./, '');
  } catch {
    return '';
  }
}
