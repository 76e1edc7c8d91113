import data from './data/gazetteer.json' with { type: 'json' };
import { buildNameIndex, type NameIndex } from './name-index.js';
import { listRegions } from './regions.js';

/**
 * What a gazetteer name is: x blocked (names no country, e.g. "Irish Sea"), a ambiguous (resolved
 * by context), n a country's name, s a sub-national place, k a capital or major city, d a demonym,
 * c a city.
 */
export type PlaceKind = 'x' | 'a' | 'n' | 's' | 'k' | 'd' | 'c';

/** One gazetteer name. `codes` are ISO alpha-2 readings, most likely first; "-" is "no place". */
export interface PlaceName {
  readonly name: string;
  readonly kind: PlaceKind;
  readonly codes: readonly string[];
  /** `codes` without "-": the countries the name may mean (worked out once, at load). */
  readonly readings: readonly string[];
  /** True when "-" is among `codes`: the name may be no place ("Jordan" the first name). */
  readonly mayBeNoPlace: boolean;
}

/** "No place" in a reading list. */
export const NO_PLACE = '-';

const KINDS = new Set<string>(['x', 'a', 'n', 's', 'k', 'd', 'c']);

function isKind(k: string | undefined): k is PlaceKind {
  return k !== undefined && KINDS.has(k);
}

/** What a name in the text can be: a gazetteer place, a region's place name, or both ("Gaza"). */
export interface PlaceRef {
  readonly place?: PlaceName;
  /** Region slug, for a region's own place names ("Sahel", "Middle East"). */
  readonly region?: string;
}

function load(): NameIndex<PlaceRef> {
  const refs = new Map<string, { place?: PlaceName; region?: string }>();
  for (const [name, kind, ...codes] of data.entries) {
    if (name === undefined || !isKind(kind)) throw new Error(`gazetteer: bad row ${String(name)}`);
    const readings = codes.filter((c) => c !== NO_PLACE);
    refs.set(name, { place: { name, kind, codes, readings, mayBeNoPlace: readings.length < codes.length } });
  }
  for (const r of listRegions())
    for (const p of r.places) {
      const ref = refs.get(p) ?? {};
      ref.region ??= r.slug;
      refs.set(p, ref);
    }
  return buildNameIndex(refs.entries());
}

let index: NameIndex<PlaceRef> | undefined;

/** The gazetteer and the region place names in one index, built on first use (13,000 names). */
export function gazetteer(): NameIndex<PlaceRef> {
  index ??= load();
  return index;
}
