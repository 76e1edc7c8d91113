import { isCapitalized, nameTokens, tokenIs, tokenText, type Tokens } from './tokens.js';

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
 * Names keyed by their first capitalized token, most specific first within a key. Besides the Map
 * (for words with non-ASCII letters), the keys sit in an open-addressing table over their
 * case-blind hash (`hashStep`), so a scanner that hashed a word as it read it finds the word's
 * names, or learns there are none, without cutting the word out of the text.
 */
export interface NameIndex<T> {
  readonly names: ReadonlyMap<string, readonly IndexedName<T>[]>;
  readonly keys: readonly string[];
  readonly lists: readonly (readonly IndexedName<T>[])[];
  /** Per slot: the key's number + 1, or 0 for an empty slot. */
  readonly slotKey: Int32Array;
  /** Per slot: the key's hash, compared before the key itself. */
  readonly slotHash: Int32Array;
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

/** The first slot to probe for a hash (Fibonacci hashing spreads the low-entropy word hashes). */
function firstSlot(h: number, mask: number): number {
  return (Math.imul(h, 0x9e3779b1) >>> 16) & mask;
}

function buildSlots(keys: readonly string[]): { slotKey: Int32Array; slotHash: Int32Array } {
  let size = 1024;
  // At most a third full: a word that is no key mostly lands on an empty slot at once.
  while (size < keys.length * 3) size *= 2;
  const slotKey = new Int32Array(size);
  const slotHash = new Int32Array(size);
  keys.forEach((key, id) => {
    const h = hashWord(key);
    let s = firstSlot(h, size - 1);
    while (slotKey[s] !== 0) s = (s + 1) & (size - 1);
    slotKey[s] = id + 1;
    slotHash[s] = h;
  });
  return { slotKey, slotHash };
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
  for (const list of index.values()) list.sort((a, b) => size(b) - size(a));
  const keys = [...index.keys()];
  return { names: index, keys, lists: [...index.values()], ...buildSlots(keys) };
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

/** The names found for a word, and whether through the title case of the word in capitals. */
export interface FoundNames<T> {
  readonly list: readonly IndexedName<T>[];
  /** Found through the title case of a shouted word: the name's tokens are compared ignoring case. */
  readonly shouted: boolean;
}

const SHOUTED = /^\p{Lu}{4,}$/u;

/** A shouted word ("GEORGIA") tried in title case, so headlines in capitals still match. */
function shoutedNames<T>(index: NameIndex<T>, word: string): readonly IndexedName<T>[] | undefined {
  const second = word.charCodeAt(1);
  if (word.length <= 3 || second < 65 || second > 90 || !SHOUTED.test(word)) return undefined;
  return index.names.get(word[0] + word.slice(1).toLowerCase());
}

/** The names that may start with `word`, longest first (undefined when none does). */
export function namesStartingWith<T>(index: NameIndex<T>, word: string): FoundNames<T> | undefined {
  const exact = index.names.get(word);
  if (exact) return { list: exact, shouted: false };
  const list = shoutedNames(index, word);
  return list ? { list, shouted: true } : undefined;
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
  const { slotKey, slotHash, keys } = index;
  const mask = slotKey.length - 1;
  let titled = -1;
  for (let s = firstSlot(hash, mask); slotKey[s] !== 0; s = (s + 1) & mask) {
    if (slotHash[s] !== hash) continue;
    const id = (slotKey[s] ?? 0) - 1;
    const key = keys[id] ?? '';
    if (key.length !== end - pos) continue;
    if (text.startsWith(key, pos)) return { list: index.lists[id] ?? [], shouted: false };
    if (titled < 0 && isTitleCaseOf(key, text, pos)) titled = id;
  }
  if (titled < 0 || !shoutedAscii(text, pos, end)) return undefined;
  return { list: index.lists[titled] ?? [], shouted: true };
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
