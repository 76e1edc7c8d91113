import type { Region } from '../core/types.js';

/** The region table as plain text for `newsdesk regions`: one block a region. */
export function formatRegions(regions: readonly Region[]): string {
  return regions
    .map((r) => {
      const lines = [`${r.slug}  ${r.name}`, `  countries: ${r.countries.join(' ') || '-'}`];
      if (r.aliases.length) lines.push(`  aliases: ${r.aliases.join(', ')}`);
      if (r.places.length) lines.push(`  places: ${r.places.join(', ')}`);
      return lines.join('\n');
    })
    .join('\n\n');
}
