// The common run of capitalised words ("Dragan Petrovic", "The Danube Authority"), read with a few
// regular-expression tests instead of tokens: what people.ts's token reading (readRun, readPhrase)
// makes of such a run, worked out once for the whole kind. Runs of any other kind are left to it.
import {
  ABBREVIATIONS,
  CALENDAR,
  DETERMINERS,
  HONORIFICS,
  PHRASE_BREAKERS,
  PRONOUNS,
  TITLES,
} from './lexicon.js';

/** The name a plain run holds: its words, where they start in the run, and how many they are. */
export interface PlainName {
  readonly name: string;
  readonly offset: number;
  readonly words: number;
}

/** An alternation of the words in `lists` that are plain letters, for a case-blind regular expression. */
function alternation(...lists: Iterable<string>[]): string {
  const out = new Set<string>();
  for (const list of lists) for (const w of list) if (/^[a-z]+$/.test(w)) out.add(w);
  return `(?:${[...out].join('|')})`;
}

// What `readRun` skips at a run's start ("The", "In"), the words that make a run more than a plain
// name (a title, a calendar word, a pronoun, "And"), and abbreviations that keep their period; all
// matched without regard to case, as `readRun` matches the words' lower-case forms.
const SKIPPED = alternation(PHRASE_BREAKERS, DETERMINERS);
const SKIPPED_PREFIX = new RegExp(`(?:${SKIPPED} )*`, 'iy');
const SKIPPED_LAST = new RegExp(`${SKIPPED}(?=\\.|$)`, 'iy');
const SPECIAL = new RegExp(
  `(?:^| )${alternation(CALENDAR, TITLES, HONORIFICS.keys(), PRONOUNS.keys(), ['and'])}(?=[ .’']|$)`,
  'i',
);
const ABBREVIATED = new RegExp(`(?:^| )${alternation(ABBREVIATIONS)}\\.`, 'i');
/**
 * Capitalised words of two characters or more (letters, digits, hyphens) between single spaces, a
 * sentence's period after any, and at most a possessive at the end: "Douglas Holtz-Eakin", "The FBI",
 * "Novi Sad.", "Hillary Clinton’s".
 */
const PLAIN_RUN = /^[A-Z][A-Za-z0-9-]+\.?(?: [A-Z][A-Za-z0-9-]+\.?)*(?: [A-Z][A-Za-z0-9-]*[’']s)?$/;
/** Three or four words in capitals: a shouted headline, not a name. */
const SHOUTED = /^[A-Z0-9-]+(?: [A-Z0-9-]+)+$/;

/**
 * The common run, read with a few regular-expression tests instead of tokens (see PLAIN_RUN), when
 * no word is a title, a calendar word, a pronoun, "And" or an abbreviation. What `readRun` makes of
 * it is then plain: a sentence's period ends the phrase ("West Africa. The" reads "West Africa"), and
 * so does a possessive ("Hillary Clinton’s" reads "Hillary"); past any sentence-initial
 * function words, the words are one name, a person's if two to four words (unless shouted), the
 * surname of a known person if one. Null when the run names nobody; false when the run is not of
 * this kind, and `readRun` must read it with tokens.
 */
export function readPlainRun(run: string): PlainName | null | false {
  if (!PLAIN_RUN.test(run) || SPECIAL.test(run) || ABBREVIATED.test(run)) return false;
  const dot = run.indexOf('.');
  const n = run.length;
  const before = run.charCodeAt(n - 2);
  const possessive = run.charCodeAt(n - 1) === 115 && (before === 0x2019 || before === 39);
  // the phrase ends at the first period, or before the possessive ("Hillary Clinton’s" reads "Hillary")
  const end = dot >= 0 ? dot : possessive ? run.lastIndexOf(' ') : n;
  SKIPPED_PREFIX.lastIndex = 0;
  SKIPPED_PREFIX.test(run);
  const s = SKIPPED_PREFIX.lastIndex;
  if (s > end) return null;
  SKIPPED_LAST.lastIndex = s;
  // every word of the phrase is a function word: nothing is named
  if (SKIPPED_LAST.test(run)) return null;
  let count = 1;
  for (let k = run.indexOf(' ', s); k >= 0 && k < end; k = run.indexOf(' ', k + 1)) count++;
  if (count > 4) return null;
  const name = s === 0 && end === n ? run : run.slice(s, end);
  if (count > 2 && SHOUTED.test(name)) return null;
  return { name, offset: s, words: count };
}
