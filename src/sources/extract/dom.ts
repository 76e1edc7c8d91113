import { parseHTML } from 'linkedom';

/**
 * The slice of the DOM the extractor uses. The project compiles without the DOM library (core must
 * not see browser globals), so linkedom's document is narrowed to this shape once, here.
 */
export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  textContent: string | null;
  remove(): void;
  replaceWith(node: DomNode): void;
}

/** An element of a parsed page. */
export interface DomElement extends DomNode {
  readonly localName: string;
  readonly children: ArrayLike<DomElement>;
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly id: string;
  readonly className: string;
  getAttribute(name: string): string | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  contains(other: DomNode): boolean;
}

/** A parsed page. */
export interface DomDocument {
  readonly documentElement: DomElement | null;
  readonly body: DomElement | null;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(name: string): DomElement;
}

export const ELEMENT_NODE = 1;
export const TEXT_NODE = 3;

/**
 * Parses HTML with linkedom (htmlparser2 underneath: forgiving, no script execution, no network).
 * Unlike a browser, linkedom does not invent a missing `<html>` or `<body>`, and Readability looks
 * for the body, so a page without them gets them here.
 */
export function parseDocument(html: string): DomDocument {
  const window: unknown = parseHTML(withBody(html));
  return (window as { document: DomDocument }).document;
}

function withBody(html: string): string {
  let page = html.replace(/^\s*<!doctype[^>]*>/i, '');
  if (!/<body[\s>]/i.test(page)) {
    if (/<\/head\s*>/i.test(page)) page = page.replace(/<\/head\s*>/i, '$&<body>');
    else if (/<html[^>]*>/i.test(page)) page = page.replace(/<html[^>]*>/i, '$&<body>');
    else page = `<body>${page}</body>`;
  }
  return /<html[\s>]/i.test(page) ? page : `<html>${page}</html>`;
}

export function isElement(node: DomNode): node is DomElement {
  return node.nodeType === ELEMENT_NODE;
}

/** Each element under `root` (root included), document order, without recursion. */
export function* elementsOf(root: DomElement): Generator<DomElement> {
  const stack: DomElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    yield el;
    const kids = el.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}
