/** JavaScript's `\s`: the characters a regular expression counts as white space, by char code. */
export function isRegexSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c >= 0xa0 && isWideSpace(c);
}

/** The white space above Latin-1's controls (U+00A0 on): Unicode's space separators and the BOM. */
export function isWideSpace(c: number): boolean {
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

/**
 * The character code at `at`, or -1 past the end: `charCodeAt` out of range gives NaN, and
 * optimised code that meets it is thrown away and compiled again.
 */
export function codeAt(text: string, at: number): number {
  return at < text.length ? text.charCodeAt(at) : -1;
}
