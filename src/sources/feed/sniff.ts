/** What a response body looks like, judged from its first characters. */
export type DocumentKind = 'empty' | 'html' | 'xml' | 'json' | 'other';

// Skips a BOM, whitespace, an XML declaration, comments and processing instructions, so that
// the first real tag or character decides.
const PROLOG = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;
const DOCTYPE = /^<!DOCTYPE[^[>]*(?:\[[\s\S]*?\])?\s*>/i;
const FEED_ROOT = /^<(?:rss|feed|(?:[\w.-]+:)?RDF)[\s>/]/i;

export function sniffDocument(text: string): DocumentKind {
  const head = text.slice(0, 8192);
  if (head.trim().replace(/^\uFEFF/, '') === '') return 'empty';
  const rest = head.replace(PROLOG, '');
  if (rest === '') return 'xml';
  // A DOCTYPE decides only when no feed follows it: some feeds open with an XHTML DOCTYPE.
  const htmlDoctype = /^<!doctype\s+html/i.test(rest);
  const root = rest.replace(DOCTYPE, '').replace(PROLOG, '');
  if (FEED_ROOT.test(root)) return 'xml';
  if (htmlDoctype || /^<(?:html|head|body)[\s>]/i.test(root)) return 'html';
  if (rest.startsWith('<')) return 'xml';
  if (rest.startsWith('{') || rest.startsWith('[')) return 'json';
  return 'other';
}
