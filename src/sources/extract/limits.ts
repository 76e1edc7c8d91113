import type { ExtractError } from './types.js';

/** Bounds that keep one hostile page from stalling or swamping the process. */
export interface ExtractLimits {
  /** Longest page accepted, in UTF-16 code units (about bytes for Latin text). */
  readonly maxChars: number;
  /** Deepest tag nesting accepted: the DOM and Readability slow down sharply past a few hundred. */
  readonly maxDepth: number;
  /** Most elements accepted. */
  readonly maxElements: number;
}

export const DEFAULT_LIMITS: ExtractLimits = { maxChars: 8_000_000, maxDepth: 256, maxElements: 30_000 };

const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
/** Tags a new sibling of the same name closes, as the HTML parser does (`<li>a<li>b`). */
const SELF_CLOSING = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th']);
/** How far up the open tags a closing tag may reach; stray end tags further off are ignored. */
const CLOSE_REACH = 12;

/**
 * Checks a page against the limits before it is parsed, with one linear scan of its tags that
 * follows the parser closely enough to measure nesting (void elements, `<li>` closing `<li>`,
 * stray end tags ignored).
 */
export function checkMarkup(html: string, limits: ExtractLimits = DEFAULT_LIMITS): ExtractError | null {
  if (html.length > limits.maxChars)
    return {
      code: 'too-large',
      message: `the page is ${html.length} characters, over the limit of ${limits.maxChars}`,
    };
  const open: string[] = [];
  let elements = 0;
  for (const m of html.matchAll(/<(\/?)([a-zA-Z][\w:-]*)[^>]*?(\/?)>/g)) {
    const name = m[2]!.toLowerCase();
    if (m[1]) {
      const at = open.lastIndexOf(name, open.length - 1);
      if (at >= 0 && open.length - at <= CLOSE_REACH) open.length = at;
      continue;
    }
    if (++elements > limits.maxElements)
      return { code: 'too-many-elements', message: `the page has over ${limits.maxElements} elements` };
    if (VOID.has(name) || m[3]) continue;
    if (SELF_CLOSING.has(name) && open[open.length - 1] === name) open.pop();
    open.push(name);
    if (open.length > limits.maxDepth)
      return { code: 'too-deep', message: `the page nests tags over ${limits.maxDepth} deep` };
  }
  return null;
}
