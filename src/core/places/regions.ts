import data from './data/regions.json' with { type: 'json' };
import type { Region } from '../types.js';
import { fold } from './tokens.js';

// The region table is data (src/core/places/data/regions.json, built by scripts/build-gazetteer.ts
// from scripts/gazetteer/curated-regions.ts and world-countries' continents).
const TABLE: readonly Region[] = data.regions;

const byCountry = new Map<string, string[]>();
for (const r of TABLE) for (const c of r.countries) byCountry.set(c, [...(byCountry.get(c) ?? []), r.slug]);

/** Every region, in table order. */
export function listRegions(): readonly Region[] {
  return TABLE;
}

function key(s: string): string {
  return fold(s)
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, '-');
}

function keysOf(r: Region): string[] {
  return [r.slug, r.name, ...r.aliases, r.name.replace(/^the /i, '')].map(key);
}

/** The region whose slug, name or alias is `query` (case- and accent-insensitive), if any. */
export function findRegion(query: string): Region | undefined {
  const q = key(query);
  return TABLE.find((r) => keysOf(r).includes(q));
}

/** Edit distance, giving up (returning max + 1) once it must exceed `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(
        (prev[j] ?? 0) + 1,
        (cur[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length] ?? max + 1;
}

const MAX_QUERY = 60;

/**
 * Slugs a mistyped region might mean ("balkan" → balkans, "sahell" → sahel), closest first, at most
 * five. A word of the query that starts a slug or alias also counts ("africa" → the African ones).
 */
export function suggestRegions(query: string): string[] {
  const q = key(query).slice(0, MAX_QUERY);
  if (!q) return [];
  const max = q.length <= 4 ? 1 : 2;
  const scored: [string, number][] = [];
  for (const r of TABLE) {
    let best = Infinity;
    for (const k of keysOf(r)) {
      best = Math.min(best, distance(q, k, max));
      if (k.split('-').includes(q) || k.startsWith(q)) best = Math.min(best, max);
    }
    if (best <= max) scored.push([r.slug, best]);
  }
  return scored
    .sort((a, b) => a[1] - b[1])
    .slice(0, 5)
    .map(([slug]) => slug);
}

/** Region slugs a country belongs to, in table order. */
export function regionsOfCountry(code: string): readonly string[] {
  return byCountry.get(code) ?? [];
}
