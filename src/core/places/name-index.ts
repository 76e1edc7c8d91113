import { isCapitalized, nameTokens, type Tokens } from './tokens.js';

/** A name to look for, with whatever the caller attaches to it. */
export interface IndexedName<T> {
  /** Words that must come just before the match ("speak" in "speak English"); not part of it. */
  readonly before: readonly string[];
  readonly tokens: readonly string[];
  readonly value: T;
}

/** A name found in a token list: token indices [start, end). */
export interface NameMatch<T> {
  readonly start: number;
  readonly end: number;
  readonly value: T;
}

/**
 * Names keyed by their first capitalized token, most specific first within a key. Only
 * capitalized tokens are looked up, one Map access each, so a scan is linear in the text.
 */
export type NameIndex<T> = ReadonlyMap<string, readonly IndexedName<T>[]>;

function startsUpper(t: string): boolean {
  const c = t.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return isCapitalized(t);
}

/**
 * Builds an index; names are matched with their case as written. A name's lower-case leading
 * words ("the States", "speak English") become a condition on the words before the match.
 */
export function buildNameIndex<T>(names: Iterable<readonly [string, T]>): NameIndex<T> {
  const index = new Map<string, IndexedName<T>[]>();
  for (const [name, value] of names) {
    const all = nameTokens(name);
    const lead = all.findIndex(startsUpper);
    if (lead < 0) continue;
    const tokens = all.slice(lead);
    const first = tokens[0] ?? '';
    const list = index.get(first) ?? [];
    list.push({ before: all.slice(0, lead), tokens, value });
    index.set(first, list);
  }
  const size = (n: IndexedName<T>): number => n.before.length + n.tokens.length;
  for (const list of index.values()) list.sort((a, b) => size(b) - size(a));
  return index;
}

function matchesAt<T>(tokens: Tokens, i: number, name: IndexedName<T>, caps: boolean): boolean {
  const { text, unit } = tokens;
  const u = unit[i];
  if (i + name.tokens.length > text.length || i < name.before.length) return false;
  for (let k = 0; k < name.tokens.length; k++) {
    const t = text[i + k];
    const want = name.tokens[k];
    if (t === undefined || want === undefined || unit[i + k] !== u) return false;
    if (caps ? t.toLowerCase() !== want.toLowerCase() : t !== want) return false;
  }
  for (let k = 1; k <= name.before.length; k++) {
    const want = name.before[name.before.length - k];
    if (unit[i - k] !== u || text[i - k]?.toLowerCase() !== want) return false;
  }
  return true;
}

const SHOUTED = /^\p{Lu}{4,}$/u;

/**
 * Left-to-right, longest-first, non-overlapping matches of the index in `tokens`. A shouted word
 * ("GEORGIA") is also tried in title case, so headlines in capitals still match.
 */
export function findNames<T>(tokens: Tokens, index: NameIndex<T>): NameMatch<T>[] {
  const out: NameMatch<T>[] = [];
  const text = tokens.text;
  let i = 0;
  while (i < text.length) {
    const t = text[i] ?? '';
    let found: IndexedName<T> | undefined;
    const candidates = startsUpper(t) ? index.get(t) : undefined;
    if (candidates)
      for (const n of candidates) {
        if (matchesAt(tokens, i, n, false)) {
          found = n;
          break;
        }
      }
    if (!found && t.length > 3 && candidates === undefined && startsUpper(t) && SHOUTED.test(t)) {
      const titled = t[0] + t.slice(1).toLowerCase();
      found = (index.get(titled) ?? []).find((n) => matchesAt(tokens, i, n, true));
    }
    if (found) {
      out.push({ start: i, end: i + found.tokens.length, value: found.value });
      i += found.tokens.length;
    } else {
      i++;
    }
  }
  return out;
}
