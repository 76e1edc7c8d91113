import {
  hashStep,
  matchListAt,
  namesOfAsciiWord,
  namesStartingWith,
  type NameIndex,
  type NameMatch,
} from './name-index.js';
import {
  CHAR_FLAGS,
  IS_ACCENTABLE,
  IS_CAPITAL,
  IS_SPACE,
  IS_WORD,
  grownTokens,
  pushToken,
  stripAccents,
  tokenWriter,
  type TextUnit,
  type Tokens,
  type TokenWriter,
} from './tokens.js';
import { CodeUnits } from '../text/code-units.js';
import { countSteps } from '../work.js';

// Tagging does not tokenize a whole story. One pass over its code units finds the capitalized
// words; each is looked up once, and only where a name could start is a short window around it
// cut into tokens and the name matched. Most of a story (lower-case prose) is read by that pass
// alone, one table read a character, and only once.

/** The unit given to the break between two windows, so no rule reads across it. */
export const GAP_UNIT = -0x80000000;

// A capital letter, and the same or a letter that folding may change: the first pass over a story
// reads the raw text and also finds out whether it needs folding, so unaccented copy (most of it) is
// read once. Only a capital that starts a word matters (after folding, names in Latin script start
// with an ASCII capital); the few capitals inside words ("NATO", "McCain") are skipped by
// `startsWord`. The pass finds them in the story's code units by a table read a character (the
// `CHAR_FLAGS` bits below), not by a regex: a regex call per capital cost more than the scan.
const CAPITAL = IS_CAPITAL;
const CAPITAL_OR_ACCENT = IS_CAPITAL | IS_ACCENTABLE;

/** What `\b` sees before a capital at `pos`: no ASCII letter, digit or underscore. */
function startsWord(codes: Uint16Array, pos: number): boolean {
  if (pos === 0) return true;
  const c = codes[pos - 1] as number;
  return !((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95);
}
/** The story's code units, for `scanPass`: scratch, loaded again by every pass. */
const UNITS = new CodeUnits();
/** How far before a name to read, in characters: enough for "Mr. ", "speaks ", "sub-". */
const BACK = 14;
/** Tokens read after a name, for the rules that look at the next words ("Paris, Texas"). */
const CONTEXT_AFTER = 2;

/** The story's tokens near names, and the names found, left to right, longest first. */
export interface NameScan<T> {
  readonly tokens: Tokens;
  readonly matches: NameMatch<T>[];
}

/**
 * Joins units for one scan. A unit's own U+2029 needs no care: units are told apart by their
 * lengths, and to every rule the character is a space.
 */
const UNIT_BREAK = '\u2029';

/** Finds the index's names in the units; time is linear in the text. */
export function scanNames<T>(units: readonly TextUnit[], index: NameIndex<T>): NameScan<T> {
  return scanTexts(
    units.map((u) => u.text),
    units.map((u) => u.unit),
    index,
  );
}

/** `scanNames` for units given as two lists: their texts, and the unit number of each. */
export function scanTexts<T>(
  texts: readonly string[],
  unitIds: readonly number[],
  index: NameIndex<T>,
): NameScan<T> {
  const plain = texts.join(UNIT_BREAK);
  const ends: number[] = [];
  let end = -1;
  for (const t of texts) ends.push((end += 1 + t.length));
  const tokens = tokenWriter(plain);
  const found = scanPass(tokens, ends, unitIds, index, CAPITAL_OR_ACCENT);
  if (found) return { tokens, matches: found };
  // An accented letter: fold the story and read it again, finding capitals only.
  foldStory(texts, tokens, ends);
  const matches = scanPass(tokens, ends, unitIds, index, CAPITAL);
  if (!matches) throw new Error('scanNames: folded text read as accented');
  return { tokens, matches };
}

/**
 * Folds the story in `tokens.source` (emptying the token list) and sets `ends` to where its units
 * now end. Folding the joined text is one call, not one per unit; the breaks then tell the units
 * apart, unless a unit has one of its own.
 */
function foldStory(texts: readonly string[], tokens: TokenWriter, ends: number[]): void {
  tokens.count = 0;
  ends.length = 0;
  if (texts.some((t) => t.includes(UNIT_BREAK))) {
    const folded = texts.map(stripAccents);
    tokens.source = folded.join(UNIT_BREAK);
    let end = -1;
    for (const t of folded) ends.push((end += 1 + t.length));
    return;
  }
  const src = stripAccents(tokens.source);
  tokens.source = src;
  for (let i = src.indexOf(UNIT_BREAK); i >= 0; i = src.indexOf(UNIT_BREAK, i + 1)) ends.push(i);
  ends.push(src.length);
}

/**
 * One pass over the story in `tokens.source`, whose units end at `ends`, stopping at the
 * characters with a `finder` bit (`CAPITAL` or `CAPITAL_OR_ACCENT`), writing the tokens of its
 * windows; the names found, or undefined as soon as it meets a letter that folding may change
 * (only `CAPITAL_OR_ACCENT` finds those).
 */
function scanPass<T>(
  tokens: TokenWriter,
  ends: readonly number[],
  unitIds: readonly number[],
  index: NameIndex<T>,
  finder: number,
): NameMatch<T>[] | undefined {
  const src = tokens.source;
  // The word and window loops read code units, not `charCodeAt` (see CodeUnits).
  const codes = UNITS.load(src);
  // module bindings read once: optimised code re-reads (and checks) a module binding every step
  const flags = CHAR_FLAGS;
  const isWord = IS_WORD;
  const isSpace = IS_SPACE;
  const matches: NameMatch<T>[] = [];
  let k = 0; // current unit
  let limit = ends[0] ?? 0; // where it ends
  let done = 0; // source offset up to which tokens were emitted
  let matchedTo = 0; // source offset up to which a name was matched
  const length = src.length;
  countSteps(length);
  for (let pos = 0; pos < length; pos++) {
    while (pos < length && ((flags[codes[pos] as number] as number) & finder) === 0) pos++;
    if (pos === length) break;
    if ((codes[pos] as number) > 90) return undefined;
    if (!startsWord(codes, pos)) continue;
    while (pos > limit) {
      k++;
      done = Math.max(done, limit + 1);
      limit = ends[k] ?? src.length;
    }
    if (pos < matchedTo) continue;
    // The word is hashed as it is read, so most words are ruled out without making a string.
    let wordEnd = pos + 1;
    let hash = hashStep(0, codes[pos] as number);
    let ascii = true;
    for (; wordEnd < limit; wordEnd++) {
      const c = codes[wordEnd] as number;
      if (((flags[c] as number) & isWord) === 0) break;
      hash = hashStep(hash, c);
      if (c >= 128) ascii = false;
    }
    // Looked up once: the same list gives the reach of the window and the names to match.
    const names = ascii
      ? namesOfAsciiWord(index, src, pos, wordEnd, hash)
      : namesStartingWith(index, src.slice(pos, wordEnd));
    if (names === undefined) continue;
    const after = names.reach + CONTEXT_AFTER;
    const unit = unitIds[k] ?? 0;
    if (pos >= done) {
      let from = Math.max(done, pos - BACK);
      while (from > done && ((flags[codes[from - 1] as number] as number) & isSpace) === 0) from--;
      if (from > done && tokens.count > 0) pushToken(tokens, from, from, GAP_UNIT);
      done = scan(tokens, codes, from, limit, pos, after, unit);
    } else {
      // A name starting inside the last window may run past its end: read on from there, only as
      // many tokens as it needs beyond those read already (reading `after` more at every name of a
      // run of names would carry the window ever further ahead of the names, and each lookup of a
      // name's token would walk back over all of them).
      const read = tokensFrom(tokens, pos);
      if (read <= after) done = scan(tokens, codes, done, limit, done, after - read, unit);
    }
    const at = tokenAt(tokens, pos);
    const found = at < 0 ? undefined : matchListAt(tokens, at, names);
    if (found) {
      matches.push(found);
      matchedTo = tokens.data[3 * found.end - 2] ?? pos + 1;
    }
  }
  return matches;
}

/** How many of the tokens start at source offset `pos` or later (counted from the end). */
function tokensFrom(t: Tokens, pos: number): number {
  let i = t.count - 1;
  while (i >= 0 && (t.data[3 * i] ?? -1) >= pos) i--;
  countSteps(t.count - i);
  return t.count - 1 - i;
}

/** The index of the token starting at source offset `pos` (searched from the end), or -1. */
function tokenAt(t: Tokens, pos: number): number {
  const i = t.count - tokensFrom(t, pos);
  return i < t.count && t.data[3 * i] === pos ? i : -1;
}

/**
 * Emits tokens of `t.source`, whose code units are `codes`, from `from` (below `limit`) until
 * `after` tokens past `anchor`; returns the end.
 */
function scan(
  t: TokenWriter,
  codes: Uint16Array,
  from: number,
  limit: number,
  anchor: number,
  after: number,
  unit: number,
): number {
  const table = CHAR_FLAGS;
  const isWord = IS_WORD;
  const isSpace = IS_SPACE;
  let { data, count } = t;
  let past = 0;
  let i = from;
  let end = limit;
  // A scanner by character code: a regex here would allocate a match object per token.
  while (i < limit) {
    const flags = table[codes[i] as number] as number;
    if (flags & isSpace) {
      i++;
      continue;
    }
    let j = i + 1;
    if (flags & isWord) while (j < limit && (table[codes[j] as number] as number) & isWord) j++;
    if (3 * count === data.length) data = grownTokens(t, count);
    data[3 * count] = i;
    data[3 * count + 1] = j;
    data[3 * count + 2] = unit;
    count++;
    if (i >= anchor && ++past > after) {
      end = j;
      break;
    }
    i = j;
  }
  countSteps(count - t.count);
  t.count = count;
  return end;
}
