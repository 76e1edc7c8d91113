// Chooses an article's one or two key quotes: whole statements by the people the story is about,
// closest in wording to the headline and the lede.
import { CodeUnits } from '../text/code-units.js';
import { sortShort } from '../text/sort-short.js';
import { countSteps } from '../work.js';

/** What key-quote choice needs to know of a quote. */
export interface KeyCandidate {
  readonly text: string;
  readonly speakerName: string | null;
  /** A named person (not a pronoun left unresolved, not an anonymous source). */
  readonly personal: boolean;
  /** A clause inside reported speech, or too short to stand alone. */
  readonly fragment: boolean;
  /** The quote's word count (`wordCount(text)`), when the caller has it already. */
  readonly words?: number;
  /**
   * How surely the speaker is known, higher is surer (see `reliability` in extract.ts): key quotes
   * come only from the surest attributions among the eligible quotes. Absent counts as 0.
   */
  readonly reliability?: number;
}

const STOP_WORDS =
  'that this with from have were they their there which what when will would could should about into over after been being than then them these those just also more most very said says some such only other while where your ours'.split(
    ' ',
  );

/** Stop words are short: a longer word needs no lookup. */
const STOP_MAX = Math.max(...STOP_WORDS.map((w) => w.length));

/**
 * A word of at most STOP_MAX letters a to z as a number (five bits a letter), so that a stop word is
 * looked up without slicing the word out of its text; 0 when the word has another letter.
 */
function wordCode(units: ArrayLike<number>, from: number, to: number): number {
  let code = 0;
  for (let i = from; i < to; i++) {
    const c = units[i] as number;
    if (c < 97 || c > 122) return 0;
    code = code * 32 + (c - 96);
  }
  return code;
}

const STOP_CODES = new Set(
  STOP_WORDS.map((w) =>
    wordCode(
      Array.from(w, (ch) => ch.charCodeAt(0)),
      0,
      w.length,
    ),
  ),
);

/**
 * The length of the suffix a crude stem drops from the word ending at `end`: "ing", "ed", "es" or
 * "s", enough to match "reviewing" with "review" and "increases" with "increase".
 */
function suffixLength(lower: Uint16Array, end: number): number {
  const last = lower[end - 1] as number;
  const before = lower[end - 2] as number;
  if (last === 103 && before === 110 && lower[end - 3] === 105) return 3; // -ing
  if (last === 100 && before === 101) return 2; // -ed
  if (last === 115) return before === 101 ? 2 : 1; // -es, -s
  return 0;
}

/** A letter of the stemmed words: lower-case Latin, with accents ([a-z\u00c0-\u024f]). */
function isStemLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 0xc0 && c <= 0x24f);
}

/** Which of 128 slots the two characters starting a stem fall in (collisions are checked). */
function slotOf(c1: number, c2: number): number {
  return ((c1 << 3) ^ c2) & 127;
}

/**
 * The distinct stems of the headline's and lede's (lower-case) words of four letters or more, stop
 * words left out, kept as spans of that text (no strings), ready to be found inside quotes: one walk
 * over each quote with a bit table of the stems' first two characters finds them all, where one
 * substring search per stem and quote would mostly fail.
 */
interface StemTable {
  /** The lower-case headline and lede, as code units. */
  readonly text: Uint16Array;
  readonly from: number[];
  readonly length: number[];
  /** For each slot (`slotOf`), the last stem of two letters or more starting in it, or -1. */
  readonly head: Int32Array;
  /** For each stem, the stem before it in the same slot, or -1. */
  readonly next: number[];
  /** Stems of one letter ("king" less "-ing"), by index: found by a plain walk. */
  readonly single: number[];
}

/** Whether the stem text[from, from + n) equals s[at, at + n), where s holds `length` units. */
function sameAt(
  text: Uint16Array,
  from: number,
  n: number,
  s: Uint16Array,
  at: number,
  length: number,
): boolean {
  if (at + n > length) return false;
  for (let k = 0; k < n; k++) if (text[from + k] !== s[at + k]) return false;
  return true;
}

// The code units of the lower-case headline and lede, and of the quote being read: scratch reloaded
// by every `chooseKeyQuotes` call and read only within it. (Lower-cased by `toLowerCase`, then read
// as code units: the loops over them read a typed array, not a string.)
const ABOUT = new CodeUnits();
const QUOTE = new CodeUnits();

// The slot heads of the one stem table in use (a table is read only within the `chooseKeyQuotes`
// call that built it): scratch space reset by every build, not a cache, so an article allocates
// no 128-slot array.
const HEADS = new Int32Array(128);

/** The stem table of lower[0, end). */
function stemTable(lower: Uint16Array, end: number): StemTable {
  const table: StemTable = {
    text: lower,
    from: [],
    length: [],
    head: HEADS.fill(-1),
    next: [],
    single: [],
  };
  const { from, length, head, next } = table;
  countSteps(end);
  // the maximal runs of stem letters, read in place
  for (let i = 0; i < end;) {
    if (!isStemLetter(lower[i] as number)) {
      i++;
      continue;
    }
    const start = i;
    while (i < end && isStemLetter(lower[i] as number)) i++;
    const n = i - start;
    if (n < 4 || (n <= STOP_MAX && STOP_CODES.has(wordCode(lower, start, i)))) continue;
    const stem = n - suffixLength(lower, i);
    // a stem met before counts once: it is in the same slot (or among the stems of one letter)
    const slot = stem > 1 ? slotOf(lower[start] as number, lower[start + 1] as number) : -1;
    let j = slot >= 0 ? (head[slot] as number) : -1;
    while (j >= 0 && !(length[j] === stem && sameAt(lower, from[j] as number, stem, lower, start, end)))
      j = next[j] as number;
    if (j >= 0 || (slot < 0 && table.single.some((k) => lower[from[k] as number] === lower[start]))) continue;
    if (slot < 0) {
      table.single.push(from.length);
      next.push(-1);
    } else {
      next.push(head[slot] as number);
      head[slot] = from.length;
    }
    from.push(start);
    length.push(stem);
  }
  return table;
}

/**
 * How many of the table's stems occur in lower[0, n) (as substrings, as `includes` would find them).
 * `found` marks the stems already counted for this quote with `mark`.
 */
function sharedStems(table: StemTable, lower: Uint16Array, n: number, found: number[], mark: number): number {
  const { text, from, length, head, next } = table;
  let shared = 0;
  let steps = n * (1 + table.single.length);
  for (const j of table.single) {
    const c = text[from[j] as number];
    for (let i = 0; i < n; i++) {
      if (lower[i] === c) {
        shared++;
        break;
      }
    }
  }
  let c = lower[0] as number;
  for (let i = 0; i + 1 < n; i++) {
    const d = lower[i + 1] as number;
    for (let j = head[slotOf(c, d)] as number; j >= 0; j = next[j] as number) {
      steps++;
      if (found[j] !== mark && sameAt(text, from[j] as number, length[j] as number, lower, i, n)) {
        found[j] = mark;
        shared++;
      }
    }
    c = d;
  }
  countSteps(steps);
  return shared;
}

/** No limit to `wordCount`: more words than a string can hold, and a small integer, unlike Infinity. */
const NO_LIMIT = 0x7fffffff;

/**
 * Words in `s` (or s[from, to)): starts of runs of letters or digits (any character past ASCII
 * counts as a letter). Counting stops at `limit`, for a caller that only asks whether there are so many.
 */
export function wordCount(s: string, from = 0, to = s.length, limit = NO_LIMIT): number {
  let n = 0;
  let inWord = 0;
  // 0/1 arithmetic rather than branches, which a word boundary every few characters mispredicts:
  // (c - lo) ^ (c - hi) has its sign bit set exactly when lo <= c < hi
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 32; // folds upper case onto lower case; digits keep their codes
    const letter = (((c - 97) ^ (c - 123)) | ((c - 48) ^ (c - 58)) | (127 - c)) >>> 31;
    n += letter & (inWord ^ 1);
    if (n >= limit) return n;
    inWord = letter;
  }
  return n;
}

/** Fewer than this many words and a quote is a fragment, however it stands. */
export const MIN_STATEMENT_WORDS = 5;

/** Whether `q` may be a key quote at all: a whole statement of some length, with a speaker. */
export function isEligible(q: KeyCandidate): boolean {
  return !q.fragment && !!q.speakerName && (q.words ?? wordCount(q.text)) >= MIN_STATEMENT_WORDS + 3;
}

/**
 * How much of the headline and of the lede is read for the words a key quote shares with them: more
 * than any real headline or lede. Every quote is compared with them, so reading all of a headline
 * gone wrong (a page's whole text) would make the choice grow with the square of the text.
 */
const TITLE_CHARS = 300;
const LEDE_CHARS = 1000;

const cut = (s: string, n: number): string => (s.length > n ? s.slice(0, n) : s);

/** Indexes of the key quotes among `quotes`: one or two, or none when no quote is a whole statement. */
export function chooseKeyQuotes(
  quotes: readonly KeyCandidate[],
  title: string | null,
  lede: string | (() => string),
): number[] {
  // a briefing shows its key quotes with their speakers: they come from the surest attributions
  let surest = -Infinity;
  for (const q of quotes) if (isEligible(q)) surest = Math.max(surest, q.reliability ?? 0);
  const eligible: boolean[] = [];
  let count = 0;
  let only = -1;
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as KeyCandidate;
    const e = isEligible(q) && (q.reliability ?? 0) === surest;
    eligible.push(e);
    if (e) {
      count++;
      only = i;
    }
  }
  if (!count) return [];
  // a single candidate is the key quote whatever its score: no need to read the headline's words
  if (count === 1) return [only];
  // the lede may be a function, so that a single candidate spares reading it at all
  const ledeText = typeof lede === 'string' ? lede : lede();
  const titleWords = `${cut(title ?? '', TITLE_CHARS)} ${cut(ledeText, LEDE_CHARS)}`.toLowerCase();
  const about = stemTable(ABOUT.load(titleWords), titleWords.length);
  const found = about.from.map(() => 0);
  const counts = new Map<string, number>();
  for (const q of quotes) if (q.speakerName) counts.set(q.speakerName, (counts.get(q.speakerName) ?? 0) + 1);
  const scored: { i: number; score: number }[] = [];
  for (let i = 0; i < quotes.length; i++) {
    const q = quotes[i] as KeyCandidate;
    if (!eligible[i] || !q.speakerName) continue;
    const words = q.words ?? wordCount(q.text);
    // the headline's and lede's word stems found in the quote: substring tests, no tokenizing
    const lower = q.text.toLowerCase();
    const shared = sharedStems(about, QUOTE.load(lower), lower.length, found, i + 1);
    const surname = q.speakerName.slice(q.speakerName.lastIndexOf(' ') + 1).toLowerCase();
    const named = surname.length > 2 && titleWords.includes(surname) ? 1 : 0;
    const share = (counts.get(q.speakerName) ?? 0) / quotes.length;
    const length = words >= 12 && words <= 60 ? 0.5 : 0;
    scored.push({ i, score: 2 * shared + named + share + length + (q.personal ? 1 : 0) });
  }
  sortShort(scored, (a, b) => b.score - a.score || a.i - b.i);
  const [best, second] = scored;
  if (!best) return [];
  const keys = [best.i];
  if (second && second.score >= 0.6 * best.score) keys.push(second.i);
  return sortShort(keys, (a, b) => a - b);
}
