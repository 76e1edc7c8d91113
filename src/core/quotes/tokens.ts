import { ABBREVIATIONS } from './lexicon.js';

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

const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}'’\-/&.]*/uy;
const SPACE = /\s/u;

/** True when `word` (with its final period) is an abbreviation or an initial, not a sentence end. */
export function isAbbreviation(word: string): boolean {
  const bare = word.replace(/\.$/, '');
  if (/^\p{Lu}$/u.test(bare)) return true; // an initial: "G. W."
  if (bare.includes('.')) return true; // "U.S", "N.C", "a.m"
  return ABBREVIATIONS.has(bare.toLowerCase());
}

function makeWord(text: string, start: number): Token {
  const possessive = /['’]s$/i.test(text) && text.length > 2;
  const base = possessive ? text.slice(0, -2) : text.replace(/['’]$/, '');
  return {
    text,
    norm: base.toLowerCase(),
    start,
    end: start + text.length,
    word: true,
    capital: /^[\p{Lu}\p{N}]/u.test(text),
    possessive,
  };
}

/** The tokens of `text` between `from` and `to`. */
export function tokenize(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = from;
  while (i < to) {
    const ch = text[i] ?? '';
    if (SPACE.test(ch)) {
      i++;
      continue;
    }
    WORD.lastIndex = i;
    const m = WORD.exec(text);
    if (m && m.index === i) {
      let w = m[0];
      if (i + w.length > to) w = w.slice(0, to - i);
      // a word swallowed the sentence's period: give it back unless it belongs to an abbreviation
      const dot = w.endsWith('.') && !isAbbreviation(w);
      const core = dot ? w.slice(0, -1) : w;
      out.push(makeWord(core, i));
      if (dot) out.push({ ...punct('.', i + core.length) });
      i += w.length;
      continue;
    }
    out.push(punct(ch, i));
    i++;
  }
  return out;
}

function punct(ch: string, start: number): Token {
  return { text: ch, norm: ch, start, end: start + 1, word: false, capital: false, possessive: false };
}

const OPENERS = '"“„«';
const CLOSERS = '"”»’\'';

/** The word that ends just before `pos` (letters, digits and inner periods). */
function wordBefore(text: string, pos: number): string {
  let j = pos;
  while (j > 0 && /[\p{L}\p{N}.'’-]/u.test(text[j - 1] ?? '')) j--;
  return text.slice(j, pos);
}

/**
 * True when the period, question or exclamation mark at `i` ends a sentence: it is followed by
 * space (after any closing marks) and then a capital or an opening mark, and it ends no abbreviation.
 */
export function endsSentence(text: string, i: number, limit: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '?' && ch !== '!') return false;
  let j = i + 1;
  while (j < limit && CLOSERS.includes(text[j] ?? '')) j++;
  if (j >= limit) return true;
  if (!SPACE.test(text[j] ?? '')) return false;
  while (j < limit && SPACE.test(text[j] ?? '')) j++;
  if (j >= limit) return true;
  const next = text[j] ?? '';
  if (!/\p{Lu}/u.test(next) && !OPENERS.includes(next)) return false;
  return ch !== '.' || !isAbbreviation(wordBefore(text, i) + '.');
}

/** Where the sentence holding `pos` starts, looking back no further than `floor`. */
export function sentenceStart(text: string, pos: number, floor: number): number {
  for (let j = pos - 1; j >= floor; j--) {
    if (endsSentence(text, j, pos)) {
      let k = j + 1;
      while (k < pos && (CLOSERS.includes(text[k] ?? '') || SPACE.test(text[k] ?? ''))) k++;
      return k;
    }
  }
  return floor;
}

/** Where the sentence holding `pos` ends (exclusive), looking no further than `ceiling`. */
export function sentenceEnd(text: string, pos: number, ceiling: number): number {
  for (let j = pos; j < ceiling; j++) if (endsSentence(text, j, ceiling)) return j + 1;
  return ceiling;
}
