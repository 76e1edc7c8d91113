import type { PlaceKind, PlaceName } from './gazetteer.js';
import type { NameMatch } from './name-index.js';
import { afterLocative, findPeople, PLACE_FOLLOWERS } from './people.js';
import { tokenText, type Tokens } from './tokens.js';

/** A place mention read in context: which country it names (if any), and how strongly. */
export interface Resolved {
  readonly unit: number;
  readonly code: string;
  readonly kind: PlaceKind;
}

/** "No place" in a reading list. */
const NONE = '-';

/**
 * Words that, found anywhere in the story, make the non-place reading of a name likely: the bird
 * (Turkey: "turkey" written in lower case), the European Union (Brussels), the era (Georgian).
 */
const NON_PLACE_CUES: Readonly<
  Record<string, { readonly words: readonly string[]; readonly lowerOnly: boolean }>
> = {
  Turkey: {
    words: ['turkey', 'turkeys', 'thanksgiving', 'roast', 'stuffing', 'gravy', 'carving', 'feathers'],
    lowerOnly: true,
  },
  Brussels: { words: ['eu', 'european', 'commission', 'eurozone', 'nato'], lowerOnly: false },
  Georgian: {
    words: ['century', 'era', 'regency', 'victorian', 'architecture', 'townhouse', 'terrace'],
    lowerOnly: false,
  },
};

/** The story's words in lower case: `written` as written in lower case, `any` whatever the case. */
export interface StoryWords {
  readonly written: ReadonlySet<string>;
  readonly any: ReadonlySet<string>;
}

/** Countries whose mention makes one reading of a name likelier ("Georgia" near Russia). */
const NEIGHBOURS: Readonly<Record<string, readonly string[]>> = {
  GE: ['RU', 'AM', 'AZ', 'UA', 'TR'],
  CG: ['GA', 'CM', 'CF', 'AO'],
  CD: ['RW', 'UG', 'BI', 'ZM', 'AO'],
  DM: ['GP', 'MQ', 'LC', 'AG', 'BB'],
};

function firmEvidence(
  matches: readonly NameMatch<PlaceName>[],
  people: ReadonlySet<number>,
): Map<string, number> {
  const firm = new Map<string, number>();
  matches.forEach((m, i) => {
    const { kind, codes } = m.value;
    const code = codes[0];
    if (people.has(i) || codes.length !== 1 || code === undefined || code === NONE) return;
    if (kind === 'x' || kind === 'a') return;
    firm.set(code, (firm.get(code) ?? 0) + (kind === 'c' ? 0.5 : 1));
  });
  return firm;
}

function support(code: string, firm: ReadonlyMap<string, number>): number {
  let s = firm.get(code) ?? 0;
  for (const n of NEIGHBOURS[code] ?? []) s += 0.5 * (firm.get(n) ?? 0);
  return s;
}

/**
 * "Orange County" is American, "Durham County Council" and "Durham Constabulary" British: the
 * word after a place name can say which country's namesake it is.
 */
function followerCountry(tokens: Tokens, end: number): string | undefined {
  const next = tokenText(tokens, end);
  if (next === 'Constabulary') return 'GB';
  if (next === 'County') return tokenText(tokens, end + 1) === 'Council' ? 'GB' : 'US';
  return undefined;
}

/**
 * "Cerro Verde", "Santa Rosa de Lima", "Wigan Athletic": a one-word city followed by another
 * capitalized word (not a place word like City or Airport) is the start of a longer name the
 * gazetteer does not know, so it says nothing sure about a country.
 */
function partOfLongerName(tokens: Tokens, matches: readonly NameMatch<PlaceName>[], i: number): boolean {
  const m = matches[i];
  if (!m || m.end - m.start !== 1 || tokens.unit[m.end] !== tokens.unit[m.start]) return false;
  const next = tokenText(tokens, m.end);
  if (next === undefined || !/^\p{Lu}\p{Ll}+$/u.test(next) || PLACE_FOLLOWERS.has(next)) return false;
  return matches[i + 1]?.start !== m.end;
}

/** "Paris, Texas", "Portland, Dorset": the place after the comma says where the city is. */
function qualifiedBy(
  matches: readonly NameMatch<PlaceName>[],
  i: number,
  tokens: Tokens,
): string | undefined {
  const m = matches[i];
  const next = matches[i + 1];
  if (!m || !next || tokenText(tokens, m.end) !== ',' || next.start !== m.end + 1) return undefined;
  if (tokens.unit[next.start] !== tokens.unit[m.start]) return undefined;
  const { kind, codes } = next.value;
  if ((kind === 's' || kind === 'n') && codes.length === 1) return codes[0];
  if (kind === 'a') return codes.find((c) => m.value.codes.includes(c));
  return undefined;
}

/**
 * Reads every gazetteer match in the context of the whole story and returns the countries they
 * name. `words` gives the story's words for the non-place cues (built only when a cue is needed).
 */
export function resolveMatches(
  tokens: Tokens,
  matches: readonly NameMatch<PlaceName>[],
  words: () => StoryWords,
): Resolved[] {
  const people = findPeople(tokens, matches, (m) => m.value.codes.includes(NONE));
  const firm = firmEvidence(matches, people);
  const out: Resolved[] = [];
  matches.forEach((m, i) => {
    const { kind, codes, name } = m.value;
    const unit = tokens.unit[m.start] ?? 0;
    if (kind === 'x' || people.has(i)) return;
    const place = kind === 'a' ? 's' : kind;
    const local = kind === 'c' || kind === 'k' || kind === 'a';
    const follower = local ? followerCountry(tokens, m.end) : undefined;
    if (follower) {
      out.push({ unit, code: follower, kind: 's' });
      return;
    }
    if (kind === 'c' && partOfLongerName(tokens, matches, i)) return;
    const qualified = local ? qualifiedBy(matches, i, tokens) : undefined;
    if (qualified) {
      out.push({ unit, code: qualified, kind: place });
      return;
    }
    const readings = codes.filter((c) => c !== NONE);
    if (codes.includes(NONE) && !afterLocative(tokens, m.start)) {
      const cues = NON_PLACE_CUES[name];
      const vocabulary = cues && (cues.lowerOnly ? words().written : words().any);
      const cued = cues?.words.some((w) => vocabulary?.has(w)) ?? false;
      if (cued && readings.every((c) => (firm.get(c) ?? 0) === 0)) return;
    }
    let best = readings[0];
    let bestSupport = best === undefined ? 0 : support(best, firm);
    for (const c of readings.slice(1)) {
      const s = support(c, firm);
      if (s > bestSupport) [best, bestSupport] = [c, s];
    }
    if (best !== undefined) out.push({ unit, code: best, kind: place });
  });
  return out;
}
