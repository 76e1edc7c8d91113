import { codeAt, isRegexSpace } from './chars.js';

/**
 * Word-level tests of short lines by character codes, for the furniture rules: they run on every
 * line that might be furniture, so they build no strings or arrays on the common path.
 */

/**
 * `line.split(/\s+/).filter(w => w)` counted without building the words (runs of characters other
 * than `\s`), stopping once the count passes `limit`: callers only compare it with a bound.
 */
export function countWords(text: string, limit: number): number {
  return countWordsIn(text, 0, text.length, limit);
}

/** `countWords` of `text.slice(from, to)`, without the slice. */
export function countWordsIn(text: string, from: number, to: number, limit: number): number {
  let count = 0;
  let inWord = false;
  for (let i = from; i < to; i++) {
    const space = isRegexSpace(text.charCodeAt(i));
    if (!space && !inWord && ++count > limit) return count;
    inWord = !space;
  }
  return count;
}

/** A set of lower-case ASCII letters, as bits: `letters('pulf')`. */
export function letters(set: string): number {
  let mask = 0;
  for (let i = 0; i < set.length; i++) mask |= 1 << (set.charCodeAt(i) - 97);
  return mask;
}

/**
 * Whether `line` opens with an ASCII letter of `mask`, in either case (`| 0x20` maps only `A-Z`
 * onto `a-z`). The rules are anchored, case-insensitive regexes over ASCII words, which only an
 * ASCII letter can open (without the `u` flag, `/i` folds no other character onto one): this test
 * spares most lines the regex.
 */
export function opensWith(line: string, mask: number): boolean {
  const c = codeAt(line, 0) | 0x20;
  return c >= 97 && c <= 122 && ((mask >> (c - 97)) & 1) === 1;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/**
 * A set of lower-case words to look words of a line up in without building them: an ASCII word is
 * hashed from its character codes and built (and lower-cased) only when its hash is one of the
 * set's, which is rare since the sets are of furniture words; a word with other characters is
 * built and lower-cased as it always was.
 */
export class WordSet {
  private readonly hashes = new Set<number>();
  private readonly longest: number;
  /**
   * For each pair of ASCII letters that opens a word of the set, the characters that follow the
   * pair in its words: a bit per letter, and `OTHER_THIRD` for the end of the word or any other
   * character. Most lines are ruled out by their first three characters with it.
   */
  private readonly thirds = new Int32Array(26 * 26);

  constructor(private readonly words: ReadonlySet<string>) {
    let longest = 0;
    for (const word of words) {
      longest = Math.max(longest, word.length);
      let hash = FNV_OFFSET;
      for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
      this.hashes.add(hash);
      const pair = letterPair(word.charCodeAt(0), codeAt(word, 1));
      if (pair < 0) continue;
      const third = asciiLetter(codeAt(word, 2));
      this.thirds[pair] = (this.thirds[pair] ?? 0) | (third >= 0 ? 1 << third : OTHER_THIRD);
    }
    this.longest = longest;
  }

  /**
   * False when no word of the set can be the first word of `line` (as `hasFirstWord` reads it),
   * by its first three characters: when the first two are ASCII letters, they are in the word and
   * lower-case to themselves, and so must open a word of the set; the third is then in the word too
   * (a letter), ends it or is in it (other ASCII), or is let through (past ASCII, which lower-cases
   * to anything).
   */
  private mayOpen(line: string): boolean {
    const pair = letterPair(codeAt(line, 0), codeAt(line, 1));
    if (pair < 0) return true;
    const thirds = this.thirds[pair] ?? 0;
    if (thirds === 0) return false;
    const c = codeAt(line, 2);
    if (c >= 128) return true;
    const third = asciiLetter(c);
    return ((third >= 0 ? 1 << third : OTHER_THIRD) & thirds) !== 0;
  }

  /** Whether `text.slice(start, end).toLowerCase()` is in the set. */
  has(text: string, start: number, end: number): boolean {
    // Lower-casing never shortens a word: one longer than every word of the set is none of them.
    if (end - start > this.longest) return false;
    let hash = FNV_OFFSET;
    let ascii = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c >= 128) ascii = false;
      hash = Math.imul(hash ^ (c >= 65 && c <= 90 ? c + 32 : c), FNV_PRIME);
    }
    if (ascii && !this.hashes.has(hash)) return false;
    return this.words.has(text.slice(start, end).toLowerCase());
  }

  /**
   * Whether the first word of `line` is in the set, the word ending at white space, at `:` or `,`,
   * and (when `stopAtDot`) at `.`.
   */
  hasFirstWord(line: string, stopAtDot: boolean): boolean {
    if (!this.mayOpen(line)) return false;
    let end = 0;
    while (end < line.length && end <= this.longest) {
      const c = line.charCodeAt(end);
      if (isRegexSpace(c) || c === 58 || c === 44 || (c === 46 && stopAtDot)) break;
      end++;
    }
    return this.has(line, 0, end);
  }
}

/** The bit of `WordSet.thirds` for the end of a word or a character other than an ASCII letter. */
const OTHER_THIRD = 1 << 26;

/** An ASCII letter's index in the alphabet (either case), or -1 for any other code. */
function asciiLetter(c: number): number {
  const lower = c | 0x20;
  return c < 128 && lower >= 97 && lower <= 122 ? lower - 97 : -1;
}

/** Two ASCII letters (either case) as one index, `26 * first + second`, or -1 unless both are letters. */
function letterPair(first: number, second: number): number {
  const a = asciiLetter(first);
  const b = asciiLetter(second);
  return a < 0 || b < 0 ? -1 : 26 * a + b;
}

/** The start of the next run of characters other than `\s` at or after `from` (or the length). */
export function wordStart(text: string, from: number): number {
  let start = from;
  while (start < text.length && isRegexSpace(text.charCodeAt(start))) start++;
  return start;
}
