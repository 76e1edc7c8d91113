import { gazetteer, type PlaceKind } from './gazetteer.js';
import { findNames } from './name-index.js';
import { regionPlaceIndex, regionsOfCountry } from './regions.js';
import { resolveMatches, type StoryWords } from './resolve.js';
import { tokenize, type Tokens } from './tokens.js';

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

function storyTokens(input: PlaceInput): Tokens {
  const ledeAt = input.sentences.indexOf(input.lede);
  const tokens: Tokens = { text: [], unit: [] };
  if (input.title) tokenize(input.title, TITLE_UNIT, tokens);
  for (let i = 0; i < input.sentences.length; i++)
    tokenize(input.sentences[i] ?? '', i === ledeAt ? LEDE_UNIT : i, tokens);
  if (ledeAt < 0 && input.lede) tokenize(input.lede, LEDE_UNIT, tokens);
  return tokens;
}

function storyWords(tokens: Tokens): () => StoryWords {
  let words: StoryWords | undefined;
  return () => {
    if (!words) {
      const lower = tokens.text.map((t) => t.toLowerCase());
      words = { written: new Set(lower.filter((w, i) => w === tokens.text[i])), any: new Set(lower) };
    }
    return words;
  };
}

/** Every country the story names, scored and ranked (before dropping passing mentions). */
export function scoreCountries(input: PlaceInput): CountryScore[] {
  return scoreTokens(storyTokens(input));
}

function scoreTokens(tokens: Tokens): CountryScore[] {
  const resolved = resolveMatches(tokens, findNames(tokens, gazetteer()), storyWords(tokens));
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

function regionMentions(tokens: Tokens): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of findNames(tokens, regionPlaceIndex())) {
    const w = unitWeight(tokens.unit[m.start] ?? 0);
    out.set(m.value, (out.get(m.value) ?? 0) + w);
  }
  return out;
}

/** Countries and regions a story is about: pure, linear in the length of the story. */
export function tagPlaces(input: PlaceInput): Places {
  const tokens = storyTokens(input);
  const ranked = scoreTokens(tokens);
  const top = ranked[0]?.score ?? 0;
  const countries = ranked
    .filter((c) => c.score >= MIN_SCORE && c.score >= top * MIN_SHARE)
    .map((c) => c.code);
  const regions: string[] = [];
  for (const code of countries) for (const slug of regionsOfCountry(code)) regions.push(slug);
  for (const [slug, score] of regionMentions(tokens)) if (score >= MIN_SCORE) regions.push(slug);
  return { countries, regions: [...new Set(regions)] };
}
