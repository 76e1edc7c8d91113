import type { PlaceName } from './gazetteer.js';
import type { NameMatch } from './name-index.js';
import { isCapitalized, tokenText, type Tokens } from './tokens.js';

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

function isNameWord(t: string | undefined): t is string {
  return t !== undefined && /^\p{Lu}\p{Ll}+$|^(Mc|Mac|O)\p{Lu}\p{Ll}+$/u.test(t);
}

/** The token at `i` if it lies in sentence `unit`. */
function at(tokens: Tokens, i: number, unit: number | undefined): string | undefined {
  return tokens.unit[i] === unit ? tokenText(tokens, i) : undefined;
}

/** True when the token before `start` makes the place a place ("in Jordan"). */
export function afterLocative(tokens: Tokens, start: number): boolean {
  const prev = at(tokens, start - 1, tokens.unit[start]);
  return prev !== undefined && LOCATIVE.has(prev.toLowerCase());
}

/**
 * Which matches are people rather than places. `givenNames` are the names that are also common
 * first names ("Jordan", "Chad", "Paris"); a capitalized word after one of them makes it a person.
 * A name read once as a person is a person everywhere in the story, unless "in"/"to" precede it.
 */
export function findPeople(
  tokens: Tokens,
  matches: readonly NameMatch<PlaceName>[],
  isGivenName: (m: NameMatch<PlaceName>) => boolean,
): Set<number> {
  const people = new Set<number>();
  const personNames = new Set<string>();
  const matchedAt = new Set<number>();
  for (const m of matches) for (let i = m.start; i < m.end; i++) matchedAt.add(i);

  matches.forEach((m, idx) => {
    const kind = m.value.kind;
    if (kind === 'n' || kind === 'd' || kind === 'x') return;
    const unit = tokens.unit[m.start];
    const prev = at(tokens, m.start - 1, unit);
    // "Mr. Lincoln": a title, possibly followed by a full stop.
    const title = prev === '.' ? at(tokens, m.start - 2, unit) : prev;
    const next = at(tokens, m.end, unit);
    const titled = title !== undefined && TITLES.has(title);
    const surname =
      isNameWord(prev) && !NOT_GIVEN_NAMES.has(prev) && (!matchedAt.has(m.start - 1) || people.has(idx - 1));
    const given =
      isGivenName(m) &&
      isNameWord(next) &&
      isCapitalized(next) &&
      !PLACE_FOLLOWERS.has(next) &&
      !NOT_GIVEN_NAMES.has(next);
    if (titled || surname || given) {
      people.add(idx);
      personNames.add(m.value.name);
    }
  });
  matches.forEach((m, idx) => {
    if (personNames.has(m.value.name) && m.value.kind !== 'n' && !afterLocative(tokens, m.start))
      people.add(idx);
  });
  return people;
}
