import {
  hashStep,
  matchListAt,
  namesOfAsciiWord,
  namesStartingWith,
  type NameIndex,
  type NameMatch,
} from './name-index.js';
import {
  ACCENTABLE_CLASS,
  isSpaceCode,
  isWordCode,
  stripAccents,
  type TextUnit,
  type Tokens,
} from './tokens.js';

// Tagging does not tokenize a whole story. A native regular expression finds the capitalized
// words; each is looked up once, and only where a name could start is a short window around it
// cut into tokens and the name matched. Most of a story (lower-case prose) is read only by the
// regex engine, and only once.

/** The unit given to the break between two windows, so no rule reads across it. */
export const GAP_UNIT = Number.MIN_SAFE_INTEGER;

// A capital letter starting a word. After folding, names in Latin script start with an ASCII
// capital. Used with test(), which makes no match object: the word is read in place.
const CAPITAL = /\b[A-Z]/g;
// The same, or a letter that folding may change: the first pass over a story reads the raw text
// and also finds out whether it needs folding, so unaccented copy (most of it) is read once.
const CAPITAL_OR_ACCENT = new RegExp(`\\b[A-Z]|${ACCENTABLE_CLASS}`, 'g');
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
  const texts = units.map((u) => u.text);
  const plain = scanText(texts, units, index, CAPITAL_OR_ACCENT);
  if (plain) return plain;
  // An accented letter: fold every unit and read the story again, finding capitals only.
  const folded = scanText(texts.map(stripAccents), units, index, CAPITAL);
  if (!folded) throw new Error('scanNames: folded text read as accented');
  return folded;
}

/**
 * One pass of `finder` over the joined texts; undefined as soon as it meets a letter that folding
 * may change (only `CAPITAL_OR_ACCENT` finds those).
 */
function scanText<T>(
  texts: readonly string[],
  units: readonly TextUnit[],
  index: NameIndex<T>,
  finder: RegExp,
): NameScan<T> | undefined {
  const src = texts.join(UNIT_BREAK);
  const tokens: Tokens = { source: src, start: [], end: [], unit: [] };
  const matches: NameMatch<T>[] = [];
  let k = 0; // current unit
  let limit = texts[0]?.length ?? 0; // where it ends
  let done = 0; // source offset up to which tokens were emitted
  let matchedTo = 0; // source offset up to which a name was matched
  finder.lastIndex = 0;
  while (finder.test(src)) {
    const pos = finder.lastIndex - 1;
    if (src.charCodeAt(pos) > 90) return undefined;
    while (pos > limit) {
      k++;
      done = Math.max(done, limit + 1);
      limit += 1 + (texts[k]?.length ?? 0);
    }
    if (pos < matchedTo) continue;
    // The word is hashed as it is read, so most words are ruled out without making a string.
    let wordEnd = pos + 1;
    let hash = hashStep(0, src.charCodeAt(pos));
    let ascii = true;
    for (let c = src.charCodeAt(wordEnd); wordEnd < limit && isWordCode(c); c = src.charCodeAt(++wordEnd)) {
      hash = hashStep(hash, c);
      if (c >= 128) ascii = false;
    }
    // Looked up once: the same list gives the reach of the window and the names to match.
    const names = ascii
      ? namesOfAsciiWord(index, src, pos, wordEnd, hash)
      : namesStartingWith(index, src.slice(pos, wordEnd));
    if (names === undefined) continue;
    const reach = names.list[0]?.tokens.length ?? 0;
    const unit = units[k]?.unit ?? 0;
    if (pos >= done) {
      let from = Math.max(done, pos - BACK);
      while (from > done && !isSpaceCode(src.charCodeAt(from - 1))) from--;
      if (from > done && tokens.unit.length > 0) push(tokens, from, from, GAP_UNIT);
      done = scan(tokens, from, limit, pos, reach + CONTEXT_AFTER, unit);
    } else {
      // A name starting inside the last window may run past its end: read on from there.
      done = scan(tokens, done, limit, pos, reach + CONTEXT_AFTER, unit);
    }
    const at = tokenAt(tokens, pos);
    const found = at < 0 ? undefined : matchListAt(tokens, at, names.list, names.shouted);
    if (found) {
      matches.push(found);
      matchedTo = tokens.end[found.end - 1] ?? pos + 1;
    }
  }
  return { tokens, matches };
}

function push(t: Tokens, start: number, end: number, unit: number): void {
  t.start.push(start);
  t.end.push(end);
  t.unit.push(unit);
}

/** The index of the token starting at source offset `pos` (searched from the end), or -1. */
function tokenAt(t: Tokens, pos: number): number {
  for (let i = t.start.length - 1; i >= 0; i--) {
    const s = t.start[i] ?? -1;
    if (s === pos) return i;
    if (s < pos) return -1;
  }
  return -1;
}

/** Emits tokens from `from` (below `limit`) until `after` tokens past `anchor`; returns the end. */
function scan(t: Tokens, from: number, limit: number, anchor: number, after: number, unit: number): number {
  const src = t.source;
  let past = 0;
  let i = from;
  // A scanner by character code: a regex here would allocate a match object per token.
  while (i < limit) {
    const c = src.charCodeAt(i);
    if (isSpaceCode(c)) {
      i++;
      continue;
    }
    let j = i + 1;
    if (isWordCode(c)) while (j < limit && isWordCode(src.charCodeAt(j))) j++;
    push(t, i, j, unit);
    if (i >= anchor && ++past > after) return j;
    i = j;
  }
  return limit;
}
