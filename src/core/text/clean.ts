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
import { countSteps } from '../work.js';

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

/**
 * Per-line arrays reused from article to article (grown when one has more lines), so that
 * classifying lines allocates nothing per line: the kind of each line, whether it may hold a
 * mid-text hint, and where it starts in the text.
 */
let lineKinds = new Uint8Array(256);
let lineHints = new Uint8Array(256);
let lineStarts = new Int32Array(256);

function fitLines(count: number): void {
  if (lineKinds.length >= count) return;
  lineKinds = new Uint8Array(2 * count);
  lineHints = new Uint8Array(2 * count);
  // Grown while the lines are being split: the starts noted so far are kept.
  const starts = new Int32Array(2 * count);
  starts.set(lineStarts);
  lineStarts = starts;
}

/**
 * Marks in `lineHints` the lines (of `text` split at line breaks) that may hold a mid-text hint,
 * and returns whether any does (most articles: none): a few searches of the whole text rather than
 * ten per paragraph. A paragraph is trimmed lines joined with spaces, so a hint with a space in it
 * may span a line break: ` .` is looked for as a `.` after any white space, `READ MORE` and
 * `Last updated` by their first words.
 */
function hintedLines(text: string, lines: number): boolean {
  let found = false;
  // Full stops are rare enough that visiting each beats a two-character search led by a space.
  for (let at = text.indexOf('.'); at >= 0; at = text.indexOf('.', at + 1)) {
    if (at !== 0 && !isRegexSpace(text.charCodeAt(at - 1))) continue;
    if (!found) found = startHints(lines);
    at = markHint(text, lines, at) - 1;
  }
  for (const word of HINT_WORDS) {
    for (let at = text.indexOf(word); at >= 0;) {
      if (!found) found = startHints(lines);
      at = text.indexOf(word, markHint(text, lines, at));
    }
  }
  return found;
}

/** Clears the hint marks, at the first hint of an article. */
function startHints(lines: number): true {
  lineHints.fill(0, 0, lines);
  return true;
}

/**
 * Marks the line holding offset `at`; returns where the next line starts (no need to search it
 * further). A module function rather than a closure: the search runs for every article, and a closure
 * would be made (and named) on every call.
 */
function markHint(text: string, lines: number, at: number): number {
  let lo = 0;
  let hi = lines - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((lineStarts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  lineHints[lo] = 1;
  return lo + 1 < lines ? (lineStarts[lo + 1] ?? text.length) : text.length;
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
  // `includes('  ')` stops at every space, yet costs less than a regex test, whose character loop
  // mispredicts a branch at about every other space.
  return out.includes('  ') ? out.replace(/ {2,}/g, ' ') : out;
}

function normalise(line: string): string {
  return normaliseText(line).trim();
}

/** What a line is, as a small integer (kinds are stored per line of every article). */
const BLANK = 0;
const CRUMB = 1;
const FURNITURE = 2;
const TITLE_LIKE = 3;
const PROSE = 4;

/** Every furniture rule is bounded in length; a line longer than this is prose without further checks. */
const LONGEST_FURNITURE = 320;

function classify(line: string): number {
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
function findTitle(lines: readonly string[], kinds: Uint8Array, header: number): string | null {
  // A header is a handful of lines: compared pairwise in place, no arrays or maps.
  for (let c = 0; c < header; c++) {
    if (kinds[c] !== TITLE_LIKE) continue;
    const title = lines[c] ?? '';
    // Confirmed by a breadcrumb, or repeated.
    for (let d = 0; d < header; d++) {
      if (d === c) continue;
      if (kinds[d] === TITLE_LIKE && sameKey(lines[d] ?? '', title)) return title;
      if (kinds[d] === CRUMB && sameKey(breadcrumbTail(lines[d] ?? ''), title)) return title;
    }
  }
  for (let c = header - 1; c >= 0; c--) {
    const title = lines[c] ?? '';
    if (kinds[c] === TITLE_LIKE && !isCategoryLine(title)) return title;
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
  const count = splitLines(normalised);
  countSteps(normalised.length);
  const lines = LINES;
  const hinted = hintedLines(normalised, count);
  const kinds = lineKinds;
  let header = -1;
  for (let i = 0; i < count; i++) {
    let kind = classify(lines[i] ?? '');
    // A short capitalised line that runs on into a lower-case line is a wrapped sentence, not a headline.
    if (kind === TITLE_LIKE && i + 1 < count && /^[\p{Ll}\p{N}]/u.test(lines[i + 1] ?? '')) kind = PROSE;
    if (kind === PROSE && header < 0) header = i;
    kinds[i] = kind;
  }
  if (header < 0) header = 0;
  const given = title ? normalise(title) : '';
  const headline = given || findTitle(lines, kinds, header);

  const body = new BodyBuilder();
  for (let i = 0; i < count; i++) {
    const kind = kinds[i];
    const line = lines[i] ?? '';
    if (kind === BLANK) body.endBlock();
    else if ((kind === PROSE || (kind === TITLE_LIKE && i >= header)) && !isHeadline(line, headline))
      body.addLine(line, hinted && lineHints[i] === 1);
  }
  body.endBlock();
  LINES.fill('', 0, count);
  return { title: headline || null, paragraphs: body.finish() };
}

/**
 * Splits `text` at line breaks into `LINES`, each line trimmed (as by `trim`), noting in
 * `lineStarts` where each (untrimmed) line starts; returns how many lines there are. A native search
 * per line break: `split` walks a two-byte text character by character, and makes an array per call.
 */
function splitLines(text: string): number {
  let count = 0;
  let start = 0;
  for (;;) {
    const at = text.indexOf('\n', start);
    const end = at < 0 ? text.length : at;
    if (count === lineStarts.length) fitLines(count + 1);
    lineStarts[count] = start;
    LINES[count++] = trimmed(text, start, end);
    if (at < 0) return count;
    start = at + 1;
  }
}

/** `text.slice(start, end).trim()`, trimming the bounds first so that only the line is sliced. */
function trimmed(text: string, start: number, end: number): string {
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  return start === end ? '' : text.slice(start, end);
}

/**
 * The lines of the article being cleaned, reused from call to call; emptied after each call so that
 * it keeps no text alive.
 */
const LINES: string[] = [];

/**
 * Paragraphs from the kept lines, in one pass: within a blank-line-separated block, lines are
 * re-joined until one ends like a sentence (a line break that falls inside a sentence); each
 * paragraph then loses its furniture.
 */
class BodyBuilder {
  private count = 0;
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
    PARAGRAPHS[this.count++] = p;
  }

  /** The paragraphs, as an exact-size array. */
  finish(): string[] {
    const paragraphs = PARAGRAPHS.slice(0, this.count);
    PARAGRAPHS.fill('', 0, this.count);
    return paragraphs;
  }
}

/**
 * The paragraphs of the article being cleaned, reused from call to call so that each call
 * allocates only its exact result; emptied after each call so that it keeps no text alive.
 */
const PARAGRAPHS: string[] = [];
