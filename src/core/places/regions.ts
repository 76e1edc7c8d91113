import type { Region } from '../types.js';

// First cut; the Places issue replaces this with the full data-driven table.
const TABLE: readonly Region[] = [
  {
    slug: 'balkans',
    name: 'The Balkans',
    aliases: ['western balkans', 'balkan'],
    countries: ['AL', 'BA', 'BG', 'HR', 'XK', 'ME', 'MK', 'RS', 'SI'],
    places: ['Republika Srpska'],
  },
];

/** Every region, in table order. */
export function listRegions(): readonly Region[] {
  return TABLE;
}

/** The region whose slug, name or alias is `query` (case-insensitive), if any. */
export function findRegion(query: string): Region | undefined {
  const q = query.trim().toLowerCase();
  return TABLE.find((r) => r.slug === q || r.name.toLowerCase() === q || r.aliases.includes(q));
}
