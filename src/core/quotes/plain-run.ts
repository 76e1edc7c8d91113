// The common run of capitalised words ("Dragan Petrovic", "The Danube Authority"), read in one walk
// over its characters instead of tokens: what people.ts's token reading (readRun, readPhrase)
// makes of such a run, worked out once for the whole kind. Runs of any other kind are left to it.
import {
  ABBREVIATIONS,
  CALENDAR,
  DETERMINERS,
  HONORIFICS,
  PHRASE_BREAKERS,
  PRONOUNS,
  TITLES,
} from './lexicon.js';

/** The name a plain run holds: its words, where they start in the run, and how many they are. */
export interface PlainName {
  readonly name: string;
  readonly offset: number;
  readonly words: number;
}

/** Which lists a word is in: SPECIAL (a title, a calendar word, a pronoun, "and"), ABBREVIATED, SKIPPED. */
const SPECIAL = 1;
const ABBREVIATED = 2;
const SKIPPED = 4;

/** Letters a word's code holds exactly: 27 ** 11 is below 2 ** 53. */
const CODE_LETTERS = 11;

/**
 * A word of letters as a number, case folded (base 27, 1 to 26 a letter): s[from, to), at most
 * CODE_LETTERS letters, else 0 (as for anything not a letter).
 */
function letterCode(s: string, from: number, to: number): number {
  let code = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c < 97 || c > 122) return 0;
    code = code * 27 + (c - 96);
  }
  return code;
}

// The lists' words of plain letters by code (the words a case-blind regular expression of them would
// match), and the longer ones by the code of their first CODE_LETTERS letters, then of the rest.
const FLAGS = new Map<number, number>();
const LONG_FLAGS = new Map<number, Map<number, number>>();

function addWords(flag: number, ...lists: Iterable<string>[]): void {
  for (const list of lists) {
    for (const w of list) {
      if (!/^[a-z]+$/.test(w)) continue;
      if (w.length <= CODE_LETTERS) {
        const code = letterCode(w, 0, w.length);
        FLAGS.set(code, (FLAGS.get(code) ?? 0) | flag);
        continue;
      }
      const head = letterCode(w, 0, CODE_LETTERS);
      const rest = letterCode(w, CODE_LETTERS, w.length);
      const tails = LONG_FLAGS.get(head) ?? LONG_FLAGS.set(head, new Map()).get(head);
      tails?.set(rest, (tails.get(rest) ?? 0) | flag);
    }
  }
}

// What `readRun` skips at a run's start ("The", "In"), the words that make a run more than a plain
// name (a title, a calendar word, a pronoun, "And"), and abbreviations that keep their period; all
// matched without regard to case, as `readRun` matches the words' lower-case forms.
addWords(SKIPPED, PHRASE_BREAKERS, DETERMINERS);
addWords(SPECIAL, CALENDAR, TITLES, HONORIFICS.keys(), PRONOUNS.keys(), ['and']);
addWords(ABBREVIATED, ABBREVIATIONS);

// FLAGS again, as an open-addressing table probed inline: a word is looked up at every word of a
// run, and a `Map` lookup (a builtin call hashing the number) cost more than the rest of the walk.
const SLOT_BITS = Math.ceil(Math.log2(4 * FLAGS.size + 1));
const SLOT_COUNT = 1 << SLOT_BITS;
const SLOT_MASK = SLOT_COUNT - 1;
/** Each slot's code (0 for an empty slot: no word has code 0) and that code's flags. */
const SLOT_CODES = new Float64Array(SLOT_COUNT);
const SLOT_FLAGS = new Uint8Array(SLOT_COUNT);

/**
 * The first slot to probe for a code: its low 32 bits (`| 0` takes them, codes being exact integers
 * below 2 ** 53), mixed, top bits kept.
 */
function slotOf(code: number): number {
  const low = code | 0;
  return Math.imul(low ^ (low >>> 15), 0x2c1b3c6d) >>> (32 - SLOT_BITS);
}

for (const [code, flags] of FLAGS) {
  let slot = slotOf(code);
  while (SLOT_CODES[slot] !== 0) slot = (slot + 1) & SLOT_MASK;
  SLOT_CODES[slot] = code;
  SLOT_FLAGS[slot] = flags;
}

/** `FLAGS.get(code) ?? 0`, from the slot table. */
function shortFlags(code: number): number {
  if (code === 0) return 0;
  for (let slot = slotOf(code); ; slot = (slot + 1) & SLOT_MASK) {
    const found = SLOT_CODES[slot] as number;
    if (found === code) return SLOT_FLAGS[slot] as number;
    if (found === 0) return 0;
  }
}

/** The lists word s[from, to) (ASCII letters, digits, hyphens) is in, case folded. */
function flagsOf(s: string, from: number, to: number): number {
  if (to - from <= CODE_LETTERS) return shortFlags(letterCode(s, from, to));
  const tails = LONG_FLAGS.get(letterCode(s, from, from + CODE_LETTERS));
  return tails?.get(letterCode(s, from + CODE_LETTERS, to)) ?? 0;
}

/** Three or four words in capitals: a shouted headline, not a name. */
const SHOUTED = /^[A-Z0-9-]+(?: [A-Z0-9-]+)+$/;

/** [A-Za-z0-9-]: what a plain run's word is made of, past its capital. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45;
}

/**
 * The common run, read in one walk over its characters instead of tokens: capitalised words of two
 * characters or more (letters, digits, hyphens) between single spaces, a sentence's period after
 * any, and at most a possessive at the end ("Douglas Holtz-Eakin", "The FBI", "Novi Sad.",
 * "Hillary Clinton’s"), when no word is a title, a calendar word, a pronoun, "And" or an
 * abbreviation with its period. What `readRun` makes of it is then plain: a sentence's period ends
 * the phrase ("West Africa. The" reads "West Africa"), and so does a possessive ("Hillary Clinton’s"
 * reads "Hillary"); past any sentence-initial function words, the words are one name, a person's if
 * two to four words (unless shouted), the surname of a known person if one. Null when the run names
 * nobody; false when the run is not of this kind, and `readRun` must read it with tokens.
 */
export function readPlainRun(run: string): PlainName | null | false {
  const n = run.length;
  // where the name starts, past the function words that open the run (each followed by a space)
  let s = 0;
  // every word of the phrase (from s) is a function word: the word at s, with a period or the end after it
  let skippedOnly = false;
  let possessive = false;
  for (let i = 0; i < n;) {
    const first = run.charCodeAt(i);
    if (first < 65 || first > 90) return false;
    let j = i + 1;
    while (j < n && isWordChar(run.charCodeAt(j))) j++;
    const c = j < n ? run.charCodeAt(j) : 32;
    if (c === 0x2019 || c === 39) {
      // a possessive ends the run
      if (j + 2 !== n || run.charCodeAt(j + 1) !== 115 || i === 0) return false;
      possessive = true;
    } else if (j - i < 2 || !(c === 32 || c === 46)) return false;
    const flags = flagsOf(run, i, j);
    if (flags & SPECIAL) return false;
    if (c === 46) {
      if (flags & ABBREVIATED) return false;
      j++;
      if (j < n && run.charCodeAt(j) !== 32) return false;
    }
    if (i === s) {
      if (j < n && c === 32 && flags & SKIPPED) s = j + 1;
      else skippedOnly = (flags & SKIPPED) !== 0 && (c === 46 || j >= n);
    }
    if (possessive) break;
    i = j + 1;
    if (i >= n && j < n) return false; // a space at the end
  }
  const dot = run.indexOf('.');
  // the phrase ends at the first period, or before the possessive ("Hillary Clinton’s" reads "Hillary")
  const end = dot >= 0 ? dot : possessive ? run.lastIndexOf(' ') : n;
  if (s > end) return null;
  if (skippedOnly) return null;
  let count = 1;
  for (let k = run.indexOf(' ', s); k >= 0 && k < end; k = run.indexOf(' ', k + 1)) count++;
  if (count > 4) return null;
  const name = s === 0 && end === n ? run : run.slice(s, end);
  if (count > 2 && SHOUTED.test(name)) return null;
  return { name, offset: s, words: count };
}
