import { ABBREVIATIONS } from './lexicon.js';
import { isRegexSpace } from '../text/chars.js';
import { countSteps } from '../work.js';

/** A word or punctuation mark of the raw text, with its offsets. */
export interface Token {
  readonly text: string;
  /** Lower-cased, possessive `'s` removed: what word lists are matched against. */
  readonly norm: string;
  readonly start: number;
  readonly end: number;
  readonly word: boolean;
  /** Starts with an upper-case letter or a digit ("Stoltenberg", "U.S.", "9/11"). */
  readonly capital: boolean;
  /** Ends in a possessive ("NATO’s"). */
  readonly possessive: boolean;
}

/** True when the first letter of `w` is a capital or a digit. */
export function startsUpper(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c >= 48 && c <= 57) return true;
  if (c < 128) return false;
  const ch = w[0] ?? '';
  return ch !== ch.toLowerCase();
}

/** True when `w` starts with a lower-case letter. */
export function startsLower(w: string): boolean {
  const ch = w[0] ?? '';
  return ch !== ch.toUpperCase();
}

/** True when `word` (with its final period) is an abbreviation or an initial, not a sentence end. */
export function isAbbreviation(word: string): boolean {
  const bare = word.endsWith('.') ? word.slice(0, -1) : word;
  if (bare.length === 1 && bare !== bare.toLowerCase()) return true; // an initial: "G. W."
  if (bare.includes('.')) return true; // "U.S", "N.C", "a.m"
  return ABBREVIATIONS.has(bare.toLowerCase());
}

/** `isAbbreviation` of text[from, to) and the period at `to`, read without slicing where it can be. */
function abbreviationBefore(text: string, from: number, to: number): boolean {
  if (to - from === 1) {
    const ch = text[from] as string;
    if (ch !== ch.toLowerCase()) return true; // an initial
  }
  const dot = text.indexOf('.', from);
  if (dot >= 0 && dot < to) return true;
  return ABBREVIATIONS.has(text.slice(from, to).toLowerCase());
}

/**
 * `word.toLowerCase()`, without a new string for the common word that is lower-case ASCII already
 * (slices of a text with curly quotes are two-byte strings, which toLowerCase always copies).
 */
function lowerCase(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return word.toLowerCase();
  }
  return word;
}

/**
 * A word of the text. Its strings are cut out of the text only when first read: attribution reads
 * the words up to a verb and a name, and only counts or tests the flags of the rest.
 */
class Word implements Token {
  readonly word = true;
  readonly capital: boolean;
  readonly possessive: boolean;
  private cut: string | null = null;
  private lower: string | null = null;

  constructor(
    private readonly source: string,
    readonly start: number,
    readonly end: number,
  ) {
    const n = end - start;
    const last = source.charCodeAt(end - 1);
    const before = source.charCodeAt(end - 2);
    this.possessive = n > 2 && (last === 115 || last === 83) && (before === 0x2019 || before === 39);
    this.capital = upperAt(source, start);
  }

  get text(): string {
    return (this.cut ??= this.source.slice(this.start, this.end));
  }

  /** Lower-cased, without a possessive "’s" or a final apostrophe. */
  get norm(): string {
    if (this.lower === null) {
      const last = this.source.charCodeAt(this.end - 1);
      const cut = this.possessive ? 2 : last === 0x2019 || last === 39 ? 1 : 0;
      this.lower = lowerCase(
        cut || this.cut === null ? this.source.slice(this.start, this.end - cut) : this.cut,
      );
    }
    return this.lower;
  }
}

function punct(ch: string, start: number): Token {
  return { text: ch, norm: ch, start, end: start + 1, word: false, capital: false, possessive: false };
}

/** A letter or digit of the Latin, Greek or Cyrillic scripts: what a word starts with. */
function isLetter(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (c >= 0xc0 && c <= 0x24f) || (c >= 0x370 && c <= 0x4ff);
}

/** What may follow a word's first letter: letters, apostrophes, hyphens, slashes, ampersands, periods. */
function continuesWord(c: number): boolean {
  return isLetter(c) || c === 39 || c === 0x2019 || c === 45 || c === 47 || c === 38 || c === 46;
}

/**
 * The tokens of `text` between `from` and `to`, in one scan of character codes: a word is a letter
 * followed by letters and inner marks, anything else not white space is one mark.
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  const n = text.length;
  countSteps(to - from);
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (isRegexSpace(c)) {
      i++;
      continue;
    }
    if (!isLetter(c)) {
      out.push(punct(text[i] as string, i));
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n && j < to && continuesWord(text.charCodeAt(j))) j++;
    // a word swallowed the sentence's period: give it back unless it belongs to an abbreviation
    if (text.charCodeAt(j - 1) === 46 && !abbreviationBefore(text, i, j - 1)) {
      out.push(new Word(text, i, j - 1), punct('.', j - 1));
    } else out.push(new Word(text, i, j));
    i = j;
  }
  return out;
}

/** A closing mark (" ” » ’ ') at `i`; past the end of `text` counts too, as `'...'.includes('')` did. */
function closerAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 34 || c === 0x201d || c === 0xbb || c === 0x2019 || c === 39;
}

/** An opening mark (" “ „ «) at `i`; past the end of `text` counts too. */
function openerAt(text: string, i: number): boolean {
  if (i >= text.length) return true;
  const c = text.charCodeAt(i);
  return c === 34 || c === 0x201c || c === 0x201e || c === 0xab;
}

/** `startsUpper` of the character at `i`, read by char code. */
function upperAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if ((c >= 65 && c <= 90) || (c >= 48 && c <= 57)) return true;
  if (!(c >= 128)) return false;
  const ch = text[i] as string;
  return ch !== ch.toLowerCase();
}

/** The word that ends just before `pos` (letters, digits and inner periods). */
function wordBefore(text: string, pos: number): string {
  let j = pos;
  for (; j > 0; j--) {
    const c = text.charCodeAt(j - 1);
    if (!isLetter(c) && c !== 46 && c !== 39 && c !== 0x2019 && c !== 45) break;
  }
  return text.slice(j, pos);
}

/**
 * True when the period, question or exclamation mark at `i` ends a sentence: it is followed by
 * space (after any closing marks) and then a capital or an opening mark, and it ends no abbreviation.
 */
export function endsSentence(text: string, i: number, limit: number): boolean {
  const ch = text.charCodeAt(i);
  if (ch !== 46 && ch !== 63 && ch !== 33) return false;
  let j = i + 1;
  while (j < limit && closerAt(text, j)) j++;
  if (j >= limit) return true;
  if (!isRegexSpace(text.charCodeAt(j))) return false;
  while (j < limit && isRegexSpace(text.charCodeAt(j))) j++;
  if (j >= limit) return true;
  const next = text.charCodeAt(j);
  if ((!upperAt(text, j) || (next >= 48 && next <= 57)) && !openerAt(text, j)) return false;
  return ch !== 46 || !isAbbreviation(wordBefore(text, i) + '.');
}

/** Where the sentence holding `pos` starts, looking back no further than `floor`. */
export function sentenceStart(text: string, pos: number, floor: number): number {
  countSteps(pos - floor);
  for (let j = pos - 1; j >= floor; j--) {
    const c = text.charCodeAt(j);
    if ((c === 46 || c === 63 || c === 33) && endsSentence(text, j, pos)) {
      let k = j + 1;
      while (k < pos && (closerAt(text, k) || isRegexSpace(text.charCodeAt(k)))) k++;
      return k;
    }
  }
  return floor;
}

/** Where the sentence holding `pos` ends (exclusive), looking no further than `ceiling`. */
export function sentenceEnd(text: string, pos: number, ceiling: number): number {
  countSteps(ceiling - pos);
  for (let j = pos; j < ceiling; j++) {
    const c = text.charCodeAt(j);
    if ((c === 46 || c === 63 || c === 33) && endsSentence(text, j, ceiling)) return j + 1;
  }
  return ceiling;
}
