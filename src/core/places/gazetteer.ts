import data from './data/gazetteer.json' with { type: 'json' };
import { buildNameIndex, type NameIndex } from './name-index.js';

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
}

const KINDS = new Set<string>(['x', 'a', 'n', 's', 'k', 'd', 'c']);

function isKind(k: string | undefined): k is PlaceKind {
  return k !== undefined && KINDS.has(k);
}

function load(): NameIndex<PlaceName> {
  const rows: [string, PlaceName][] = [];
  for (const [name, kind, ...codes] of data.entries) {
    if (name === undefined || !isKind(kind)) throw new Error(`gazetteer: bad row ${String(name)}`);
    rows.push([name, { name, kind, codes }]);
  }
  return buildNameIndex(rows);
}

let index: NameIndex<PlaceName> | undefined;

/** The gazetteer's name index, built on first use (about 13,000 names). */
export function gazetteer(): NameIndex<PlaceName> {
  index ??= load();
  return index;
}
