import {
  breadcrumbTail,
  isBoilerplateLine,
  isBreadcrumb,
  isCategoryLine,
  isTitleLike,
  mayBeFurniture,
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

/**
 * Whether any mid-text rule can apply: native substring searches, several times faster than one
 * alternation regex. ` .` comes first since scraped text often has it (and it covers `By .`).
 */
function hasMidTextHint(p: string): boolean {
  return (
    p.includes(' .') ||
    p.includes('PUBLISHED') ||
    p.includes('UPDATED') ||
    p.includes('Last updated') ||
    p.includes('Scroll') ||
    p.includes('Click') ||
    p.includes('CLICK') ||
    p.includes('READ MORE') ||
    p.includes('Advertisement') ||
    p.includes('ADVERTISEMENT')
  );
}
/** Marks that can end a paragraph line; checked on the last character only. */
const TERMINAL_END = new Set(['.', '!', '?', '…', ':', '"', '”', '’', "'", ')', ']']);

/**
 * Line breaks to `\n`, tabs and no-break spaces to plain ones, runs of spaces to one: once over the
 * whole text. `includes` is a fast native search, so each rewrite runs only when it has work to do.
 */
function normaliseText(text: string): string {
  let out = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
  if (out.includes('\t') || out.includes('\u00a0')) out = out.replace(/[\t\u00a0]/g, ' ');
  return out.includes('  ') ? out.replace(/ {2,}/g, ' ') : out;
}

function normalise(line: string): string {
  return normaliseText(line).trim();
}

/** A line reduced to its lower-cased words, to compare headline copies that differ in punctuation. */
function key(line: string): string {
  // A plain character class (no Unicode property escapes) keeps this cheap.
  return line
    .toLowerCase()
    .replace(/[^a-z0-9\u00c0-\u1fff\u2c00-\ud7ff]+/g, ' ')
    .trim();
}

type LineKind = 'blank' | 'crumb' | 'furniture' | 'title-like' | 'prose';

/** Every furniture rule is bounded in length; a line longer than this is prose without further checks. */
const LONGEST_FURNITURE = 320;

function classify(line: string): LineKind {
  if (line === '') return 'blank';
  if (line.length > LONGEST_FURNITURE) return 'prose';
  if (!mayBeFurniture(line)) return 'prose';
  if (isBreadcrumb(line)) return 'crumb';
  if (isBoilerplateLine(line)) return 'furniture';
  return isTitleLike(line) ? 'title-like' : 'prose';
}

/**
 * The header is the run of short lines before the first line of prose. The headline is the header
 * line that a breadcrumb ends with or that is repeated; failing that, the last title-like line of
 * the header (category lines come before the headline, bylines after it).
 */
function findTitle(lines: readonly string[], kinds: readonly LineKind[], header: number): string | null {
  const crumbs: string[] = [];
  const candidates: [string, string][] = [];
  const seen = new Map<string, number>();
  for (let i = 0; i < header; i++) {
    const line = lines[i] ?? '';
    if (kinds[i] === 'crumb') crumbs.push(key(breadcrumbTail(line)));
    if (kinds[i] !== 'title-like') continue;
    const k = key(line);
    candidates.push([line, k]);
    seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const confirmed = candidates.find(([, k]) => crumbs.includes(k) || (seen.get(k) ?? 0) > 1);
  if (confirmed) return confirmed[0];
  const plain = candidates.map(([c]) => c).filter((c) => !isCategoryLine(c));
  return plain[plain.length - 1] ?? null;
}

/** Lines of a blank-line-separated block, re-joined where a line break falls inside a sentence. */
function blockParagraphs(block: readonly string[]): string[] {
  const out: string[] = [];
  let current = '';
  for (const line of block) {
    current = current ? `${current} ${line}` : line;
    if (TERMINAL_END.has(line.charAt(line.length - 1))) {
      out.push(current);
      current = '';
    }
  }
  if (current) out.push(current);
  return out;
}

/** A line repeating the headline; only short lines are compared. */
function isHeadline(line: string, headline: string | null, headlineKey: string): boolean {
  if (headline === null || line.length > headline.length + 12 || 2 * line.length < headline.length)
    return false;
  return key(line) === headlineKey;
}

/**
 * Removes page furniture from scraped text and returns its paragraphs and headline.
 * `title`, when given, is trusted as the headline; otherwise it is detected in the text.
 */
export function cleanArticle(text: string, title?: string): CleanedArticle {
  const lines = normaliseText(text)
    .split('\n')
    .map((line) => line.trim());
  const kinds = lines.map(classify);
  // A short capitalised line that runs on into a lower-case line is a wrapped sentence, not a headline.
  kinds.forEach((kind, i) => {
    if (kind === 'title-like' && /^[\p{Ll}\p{N}]/u.test(lines[i + 1] ?? '')) kinds[i] = 'prose';
  });
  let header = kinds.findIndex((k) => k === 'prose');
  if (header < 0) header = 0;
  const given = title ? normalise(title) : '';
  const headline = given || findTitle(lines, kinds, header);
  const headlineKey = headline ? key(headline) : '';

  const blocks: string[][] = [[]];
  lines.forEach((line, i) => {
    const kind = kinds[i];
    if (kind === 'blank') blocks.push([]);
    const keep =
      (kind === 'prose' || (kind === 'title-like' && i >= header)) &&
      !isHeadline(line, headline, headlineKey);
    if (keep) blocks[blocks.length - 1]?.push(line);
  });

  const paragraphs: string[] = [];
  let inBody = false;
  for (const raw of blocks.flatMap(blockParagraphs)) {
    // Datelines and bylines only open an article: once prose has started, leave paragraphs alone.
    let p = inBody ? raw : stripLeadingFurniture(raw);
    // One scan decides whether any mid-text rule can apply; most paragraphs need none.
    if (hasMidTextHint(p)) p = stripPromos(joinBrokenLines(stripInlineFurniture(p)));
    if (p === '') continue;
    inBody = true;
    paragraphs.push(p);
  }
  return { title: headline || null, paragraphs };
}
