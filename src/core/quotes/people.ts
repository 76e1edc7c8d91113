// The people an article names, read in one pass over its tokens: full names (for surnames),
// roles from titles ("Kosovar President Vjosa Osmani") and possessives ("NATO’s secretary general"
// beside "NATO’s Jens Stoltenberg"), and gender from courtesy titles and nearby he/she.
import { DETERMINERS, GENDERED_WORDS, PHRASE_BREAKERS } from './lexicon.js';
import { linkOwnedTitles } from './owned-titles.js';
import { addPerson, emptyIndex, mention, type PeopleIndex, type Person } from './person.js';
import { readPhrase } from './phrase.js';
import { readPlainRun } from './plain-run.js';
import { sentenceStart, tokenize, type Token } from './tokens.js';
import { sortShort } from '../text/sort-short.js';
import { countSteps } from '../work.js';

const LETTERS = "A-Za-z0-9\\u00C0-\\u024F\\u0370-\\u03FF\\u0400-\\u04FF'’.\\-";
const CAP_WORD = `[A-Z\\u00C0-\\u00DE\\u0391-\\u03A9\\u0410-\\u042F][${LETTERS}]*`;
/**
 * A run of capitalised words on one line, with the particles of names between them, read at a given
 * offset (sticky). A run starts at any capital, so the next run starts at the next `CAPITAL`.
 */
const RUN_AT = new RegExp(
  `${CAP_WORD}(?:[ \\t]+(?:(?:de|van|von|da|del|der|di|du|la|le|bin|al|ibn)[ \\t]+)?${CAP_WORD})*`,
  'y',
);
const CAPITAL = /[A-Z\u00C0-\u00DE\u0391-\u03A9\u0410-\u042F]/g;
const GENDERED_PRONOUN = /\b(?:he|she|his|her|him)\b/gi;

/** Whether an offset falls inside a quotation; asked with offsets that only grow. */
export type OutsideQuotes = (at: number) => boolean;

/**
 * Where the quotation holding an offset ends, or -1 when the offset is outside every quotation;
 * asked with offsets that only grow.
 */
export type QuotedUntil = (at: number) => number;

/** `OutsideQuotes` read off a `QuotedUntil`. */
export function outsideOf(until: QuotedUntil): OutsideQuotes {
  return (at) => until(at) < 0;
}

/** Reads the people named in `text` outside quotations, from a few regular-expression scans. */
export function indexPeople(text: string, quoted: () => QuotedUntil): PeopleIndex {
  const index = emptyIndex();
  countSteps(text.length);
  const ownedPeople = new Map<string, Person[]>();
  const until = quoted();
  // first letters (a to z, one bit each) of the surnames known so far: most capitalised words start
  // no surname, and need no lookup
  let heads = 0;
  // and their lengths (one bit each, see lengthBit): a word of another length needs no lookup either
  let lengths = 0;
  // the runs are found with `test` and lastIndex, which build no match arrays: most runs are single
  // words that need no string at all
  CAPITAL.lastIndex = 0;
  while (CAPITAL.test(text)) {
    const start = CAPITAL.lastIndex - 1;
    // a run inside a quotation ends inside it (no run crosses a mark or a line): read on past it
    const quoteEnd = until(start);
    if (quoteEnd >= 0) {
      CAPITAL.lastIndex = quoteEnd;
      continue;
    }
    RUN_AT.lastIndex = start;
    RUN_AT.test(text);
    const end = RUN_AT.lastIndex;
    CAPITAL.lastIndex = end;
    if (hasSpace(text, start, end)) {
      const run = text.slice(start, end);
      const known = index.people.length;
      const plain = readPlainRun(run);
      if (plain === false) readRun(index, ownedPeople, tokenize(text, start, end));
      else if (plain && plain.words === 1) {
        const known = index.bySurname.get(plain.name.toLowerCase());
        const p = known?.[known.length - 1];
        if (p) mention(index, p, start + plain.offset);
      } else if (plain) addPerson(index, plain.name, start + plain.offset);
      for (let k = known; k < index.people.length; k++) {
        const surname = (index.people[k] as Person).surname;
        heads |= headBit(surname);
        lengths |= surnameLengthBit(surname);
      }
    } else if (
      index.bySurname.size &&
      mayBeSurname(heads, text.charCodeAt(start)) &&
      (lengths & lengthBit(bareLength(text, start, end))) !== 0
    ) {
      // one capitalised word: most are sentence starts, a few the surname of someone named in full
      const known = index.bySurname.get(bareWord(text.slice(start, end)).toLowerCase());
      const p = known?.[known.length - 1];
      if (p) mention(index, p, start);
    }
  }
  linkOwnedTitles(text, outsideOf(quoted()), ownedPeople);
  index.genders = () => {
    index.genders = null;
    voteGenders(text, outsideOf(quoted()), index);
  };
  return index;
}

/** The bit of a (lower-case) surname's first letter, a to z; 0 for a surname starting otherwise. */
function headBit(surname: string): number {
  const c = surname.charCodeAt(0) - 97;
  return c >= 0 && c < 26 ? 1 << c : 0;
}

/** False when a word starting with `c` (an ASCII capital) starts no known surname; past ASCII, only a lookup is sure. */
function mayBeSurname(heads: number, c: number): boolean {
  return c >= 65 && c <= 90 ? (heads & (1 << (c - 65))) !== 0 : true;
}

/** One bit for a length: lengths of 30 and more share the last. */
function lengthBit(n: number): number {
  return 1 << Math.min(n, 30);
}

/**
 * `lengthBit` of a surname of ASCII characters, the length of any word whose lower case it is (past
 * ASCII, lower-casing may change a word's length: every bit, no filter).
 */
function surnameLengthBit(surname: string): number {
  for (let i = 0; i < surname.length; i++) if (surname.charCodeAt(i) >= 128) return -1;
  return lengthBit(surname.length);
}

/** The length of `bareWord(text.slice(from, to))`, read without slicing. */
function bareLength(text: string, from: number, to: number): number {
  const n = to - from;
  const last = text.charCodeAt(to - 1);
  const before = n >= 2 ? text.charCodeAt(to - 2) : NaN;
  if (last === 115 && (before === 0x2019 || before === 39)) return n - 2;
  if (last === 0x2019 || last === 39 || last === 46) return n - 1;
  return n;
}

/** Whether text[from, to) holds a space or a tab: a run of more than one word. */
function hasSpace(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9) return true;
  }
  return false;
}

/** `word` without a final possessive ("’s"), apostrophe or period. */
function bareWord(word: string): string {
  const n = word.length;
  const last = word.charCodeAt(n - 1);
  const before = word.charCodeAt(n - 2);
  if (last === 115 && (before === 0x2019 || before === 39)) return word.slice(0, -2);
  if (last === 0x2019 || last === 39 || last === 46) return word.slice(0, -1);
  return word;
}

/** A run of capitalised words: a full name (with any title), or a surname already known. */
function readRun(index: PeopleIndex, ownedPeople: Map<string, Person[]>, run: readonly Token[]): void {
  let s = 0;
  // sentence-initial function words are capitalised too: "In Bosnia", "The Post"
  while (
    s < run.length &&
    (PHRASE_BREAKERS.has((run[s] as Token).norm) || DETERMINERS.has((run[s] as Token).norm))
  )
    s++;
  let owner: string | null = null;
  for (let e = s; e <= run.length; e++) {
    const t = run[e];
    if (t && !t.possessive) continue;
    // a possessive ends a name and owns the next: "NATO’s Jens Stoltenberg"
    if (e > s) addRun(index, ownedPeople, run, s, e, owner);
    if (t) {
      owner = e === s ? t.text.slice(0, -2) : null;
      s = e + 1;
    }
  }
}

/** The number of space-separated words in `name`, counted without splitting it. */
function wordsIn(name: string): number {
  let n = 1;
  for (let i = name.indexOf(' '); i >= 0; i = name.indexOf(' ', i + 1)) n++;
  return n;
}

function addRun(
  index: PeopleIndex,
  ownedPeople: Map<string, Person[]>,
  run: readonly Token[],
  s: number,
  e: number,
  owner: string | null,
): void {
  const m = readPhrase(run, s, e);
  if (!m || m.kind !== 'name' || !m.name) return;
  const at = (run[s] as Token).start;
  const words = wordsIn(m.name);
  if (words === 1) {
    // a surname alone: a mention of someone already named in full
    const known = index.bySurname.get(m.name.toLowerCase());
    const p = known?.[known.length - 1];
    if (!p) return;
    mention(index, p, at);
    if (m.gender === 'm' || m.gender === 'f') p.gender = m.gender;
    return;
  }
  if (words > 4) return;
  const p = addPerson(index, m.name, at);
  if (m.role && !p.role) p.role = m.role;
  if (m.gender === 'm' || m.gender === 'f') p.gender = m.gender;
  if (m.role || m.gender === 'm' || m.gender === 'f') p.person = true;
  if (owner) {
    p.possessor = owner;
    (ownedPeople.get(owner) ?? ownedPeople.set(owner, []).get(owner))?.push(p);
  }
}

const isAsciiWordChar = (c: number): boolean =>
  (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;

/**
 * Where the match of GENDERED_PRONOUN ending at `end` starts, read back from its end so that the
 * scan allocates no match arrays: three letters (she, his, her, him) when they stand at a word
 * boundary, else "he".
 */
function pronounStart(text: string, end: number): number {
  if (end < 3 || isAsciiWordChar(text.charCodeAt(end - 4))) return end - 2;
  const a = text.charCodeAt(end - 3) | 32;
  const b = text.charCodeAt(end - 2) | 32;
  const c = text.charCodeAt(end - 1) | 32;
  const three =
    (a === 115 && b === 104 && c === 101) || // she
    (a === 104 && ((b === 105 && (c === 115 || c === 109)) || (b === 101 && c === 114))); // his him her
  return three ? end - 3 : end - 2;
}

/** He/she near a single named person says that person's gender; gendered role words say it too. */
function voteGenders(text: string, isOutside: OutsideQuotes, index: PeopleIndex): void {
  const people = index.people;
  // everyone's mentions in text order, as parallel arrays of offsets (ats) and people (owners), with
  // no object a mention: a key packs an offset and a person's index, so that one numeric sort orders
  // them as a stable sort by offset of the mentions listed person by person would
  const slots = people.length;
  const keys: number[] = [];
  for (let i = 0; i < slots; i++) {
    const p = people[i] as Person;
    for (const at of p.mentions) keys.push(at * slots + i);
    if (!p.role) continue;
    for (const w of p.role.toLowerCase().split(' ')) {
      const g = GENDERED_WORDS.get(w);
      if (g) p.gender ??= g;
    }
  }
  if (!keys.length) return;
  countSteps(keys.length);
  sortShort(keys, (a, b) => a - b);
  const ats: number[] = [];
  const owners: Person[] = [];
  for (const key of keys) {
    const at = Math.floor(key / slots);
    ats.push(at);
    owners.push(people[key - at * slots] as Person);
  }
  let k = 0;
  // a pronoun counts only within 150 characters after a mention, so only those windows are scanned
  // (merged when they overlap). The pattern matches whole words, so a scan started inside the text
  // finds the very matches a scan of the whole text finds from there on.
  let w = 0;
  let windowEnd = -1;
  GENDERED_PRONOUN.lastIndex = 0;
  for (;;) {
    if (!GENDERED_PRONOUN.test(text)) break;
    const at = pronounStart(text, GENDERED_PRONOUN.lastIndex);
    if (at >= windowEnd) {
      // past the window: skip to the next window that ends after this pronoun
      while (w < ats.length && (ats[w] as number) + 150 <= at) w++;
      if (w === ats.length) break;
      const from = (ats[w] as number) + 1;
      windowEnd = from + 149;
      while (w + 1 < ats.length && (ats[w + 1] as number) + 1 <= windowEnd) {
        w++;
        windowEnd = (ats[w] as number) + 150;
      }
      w++;
      if (at < from) {
        GENDERED_PRONOUN.lastIndex = from;
        continue;
      }
    }
    if (!isOutside(at)) continue;
    while (k < ats.length && (ats[k] as number) < at) k++;
    // the people of this sentence if any, else of the last 150 characters: one person, one vote
    if (k === 0 || at - (ats[k - 1] as number) >= 150) continue;
    const nearest = owners[k - 1] as Person;
    const nearestAt = ats[k - 1] as number;
    let single = true;
    // the sentence's start matters only when another mention is near enough to share the vote
    if (k >= 2 && at - (ats[k - 2] as number) < 150) {
      const stop = sentenceStart(text, at, Math.max(0, at - 150));
      // mentions run in text order, so the sentence's own people are the latest ones, nearest first
      const local = nearestAt >= stop;
      for (let j = k - 2; j >= 0; j--) {
        const rAt = ats[j] as number;
        if (at - rAt >= 150 || (local && rAt < stop)) break;
        if (owners[j] !== nearest) {
          single = false;
          break;
        }
      }
    }
    // he, his, him: m; she, her: f
    const first = text.charCodeAt(at) | 32;
    const male = first === 104 && (text.charCodeAt(at + 2) | 32) !== 114;
    if (single && male) nearest.maleVotes++;
    else if (single) nearest.femaleVotes++;
  }
  for (const p of index.people) {
    if (!p.gender && p.maleVotes !== p.femaleVotes) p.gender = p.maleVotes > p.femaleVotes ? 'm' : 'f';
  }
}
