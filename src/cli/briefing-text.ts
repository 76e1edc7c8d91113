import type { Analysis } from '../core/types.js';

/** A readable, plain-text briefing of one analysed article, for the terminal. */
export function formatAnalysis(a: Analysis): string {
  const lines: string[] = [];
  if (a.title) lines.push(a.title, '='.repeat(Math.min(a.title.length, 80)));
  lines.push('', a.lede, '');
  const points = a.summary.filter((s) => s !== a.lede);
  if (points.length) {
    lines.push('Key points:');
    for (const s of points) lines.push(`  - ${s}`);
    lines.push('');
  }
  const keyQuotes = a.quotes.filter((q) => q.key);
  if (keyQuotes.length) {
    lines.push('Key quotes:');
    for (const q of keyQuotes) {
      const who = [q.speaker.name ?? 'unattributed', q.speaker.role].filter(Boolean).join(', ');
      lines.push(`  “${q.text}” (${who})`);
    }
    lines.push('');
  }
  if (a.countries.length) lines.push(`Countries: ${a.countries.join(', ')}`);
  if (a.regions.length) lines.push(`Regions: ${a.regions.join(', ')}`);
  lines.push(`${a.quotes.length} quote(s), ${a.sentences.length} sentences`);
  return lines.join('\n');
}
