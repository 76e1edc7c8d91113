import { isCapitalized, nameTokens, tokenIs, tokenStartsUpper, tokenText, type Tokens } from './tokens.js';

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
 * Names keyed by their first capitalized token, most specific first within a key, with a table
 * of the keys' first three characters: most capitalized words ("The", "He", "Monday") are ruled
 * out by one array read, without hashing the word for the Map.
 */
export interface NameIndex<T> {
  readonly names: ReadonlyMap<string, readonly IndexedName<T>[]>;
  readonly prefixes: Uint32Array;
  /** A bit set over `wordHash` of every key: a word whose bit is clear is no key. */
  readonly words: Uint32Array;
}

/** One step of the hash of a word, case-blind for ASCII so a shouted word hashes as its key. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
}

const WORD_BITS = 1 << 17;

function wordBit(h: number): number {
  return (h ^ (h >>> 15)) & (WORD_BITS - 1);
}

/**
 * False when no key hashes to `hash` (see `hashStep`), so the word need not be cut out and looked
 * up. Only for ASCII words: a shouted non-ASCII word is lowered by other rules.
 */
export function mayBeKey<T>(index: NameIndex<T>, hash: number): boolean {
  return hasBit(index.words, wordBit(hash));
}

// The prefix table is a bit set over (first letter, second, third), each folded to 6 bits: small
// enough (14 kB) to stay in the processor's cache.
function slot(c: number): number {
  if (c >= 97 && c <= 122) return c - 97;
  if (c >= 65 && c <= 90) return c - 39;
  return Number.isNaN(c) ? 52 : c >= 48 && c <= 57 ? 53 : 54;
}

function lowered(c: number, lower: boolean): number {
  return lower && c >= 65 && c <= 90 ? c + 32 : c;
}

function prefixBit(c0: number, c1: number, c2: number, lower: boolean): number {
  const first = c0 >= 65 && c0 <= 90 ? c0 - 65 : 26;
  return (first * 64 + slot(lowered(c1, lower))) * 64 + slot(lowered(c2, lower));
}

function hasBit(bits: Uint32Array, bit: number): boolean {
  return ((bits[bit >>> 5] ?? 0) & (1 << (bit & 31))) !== 0;
}

/** True when a name of the index may start with `word` (as written, or shouted in capitals). */
function mayStart<T>(index: NameIndex<T>, word: string): boolean {
  return mayStartAt(index, word, 0, word.length);
}

/**
 * The same test on the word at `text[pos..end)`, reading three character codes and making no
 * string: most capitalized words of a story stop here.
 */
export function mayStartAt<T>(index: NameIndex<T>, text: string, pos: number, end: number): boolean {
  const c0 = text.charCodeAt(pos);
  const c1 = pos + 1 < end ? text.charCodeAt(pos + 1) : NaN;
  const c2 = pos + 2 < end ? text.charCodeAt(pos + 2) : NaN;
  return (
    hasBit(index.prefixes, prefixBit(c0, c1, c2, false)) ||
    hasBit(index.prefixes, prefixBit(c0, c1, c2, true))
  );
}

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
    // "The Hague", "The Gambia": the article is a condition, not a key (it starts sentences).
    const lead = all[0] === 'The' && all.length > 1 ? 1 : all.findIndex(startsUpper);
    if (lead < 0) continue;
    const tokens = all.slice(lead);
    const first = tokens[0] ?? '';
    const list = index.get(first) ?? [];
    list.push({ before: all.slice(0, lead), tokens, value });
    index.set(first, list);
  }
  const size = (n: IndexedName<T>): number => n.before.length + n.tokens.length;
  const prefixes = new Uint32Array((27 * 64 * 64) / 32);
  for (const [key, list] of index) {
    list.sort((a, b) => size(b) - size(a));
    const bit = prefixBit(key.charCodeAt(0), key.charCodeAt(1), key.charCodeAt(2), false);
    prefixes[bit >>> 5] = (prefixes[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  const words = new Uint32Array(WORD_BITS / 32);
  for (const key of index.keys()) {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = hashStep(h, key.charCodeAt(i));
    const bit = wordBit(h);
    words[bit >>> 5] = (words[bit >>> 5] ?? 0) | (1 << (bit & 31));
  }
  return { names: index, prefixes, words };
}

function matchesAt<T>(tokens: Tokens, i: number, name: IndexedName<T>, caps: boolean): boolean {
  const unit = tokens.unit;
  const u = unit[i];
  if (i + name.tokens.length > unit.length || i < name.before.length) return false;
  // Token i is the list's key itself unless the word was shouted: its check starts at k = 1.
  for (let k = caps ? 0 : 1; k < name.tokens.length; k++) {
    const want = name.tokens[k] ?? '';
    if (unit[i + k] !== u) return false;
    if (!(
      tokenIs(tokens, i + k, want) ||
      (caps && tokenText(tokens, i + k)?.toLowerCase() === want.toLowerCase())
    ))
      return false;
  }
  for (let k = 1; k <= name.before.length; k++) {
    const want = name.before[name.before.length - k];
    if (unit[i - k] !== u || tokenText(tokens, i - k)?.toLowerCase() !== want) return false;
  }
  return true;
}

const SHOUTED = /^\p{Lu}{4,}$/u;

/** A shouted word ("GEORGIA") tried in title case, so headlines in capitals still match. */
function shoutedNames<T>(index: NameIndex<T>, word: string): readonly IndexedName<T>[] | undefined {
  const second = word.charCodeAt(1);
  if (word.length <= 3 || second < 65 || second > 90 || !SHOUTED.test(word)) return undefined;
  return index.names.get(word[0] + word.slice(1).toLowerCase());
}

/**
 * The names that may start with `word`, longest first (undefined when none does), for a word
 * that already passed `mayStartAt`. `shouted` tells a list found through the title case of a
 * word in capitals, whose tokens are then compared ignoring case.
 */
export function namesStartingWith<T>(
  index: NameIndex<T>,
  word: string,
): { readonly list: readonly IndexedName<T>[]; readonly shouted: boolean } | undefined {
  const exact = index.names.get(word);
  if (exact) return { list: exact, shouted: false };
  const list = shoutedNames(index, word);
  return list ? { list, shouted: true } : undefined;
}

/** The longest name of `list` (names starting with token `i`) found at token `i`, if any. */
export function matchListAt<T>(
  tokens: Tokens,
  i: number,
  list: readonly IndexedName<T>[],
  shouted: boolean,
): NameMatch<T> | undefined {
  for (const n of list)
    if (matchesAt(tokens, i, n, shouted)) return { start: i, end: i + n.tokens.length, value: n.value };
  return undefined;
}

/** The longest name of the index starting at token `i` (whose text is `word`), if any. */
export function matchNameAt<T>(
  tokens: Tokens,
  i: number,
  index: NameIndex<T>,
  word: string,
): NameMatch<T> | undefined {
  if (!mayStart(index, word)) return undefined;
  const found = namesStartingWith(index, word);
  return found && matchListAt(tokens, i, found.list, found.shouted);
}

/** Left-to-right, longest-first, non-overlapping matches of the index in `tokens`. */
export function findNames<T>(tokens: Tokens, index: NameIndex<T>): NameMatch<T>[] {
  const out: NameMatch<T>[] = [];
  const n = tokens.unit.length;
  let i = 0;
  while (i < n) {
    const found = tokenStartsUpper(tokens, i)
      ? matchNameAt(tokens, i, index, tokenText(tokens, i) ?? '')
      : undefined;
    i = found ? found.end : i + 1;
    if (found) out.push(found);
  }
  return out;
}
