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
 * Words are compared as 32-bit FNV-1a hashes of their lower-cased characters, computed while
 * scanning: no substrings, no string hashing, integer-keyed maps. A collision between two words of
 * one article is rare enough not to matter for sentence scores.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function hashWords(text: string, visit: (hash: number, length: number) => void): void {
  let hash = FNV_OFFSET;
  let length = 0;
  const n = text.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 32;
    if (isWordCode(c)) {
      if (c >= 65 && c <= 90) c += 32;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      length++;
    } else if (length > 0) {
      // 30 bits keep the hash a small integer, which engines store and compare unboxed.
      visit(hash & 0x3fffffff, length);
      hash = FNV_OFFSET;
      length = 0;
    }
  }
}

const STOPWORDS: ReadonlySet<number> = new Set(
  STOPWORD_LIST.map((w) => {
    let h = 0;
    hashWords(w, (x) => (h = x));
    return h;
  }),
);

/** A sentence as word hashes. */
export interface Tokens {
  /** How many words the sentence has. */
  readonly count: number;
  /** Topic words (hashed): no stopwords, no one-character tokens (`Kosovo’s` gives `kosovo`, `s`). */
  readonly content: readonly number[];
}

export function tokenize(sentence: string): Tokens {
  // The scan of `hashWords`, inlined: this is the hottest loop of the analysis.
  const content: number[] = [];
  let count = 0;
  let hash = FNV_OFFSET;
  let length = 0;
  const n = sentence.length;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? sentence.charCodeAt(i) : 32;
    if (isWordCode(c)) {
      if (c >= 65 && c <= 90) c += 32;
      hash = Math.imul(hash ^ c, FNV_PRIME);
      length++;
    } else if (length > 0) {
      count++;
      const h = hash & 0x3fffffff;
      if (length > 1 && !STOPWORDS.has(h)) content.push(h);
      hash = FNV_OFFSET;
      length = 0;
    }
  }
  return { count, content };
}

/** The topic words of a sentence, hashed. */
export function contentWords(sentence: string): readonly number[] {
  return tokenize(sentence).content;
}

/** How many words a sentence has. */
export function wordCount(sentence: string): number {
  return tokenize(sentence).count;
}
