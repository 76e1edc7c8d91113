import { isWideSpace } from '../text/chars.js';

/**
 * Word tokens for place and topic matching. Diacritics are folded (Priština → Pristina) and
 * curly quotes straightened; case is kept, since "Turkey" and "turkey" are different words.
 */

/**
 * A story's tokens (runs of letters and digits, or single punctuation marks) as offsets into its
 * folded text, with the unit (sentence) each came from. Offsets, not strings: tagging runs on
 * every article, and making a string of every token was most of its cost; only tokens that could
 * start a name are ever cut out. The numbers sit in one typed array, three to a token, so a story
 * costs one allocation however many tokens it has; read them with `tokenStart`, `tokenEnd` and
 * `tokenUnit`, which answer undefined past either end as a plain array would.
 */
export interface Tokens {
  /** The folded text of every unit, joined by U+2029. */
  readonly source: string;
  /** How many tokens there are (the array may be longer). */
  readonly count: number;
  /** Token i's start offset, end offset and unit, at 3i, 3i + 1 and 3i + 2. */
  readonly data: Int32Array;
}

/** A token list being written, token by token. */
export interface TokenWriter extends Tokens {
  source: string;
  count: number;
  data: Int32Array;
}

// The array of the last story tagged, handed back by `releaseTokens`: tagging then allocates no
// token array at all (a typed array is costly to allocate). Scratch space, not a cache: nothing
// in it is read before it is written again, since reads stop at `count`.
let spare: Int32Array | undefined;
/** A larger array (a very long story's) is left to the collector rather than kept. */
const MAX_SPARE = 3 * 4096;

export function tokenWriter(source: string): TokenWriter {
  const data = spare ?? new Int32Array(3 * 256);
  spare = undefined;
  return { source, count: 0, data };
}

/** Gives the token array of a story that is no longer read to the next story's writer. */
export function releaseTokens(t: Tokens): void {
  if (t.data.length <= MAX_SPARE) spare = t.data;
}

/** Doubles the token array of `t`, whose first `count` tokens are kept; returns the new array. */
export function grownTokens(t: TokenWriter, count: number): Int32Array {
  const grown = new Int32Array(2 * t.data.length);
  grown.set(t.data.subarray(0, 3 * count));
  t.data = grown;
  return grown;
}

/** Appends a token (growing the array by doubling). */
export function pushToken(t: TokenWriter, start: number, end: number, unit: number): void {
  let k = 3 * t.count;
  const data = k === t.data.length ? grownTokens(t, t.count) : t.data;
  data[k++] = start;
  data[k++] = end;
  data[k] = unit;
  t.count++;
}

export function tokenStart(t: Tokens, i: number): number | undefined {
  return i >= 0 && i < t.count ? t.data[3 * i] : undefined;
}

export function tokenEnd(t: Tokens, i: number): number | undefined {
  return i >= 0 && i < t.count ? t.data[3 * i + 1] : undefined;
}

export function tokenUnit(t: Tokens, i: number): number | undefined {
  return i >= 0 && i < t.count ? t.data[3 * i + 2] : undefined;
}

/** A piece of text to tokenize, and the unit number its tokens carry. */
export interface TextUnit {
  readonly text: string;
  readonly unit: number;
}

const COMBINING = /\p{M}+/gu;
// Letters that may carry diacritics (Latin, Greek, Cyrillic...); without them NFD is skipped.
const ACCENTABLE_RANGE = '\\u00C0-\\u1FFF';
const ACCENTABLE = new RegExp(`[${ACCENTABLE_RANGE}]`);
// Letters NFD does not decompose, but readers treat as their plain form.
const SPECIAL: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ı: 'i',
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
};
const SPECIAL_RE = /[øØłŁđĐßæÆı‘’ʼ`“”–—]/g;

/** Folds diacritics and typographic quotes: "Priština’s" → "Pristina's". Keeps case. */
export function fold(text: string): string {
  // Most English copy has no accented letter: leave it as it is (curly quotes and dashes are
  // matched as their plain forms by tokenIs).
  return ACCENTABLE.test(text) ? stripAccents(text) : text;
}

/**
 * `fold` without its test, for a piece of a text that has an accented letter somewhere: folding a
 * text piece by piece gives the same as folding it whole (NFD never reaches across a unit break).
 */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

// After folding, a letter is ASCII or lies in a block of letters (Latin extended, Greek,
// Cyrillic, CJK...). Checked by code point: a hand-written scanner allocates nothing per token.
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (
    (c >= 0xc0 && c <= 0x1fff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x2c00 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfe2f) ||
    (c >= 0xfe70 && c <= 0xfefe) ||
    (c >= 0xff10 && c <= 0xffdc)
  );
}

/** True for a space (ASCII controls included) or a Unicode space separator. */
export function isSpaceCode(c: number): boolean {
  return c < 128 ? c <= 32 : isWideSpace(c);
}

/** `CHAR_FLAGS` bits: the code unit is a letter or digit (`isWordCode`), or a space (`isSpaceCode`). */
export const IS_WORD = 1;
export const IS_SPACE = 2;
/** An ASCII capital, A to Z. */
export const IS_CAPITAL = 4;
/** A letter that may carry diacritics (`ACCENTABLE_RANGE`, U+00C0 to U+1FFF). */
export const IS_ACCENTABLE = 8;

/**
 * `isWordCode`, `isSpaceCode`, ASCII capitals and `ACCENTABLE_RANGE` of every UTF-16 code unit,
 * as bits: one table read per character instead of a chain of range tests (64 kB, built once).
 * Both word and space bits are set for U+1680, the one space inside a block of letters: each
 * reader keeps the order of its tests.
 */
export const CHAR_FLAGS: Uint8Array = (() => {
  const table = new Uint8Array(0x10000);
  for (let c = 0; c < table.length; c++)
    table[c] =
      (isWordCode(c) ? IS_WORD : 0) |
      (isSpaceCode(c) ? IS_SPACE : 0) |
      (c >= 65 && c <= 90 ? IS_CAPITAL : 0) |
      (c >= 0xc0 && c <= 0x1fff ? IS_ACCENTABLE : 0);
  return table;
})();

/** The text of token `i`, or undefined past the end. */
export function tokenText(tokens: Tokens, i: number): string | undefined {
  if (i < 0 || i >= tokens.count) return undefined;
  return tokens.source.slice(tokens.data[3 * i], tokens.data[3 * i + 1]);
}

/** True when token `i` is a single character that `tokenIs` also takes for a plain one (’ for '). */
export function hasPlainForm(tokens: Tokens, i: number): boolean {
  const s = tokenStart(tokens, i);
  return s !== undefined && tokenEnd(tokens, i) === s + 1 && SPECIAL[tokens.source.charAt(s)] !== undefined;
}

/** True when token `i` is exactly `word` (no string is made); ’ matches ' and – matches -. */
export function tokenIs(tokens: Tokens, i: number, word: string): boolean {
  const s = tokenStart(tokens, i);
  const e = tokenEnd(tokens, i);
  if (s === undefined || e === undefined || e - s !== word.length) return false;
  if (tokens.source.startsWith(word, s)) return true;
  return word.length === 1 && (SPECIAL[tokens.source.charAt(s)] ?? '') === word;
}

/** The token texts of a name, for building lookup keys: "Côte d'Ivoire" → Cote, d, ', Ivoire. */
export function nameTokens(name: string): string[] {
  const s = fold(name);
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (isWordCode(c)) {
      while (j < s.length && isWordCode(s.charCodeAt(j))) j++;
      out.push(s.slice(i, j));
    } else if (!isSpaceCode(c)) out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

/** True for a token written with a capital first letter ("Jordan", "McCain"). */
export function isCapitalized(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}
