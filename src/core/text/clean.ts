import {
  breadcrumbTail,
  isBoilerplateLine,
  isBreadcrumb,
  isCategoryLine,
  isTitleLike,
} from './boilerplate-lines.js';
import {
  joinBrokenLines,
  stripInlineFurniture,
  stripLeadingFurniture,
  stripPromos,
} from './inline-furniture.js';

/** A scraped article with its boilerplate removed. */
export interface CleanedArticle {
  /** The headline, when the text carries one (or the one given). */
  readonly title: string | null;
  /** The article's paragraphs, in order, boilerplate removed. */
  readonly paragraphs: readonly string[];
}

const TERMINAL_END = /[.!?…:"”’')\]]$/;

function normalise(line: string): string {
  return line.replace(/[\s\u00a0]+/g, ' ').trim();
}

function key(line: string): string {
  return line
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The header is the run of short lines before the first line of prose. The headline is the header
 * line that a breadcrumb ends with or that is repeated; failing that, the last title-like line of
 * the header (category lines come before the headline, bylines after it).
 */
function findTitle(lines: readonly string[]): string | null {
  const crumbs: string[] = [];
  const candidates: string[] = [];
  const seen = new Map<string, number>();
  for (const line of lines) {
    if (line === '') continue;
    if (isBreadcrumb(line)) {
      crumbs.push(key(breadcrumbTail(line)));
      continue;
    }
    if (isBoilerplateLine(line)) continue;
    if (!isTitleLike(line)) break;
    candidates.push(line);
    seen.set(key(line), (seen.get(key(line)) ?? 0) + 1);
  }
  const confirmed = candidates.find((c) => crumbs.includes(key(c)) || (seen.get(key(c)) ?? 0) > 1);
  if (confirmed) return confirmed;
  const plain = candidates.filter((c) => !isCategoryLine(c));
  return plain[plain.length - 1] ?? null;
}

/** Lines of a blank-line-separated block, re-joined where a line break falls inside a sentence. */
function blockParagraphs(block: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of block) {
    current = current ? `${current} ${line}` : line;
    if (TERMINAL_END.test(line)) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/**
 * Removes page furniture from scraped text and returns its paragraphs and headline.
 * `title`, when given, is trusted as the headline; otherwise it is detected in the text.
 */
export function cleanArticle(text: string, title?: string): CleanedArticle {
  const lines = text.split(/\r\n|\r|\n/).map(normalise);
  const given = title ? normalise(title) : '';
  const headline = given || findTitle(lines);
  const headlineKey = headline ? key(headline) : null;
  const inHeader = headerLength(lines);

  const blocks: string[][] = [[]];
  lines.forEach((line, i) => {
    const dropped =
      line === '' ||
      isBoilerplateLine(line) ||
      (headlineKey !== null && key(line) === headlineKey) ||
      (i < inHeader && isTitleLike(line));
    if (line === '') blocks.push([]);
    else if (!dropped) blocks[blocks.length - 1]?.push(line);
  });

  const paragraphs: string[] = [];
  let inBody = false;
  for (const raw of blocks.flatMap(blockParagraphs)) {
    let p = joinBrokenLines(stripInlineFurniture(raw));
    // Datelines and bylines only open an article: once prose has started, leave paragraphs alone.
    if (!inBody) p = stripLeadingFurniture(p);
    p = stripPromos(p);
    if (p === '') continue;
    inBody = true;
    paragraphs.push(p);
  }
  return { title: headline || null, paragraphs };
}

/** How many lines the header (breadcrumbs, tags, headline, byline) spans. */
function headerLength(lines: readonly string[]): number {
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '' || isBoilerplateLine(line) || isTitleLike(line)) continue;
    return i;
  }
  return 0;
}
