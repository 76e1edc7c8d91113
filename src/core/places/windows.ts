import { matchNameAt, nameReachOf, type NameIndex, type NameMatch } from './name-index.js';
import { fold, isSpaceCode, type TextUnit, type Tokens } from './tokens.js';

// Tagging does not tokenize a whole story. A native regular expression finds the capitalized
// words; each is looked up once, and only where a name could start is a short window around it
// cut into tokens and the name matched. Most of a story (lower-case prose) is read only by the
// regex engine.

/** The unit given to the break between two windows, so no rule reads across it. */
export const GAP_UNIT = Number.MIN_SAFE_INTEGER;

// A capitalized word at a word boundary (ASCII or Latin-1 capitals; after folding, that is
// nearly every name in the gazetteer).
const CAPITALIZED = /(?<![A-Za-z0-9\u00C0-\u024F])[A-Z\u00C0-\u00DE][A-Za-z0-9\u00C0-\u024F]*/g;
const TOKEN =
  /[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFE2F\uFE70-\uFEFE\uFF10-\uFFDC]+|[^\sA-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFE2F\uFE70-\uFEFE\uFF10-\uFFDC]/g;
/** How far before a name to read, in characters: enough for "Mr. ", "speaks ", "sub-". */
const BACK = 14;
/** Tokens read after a name, for the rules that look at the next words ("Paris, Texas"). */
const CONTEXT_AFTER = 2;

/** The story's tokens near names, and the names found, left to right, longest first. */
export interface NameScan<T> {
  readonly tokens: Tokens;
  readonly matches: NameMatch<T>[];
}

/** Finds the index's names in the units; time is linear in the text. */
export function scanNames<T>(units: readonly TextUnit[], index: NameIndex<T>): NameScan<T> {
  const folded = units.map((u) => fold(u.text));
  const tokens: Tokens = { source: folded.join('\n'), start: [], end: [], unit: [] };
  const matches: NameMatch<T>[] = [];
  const src = tokens.source;
  let base = 0;
  units.forEach((u, k) => {
    const limit = base + (folded[k]?.length ?? 0);
    let done = base; // source offset up to which tokens were emitted
    let matchedTo = base; // source offset up to which a name was matched
    CAPITALIZED.lastIndex = base;
    for (let m = CAPITALIZED.exec(src); m && m.index < limit; m = CAPITALIZED.exec(src)) {
      if (m.index < matchedTo) continue;
      const reach = nameReachOf(index, m[0]);
      if (reach === 0) continue;
      if (m.index >= done) {
        let from = Math.max(done, m.index - BACK);
        while (from > done && !isSpaceCode(src.charCodeAt(from - 1))) from--;
        if (from > done && tokens.unit.length > 0) push(tokens, from, from, GAP_UNIT);
        done = scan(tokens, from, limit, m.index, reach + CONTEXT_AFTER, u.unit);
      } else {
        // A name starting inside the last window may run past its end: read on from there.
        done = scan(tokens, done, limit, m.index, reach + CONTEXT_AFTER, u.unit);
      }
      const at = tokenAt(tokens, m.index);
      const found = at < 0 ? undefined : matchNameAt(tokens, at, index, m[0]);
      if (found) {
        matches.push(found);
        matchedTo = tokens.end[found.end - 1] ?? m.index + 1;
      }
    }
    base = limit + 1;
  });
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
  TOKEN.lastIndex = from;
  let past = 0;
  for (let m = TOKEN.exec(t.source); m && m.index < limit; m = TOKEN.exec(t.source)) {
    push(t, m.index, m.index + m[0].length, unit);
    if (m.index >= anchor && ++past > after) return TOKEN.lastIndex;
  }
  return limit;
}
