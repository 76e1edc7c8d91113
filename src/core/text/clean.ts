import {
  breadcrumbTail,
  isFurnitureRow,
  isBreadcrumb,
  isCategoryLine,
  isTitleLike,
  mayBeFurniture,
} from './boilerplate-lines.js';
import { isRegexSpace } from './chars.js';
import { sameKey } from './line-key.js';
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

/**
 * Words of the hints (`hasMidTextHint`) other than ` .`. `READ MORE` and `Last updated` go by
 * their first word, which stays on the line that a paragraph holding the hint starts it on (and a
 * capital is found far faster than the `u` of `updated`).
 */
const HINT_WORDS = [
  'PUBLISHED',
  'UPDATED',
  'Last',
  'Scroll',
  'Click',
  'CLICK',
  'READ',
  'Advertisement',
  'ADVERTISEMENT',
];

/** Which lines of a text may hold a mid-text hint, by the offsets where hints were found. */
class HintedLines {
  /** 1 for a line that may hold a hint. Plain arrays: a few dozen entries, cheaper than typed ones. */
  readonly marked: number[] = [];
  private readonly starts: number[] = [];

  constructor(
    lines: readonly string[],
    private readonly textLength: number,
  ) {
    let start = 0;
    for (const line of lines) {
      this.starts.push(start);
      this.marked.push(0);
      start += line.length + 1;
    }
  }

  /** Marks the line holding offset `at`; returns where the next line starts (no need to search it further). */
  mark(at: number): number {
    const starts = this.starts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] ?? 0) <= at) lo = mid;
      else hi = mid - 1;
    }
    this.marked[lo] = 1;
    return lo + 1 < starts.length ? (starts[lo + 1] ?? this.textLength) : this.textLength;
  }
}

/**
 * The lines (of `text` split at line breaks) that may hold a mid-text hint, or null when none does
 * (most articles): a few searches of the whole text rather than ten per paragraph. A paragraph is
 * trimmed lines joined with spaces, so a hint with a space in it may span a line break: ` .` is
 * looked for as a `.` after any white space, `READ MORE` and `Last updated` by their first words.
 */
function hintedLines(text: string, lines: readonly string[]): readonly number[] | null {
  let hinted: HintedLines | null = null;
  // Full stops are rare enough that visiting each beats a two-character search led by a space.
  for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) {
    if (at > 0 && !isRegexSpace(text.charCodeAt(at - 1))) continue;
    hinted ??= new HintedLines(lines, text.length);
    at = hinted.mark(at) - 1;
  }
  for (const word of HINT_WORDS) {
    for (let at = text.indexOf(word); at >= 0;) {
      hinted ??= new HintedLines(lines, text.length);
      at = text.indexOf(word, hinted.mark(at));
    }
  }
  return hinted === null ? null : hinted.marked;
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
  // A regex test finds two spaces faster than `includes('  ')`, which stops at every space.
  return DOUBLE_SPACE.test(out) ? out.replace(/ {2,}/g, ' ') : out;
}
const DOUBLE_SPACE = / {2}/;

function normalise(line: string): string {
  return normaliseText(line).trim();
}

/** What a line is, as a small integer (kinds are stored per line of every article). */
const BLANK = 0;
const CRUMB = 1;
const FURNITURE = 2;
const TITLE_LIKE = 3;
const PROSE = 4;
type LineKind = typeof BLANK | typeof CRUMB | typeof FURNITURE | typeof TITLE_LIKE | typeof PROSE;

/** Every furniture rule is bounded in length; a line longer than this is prose without further checks. */
const LONGEST_FURNITURE = 320;

function classify(line: string): LineKind {
  if (line === '') return BLANK;
  if (line.length > LONGEST_FURNITURE) return PROSE;
  if (!mayBeFurniture(line)) return PROSE;
  if (isBreadcrumb(line)) return CRUMB;
  if (isFurnitureRow(line)) return FURNITURE;
  return isTitleLike(line) ? TITLE_LIKE : PROSE;
}

/**
 * The header is the run of short lines before the first line of prose. The headline is the header
 * line that a breadcrumb ends with or that is repeated; failing that, the last title-like line of
 * the header (category lines come before the headline, bylines after it).
 */
function findTitle(lines: readonly string[], kinds: readonly LineKind[], header: number): string | null {
  // A header is a handful of lines: plain arrays searched from end to end, no map or tuples.
  const crumbs: string[] = [];
  const titles: string[] = [];
  for (let i = 0; i < header; i++) {
    const line = lines[i] ?? '';
    if (kinds[i] === CRUMB) crumbs.push(breadcrumbTail(line));
    if (kinds[i] === TITLE_LIKE) titles.push(line);
  }
  for (let c = 0; c < titles.length; c++) {
    const title = titles[c] ?? '';
    // Confirmed by a breadcrumb, or repeated.
    if (crumbs.some((crumb) => sameKey(crumb, title))) return title;
    for (let d = 0; d < titles.length; d++) if (d !== c && sameKey(titles[d] ?? '', title)) return title;
  }
  for (let c = titles.length - 1; c >= 0; c--) {
    const title = titles[c] ?? '';
    if (!isCategoryLine(title)) return title;
  }
  return null;
}

/** A line repeating the headline; only short lines are compared. */
function isHeadline(line: string, headline: string | null): boolean {
  if (headline === null || line.length > headline.length + 12 || 2 * line.length < headline.length)
    return false;
  return line === headline || sameKey(line, headline);
}

/**
 * Removes page furniture from scraped text and returns its paragraphs and headline.
 * `title`, when given, is trusted as the headline; otherwise it is detected in the text.
 */
export function cleanArticle(text: string, title?: string): CleanedArticle {
  const normalised = normaliseText(text);
  const lines = normalised.split('\n');
  // Before the lines are trimmed: it needs their offsets in the text.
  const hinted = hintedLines(normalised, lines);
  const kinds: LineKind[] = [];
  let header = -1;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    lines[i] = line;
    let kind = classify(line);
    // A short capitalised line that runs on into a lower-case line is a wrapped sentence, not a headline.
    if (kind === TITLE_LIKE && /^[\p{Ll}\p{N}]/u.test((lines[i + 1] ?? '').trim())) kind = PROSE;
    if (kind === PROSE && header < 0) header = i;
    kinds.push(kind);
  }
  if (header < 0) header = 0;
  const given = title ? normalise(title) : '';
  const headline = given || findTitle(lines, kinds, header);

  const body = new BodyBuilder();
  for (let i = 0; i < lines.length; i++) {
    const kind = kinds[i];
    const line = lines[i] ?? '';
    const mayHoldHint = hinted !== null && hinted[i] === 1;
    if (kind === BLANK) body.endBlock();
    else if ((kind === PROSE || (kind === TITLE_LIKE && i >= header)) && !isHeadline(line, headline))
      body.addLine(line, mayHoldHint);
  }
  body.endBlock();
  return { title: headline || null, paragraphs: body.paragraphs };
}

/**
 * Paragraphs from the kept lines, in one pass: within a blank-line-separated block, lines are
 * re-joined until one ends like a sentence (a line break that falls inside a sentence); each
 * paragraph then loses its furniture.
 */
class BodyBuilder {
  readonly paragraphs: string[] = [];
  private current = '';
  /** Whether a line of the current paragraph may hold a mid-text hint (see `hintedLines`). */
  private hinted = false;
  private inBody = false;

  addLine(line: string, mayHoldHint: boolean): void {
    this.current = this.current ? `${this.current} ${line}` : line;
    this.hinted ||= mayHoldHint;
    if (TERMINAL_END.has(line.charAt(line.length - 1))) this.endBlock();
  }

  endBlock(): void {
    const raw = this.current;
    if (raw === '') return;
    const hinted = this.hinted;
    this.current = '';
    this.hinted = false;
    // Datelines and bylines only open an article: once prose has started, leave paragraphs alone.
    let p = this.inBody ? raw : stripLeadingFurniture(raw);
    // One scan decides whether any mid-text rule can apply; most paragraphs need none.
    if (hinted && hasMidTextHint(p)) p = stripPromos(joinBrokenLines(stripInlineFurniture(p)));
    if (p === '') return;
    this.inBody = true;
    this.paragraphs.push(p);
  }
}
