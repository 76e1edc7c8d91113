// Finds double-quoted passages in raw text in one pass. Single quotes are left alone: inside a
// quotation they are nested quotes or apostrophes, and outside one they are nearly always apostrophes.
import { isRegexSpace } from '../text/chars.js';
import { countSteps } from '../work.js';

/** A quotation as it stands in the text, before anyone is credited with it. */
export interface Quotation {
  /** Offset of the opening mark. */
  readonly start: number;
  /** Offset just past the closing mark (or past the last word, when the quote is never closed). */
  readonly end: number;
  /** The quoted words, marks removed; paragraphs of a long quote joined by a line break. */
  readonly text: string;
  /** Start of the paragraph holding the opening mark. */
  readonly paragraphStart: number;
  /** End of the paragraph holding the closing mark. */
  readonly paragraphEnd: number;
  /** The last character inside the closing mark ("," "." "?"), or "" when unclosed. */
  readonly closingPunct: string;
  /** The quote never closes: it runs to the end of its paragraph. */
  readonly unclosed: boolean;
}

const DOUBLE = new Set(['"', '“', '”', '„', '«', '»']);

/** A double mark's char code: " “ ” „ « ». */
const isDouble = (c: number): boolean =>
  c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0xab || c === 0xbb;

/** What may stand before an opening mark: ( [ { — – - / : ‘ ' */
const isOpenPunct = (c: number): boolean =>
  c === 40 ||
  c === 91 ||
  c === 123 ||
  c === 0x2014 ||
  c === 0x2013 ||
  c === 45 ||
  c === 47 ||
  c === 58 ||
  c === 0x2018 ||
  c === 39;

/** Punctuation that may follow a closing mark: ASCII marks, Latin-1 marks, general punctuation. */
const isClosePunct = (c: number): boolean =>
  (c >= 0x21 && c <= 0x2f) ||
  (c >= 0x3a && c <= 0x40) ||
  (c >= 0x5b && c <= 0x60) ||
  (c >= 0x7b && c <= 0x7e) ||
  (c >= 0xa1 && c <= 0xbf) ||
  (c >= 0x2010 && c <= 0x205e);

type Role = 'open' | 'close' | 'either';

function markRole(text: string, i: number, ps: number, pe: number): Role {
  const ch = text.charCodeAt(i);
  // outside the paragraph reads as a space
  const prev = i > ps ? text.charCodeAt(i - 1) : 32;
  const next = i + 1 < pe ? text.charCodeAt(i + 1) : 32;
  const canOpen = !isRegexSpace(next) && (isRegexSpace(prev) || isOpenPunct(prev) || isDouble(prev));
  const canClose = !isRegexSpace(prev) && (isRegexSpace(next) || isClosePunct(next));
  // curly marks say which way they face, unless the spacing plainly says otherwise (a typo'd “ at the end)
  if (ch === 0x201c || ch === 0x201e || ch === 0xab) return canClose && !canOpen ? 'close' : 'open';
  if (ch === 0x201d || ch === 0xbb) return canOpen && !canClose ? 'open' : 'close';
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  return 'either';
}

interface Paragraph {
  readonly start: number;
  readonly end: number;
}

/** Trims the line text[s, e) to its text: a paragraph, or null when the line is blank. */
function trimmedLine(text: string, s: number, e: number): Paragraph | null {
  let a = s;
  let b = e;
  while (a < b && isRegexSpace(text.charCodeAt(a))) a++;
  while (b > a && isRegexSpace(text.charCodeAt(b - 1))) b--;
  return b > a ? { start: a, end: b } : null;
}

/** The paragraph (the line, trimmed) holding the mark at `i`. */
function paragraphAt(text: string, i: number): Paragraph {
  const e = text.indexOf('\n', i);
  return trimmedLine(text, text.lastIndexOf('\n', i) + 1, e < 0 ? text.length : e) as Paragraph;
}

/** The first line with text after the paragraph ending at `end`, trimmed; undefined when none. */
function paragraphAfter(text: string, end: number): Paragraph | undefined {
  const nl = text.indexOf('\n', end);
  if (nl < 0) return undefined;
  for (let s = nl + 1; s <= text.length;) {
    let e = text.indexOf('\n', s);
    if (e < 0) e = text.length;
    countSteps(e - s + 1);
    const line = trimmedLine(text, s, e);
    if (line) return line;
    s = e + 1;
  }
  return undefined;
}

const MARK = /["“”„«»]/g;

/** Offsets of every double mark in `text`, in order, in one scan. */
export function markPositions(text: string): number[] {
  const at: number[] = [];
  // `test` leaves lastIndex just past the one-character match, and allocates no match array
  MARK.lastIndex = 0;
  while (MARK.test(text)) at.push(MARK.lastIndex - 1);
  countSteps(text.length);
  return at;
}

/** How many of the ascending offsets `sorted` are below `value` (binary search). */
export function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first of the mark offsets `at` that is `from` or later, or Infinity. */
export function nextMarkFrom(at: readonly number[], from: number): number {
  const k = countBelow(at, from);
  return k < at.length ? (at[k] as number) : Infinity;
}

/** Joins the stretches between a quote's marks into its words. */
function quoteText(text: string, parts: readonly [number, number][]): string {
  let out = '';
  for (const [a, b] of parts) {
    const part = text.slice(a, b).trim();
    if (part) out += out ? '\n' + part : part;
  }
  return out;
}

interface OpenQuote {
  readonly start: number;
  readonly paragraphStart: number;
  readonly parts: [number, number][];
  /** Where the current stretch of quoted words began. */
  from: number;
}

const family = (ch: string): string => (ch === '"' ? 'straight' : 'curly');

/**
 * Every double-quoted passage of `text`, in order. Linear in the length of the text. `marks` are the
 * offsets of its double marks, when the caller has them already.
 */
export function findQuotations(text: string, marks: readonly number[] = markPositions(text)): Quotation[] {
  const out: Quotation[] = [];
  let carried: OpenQuote | null = null;
  let para: Paragraph | undefined;
  // only paragraphs with marks are read: the one holding the next mark not yet read, or the one a
  // quote carries on into (which opens with a mark)
  for (let k = 0; ;) {
    const from = para ? para.end : 0;
    if (carried) {
      // a quote is carried on only into a next paragraph, so there is one
      para = paragraphAfter(text, from);
      if (!para) break;
    } else {
      while (k < marks.length && (marks[k] as number) < from) k++;
      if (k >= marks.length) break;
      para = paragraphAt(text, marks[k] as number);
    }
    const first = countBelow(marks, para.start);
    const marksIn = marks.slice(first, countBelow(marks, para.end));
    carried = scanParagraph(text, para, marksIn, carried, out);
  }
  return out;
}

/**
 * How the marks of a paragraph pair up, worked out once for all of them so that a scan that starts
 * again part-way through the paragraph (see scanParagraph) costs no second reading.
 *
 * While a quote is open, a mark that opens after a space nests a quote inside it (+1 to the depth)
 * and any other mark closes one (-1). With `depth[k]`, the sum of those steps over marks 0..k, the
 * quote opened at mark k closes at the first later mark where the sum falls to depth[k] - 1.
 */
interface Pairing {
  /** The mark may open a quote: it is not plainly a closing one. */
  readonly opens: boolean[];
  /** Where the quote opened at each mark closes (an index into the marks), or -1 within the paragraph. */
  readonly closesAt: number[];
  /** The first later mark that nests a quote, or -1. */
  readonly nextNested: number[];
  /** The depth sums. */
  readonly depth: number[];
}

function pairMarks(text: string, marks: readonly number[], ps: number, pe: number): Pairing {
  const n = marks.length;
  const opens: boolean[] = [];
  const nested: boolean[] = [];
  const depth: number[] = [];
  let sum = 0;
  for (let k = 0; k < n; k++) {
    const i = marks[k] as number;
    const role = markRole(text, i, ps, pe);
    opens.push(role !== 'close');
    // a quote inside a quote with double marks ("he calls “hell” a place")
    const nests = role === 'open' && isRegexSpace(text.charCodeAt(i - 1));
    nested.push(nests);
    sum += nests ? 1 : -1;
    depth.push(sum);
  }
  // read right to left: the nearest later mark at each depth sum (a map: sums lie within -n..n)
  const closesAt: number[] = new Array<number>(n).fill(-1);
  const nextNested: number[] = new Array<number>(n).fill(-1);
  const nearest = new Map<number, number>();
  let nestedAfter = -1;
  for (let k = n - 1; k >= 0; k--) {
    const d = depth[k] as number;
    closesAt[k] = nearest.get(d - 1) ?? -1;
    nearest.set(d, k);
    nextNested[k] = nestedAfter;
    if (nested[k]) nestedAfter = k;
  }
  countSteps(n);
  return { opens, closesAt, nextNested, depth };
}

/**
 * Reads paragraph `p`, whose marks are at `marks`; returns the quote still open at its end when the
 * next paragraph continues it. Each mark is read a bounded number of times: the pairing of all the
 * paragraph's marks is worked out once (pairMarks), and each quote is then found in a few steps.
 */
function scanParagraph(
  text: string,
  para: Paragraph,
  marks: readonly number[],
  carried: OpenQuote | null,
  out: Quotation[],
): OpenQuote | null {
  const { start: ps, end: pe } = para;
  const { opens, closesAt, nextNested, depth } = pairMarks(text, marks, ps, pe);
  const n = marks.length;
  // a quote carried over from the last paragraph resumes after this paragraph's continuation mark,
  // the paragraph's first mark
  let open = carried;
  let o = 0;
  if (open) open.from = ps + 1;
  let k = open ? 0 : -1;
  let reread = false;
  for (;;) {
    if (!open) {
      // a stray closing mark (an inch sign, a typo) opens nothing
      k++;
      while (k < n && !opens[k]) k++;
      if (k >= n) return null;
      o = k;
      open = { start: marks[o] as number, paragraphStart: ps, parts: [], from: (marks[o] as number) + 1 };
    }
    const close = closesAt[o] as number;
    if (close >= 0) {
      const i = marks[close] as number;
      open.parts.push([open.from, i]);
      out.push(finish(text, open, i + 1, pe, i, false));
      [open, k] = [null, close];
      continue;
    }
    // the quote is still open at the paragraph's end
    const firstNested = nextNested[o] as number;
    const endDepth = 1 + (depth[n - 1] as number) - (depth[o] as number);
    if (endDepth > 1 && firstNested >= 0) {
      // a "nested" opening that never closed was the quote's own closing mark, misspaced
      const i = marks[firstNested] as number;
      open.parts.push([open.from, i]);
      out.push(finish(text, open, i + 1, pe, i, false));
      [open, k] = [null, firstNested];
      continue;
    }
    const next = paragraphAfter(text, pe);
    const continues =
      next !== undefined &&
      DOUBLE.has(text[next.start] ?? '') &&
      family(text[next.start] ?? '') === family(text[open.start] ?? '') &&
      markRole(text, next.start, next.start, next.end) !== 'close';
    if (continues) {
      open.parts.push([open.from, pe]);
      return open;
    }
    if (firstNested >= 0 && open.paragraphStart === ps && !reread) {
      // an unclosed quote holding quotes of its own: its opening mark was stray, read on without it
      [open, k, reread] = [null, o, true];
      continue;
    }
    open.parts.push([open.from, pe]);
    out.push(finish(text, open, pe, pe, -1, true));
    return null;
  }
}

/** The punctuation that ends the quoted words, past any closing single mark ("...,' "). */
function closingPunct(text: string, mark: number): string {
  let j = mark - 1;
  for (; j > 0; j--) {
    const c = text.charCodeAt(j);
    if (!isRegexSpace(c) && c !== 39 && c !== 0x2019 && c !== 0x2018) break;
  }
  return text[j] ?? '';
}

function finish(
  text: string,
  open: OpenQuote,
  end: number,
  paragraphEnd: number,
  mark: number,
  unclosed: boolean,
): Quotation {
  return {
    start: open.start,
    end,
    text: quoteText(text, open.parts),
    paragraphStart: open.paragraphStart,
    paragraphEnd,
    closingPunct: unclosed ? '' : closingPunct(text, mark),
    unclosed,
  };
}
