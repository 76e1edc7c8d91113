// "NATO’s secretary general said": an organisation's title, the words after a possessive, read as
// the role of the one person the article names with that possessive ("NATO’s Jens Stoltenberg").
// The rule is the regular expression OWNED_TITLE below, but its matches are found by searching for
// the owners (only their matches matter), not by scanning the whole text with it:
//   OWNED_TITLE = /([A-Z][A-Za-z.&-]*)[’']s((?:[ \t]+[a-z][a-z-]*){1,4})/g
import { PHRASE_BREAKERS, REPORTING_VERBS, TITLES } from './lexicon.js';
import type { OutsideQuotes } from './people.js';
import type { Person } from './person.js';

/** An owner `OWNED_TITLE` can read: a capital, then letters, periods, ampersands and hyphens. */
const OWNER = /^[A-Z][A-Za-z.&-]*$/;
/** The words after an owner's "’s" in `OWNED_TITLE`, read at a given offset. */
const OWNED_WORDS = /(?:[ \t]+[a-z][a-z-]*){1,4}/y;

/** [A-Za-z.&-]: what `OWNED_TITLE` reads an owner's name of. */
const isOwnerChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 38 || c === 45;

/**
 * The offsets at which `OWNED_TITLE`, scanning `text`, matches with one of `owners` as the owner,
 * in order, found by searching for the owners (only their matches matter) rather than by the scan.
 * Such a match starts at an owner followed by "’s" and a lower-case word, unless the scan met a
 * capital earlier in the same run of owner characters: its match would then take in this one.
 */
function ownedTitleStarts(text: string, owners: Iterable<string>): number[] {
  const starts: number[] = [];
  for (const owner of owners) {
    if (!OWNER.test(owner)) continue;
    for (let p = text.indexOf(owner); p >= 0; p = text.indexOf(owner, p + 1)) {
      const q = p + owner.length;
      const mark = text.charCodeAt(q);
      if ((mark !== 0x2019 && mark !== 39) || text.charCodeAt(q + 1) !== 115) continue;
      let j = p - 1;
      while (j >= 0 && isOwnerChar(text.charCodeAt(j)) && !isCapital(text.charCodeAt(j))) j--;
      if (j >= 0 && isCapital(text.charCodeAt(j))) continue;
      OWNED_WORDS.lastIndex = q + 2;
      if (OWNED_WORDS.test(text)) starts.push(p);
    }
  }
  return starts.sort((a, b) => a - b);
}

const isCapital = (c: number): boolean => c >= 65 && c <= 90;

/** "NATO’s secretary general" and, alone of NATO's people, "NATO’s Jens Stoltenberg": the same person. */
export function linkOwnedTitles(
  text: string,
  isOutside: OutsideQuotes,
  ownedPeople: Map<string, Person[]>,
): void {
  if (!ownedPeople.size) return;
  for (const at of ownedTitleStarts(text, ownedPeople.keys())) {
    if (!isOutside(at)) continue;
    let q = at + 1;
    while (isOwnerChar(text.charCodeAt(q))) q++;
    const owner = text.slice(at, q);
    const owned = ownedPeople.get(owner);
    if (!owned || new Set(owned).size !== 1) continue;
    OWNED_WORDS.lastIndex = q + 2;
    OWNED_WORDS.test(text);
    const words = text
      .slice(q + 2, OWNED_WORDS.lastIndex)
      .trim()
      .split(/\s+/);
    const k = words.findIndex((w) => PHRASE_BREAKERS.has(w) || REPORTING_VERBS.has(w));
    const title = k < 0 ? words.slice(0, 3) : words.slice(0, k);
    const spoke = k >= 0 && REPORTING_VERBS.has(words[k] ?? '');
    if (!title.length || !(spoke || title.every((w) => TITLES.has(w)))) continue;
    const p = owned[0] as Person;
    p.role ??= `${owner} ${title.join(' ')}`;
    p.person = true;
  }
}
