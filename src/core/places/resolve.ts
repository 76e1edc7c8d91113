import { NO_PLACE, type PlaceKind, type PlaceName } from './gazetteer.js';
import type { NameMatch } from './name-index.js';
import { afterLocative, findPeople, isTitleWord, PLACE_FOLLOWERS } from './people.js';
import { tokenIs, tokenText, tokenUnit, type Tokens } from './tokens.js';

/** A place mention read in context: which country it names (if any), and how strongly. */
export interface Resolved {
  readonly unit: number;
  readonly code: string;
  readonly kind: PlaceKind;
}

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

/** Firm evidence per country, as two lists: a story names few countries, searched from the start. */
interface Firm {
  readonly codes: string[];
  readonly weights: number[];
}

function firmFor(firm: Firm, code: string): number {
  const i = firm.codes.indexOf(code);
  return i < 0 ? 0 : (firm.weights[i] ?? 0);
}

function firmEvidence(matches: readonly NameMatch<PlaceName>[], people: ReadonlySet<number>): Firm {
  const firm: Firm = { codes: [], weights: [] };
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (!m) continue;
    const { kind, codes } = m.value;
    const code = codes[0];
    if (people.has(i) || codes.length !== 1 || code === undefined || code === NO_PLACE) continue;
    if (kind === 'x' || kind === 'a') continue;
    const w = kind === 'c' ? 0.5 : 1;
    const at = firm.codes.indexOf(code);
    if (at < 0) {
      firm.codes.push(code);
      firm.weights.push(0 + w);
    } else firm.weights[at] = (firm.weights[at] ?? 0) + w;
  }
  return firm;
}

function support(code: string, firm: Firm): number {
  let s = firmFor(firm, code);
  for (const n of NEIGHBOURS[code] ?? []) s += 0.5 * firmFor(firm, n);
  return s;
}

/**
 * "Orange County" is American, "Durham County Council" and "Durham Constabulary" British: the
 * word after a place name can say which country's namesake it is.
 */
function followerCountry(tokens: Tokens, end: number): string | undefined {
  if (tokenIs(tokens, end, 'Constabulary')) return 'GB';
  if (tokenIs(tokens, end, 'County')) return tokenIs(tokens, end + 1, 'Council') ? 'GB' : 'US';
  return undefined;
}

/**
 * "Cerro Verde", "Santa Rosa de Lima", "Wigan Athletic": a one-word city followed by another
 * capitalized word (not a place word like City or Airport) is the start of a longer name the
 * gazetteer does not know, so it says nothing sure about a country.
 */
function partOfLongerName(tokens: Tokens, matches: readonly NameMatch<PlaceName>[], i: number): boolean {
  const m = matches[i];
  if (!m || m.end - m.start !== 1 || matches[i + 1]?.start === m.end) return false;
  if (tokenUnit(tokens, m.end) !== tokenUnit(tokens, m.start)) return false;
  const next = tokenText(tokens, m.end);
  return next !== undefined && isTitleWord(next) && !PLACE_FOLLOWERS.has(next);
}

/** "Paris, Texas", "Portland, Dorset": the place after the comma says where the city is. */
function qualifiedBy(
  matches: readonly NameMatch<PlaceName>[],
  i: number,
  tokens: Tokens,
): string | undefined {
  const m = matches[i];
  const next = matches[i + 1];
  if (!m || !next || next.start !== m.end + 1 || !tokenIs(tokens, m.end, ',')) return undefined;
  if (tokenUnit(tokens, next.start) !== tokenUnit(tokens, m.start)) return undefined;
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
  const people = findPeople(tokens, matches);
  const firm = firmEvidence(matches, people);
  const out: Resolved[] = [];
  for (let i = 0; i < matches.length; i++) {
    const m = matches[i];
    if (!m) continue;
    const { kind, name, readings } = m.value;
    const unit = tokenUnit(tokens, m.start) ?? 0;
    if (kind === 'x' || people.has(i)) continue;
    const place = kind === 'a' ? 's' : kind;
    const local = kind === 'c' || kind === 'k' || kind === 'a';
    const follower = local ? followerCountry(tokens, m.end) : undefined;
    if (follower) {
      out.push({ unit, code: follower, kind: 's' });
      continue;
    }
    if (kind === 'c' && partOfLongerName(tokens, matches, i)) continue;
    const qualified = local ? qualifiedBy(matches, i, tokens) : undefined;
    if (qualified) {
      out.push({ unit, code: qualified, kind: place });
      continue;
    }
    if (m.value.mayBeNoPlace && !afterLocative(tokens, m.start)) {
      const cues = NON_PLACE_CUES[name];
      const vocabulary = cues && (cues.lowerOnly ? words().written : words().any);
      const cued = cues?.words.some((w) => vocabulary?.has(w)) ?? false;
      if (cued && readings.every((c) => firmFor(firm, c) === 0)) continue;
    }
    const best = bestReading(readings, firm);
    if (best !== undefined) out.push({ unit, code: best, kind: place });
  }
  return out;
}

/** The reading with the most support, the first among equals (a lone reading needs no sums). */
function bestReading(readings: readonly string[], firm: Firm): string | undefined {
  let best = readings[0];
  if (best === undefined || readings.length === 1) return best;
  let bestSupport = support(best, firm);
  for (let r = 1; r < readings.length; r++) {
    const c = readings[r] ?? '';
    const s = support(c, firm);
    if (s > bestSupport) [best, bestSupport] = [c, s];
  }
  return best;
}
