import { gazetteer, type PlaceKind, type PlaceName, type PlaceRef } from './gazetteer.js';
import type { NameMatch } from './name-index.js';
import { regionsOfCountry } from './regions.js';
import { resolveMatches, type StoryWords } from './resolve.js';
import { releaseTokens, tokenUnit, type Tokens } from './tokens.js';
import { scanTexts, type NameScan } from './windows.js';
import { sortShort } from '../text/sort-short.js';

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

/** The story's units: headline, sentences (the lede's marked as such), and a lede not among them. */
function scanStory(input: PlaceInput): NameScan<PlaceRef> {
  const ledeAt = input.sentences.indexOf(input.lede);
  const texts: string[] = [];
  const units: number[] = [];
  if (input.title) {
    texts.push(input.title);
    units.push(TITLE_UNIT);
  }
  for (let i = 0; i < input.sentences.length; i++) {
    texts.push(input.sentences[i] ?? '');
    units.push(i === ledeAt ? LEDE_UNIT : i);
  }
  if (ledeAt < 0 && input.lede) {
    texts.push(input.lede);
    units.push(LEDE_UNIT);
  }
  return scanTexts(texts, units, gazetteer());
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
  return scoreScan(scanStory(input));
}

/** Country codes in order: two capitals compare as they read, as localeCompare orders them. */
function compareCodes(a: string, b: string): number {
  if (isAlpha2(a) && isAlpha2(b)) return a < b ? -1 : a > b ? 1 : 0;
  return a.localeCompare(b);
}

function isAlpha2(code: string): boolean {
  const c0 = code.charCodeAt(0);
  const c1 = code.charCodeAt(1);
  return code.length === 2 && c0 >= 65 && c0 <= 90 && c1 >= 65 && c1 <= 90;
}

function scoreScan({ tokens, matches }: NameScan<PlaceRef>): CountryScore[] {
  const places: NameMatch<PlaceName>[] = [];
  for (const m of matches)
    if (m.value.place) places.push({ start: m.start, end: m.end, value: m.value.place });
  const resolved = resolveMatches(tokens, places, storyWords(tokens));
  // A story names a handful of countries: a list searched from the start beats a Map.
  const scores: { code: string; score: number; mentions: number }[] = [];
  for (const r of resolved) {
    let s = scores.find((c) => c.code === r.code);
    if (!s) scores.push((s = { code: r.code, score: 0, mentions: 0 }));
    s.score += KIND_WEIGHT[r.kind] * unitWeight(r.unit);
    s.mentions++;
  }
  return sortShort(scores, (a, b) => b.score - a.score || compareCodes(a.code, b.code));
}

/** Each region named in the story, with its mentions weighed, in order of first mention. */
function regionMentions({ tokens, matches }: NameScan<PlaceRef>): { slug: string; score: number }[] {
  const out: { slug: string; score: number }[] = [];
  for (const m of matches) {
    const slug = m.value.region;
    if (!slug) continue;
    const w = unitWeight(tokenUnit(tokens, m.start) ?? 0);
    const r = out.find((x) => x.slug === slug);
    if (r) r.score += w;
    else out.push({ slug, score: 0 + w });
  }
  return out;
}

/** Countries and regions a story is about: pure, linear in the length of the story. */
export function tagPlaces(input: PlaceInput): Places {
  const scan = scanStory(input);
  const ranked = scoreScan(scan);
  const top = ranked[0]?.score ?? 0;
  const countries: string[] = [];
  for (const c of ranked) if (c.score >= MIN_SCORE && c.score >= top * MIN_SHARE) countries.push(c.code);
  const regions: string[] = [];
  for (const code of countries)
    for (const slug of regionsOfCountry(code)) if (!regions.includes(slug)) regions.push(slug);
  for (const { slug, score } of regionMentions(scan))
    if (score >= MIN_SCORE && !regions.includes(slug)) regions.push(slug);
  releaseTokens(scan.tokens);
  return { countries, regions };
}
