import { CodeUnits } from '../text/code-units.js';

/** Words that carry no topic: ignored when comparing sentences. */
const STOPWORD_LIST: readonly string[] = (
  'a an the and or but nor so yet if then than that this these those there here of in on at to for from by with ' +
  'without into onto over under about above below after before during since until upon within as is are was were ' +
  'be been being am do does did done have has had having will would shall should can could may might must not no ' +
  'yes it its he him his she her hers they them their theirs we us our ours you your yours i me my mine who ' +
  'whom whose which what when where why how all any both each few more most other some such only own same too very ' +
  'just also now said says say told according one two new first last year years time like get got go went up out ' +
  'off down again further once don didn doesn isn wasn weren won mr mrs ms'
).split(' ');

/**
 * Word characters: ASCII letters and digits, and every code point from Latin-1 letters up except
 * the punctuation blocks (dashes, curly quotes, arrows).
 */
function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return c >= 0xc0 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f);
}

/**
 * For every UTF-16 code: 0 for a non-word character, else the character with ASCII capitals
 * lower-cased. One table read classifies and folds a character (128 KB, built once at load).
 */
const FOLD = new Uint16Array(0x10000);
for (let c = 1; c < 0x10000; c++) if (isWordCode(c)) FOLD[c] = c >= 65 && c <= 90 ? c + 32 : c;

/**
 * Marks that the sentence kinds look for (`isQuotation`, `isCaption`), noted while scanning so
 * that a sentence without them needs no search of its own.
 */
export const MARK_QUOTE = 1;
export const MARK_PAREN = 2;
export const MARK_COLON = 4;
/** Below U+2000: the mark of a non-word character; above, only `”` carries one. */
const MARKS = new Uint8Array(0x2000);
MARKS[34] = MARK_QUOTE;
MARKS[40] = MARK_PAREN;
MARKS[58] = MARK_COLON;
const CLOSING_CURLY = 0x201d;

/**
 * Words are compared as 30-bit FNV-1a hashes of their lower-cased characters, computed while
 * scanning: no substrings, no string hashing, and small-integer keys that engines store unboxed.
 * A collision between two words of one article is rare enough not to matter for sentence scores.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const HASH_BITS = 0x3fffffff;

/** The hash of one lower-case word, as `tokenize` computes it. */
function hashWord(word: string): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  return hash & HASH_BITS;
}

/**
 * Stopword hashes in a two-choice (cuckoo) table: each hash (+ 1; 0 is empty) sits in one of two
 * slots its own bits pick, so a word is tested with two reads and no loop or branch. The scan
 * turns the test into arithmetic: whether a word is a topic word is the least predictable
 * decision in the hottest loop, and a mispredicted branch there cost more than the reads.
 */
// 1024 slots for 156 words: 4 KB to keep in cache, and placing them never needs a long chain.
const STOP_MASK = 1023;
/** The second slot of a hash comes from bits above the first's. */
const STOP_SHIFT = 10;
const STOP_TABLE = new Int32Array(STOP_MASK + 1);
for (const word of STOPWORD_LIST) {
  let entry = hashWord(word) + 1;
  if (STOP_TABLE[(entry - 1) & STOP_MASK] === entry) continue;
  if (STOP_TABLE[((entry - 1) >>> STOP_SHIFT) & STOP_MASK] === entry) continue;
  let slot = (entry - 1) & STOP_MASK;
  for (let kicks = 0; entry !== 0; kicks++) {
    if (kicks > 100) throw new Error('stopword table: cannot place every word');
    const evicted = STOP_TABLE[slot] ?? 0;
    STOP_TABLE[slot] = entry;
    entry = evicted;
    // An evicted word moves to its other slot.
    const first = (entry - 1) & STOP_MASK;
    slot = slot === first ? ((entry - 1) >>> STOP_SHIFT) & STOP_MASK : first;
  }
}

/** Whether `word` (lower case) is a stopword: the scan's test, for checking the table. */
export function isStopword(word: string): boolean {
  const h = hashWord(word);
  return STOP_TABLE[h & STOP_MASK] === h + 1 || STOP_TABLE[(h >>> STOP_SHIFT) & STOP_MASK] === h + 1;
}

/** A sentence as word hashes. */
export interface Tokens {
  /** How many words the sentence has. */
  readonly count: number;
  /** Topic words (hashed): no stopwords, no one-character tokens (`Kosovo’s` gives `kosovo`, `s`). */
  readonly content: readonly number[];
}

/**
 * The result of `scanWords`, reused from call to call so that scoring allocates nothing per
 * sentence: `hashes[0..content)` are the topic words of the last sentence scanned.
 */
export interface WordScan {
  hashes: Int32Array;
  content: number;
  count: number;
  /** The `MARK_*` bits of the characters seen. */
  marks: number;
}

const SCAN: WordScan = { hashes: new Int32Array(256), content: 0, count: 0, marks: 0 };

/** `scanWords`' copy of the text it scans. */
const UNITS = new CodeUnits();

/**
 * Scans one sentence, `text[from, to)`. The returned object is shared and overwritten by the next
 * call; copy what must outlive it. It copies the whole text first: to scan many spans of one text,
 * load it once and call `scanCodes`.
 */
export function scanWords(text: string, from = 0, to = text.length): WordScan {
  return scanCodes(UNITS.load(text), from, to);
}

/**
 * Scans one sentence, `codes[from, to)`, a text's code units (see `CodeUnits`): the hottest loop
 * of the analysis, one pass over the codes. The returned object is shared, as `scanWords`'.
 */
export function scanCodes(codes: Uint16Array, from: number, to: number): WordScan {
  // Module bindings read once, into locals: optimised code re-reads a module binding (and checks
  // it is initialised and unboxes it) in every step of a loop, which cost more than the step.
  const fold = FOLD;
  const stops = STOP_TABLE;
  const prime = FNV_PRIME;
  const offset = FNV_OFFSET;
  const bits = HASH_BITS;
  const stopMask = STOP_MASK;
  const stopShift = STOP_SHIFT;
  const markOf = MARKS;
  const closing = CLOSING_CURLY;
  const quoteMark = MARK_QUOTE;
  // Every word's hash is stored, and `content` moves past it only for a topic word: room for one
  // more hash than the span has characters.
  let hashes = SCAN.hashes;
  if (hashes.length <= to - from) hashes = SCAN.hashes = new Int32Array(2 * (to - from) + 1);
  let content = 0;
  let count = 0;
  let marks = 0;
  const n = to;
  let i = from;
  for (;;) {
    // A tight loop over one word run: one table read classifies and lower-cases a character.
    // The separator that ends it is handled below, once, rather than tested for in every step.
    let code = 32;
    let hash = offset;
    const start = i;
    while (i < n) {
      code = codes[i] as number;
      const c = fold[code] as number;
      if (c === 0) break;
      hash = Math.imul(hash ^ c, prime);
      i++;
    }
    const length = i - start;
    const h = hash & bits;
    // Branch-free: a, b are 0 when the word is the stopword in its first or second slot; the
    // sign bit of (x | -x) is set when x is not 0, and of (1 - length) when length > 1.
    const a = (stops[h & stopMask] as number) ^ (h + 1);
    const b = (stops[(h >>> stopShift) & stopMask] as number) ^ (h + 1);
    hashes[content] = h;
    content += ((a | -a) & (b | -b) & (1 - length)) >>> 31;
    count += -length >>> 31;
    if (i >= n) break;
    marks |= code < 0x2000 ? (markOf[code] as number) : code === closing ? quoteMark : 0;
    i++;
  }
  SCAN.content = content;
  SCAN.count = count;
  SCAN.marks = marks;
  return SCAN;
}

export function tokenize(sentence: string): Tokens {
  const scan = scanWords(sentence);
  return { count: scan.count, content: Array.from(scan.hashes.subarray(0, scan.content)) };
}

/** The topic words of a sentence, hashed. */
export function contentWords(sentence: string): readonly number[] {
  return tokenize(sentence).content;
}

/** How many words a sentence has. */
export function wordCount(sentence: string): number {
  // Counting needs neither hashes nor stopwords: only the starts of word runs.
  let count = 0;
  let inWord = false;
  for (let i = 0; i < sentence.length; i++) {
    const word = FOLD[sentence.charCodeAt(i)] !== 0;
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}
