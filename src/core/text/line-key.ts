/**
 * Headline copies are compared by their key: the line lower-cased, with every run of characters
 * other than letters and digits made one space, and trimmed ("Storm Closes Schools!" and
 * "storm closes schools" are copies).
 */

/** A line reduced to its lower-cased words. */
export function lineKey(line: string): string {
  // A plain character class (no Unicode property escapes) keeps this cheap.
  return line
    .toLowerCase()
    .replace(/[^a-z0-9\u00c0-\u1fff\u2c00-\ud7ff]+/g, ' ')
    .trim();
}

/** For an ASCII code: the character as the key has it (A-Z lower-cased, a-z and 0-9 kept), else 0. */
const KEY_CHAR = new Uint8Array(128);
for (let c = 48; c <= 57; c++) KEY_CHAR[c] = c;
for (let c = 97; c <= 122; c++) KEY_CHAR[c] = c;
for (let c = 65; c <= 90; c++) KEY_CHAR[c] = c + 32;

/**
 * `lineKey(a) === lineKey(b)`, without building the keys while both lines are ASCII: the two are
 * walked side by side, key character by key character. At the first other character it falls back
 * to the keys themselves, whose lower-casing may map such a character to several.
 */
export function sameKey(a: string, b: string): boolean {
  let i = 0;
  let j = 0;
  let started = false;
  for (;;) {
    // Skip each side's run of non-key characters, noting whether there was one.
    let gapA = false;
    for (; i < a.length; i++, gapA = true) {
      const c = a.charCodeAt(i);
      if (c >= 128) return lineKey(a) === lineKey(b);
      if (KEY_CHAR[c] !== 0) break;
    }
    let gapB = false;
    for (; j < b.length; j++, gapB = true) {
      const c = b.charCodeAt(j);
      if (c >= 128) return lineKey(a) === lineKey(b);
      if (KEY_CHAR[c] !== 0) break;
    }
    // Runs at the end (and at the start) are trimmed from a key.
    if (i >= a.length || j >= b.length) return i >= a.length && j >= b.length;
    if (started && gapA !== gapB) return false;
    if (KEY_CHAR[a.charCodeAt(i)] !== KEY_CHAR[b.charCodeAt(j)]) return false;
    i++;
    j++;
    started = true;
  }
}
