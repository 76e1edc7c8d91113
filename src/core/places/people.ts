import type { PlaceName } from './gazetteer.js';
import type { NameMatch } from './name-index.js';
import { tokenStart, tokenText, tokenUnit, type Tokens } from './tokens.js';

// Telling a person from a place: "Michael Jordan", "Lewis Hamilton", "Paris Hilton", "Mr Lincoln".

const TITLES = new Set(['Mr', 'Mrs', 'Ms', 'Miss', 'Dr', 'Sir', 'Lady', 'Lord', 'Dame', 'Prof', 'Rev', 'Mx']);

// Capitalized words that stand before a place without being a first name.
const NOT_GIVEN_NAMES = new Set(
  `The A An In At On Of To From For By With And But Or Nor As If When While After Before Since Until
  During Across Near Into Outside Inside Throughout Via Like Unlike Both Then Now Today Yesterday
  Tomorrow Last Next This That These Those It He She They We I You His Her Their Our My Its Meanwhile
  However Also Even Only Just So Yet Where Why How What Who Whom Which Many Most Some All Every Each
  Other Another Such Around Over Under Between Among Through About Against Without Within Beyond
  Toward Towards Upon Including Not No Yes Here There Back Home Visit Visiting Welcome Dear Than
  Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
  August September October November December North South East West Northern Southern Eastern Western
  Central Greater Downtown Upper Lower Inner Outer Old New Great Little Mid Metro Metropolitan Rural
  Suburban Coastal Mainland Occupied Free United Independent Islamic Democratic Federal Royal Imperial
  Modern Ancient Historic Holy Saint St Port Fort Mount Lake Cape Isle Bay Gulf Via Greater Tropical
  Rio Team Club Real Inter Atletico Sporting Olympique Borussia Bayern Dynamo Spartak Lokomotiv Red
  Capital Province State County City District Region Republic Kingdom Federation Empire Commonwealth
  Emirate Sultanate Principality Duchy Western Eastern Arab African Asian European Latin Pacific
  Atlantic Arctic Antarctic Caribbean Mediterranean Baltic Nordic Balkan Middle Far Near Southeast
  Northeast Southwest Northwest Sub Trans Post Pre Anti Pro Ex Former Acting Deputy Vice Said Says
  President Governor Mayor Senator King Queen Prince Princess Minister Premier Chancellor General
  Colonel Captain Officer Sergeant Police Army Navy Air Force Coast Guard Camp Base Airport Station`.split(
    /\s+/,
  ),
);

// Words that follow a place name in a compound ("Jordan Valley", "Sydney Harbour").
export const PLACE_FOLLOWERS: ReadonlySet<string> = new Set(
  `City County State River Valley Street Road Avenue Square Airport University College Harbour Harbor
  Bay Lake Park Zoo Bridge Station Opera Hall Hotel Basin Gate Saint St Fashion Week Games Olympics
  Cup Open Marathon Agreement Accord Accords Convention Motor Metro Police Council Government Times
  Post Herald Morning Daily Tribune Defense Defence Army Air Airways Airlines Today Forces Stock
  Exchange Cathedral Museum Stadium Airport Club Central Region Province Strait Sea Ocean Coast Islands
  Island Peninsula Desert Mountains Mountain Hills Falls Declaration Summit Conference Agreement`.split(
    /\s+/,
  ),
);

// Words before a place that make the place reading sure ("in Jordan", "to Chad").
const LOCATIVE = new Set(
  `in to from of across near into at visit visited visiting via outside inside around toward towards
  throughout within neighbouring neighboring northern southern eastern western central landlocked`.split(
    /\s+/,
  ),
);

const NAME_WORD = /^\p{Lu}\p{Ll}+$|^(Mc|Mac|O)\p{Lu}\p{Ll}+$/u;
const TITLE_WORD = /^\p{Lu}\p{Ll}+$/u;

/** A capital and then lower case letters from `from` on, for an ASCII word. */
function capitalThenLower(t: string, from: number): boolean {
  const c = t.charCodeAt(from);
  if (c < 65 || c > 90 || t.length < from + 2) return false;
  for (let i = from + 1; i < t.length; i++) {
    const d = t.charCodeAt(i);
    if (d < 97 || d > 122) return false;
  }
  return true;
}

function isAscii(t: string): boolean {
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) >= 128) return false;
  return true;
}

/** "Verde", "Hamilton": a capital, then lower case letters (`TITLE_WORD`, read by code if ASCII). */
export function isTitleWord(t: string): boolean {
  return isAscii(t) ? capitalThenLower(t, 0) : TITLE_WORD.test(t);
}

/** "Hamilton", "McCain", "OLeary": `NAME_WORD`, read by character code when the word is ASCII. */
function isNameWord(t: string | undefined): t is string {
  if (t === undefined) return false;
  if (!isAscii(t)) return NAME_WORD.test(t);
  return (
    capitalThenLower(t, 0) ||
    (t.startsWith('Mc') && capitalThenLower(t, 2)) ||
    (t.startsWith('Mac') && capitalThenLower(t, 3)) ||
    (t.startsWith('O') && capitalThenLower(t, 1))
  );
}

/** The token at `i` if it lies in sentence `unit`. */
function at(tokens: Tokens, i: number, unit: number | undefined): string | undefined {
  return tokenUnit(tokens, i) === unit ? tokenText(tokens, i) : undefined;
}

/**
 * `at`, for a token that matters only if it is not a lower-case word (a title, a first name or
 * surname, a full stop): "in", "of", "said" are passed over without being cut out.
 */
function notLowerAt(tokens: Tokens, i: number, unit: number | undefined): string | undefined {
  const s = tokenStart(tokens, i);
  if (s === undefined) return undefined;
  const c = tokens.source.charCodeAt(s);
  return c >= 97 && c <= 122 ? undefined : at(tokens, i, unit);
}

/** True when the token before `start` makes the place a place ("in Jordan"). */
export function afterLocative(tokens: Tokens, start: number): boolean {
  const prev = at(tokens, start - 1, tokenUnit(tokens, start));
  return prev !== undefined && LOCATIVE.has(prev.toLowerCase());
}

/**
 * Which matches (by index) are people rather than places. A name that may be no place (a "-"
 * reading: "Jordan", "Chad", "Paris", also common first names) followed by a capitalized word is
 * a person. A name read once as a person is a person everywhere in the story, unless "in"/"to"
 * precede it. `matches` are in text order and do not overlap.
 */
export function findPeople(tokens: Tokens, matches: readonly NameMatch<PlaceName>[]): Set<number> {
  const people = new Set<number>();
  let personNames: Set<string> | undefined;
  for (let idx = 0; idx < matches.length; idx++) {
    const m = matches[idx];
    if (!m) continue;
    const kind = m.value.kind;
    if (kind === 'n' || kind === 'd' || kind === 'x') continue;
    const unit = tokenUnit(tokens, m.start);
    const prev = notLowerAt(tokens, m.start - 1, unit);
    // "Mr. Lincoln": a title, possibly followed by a full stop.
    const title = prev === '.' ? at(tokens, m.start - 2, unit) : prev;
    const titled = title !== undefined && TITLES.has(title);
    // The word before is part of the match before, when that match ends where this one starts.
    const prevMatched = matches[idx - 1]?.end === m.start;
    const surname = isNameWord(prev) && !NOT_GIVEN_NAMES.has(prev) && (!prevMatched || people.has(idx - 1));
    if (titled || surname || (m.value.mayBeNoPlace && readsAsSurname(notLowerAt(tokens, m.end, unit)))) {
      people.add(idx);
      (personNames ??= new Set()).add(m.value.name);
    }
  }
  if (personNames)
    for (let idx = 0; idx < matches.length; idx++) {
      const m = matches[idx];
      if (m && personNames.has(m.value.name) && m.value.kind !== 'n' && !afterLocative(tokens, m.start))
        people.add(idx);
    }
  return people;
}

/** True when `next`, the word after a first name, reads as a surname ("Jordan Henderson"). */
function readsAsSurname(next: string | undefined): boolean {
  return isNameWord(next) && !PLACE_FOLLOWERS.has(next) && !NOT_GIVEN_NAMES.has(next);
}
