import { Parser } from 'htmlparser2';
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

/**
 * The text of an HTML fragment, laid out as `elementText` lays out an element's, read from the
 * parser's stream of tags and text (htmlparser2, the parser linkedom builds its documents from)
 * without building a document: feed content needs only its text, and this is several times
 * faster. Every element the parser opens it also closes (implied and unclosed ones included), so
 * what an element adds on closing is kept on a stack.
 */
export function markupText(html: string): string {
  const parts: string[] = [];
  // What each open element adds when it closes: a paragraph end, a space, or nothing.
  const closing: ('' | 'skip' | 'pre' | typeof PARAGRAPH | ' ')[] = [];
  let skipDepth = 0;
  let preDepth = 0;
  let cdata = false;
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipDepth > 0 || SKIP.has(name)) {
          skipDepth++;
          closing.push('skip');
        } else if (name === 'br') {
          parts.push('\u0001');
          closing.push('');
        } else if (name === 'pre') {
          parts.push(PARAGRAPH);
          preDepth++;
          closing.push('pre');
        } else if (BLOCK.has(name)) {
          parts.push(PARAGRAPH);
          closing.push(PARAGRAPH);
        } else if (name === 'td' || name === 'th') {
          parts.push(' ');
          closing.push(' ');
        } else closing.push('');
      },
      onclosetag() {
        const what = closing.pop();
        if (what === 'skip') skipDepth--;
        else if (what === 'pre') {
          parts.push(PARAGRAPH);
          preDepth--;
        } else if (what) parts.push(what);
      },
      ontext(text) {
        if (skipDepth > 0 || cdata) return;
        parts.push(preDepth > 0 ? text.replace(/\n/g, '\u0001') : text);
      },
      oncdatastart() {
        cdata = true;
      },
      oncdataend() {
        cdata = false;
      },
    },
    // As linkedom reads HTML.
    { lowerCaseAttributeNames: false, decodeEntities: true, xmlMode: false },
  );
  parser.end(html);
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
