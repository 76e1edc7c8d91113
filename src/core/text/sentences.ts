import { AMBIGUOUS, LOWER_CASE_ABBREVIATIONS, SENTENCE_STARTERS, TITLES } from './abbreviations.js';
import { isRegexSpace } from './chars.js';
import { countSteps } from '../work.js';

/** `.`, `!`, `?`, `…`: character codes, tested without building one-character strings. */
function isTerminal(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026;
}
/** Closing marks that stay with the sentence they follow: `... he said." Next` (" ” ’ ' ) ] »). */
function isCloser(c: number): boolean {
  return c === 34 || c === 0x201d || c === 0x2019 || c === 39 || c === 41 || c === 93 || c === 0xbb;
}
/** Opening marks before a sentence's first word (" “ ‘ ' ( [ «). */
function isOpener(c: number): boolean {
  return c === 34 || c === 0x201c || c === 0x2018 || c === 39 || c === 40 || c === 91 || c === 0xab;
}

const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const LOWER = /\p{Ll}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER = /[\p{L}]/u;

/**
 * Splits a paragraph into sentences in one left-to-right pass over character codes (no regex).
 * A full stop, `?`, `!` or ellipsis ends a sentence when whitespace and a capital, a digit or an
 * opening mark follow, unless the word before it is an abbreviation or an initial.
 */
export function splitSentences(paragraph: string): string[] {
  return takeFound(collectSentences(paragraph, FOUND, 0));
}

/**
 * Where each sentence lies in a flat text holding the paragraphs (the article body): sentence k
 * is `text.slice(starts[k], ends[k])`. A scan of the sentences can then read that one flat string
 * rather than each sentence, a slice whose every character read first finds its parent string.
 */
export class SentenceSpans {
  starts = new Int32Array(64);
  ends = new Int32Array(64);

  /** Notes the span of sentence `k`. */
  set(k: number, start: number, end: number): void {
    if (k >= this.starts.length) {
      const starts = new Int32Array(2 * k + 1);
      const ends = new Int32Array(2 * k + 1);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[k] = start;
    this.ends[k] = end;
  }
}

/**
 * `splitSentences` appending to `out`; returns its new length. The analysis collects every
 * paragraph's sentences in one array this way, with no array per paragraph. With `spans`, each
 * sentence's span is noted too, offset by `base` (where the paragraph starts in the flat text).
 */
export function appendSentences(paragraph: string, out: string[], spans?: SentenceSpans, base = 0): number {
  return collectSentences(paragraph, out, out.length, spans, base);
}

/** Writes the paragraph's sentences to `out` from index `count` on; returns the index past them. */
function collectSentences(
  paragraph: string,
  out: string[],
  from: number,
  spans?: SentenceSpans,
  base = 0,
): number {
  const text = paragraph;
  let count = from;
  const n = text.length;
  countSteps(n);
  let start = 0;
  let i = 0;
  // The next of each terminal mark at or after `i`, found with native searches (far faster than a
  // loop over every character) and searched again only once `i` has passed it.
  let dot = -1;
  let question = -1;
  let bang = -1;
  let ellipsis = -1;
  while (i < n) {
    if (dot !== n && dot < i) dot = nextOf(text, '.', i);
    if (question !== n && question < i) question = nextOf(text, '?', i);
    if (bang !== n && bang < i) bang = nextOf(text, '!', i);
    if (ellipsis !== n && ellipsis < i) ellipsis = nextOf(text, '…', i);
    i = Math.min(dot, question, bang, ellipsis);
    if (i >= n) break;
    const punctStart = i;
    while (i < n && isTerminal(text.charCodeAt(i))) i++;
    while (i < n && isCloser(text.charCodeAt(i))) i++;
    const end = i;
    if (end < n && !isSpace(text.charCodeAt(end))) continue;
    let next = end;
    while (next < n && isSpace(text.charCodeAt(next))) next++;
    if (next >= n) break;
    if (endsSentence(text, start, punctStart, end, next)) {
      count = addTrimmed(out, count, text, start, end, spans, base);
      start = next;
    }
  }
  return addTrimmed(out, count, text, start, n, spans, base);
}

/** The first `count` sentences of `FOUND` as an exact-size array, leaving `FOUND` empty. */
function takeFound(count: number): string[] {
  // Most paragraphs hold one or two sentences: a literal is cheaper than a native `slice`.
  const sentences =
    count === 1 ? [FOUND[0] ?? ''] : count === 2 ? [FOUND[0] ?? '', FOUND[1] ?? ''] : FOUND.slice(0, count);
  for (let k = 0; k < count; k++) FOUND[k] = '';
  return sentences;
}

/**
 * The sentences of the paragraph being split, reused from call to call so that each call
 * allocates only its exact result (an array grown by `push` reserves 17 slots for one sentence).
 * Emptied after each call so that it keeps no text alive.
 */
const FOUND: string[] = [];

/** The index of `mark` at or after `from`, or the text's length when there is none. */
function nextOf(text: string, mark: string, from: number): number {
  const at = text.indexOf(mark, from);
  return at < 0 ? text.length : at;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a);
}

/**
 * Adds `text[start, end)` trimmed (as by `trim`) to `out` at `count` unless it is blank; returns
 * the new count. The bounds are trimmed first, so that only the sentence itself is sliced.
 */
function addTrimmed(
  out: string[],
  count: number,
  text: string,
  start: number,
  end: number,
  spans: SentenceSpans | undefined,
  base: number,
): number {
  while (start < end && isRegexSpace(text.charCodeAt(start))) start++;
  while (end > start && isRegexSpace(text.charCodeAt(end - 1))) end--;
  if (start === end) return count;
  out[count] = text.slice(start, end);
  spans?.set(count, base + start, base + end);
  return count + 1;
}

function isLowerAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return c >= 97 && c <= 122;
  return LOWER.test(text.charAt(at));
}

function isUpperOrDigitAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return UPPER_OR_DIGIT.test(text.charAt(at));
}

/** Whether the marks at `punct..end` end the sentence, given the text from `next` on. */
function endsSentence(text: string, start: number, punct: number, end: number, next: number): boolean {
  // What follows decides first: a lower-case word continues the sentence ("e.g. this", "Why?" he asked).
  let first = next;
  while (first < text.length && isOpener(text.charCodeAt(first))) first++;
  if (first >= text.length || isLowerAt(text, first)) return false;
  const opened = first > next;
  if (!opened && !isUpperOrDigitAt(text, first)) {
    // An ASCII letter or digit is upper, lower or a digit, all handled above.
    const c = text.charCodeAt(first);
    if (c >= 128 && LETTER_OR_DIGIT.test(text.charAt(first))) return false;
  }
  // Only a lone full stop can belong to an abbreviation; `?`, `!` and `...` end the sentence.
  if (text.charCodeAt(punct) !== 46 || text.charCodeAt(punct + 1) === 46) return true;
  if (isPlainWordBefore(text, start, punct)) return true;
  const before = wordBefore(text, start, punct);
  if (before === '') return true;
  const lower = before.toLowerCase();
  // Most words carry no inner full stop ("U.S." does): skip the rewrite for them.
  const key = lower.includes('.') ? lower.replace(/\./g, '') : lower;
  // Abbreviations are written with a capital ("Gen.", "Calif."), except a few: "ill." or "no."
  // in lower case are words that end a sentence.
  const abbreviated = isUpperOrDigitAt(before, 0) || LOWER_CASE_ABBREVIATIONS.has(key);
  if (key === 'no') return !(abbreviated && /\d/.test(text.charAt(first)));
  if (abbreviated && TITLES.has(key)) return !isUpperOrDigitAt(text, first);
  const isInitial = before.length === 1 && isUpperOrDigitAt(before, 0);
  const isDotted = before.length >= 3 && before.includes('.');
  if ((abbreviated && AMBIGUOUS.has(key)) || isInitial || isDotted)
    return SENTENCE_STARTERS.has(nextWordKey(text, first));
  return true;
}

/** The next word, lower-cased, without trailing punctuation: to compare with `SENTENCE_STARTERS`. */
function nextWordKey(text: string, at: number): string {
  let j = at;
  while (j < text.length && isLetterAt(text, j)) j++;
  return text.slice(at, j).toLowerCase();
}

/** The longest abbreviation: a longer word is none, and without a full stop inside it no initialism. */
const LONGEST_ABBREVIATION = Math.max(
  ...[...TITLES, ...AMBIGUOUS, ...LOWER_CASE_ABBREVIATIONS].map((w) => w.length),
);

/**
 * Whether the word before the full stop at `punct` holds no full stop and is either longer than
 * any abbreviation or all lower-case ASCII letters and none of the lower-case abbreviations (nor
 * `no`): then it ends the sentence, which character codes tell without building the word
 * (lower-casing never shortens a word, so a long one's key could be no abbreviation either).
 */
function isPlainWordBefore(text: string, start: number, punct: number): boolean {
  let j = punct;
  let lower = true;
  while (j > start && !isSpace(text.charCodeAt(j - 1))) {
    j--;
    const c = text.charCodeAt(j);
    if (c === 46) return false;
    if (c < 97 || c > 122) lower = false;
  }
  while (j < punct && isOpener(text.charCodeAt(j))) j++;
  if (punct - j > LONGEST_ABBREVIATION) return true;
  // An opener stripped above made `lower` false: such words take the general path.
  return lower && punct - j >= 2 && !opensLowerAbbreviation(text.charCodeAt(j), text.charCodeAt(j + 1));
}

/**
 * Whether a lower-case word opening with these two letters may be one of `LOWER_CASE_ABBREVIATIONS`
 * (of two letters or more) or `no`, which `endsSentence` reads with the word built.
 */
function opensLowerAbbreviation(first: number, second: number): boolean {
  return (((LOWER_SECONDS[first - 97] ?? 0) >> (second - 97)) & 1) === 1;
}
/** For each first letter (a = 0) of those words, their second letters as bits (a = 1). */
const LOWER_SECONDS = new Int32Array(26);
for (const word of [...LOWER_CASE_ABBREVIATIONS, 'no']) {
  if (word.length < 2) continue;
  const first = word.charCodeAt(0) - 97;
  LOWER_SECONDS[first] = (LOWER_SECONDS[first] ?? 0) | (1 << (word.charCodeAt(1) - 97));
}

/** The run of non-space characters ending at `punct` (the word the full stop is attached to). */
function wordBefore(text: string, start: number, punct: number): string {
  let j = punct;
  while (j > start && !isSpace(text.charCodeAt(j - 1))) j--;
  return stripOpeners(text.slice(j, punct));
}

function stripOpeners(word: string): string {
  let k = 0;
  while (k < word.length && isOpener(word.charCodeAt(k))) k++;
  return word.slice(k);
}

function isLetterAt(text: string, at: number): boolean {
  const c = text.charCodeAt(at);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER.test(text.charAt(at));
}
