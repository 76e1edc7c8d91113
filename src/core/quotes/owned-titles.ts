// "NATO’s secretary general said": an organisation's title, the words after a possessive, read as
// the role of the one person the article names with that possessive ("NATO’s Jens Stoltenberg").
// The rule is the regular expression OWNED_TITLE below, read at each possessive of the text:
//   OWNED_TITLE = /([A-Z][A-Za-z.&-]*)[’']s((?:[ \t]+[a-z][a-z-]*){1,4})/g
import { PHRASE_BREAKERS, REPORTING_VERBS, TITLES } from './lexicon.js';
import type { OutsideQuotes } from './people.js';
import type { Person } from './person.js';
import { countSteps } from '../work.js';

/** The words after an owner's "’s" in `OWNED_TITLE`, read at a given offset. */
const OWNED_WORDS = /(?:[ \t]+[a-z][a-z-]*){1,4}/y;
/** A possessive's "’s" or "'s". */
const POSSESSIVE = /[’']s/g;

/** [A-Za-z.&-]: what `OWNED_TITLE` reads an owner's name of. */
const isOwnerChar = (c: number): boolean =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 46 || c === 38 || c === 45;

const isCapital = (c: number): boolean => c >= 65 && c <= 90;

/**
 * Where `OWNED_TITLE` matches in `text` with one of `owners` as the owner, and the owner, in text
 * order. Each possessive is read once: its owner is the run of owner characters before it from the
 * run's first capital (where the expression's match would start), so the whole text is read about
 * once, however many owners there are.
 */
function ownedTitles(text: string, owners: ReadonlyMap<string, unknown>): { at: number; owner: string }[] {
  const found: { at: number; owner: string }[] = [];
  POSSESSIVE.lastIndex = 0;
  let readTo = 0;
  for (let m = POSSESSIVE.exec(text); m; m = POSSESSIVE.exec(text)) {
    const q = m.index;
    let p = q;
    while (p > readTo && isOwnerChar(text.charCodeAt(p - 1))) p--;
    readTo = q;
    while (p < q && !isCapital(text.charCodeAt(p))) p++;
    if (p === q) continue;
    const owner = text.slice(p, q);
    if (!owners.has(owner)) continue;
    OWNED_WORDS.lastIndex = q + 2;
    if (OWNED_WORDS.test(text)) found.push({ at: p, owner });
  }
  countSteps(text.length);
  return found;
}

/** "NATO’s secretary general" and, alone of NATO's people, "NATO’s Jens Stoltenberg": the same person. */
export function linkOwnedTitles(
  text: string,
  isOutside: OutsideQuotes,
  ownedPeople: Map<string, Person[]>,
): void {
  if (!ownedPeople.size) return;
  // the one person each owner owns, or null when it owns several
  const onlyPerson = new Map<string, Person | null>();
  for (const [owner, people] of ownedPeople) {
    const first = people[0] ?? null;
    onlyPerson.set(owner, people.every((p) => p === first) ? first : null);
  }
  for (const { at, owner } of ownedTitles(text, ownedPeople)) {
    if (!isOutside(at)) continue;
    const p = onlyPerson.get(owner);
    if (!p) continue;
    const q = at + owner.length;
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
    p.role ??= `${owner} ${title.join(' ')}`;
    p.person = true;
  }
}
