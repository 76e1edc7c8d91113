/** What a response body looks like, judged from its first characters. */
export type DocumentKind = 'empty' | 'html' | 'xml' | 'json' | 'other';

// Skips a BOM, whitespace, an XML declaration, comments and processing instructions, so that
// the first real tag or character decides.
const PROLOG = /^(?:\uFEFF|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->)*/;

export function sniffDocument(text: string): DocumentKind {
  const head = text.slice(0, 8192);
  if (head.trim().replace(/^\uFEFF/, '') === '') return 'empty';
  const rest = head.replace(PROLOG, '');
  if (rest === '') return 'xml';
  if (/^<!doctype\s+html|^<(?:html|head|body)[\s>]/i.test(rest)) return 'html';
  if (rest.startsWith('<')) return 'xml';
  if (rest.startsWith('{') || rest.startsWith('[')) return 'json';
  return 'other';
}
