/**
 * Word tokens for place and topic matching. Diacritics are folded (Priština → Pristina) and
 * curly quotes straightened; case is kept, since "Turkey" and "turkey" are different words.
 */

/**
 * A story's tokens (runs of letters and digits, or single punctuation marks) as offsets into its
 * folded text, with the unit (sentence) each came from. Offsets, not strings: tagging runs on
 * every article, and making a string of every token was most of its cost; only tokens that could
 * start a name are ever cut out.
 */
export interface Tokens {
  /** The folded text of every unit, joined by new lines. */
  readonly source: string;
  readonly start: number[];
  readonly end: number[];
  readonly unit: number[];
}

/** A piece of text to tokenize, and the unit number its tokens carry. */
export interface TextUnit {
  readonly text: string;
  readonly unit: number;
}

const COMBINING = /\p{M}+/gu;
// Letters that may carry diacritics (Latin, Greek, Cyrillic...); without them NFD is skipped.
export const ACCENTABLE_CLASS = '[\\u00C0-\\u1FFF]';
const ACCENTABLE = new RegExp(ACCENTABLE_CLASS);
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
  // Most English copy has no accented letter: leave it as it is (curly quotes and dashes are
  // matched as their plain forms by tokenIs).
  return ACCENTABLE.test(text) ? stripAccents(text) : text;
}

/**
 * `fold` without its test, for a piece of a text that has an accented letter somewhere: folding a
 * text piece by piece gives the same as folding it whole (NFD never reaches across a new line).
 */
export function stripAccents(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING, '')
    .replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

// After folding, a letter is ASCII or lies in a block of letters (Latin extended, Greek,
// Cyrillic, CJK...). Checked by code point: a hand-written scanner allocates nothing per token.
export function isWordCode(c: number): boolean {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
  return (
    (c >= 0xc0 && c <= 0x1fff && c !== 0xd7 && c !== 0xf7) ||
    (c >= 0x2c00 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfe2f) ||
    (c >= 0xfe70 && c <= 0xfefe) ||
    (c >= 0xff10 && c <= 0xffdc)
  );
}

export function isSpaceCode(c: number): boolean {
  if (c < 128) return c <= 32;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Tokenizes several units into one token list, in one pass over their characters. */
export function tokenizeUnits(units: readonly TextUnit[]): Tokens {
  const parts: string[] = [];
  const start: number[] = [];
  const end: number[] = [];
  const unit: number[] = [];
  let base = 0;
  for (const u of units) {
    const s = fold(u.text);
    let i = 0;
    while (i < s.length) {
      const c = s.charCodeAt(i);
      if (isWordCode(c)) {
        let j = i + 1;
        while (j < s.length && isWordCode(s.charCodeAt(j))) j++;
        start.push(base + i);
        end.push(base + j);
        unit.push(u.unit);
        i = j;
      } else {
        if (!isSpaceCode(c)) {
          start.push(base + i);
          end.push(base + i + 1);
          unit.push(u.unit);
        }
        i++;
      }
    }
    parts.push(s);
    base += s.length + 1;
  }
  return { source: parts.join('\n'), start, end, unit };
}

/** Tokenizes one text. */
export function tokenize(text: string, unit = 0): Tokens {
  return tokenizeUnits([{ text, unit }]);
}

/** The text of token `i`, or undefined past the end. */
export function tokenText(tokens: Tokens, i: number): string | undefined {
  const s = tokens.start[i];
  const e = tokens.end[i];
  return s === undefined || e === undefined ? undefined : tokens.source.slice(s, e);
}

/** True when token `i` is exactly `word` (no string is made); ’ matches ' and – matches -. */
export function tokenIs(tokens: Tokens, i: number, word: string): boolean {
  const s = tokens.start[i];
  const e = tokens.end[i];
  if (s === undefined || e === undefined || e - s !== word.length) return false;
  if (tokens.source.startsWith(word, s)) return true;
  return word.length === 1 && (SPECIAL[tokens.source.charAt(s)] ?? '') === word;
}

/** True when token `i` starts with a capital letter. */
export function tokenStartsUpper(tokens: Tokens, i: number): boolean {
  const s = tokens.start[i];
  if (s === undefined) return false;
  const c = tokens.source.charCodeAt(s);
  if (c < 128) return c >= 65 && c <= 90;
  return isCapitalized(tokens.source.slice(s, s + 1));
}

/** The token texts of a name, for building lookup keys: "Côte d'Ivoire" → Cote, d, ', Ivoire. */
export function nameTokens(name: string): string[] {
  const t = tokenize(name);
  return t.start.map((_, i) => tokenText(t, i) ?? '');
}

/** True for a token written with a capital first letter ("Jordan", "McCain"). */
export function isCapitalized(text: string): boolean {
  return /^\p{Lu}/u.test(text);
}
