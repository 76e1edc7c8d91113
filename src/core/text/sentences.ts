import { AMBIGUOUS, SENTENCE_STARTERS, TITLES } from './abbreviations.js';

const TERMINAL = new Set(['.', '!', '?', '…']);
/** Closing marks that stay with the sentence they follow: `... he said." Next`. */
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS = new Set(['"', '“', '‘', "'", '(', '[', '«']);
const SPACE = /\s/;
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
  while (i < text.length) {
    const ch = text.charAt(i);
    if (!TERMINAL.has(ch)) {
      i++;
      continue;
    }
    const punctStart = i;
    while (i < text.length && TERMINAL.has(text.charAt(i))) i++;
    while (i < text.length && CLOSERS.has(text.charAt(i))) i++;
    const end = i;
    if (end < text.length && !SPACE.test(text.charAt(end))) continue;
    let next = end;
    while (next < text.length && SPACE.test(text.charAt(next))) next++;
    if (next >= text.length) break;
    if (endsSentence(text, start, punctStart, end, next)) {
      pushTrimmed(out, text.slice(start, end));
      start = next;
    }
  }
  pushTrimmed(out, text.slice(start));
  return out;
}

function pushTrimmed(out: string[], s: string): void {
  const t = s.trim();
  if (t.length > 0) out.push(t);
}

function endsSentence(text: string, start: number, punct: number, end: number, next: number): boolean {
  const nextWord = wordAt(text, next);
  const first = nextWord.charAt(0);
  if (LOWER.test(first)) return false;
  const startsNew =
    UPPER_OR_DIGIT.test(first) ||
    (OPENERS.has(first) && nextWord.length > 1) ||
    (!/[\p{L}\p{N}]/u.test(first) && first !== '');
  if (!startsNew) return false;
  const marks = text.slice(punct, end);
  // Only a lone full stop can belong to an abbreviation; `?`, `!` and `...` end the sentence.
  if (!marks.startsWith('.') || marks.startsWith('..')) return true;
  const before = wordBefore(text, start, punct);
  if (before === '') return true;
  const key = before.toLowerCase().replace(/\./g, '');
  const bare = stripOpeners(nextWord)
    .replace(/[^\p{L}\p{N}]+$/u, '')
    .toLowerCase();
  if (TITLES.has(key) && /^[\p{Lu}\p{N}]/u.test(stripOpeners(nextWord))) return false;
  const isInitial = /^\p{Lu}$/u.test(before);
  const isDotted = /^(?:\p{L}\.)+\p{L}$/u.test(before);
  if (AMBIGUOUS.has(key) || isInitial || isDotted) return SENTENCE_STARTERS.has(bare);
  return true;
}

/** The run of non-space characters ending at `punct` (the word the full stop is attached to). */
function wordBefore(text: string, start: number, punct: number): string {
  let j = punct;
  while (j > start && !SPACE.test(text.charAt(j - 1))) j--;
  return stripOpeners(text.slice(j, punct));
}

function wordAt(text: string, at: number): string {
  let j = at;
  while (j < text.length && !SPACE.test(text.charAt(j))) j++;
  return text.slice(at, j);
}

function stripOpeners(word: string): string {
  let k = 0;
  while (k < word.length && OPENERS.has(word.charAt(k))) k++;
  return word.slice(k);
}
