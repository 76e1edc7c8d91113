import { gazetteer, type PlaceKind, type PlaceName, type PlaceRef } from './gazetteer.js';
import type { NameMatch } from './name-index.js';
import { regionsOfCountry } from './regions.js';
import { resolveMatches, type StoryWords } from './resolve.js';
import type { TextUnit, Tokens } from './tokens.js';
import { scanNames, type NameScan } from './windows.js';

/** What place tagging reads. */
export interface PlaceInput {
  readonly title: string | null;
  readonly lede: string;
  readonly sentences: readonly string[];
}

/** Countries (ISO alpha-2, most central first) and region slugs a story is about. */
export interface Places {
  readonly countries: string[];
  readonly regions: string[];
}

/** A country's score with how it was reached, for explaining and testing the ranking. */
export interface CountryScore {
  readonly code: string;
  readonly score: number;
  readonly mentions: number;
}

const TITLE_UNIT = -1;
const LEDE_UNIT = -2;

// How much one mention says about the story: a country's name more than a city or a demonym.
const KIND_WEIGHT: Readonly<Record<PlaceKind, number>> = {
  n: 1,
  s: 0.9,
  a: 0.9,
  k: 0.8,
  d: 0.6,
  c: 0.6,
  x: 0,
};

/** Headline, lede and the opening sentences weigh more than a mention further down. */
function unitWeight(unit: number): number {
  if (unit === TITLE_UNIT) return 4;
  if (unit === LEDE_UNIT) return 2.5;
  return unit < 3 ? 1.5 : 1;
}

/** A country mentioned once in passing is dropped: it needs this score to count. */
export const MIN_SCORE = 1.5;
/** ...and, beside the leading country, this share of its score. */
export const MIN_SHARE = 0.1;

function storyUnits(input: PlaceInput): TextUnit[] {
  const ledeAt = input.sentences.indexOf(input.lede);
  const units: TextUnit[] = [];
  if (input.title) units.push({ text: input.title, unit: TITLE_UNIT });
  input.sentences.forEach((text, i) => units.push({ text, unit: i === ledeAt ? LEDE_UNIT : i }));
  if (ledeAt < 0 && input.lede) units.push({ text: input.lede, unit: LEDE_UNIT });
  return units;
}

function storyWords(tokens: Tokens): () => StoryWords {
  let words: StoryWords | undefined;
  return () => {
    if (!words) {
      const all = tokens.source.match(/[\p{L}\p{N}]+/gu) ?? [];
      const lower = all.map((t) => t.toLowerCase());
      words = { written: new Set(lower.filter((w, i) => w === all[i])), any: new Set(lower) };
    }
    return words;
  };
}

/** Every country the story names, scored and ranked (before dropping passing mentions). */
export function scoreCountries(input: PlaceInput): CountryScore[] {
  return scoreScan(scanNames(storyUnits(input), gazetteer()));
}

function scoreScan({ tokens, matches }: NameScan<PlaceRef>): CountryScore[] {
  const places: NameMatch<PlaceName>[] = [];
  for (const m of matches)
    if (m.value.place) places.push({ start: m.start, end: m.end, value: m.value.place });
  const resolved = resolveMatches(tokens, places, storyWords(tokens));
  const scores = new Map<string, { score: number; mentions: number }>();
  for (const r of resolved) {
    const s = scores.get(r.code) ?? { score: 0, mentions: 0 };
    s.score += KIND_WEIGHT[r.kind] * unitWeight(r.unit);
    s.mentions++;
    scores.set(r.code, s);
  }
  return [...scores.entries()]
    .map(([code, s]) => ({ code, score: s.score, mentions: s.mentions }))
    .sort((a, b) => b.score - a.score || a.code.localeCompare(b.code));
}

function regionMentions({ tokens, matches }: NameScan<PlaceRef>): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of matches) {
    if (!m.value.region) continue;
    const w = unitWeight(tokens.unit[m.start] ?? 0);
    out.set(m.value.region, (out.get(m.value.region) ?? 0) + w);
  }
  return out;
}

/** Countries and regions a story is about: pure, linear in the length of the story. */
export function tagPlaces(input: PlaceInput): Places {
  const scan = scanNames(storyUnits(input), gazetteer());
  const ranked = scoreScan(scan);
  const top = ranked[0]?.score ?? 0;
  const countries = ranked
    .filter((c) => c.score >= MIN_SCORE && c.score >= top * MIN_SHARE)
    .map((c) => c.code);
  const regions: string[] = [];
  for (const code of countries) for (const slug of regionsOfCountry(code)) regions.push(slug);
  for (const [slug, score] of regionMentions(scan)) if (score >= MIN_SCORE) regions.push(slug);
  return { countries, regions: [...new Set(regions)] };
}
