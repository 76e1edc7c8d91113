import { AMBIGUOUS, LOWER_CASE_ABBREVIATIONS, SENTENCE_STARTERS, TITLES } from './abbreviations.js';

const TERMINAL = new Set(['.', '!', '?', '…']);
/** Closing marks that stay with the sentence they follow: `... he said." Next`. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);

const UPPER_OR_DIGIT = /[\p{Lu}\p{N}]/u;
const LOWER = /\p{Ll}/u;

/**
 * Splits a paragraph into sentences in one left-to-right pass (no backtracking regex).
 * A full stop, `?`, `!` or ellipsis ends a sentence when whitespace and a capital, a digit or an
 * opening mark follow, unless the word before it is an abbreviation or an initial.
 */
export function splitSentences(paragraph: string): string[] {
  const out: string[] = [];
  const text = paragraph;
  let start = 0;
  let i = 0;
  const finder = /[.!?…]/g;
  while (i < text.length) {
    // Jump to the next terminal mark with a native scan rather than testing every character.
    finder.lastIndex = i;
    const found = finder.exec(text);
    if (!found) break;
    i = found.index;
    const punctStart = i;
    while (i < text.length && TERMINAL.has(text.charAt(i))) i++;
    while (i < text.length && CLOSERS.has(text.charAt(i))) i++;
    const end = i;
    if (end < text.length && !isSpace(text.charCodeAt(end))) continue;
    let next = end;
    while (next < text.length && isSpace(text.charCodeAt(next))) next++;
    if (next >= text.length) break;
    if (endsSentence(text, start, punctStart, end, next)) {
      pushTrimmed(out, text.slice(start, end));
      start = next;
    }
  }
  pushTrimmed(out, text.slice(start));
  return out;
}

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || (code >= 0x2000 && code <= 0x200a);
}

function pushTrimmed(out: string[], s: string): void {
  const t = s.trim();
  if (t.length > 0) out.push(t);
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
  while (first < text.length && OPENERS.has(text.charAt(first))) first++;
  if (first >= text.length || isLowerAt(text, first)) return false;
  const opened = first > next;
  if (!opened && !isUpperOrDigitAt(text, first) && /[\p{L}\p{N}]/u.test(text.charAt(first))) return false;
  // Only a lone full stop can belong to an abbreviation; `?`, `!` and `...` end the sentence.
  if (text.charAt(punct) !== '.' || text.charAt(punct + 1) === '.') return true;
  const before = wordBefore(text, start, punct);
  if (before === '') return true;
  const key = before.toLowerCase().replace(/\./g, '');
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
  while (j < text.length && /[\p{L}]/u.test(text.charAt(j))) j++;
  return text.slice(at, j).toLowerCase();
}

/** The run of non-space characters ending at `punct` (the word the full stop is attached to). */
function wordBefore(text: string, start: number, punct: number): string {
  let j = punct;
  while (j > start && !isSpace(text.charCodeAt(j - 1))) j--;
  return stripOpeners(text.slice(j, punct));
}

function stripOpeners(word: string): string {
  let k = 0;
  while (k < word.length && OPENERS.has(word.charAt(k))) k++;
  return word.slice(k);
}
