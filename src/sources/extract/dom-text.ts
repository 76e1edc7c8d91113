import { type DomElement, type DomNode, isElement, TEXT_NODE } from './dom.js';

/** Elements that start and end a paragraph of their own. */
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'ul',
]);
/** Elements whose text is never article text. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'option',
  'textarea',
  'input',
  'button',
  'head',
  'title',
  'meta',
  'link',
]);

const PARAGRAPH = '\u0000';

/**
 * The text of an element as paragraphs: block elements become paragraphs separated by a blank line,
 * `<br>` a line break (two in a row a paragraph break), table cells a space. Whitespace is collapsed
 * as a browser would. The walk is iterative so that deeply nested markup cannot exhaust the stack.
 */
export function elementText(root: DomElement): string {
  const parts: string[] = [];
  // Each entry is a node to visit, or a string to emit once its element's children are done.
  const stack: (DomNode | string)[] = [root];
  let preDepth = 0;
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item === 'string') {
      if (item === 'endpre') preDepth--;
      else parts.push(item);
      continue;
    }
    if (item.nodeType === TEXT_NODE) {
      const text = item.textContent ?? '';
      parts.push(preDepth > 0 ? text.replace(/\n/g, '\u0001') : text);
      continue;
    }
    if (!isElement(item)) continue;
    const name = item.localName;
    if (SKIP.has(name)) continue;
    if (name === 'br') {
      parts.push('\u0001');
      continue;
    }
    const block = BLOCK.has(name);
    const cell = name === 'td' || name === 'th';
    if (block) parts.push(PARAGRAPH);
    if (cell) parts.push(' ');
    if (name === 'pre') {
      preDepth++;
      stack.push('endpre');
    }
    if (block) stack.push(PARAGRAPH);
    if (cell) stack.push(' ');
    const kids = item.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
  return layout(parts.join(''));
}

/** Collapses whitespace and turns the paragraph and line markers into blank lines and newlines. */
function layout(raw: string): string {
  const paragraphs: string[] = [];
  for (const block of raw.split(PARAGRAPH)) {
    let lines: string[] = [];
    // A blank line made of two <br> also ends a paragraph.
    for (const line of block.split('\u0001')) {
      const clean = line.replace(/[\s\u00a0\u200b]+/g, ' ').trim();
      if (clean) lines.push(clean);
      else if (lines.length > 0) {
        paragraphs.push(lines.join('\n'));
        lines = [];
      }
    }
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
  }
  return paragraphs.join('\n\n');
}
