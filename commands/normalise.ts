// What people type is not always what they see: keyboards, phones and copy-paste add invisible
// characters, compatibility forms (full-width letters, ligatures) and letters of other scripts that
// look Latin. Commands are read after cleaning these away, so what looks right works, and nothing
// invisible is ever echoed back.

// Invisible characters (Unicode's default-ignorable code points): zero-width spaces and joiners,
// the word joiner (our own mention guard's), soft hyphen, variation selectors, byte-order mark, tag
// characters, and every bidirectional control (marks, embeddings, overrides, isolates), which could
// make an echoed argument read backwards.
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
// Control characters; tabs and line breaks are whitespace and stay.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/**
 * Text as the user meant it: invisible and control characters removed, then NFKC (full-width
 * "／ｌａｔｅｓｔ" is "/latest", "ﬁ" is "fi", a no-break space is a space).
 */
export function normaliseText(text: string): string {
  return text.replace(INVISIBLE, '').replace(CONTROLS, '').normalize('NFKC').replace(INVISIBLE, '');
}

// Letters of other scripts (Cyrillic, Greek, IPA) that look like a Latin letter in common fonts,
// capitals and small letters apart (Greek Η looks like H, its small η like n). Used only to
// recognise our own command names.
const LOOKALIKES: Readonly<Record<string, string>> = {
  А: 'a',
  В: 'b',
  С: 'c',
  Е: 'e',
  Н: 'h',
  І: 'i',
  Ј: 'j',
  К: 'k',
  М: 'm',
  О: 'o',
  Р: 'p',
  Ѕ: 's',
  Т: 't',
  Х: 'x',
  У: 'y',
  Ԁ: 'd',
  Ԛ: 'q',
  Ԝ: 'w',
  Ӏ: 'l',
  Α: 'a',
  Β: 'b',
  Ε: 'e',
  Ζ: 'z',
  Η: 'h',
  Ι: 'i',
  Κ: 'k',
  Μ: 'm',
  Ν: 'n',
  Ο: 'o',
  Ρ: 'p',
  Τ: 't',
  Υ: 'y',
  Χ: 'x',
  а: 'a',
  в: 'b',
  с: 'c',
  ԁ: 'd',
  е: 'e',
  һ: 'h',
  н: 'h',
  і: 'i',
  ј: 'j',
  к: 'k',
  ӏ: 'l',
  м: 'm',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  ѕ: 's',
  т: 't',
  у: 'y',
  х: 'x',
  ԝ: 'w',
  α: 'a',
  β: 'b',
  ε: 'e',
  η: 'n',
  ι: 'i',
  κ: 'k',
  ν: 'v',
  ο: 'o',
  ρ: 'p',
  τ: 't',
  υ: 'u',
  χ: 'x',
  ı: 'i',
  ɑ: 'a',
  ɡ: 'g',
  ʟ: 'l',
};

/** A word with look-alike letters of other scripts replaced by the Latin ones they imitate. */
export function foldLookalikes(word: string): string {
  return Array.from(word, (ch) => LOOKALIKES[ch] ?? ch)
    .join('')
    .toLowerCase();
}
