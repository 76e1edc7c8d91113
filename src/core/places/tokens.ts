/**
 * Word tokens for place and topic matching. Diacritics are folded (Priština → Pristina) and
 * curly quotes straightened; case is kept, since "Turkey" and "turkey" are different words.
 */

/**
 * A story's tokens (runs of letters and digits, or single punctuation marks) as two parallel
 * arrays: `text[i]` as written, diacritics folded, and `unit[i]`, the sentence it came from.
 * Parallel arrays rather than one object a token: tagging runs on every article, and allocation
 * was most of its cost.
 */
export interface Tokens {
  readonly text: string[];
  readonly unit: number[];
}

const COMBINING = /\p{M}+/gu;
const ASCII = /^[\t\n\r\x20-\x7e]*$/;
const PLAIN = /^[\t\n\r\x20-\x7e‘’ʼ“”–—]*$/;
// Letters NFD does not decompose, but readers treat as their plain form.
const SPECIAL: Readonly<Record<string, string>> = {
  ø: 'o',
  Ø: 'O',
  ł: 'l',
  Ł: 'L',
  đ: 'd',
  Đ: 'D',
  ß: 'ss',
  æ: 'ae',
  Æ: 'AE',
  ı: 'i',
  '‘': "'",
  '’': "'",
  ʼ: "'",
  '`': "'",
  '“': '"',
  '”': '"',
  '–': '-',
  '—': '-',
};
const SPECIAL_RE = /[øØłŁđĐßæÆı‘’ʼ`“”–—]/g;

/** Folds diacritics and typographic quotes: "Priština’s" → "Pristina's". Keeps case. */
export function fold(text: string): string {
  // Most English copy is ASCII but for its quotes and dashes: replace those, skip NFD (costly).
  if (ASCII.test(text)) return text;
  if (PLAIN.test(text)) return text.replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

// After folding, a letter is ASCII or lies in a block of letters (Cyrillic, Greek, CJK...): the
// ranges below. A non-Unicode regex with explicit ranges runs several times faster than \p{L}.
const TOKEN =
  /[A-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFE2F\uFE70-\uFEFE\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFDC]+|[^\sA-Za-z0-9\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u1FFF\u2C00-\uD7FF\uF900-\uFE2F\uFE70-\uFEFE\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF66-\uFFDC]/g;

/**
 * Splits folded text into tokens: runs of letters and digits, and single punctuation marks.
 * Appends to `into` when given (tagging a story appends every sentence to one list).
 */
export function tokenize(text: string, unit = 0, into: Tokens = { text: [], unit: [] }): Tokens {
  const words = fold(text).match(TOKEN);
  if (words)
    for (const w of words) {
      into.text.push(w);
      into.unit.push(unit);
    }
  return into;
}

/** The token texts of a name, for building lookup keys: "Côte d'Ivoire" → Cote, d, ', Ivoire. */
export function nameTokens(name: string): string[] {
  return tokenize(name).text;
}

/** True for a token written with a capital first letter ("Jordan", "McCain"). */
export function isCapitalized(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}
