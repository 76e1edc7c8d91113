import {
  hasPlainForm,
  isCapitalized,
  nameTokens,
  tokenIs,
  tokenText,
  tokenUnit,
  type Tokens,
} from './tokens.js';

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

/** The names found for a word, and how to match them. */
export interface FoundNames<T> {
  /** Longest first. */
  readonly list: readonly IndexedName<T>[];
  /** Found through the title case of a shouted word: the name's tokens are compared ignoring case. */
  readonly shouted: boolean;
  /** How many tokens the first name of the list has: how far a scanner reads past the word. */
  readonly reach: number;
  /**
   * For a long list ("South", "New", "Santa"), the names that may match given the next token:
   * those whose second token it is, with the one-token names, in list order.
   */
  readonly bySecond?: ReadonlyMap<string, readonly IndexedName<T>[]>;
  /** The one-token names of a long list, in list order: all that may match before another unit. */
  readonly singles?: readonly IndexedName<T>[];
}

/** Lists longer than this get `bySecond`: most of their names are ruled out by one Map read. */
const LONG_LIST = 8;

function foundNames<T>(list: readonly IndexedName<T>[], shouted: boolean): FoundNames<T> {
  const reach = list[0]?.tokens.length ?? 0;
  // A shouted word's list is compared ignoring case: the exact second tokens do not apply.
  if (list.length <= LONG_LIST || shouted) return { list, shouted, reach };
  const single = (n: IndexedName<T>): boolean => n.tokens.length === 1;
  const bySecond = new Map<string, IndexedName<T>[]>();
  for (const n of list) {
    const second = n.tokens[1];
    if (second !== undefined && !bySecond.has(second))
      bySecond.set(
        second,
        list.filter((m) => single(m) || m.tokens[1] === second),
      );
  }
  return { list, shouted, reach, bySecond, singles: list.filter(single) };
}

/**
 * Names keyed by their first capitalized token, most specific first within a key. Besides a Map
 * from key to number (for words with non-ASCII letters), the keys sit in an open-addressing table
 * over their case-blind hash (`hashStep`), so a scanner that hashed a word as it read it finds the
 * word's names, or learns there are none, without cutting the word out of the text.
 */
export interface NameIndex<T> {
  /** Each key's number. */
  readonly ids: ReadonlyMap<string, number>;
  readonly keys: readonly string[];
  /** Per key number: its names as found for the key itself, and for the key shouted. */
  readonly exact: readonly FoundNames<T>[];
  readonly shouted: readonly FoundNames<T>[];
  /** Per slot, side by side: a key's hash and its number + 1 (0 for an empty slot). */
  readonly slots: Int32Array;
  /** The keys' hashes as a bit set, read before the slots (see `buildFilter`). */
  readonly filter: Int32Array;
}

/** One step of the hash of a word, case-blind for ASCII so a shouted word hashes as its key. */
export function hashStep(h: number, c: number): number {
  return (Math.imul(h, 31) + (c >= 65 && c <= 90 ? c + 32 : c)) | 0;
}

function hashWord(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
  return h;
}

/** The first slot to probe for a hash, mixed so that similar words land far apart. */
function firstSlot(h: number, mask: number): number {
  const x = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (x ^ (x >>> 12)) & mask;
}

/** The slot table of the keys whose `hashWord` hashes are `hashes` (key number = index). */
function buildSlots(hashes: readonly number[]): Int32Array {
  let size = 1024;
  // At most a third full: a word that is no key mostly lands on an empty slot at once.
  while (size < hashes.length * 3) size *= 2;
  const slots = new Int32Array(2 * size);
  hashes.forEach((h, id) => {
    let s = firstSlot(h, size - 1);
    while (slots[2 * s + 1] !== 0) s = (s + 1) & (size - 1);
    slots[2 * s] = h;
    slots[2 * s + 1] = id + 1;
  });
  return slots;
}

/** The filter has 2^FILTER_BITS bits (16 KB). */
const FILTER_BITS = 17;

/** A hash's bit in the filter: the top FILTER_BITS bits of the hash mixed otherwise than by `firstSlot`. */
function filterBit(h: number): number {
  return Math.imul(h, 0x9e3779b1) >>> (32 - FILTER_BITS);
}

/**
 * The keys' hashes as a bit set (a Bloom filter with one hash). Most capitalized words are no key;
 * the slot table is 256 KB and probed at random, so between articles, with other work evicting it,
 * a probe mostly misses the processor's caches. The filter is small enough to stay cached, and
 * with about 11,000 keys it lets through about 8% of the words that are none. (Over the
 * sample articles it saved about 2% of the whole analysis's instructions and 2.6% of its first-level
 * data-cache misses, counted by cachegrind.)
 */
function buildFilter(hashes: readonly number[]): Int32Array {
  const filter = new Int32Array(1 << (FILTER_BITS - 5));
  for (const h of hashes) {
    const b = filterBit(h);
    filter[b >>> 5] = (filter[b >>> 5] ?? 0) | (1 << (b & 31));
  }
  return filter;
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
  const keys = [...index.keys()];
  const exact: FoundNames<T>[] = [];
  const shouted: FoundNames<T>[] = [];
  for (const list of index.values()) {
    list.sort((a, b) => size(b) - size(a));
    exact.push(foundNames(list, false));
    shouted.push(foundNames(list, true));
  }
  const ids = new Map(keys.map((k, id) => [k, id]));
  const hashes = keys.map(hashWord);
  return { ids, keys, exact, shouted, slots: buildSlots(hashes), filter: buildFilter(hashes) };
}

function matchesAt<T>(tokens: Tokens, i: number, name: IndexedName<T>, caps: boolean): boolean {
  const { data, count } = tokens;
  const u = data[3 * i + 2];
  if (i + name.tokens.length > count || i < name.before.length) return false;
  // Token i is the list's key itself unless the word was shouted: its check starts at k = 1.
  for (let k = caps ? 0 : 1; k < name.tokens.length; k++) {
    const want = name.tokens[k] ?? '';
    if (data[3 * (i + k) + 2] !== u) return false;
    if (!(
      tokenIs(tokens, i + k, want) ||
      (caps && tokenText(tokens, i + k)?.toLowerCase() === want.toLowerCase())
    ))
      return false;
  }
  for (let k = 1; k <= name.before.length; k++) {
    const want = name.before[name.before.length - k];
    if (data[3 * (i - k) + 2] !== u || tokenText(tokens, i - k)?.toLowerCase() !== want) return false;
  }
  return true;
}

const SHOUTED = /^\p{Lu}{4,}$/u;

/** A shouted word ("GEORGIA") tried in title case, so headlines in capitals still match. */
function shoutedNames<T>(index: NameIndex<T>, word: string): FoundNames<T> | undefined {
  const second = word.charCodeAt(1);
  if (word.length <= 3 || second < 65 || second > 90 || !SHOUTED.test(word)) return undefined;
  const id = index.ids.get(word[0] + word.slice(1).toLowerCase());
  return id === undefined ? undefined : index.shouted[id];
}

/** The names that may start with `word`, longest first (undefined when none does). */
export function namesStartingWith<T>(index: NameIndex<T>, word: string): FoundNames<T> | undefined {
  const id = index.ids.get(word);
  return id === undefined ? shoutedNames(index, word) : index.exact[id];
}

/** True when `text[pos..end)` is 4 or more ASCII capitals (the ASCII case of SHOUTED). */
function shoutedAscii(text: string, pos: number, end: number): boolean {
  if (end - pos < 4) return false;
  for (let i = pos; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 65 || c > 90) return false;
  }
  return true;
}

/** True when `key` is the title case of the ASCII word `text[pos..)` ("Georgia" for GEORGIA). */
function isTitleCaseOf(key: string, text: string, pos: number): boolean {
  if (key.charCodeAt(0) !== text.charCodeAt(pos)) return false;
  for (let i = 1; i < key.length; i++) {
    const c = text.charCodeAt(pos + i);
    if (key.charCodeAt(i) !== (c >= 65 && c <= 90 ? c + 32 : c)) return false;
  }
  return true;
}

/**
 * `namesStartingWith` for the ASCII word at `text[pos..end)` whose `hashStep` hash is `hash`, read
 * in place: most capitalized words ("The", "He", "Monday") stop at an empty slot, and no string is
 * made. An exact key wins over the title case of a shouted word, as in `namesStartingWith`.
 */
export function namesOfAsciiWord<T>(
  index: NameIndex<T>,
  text: string,
  pos: number,
  end: number,
  hash: number,
): FoundNames<T> | undefined {
  const { slots, keys, filter } = index;
  const b = filterBit(hash);
  if (((filter[b >>> 5] as number) & (1 << (b & 31))) === 0) return undefined;
  const mask = (slots.length >> 1) - 1;
  let titled = -1;
  for (let s = firstSlot(hash, mask); slots[2 * s + 1] !== 0; s = (s + 1) & mask) {
    if (slots[2 * s] !== hash) continue;
    const id = (slots[2 * s + 1] ?? 0) - 1;
    const key = keys[id] ?? '';
    if (key.length !== end - pos) continue;
    if (text.startsWith(key, pos)) return index.exact[id];
    if (titled < 0 && isTitleCaseOf(key, text, pos)) titled = id;
  }
  return titled < 0 || !shoutedAscii(text, pos, end) ? undefined : index.shouted[titled];
}

/** The longest of the names `found` for token `i` that is found at token `i`, if any. */
export function matchListAt<T>(tokens: Tokens, i: number, found: FoundNames<T>): NameMatch<T> | undefined {
  for (const n of candidates(tokens, i, found))
    if (matchesAt(tokens, i, n, found.shouted)) return { start: i, end: i + n.tokens.length, value: n.value };
  return undefined;
}

/** The names of `found` that may match at token `i`, in list order: `bySecond` when there is one. */
function candidates<T>(tokens: Tokens, i: number, found: FoundNames<T>): readonly IndexedName<T>[] {
  const { bySecond, singles } = found;
  if (!bySecond || !singles) return found.list;
  // A name of two tokens or more needs the next token in the same unit.
  if (tokenUnit(tokens, i + 1) !== tokenUnit(tokens, i)) return singles;
  if (hasPlainForm(tokens, i + 1)) return found.list;
  return bySecond.get(tokenText(tokens, i + 1) ?? '') ?? singles;
}
