/** Edit distance with transpositions (optimal string alignment), capped for speed. */
export function editDistance(a: string, b: string, cap = 8): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const prev = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(d);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? cap + 1;
}

/** A name a user might have meant, with the words that lead to it. */
export interface Candidate {
  /** What to suggest typing. */
  readonly value: string;
  /** Every spelling that names it (slug, display name, aliases). */
  readonly spellings: readonly string[];
}

/** Up to `max` candidates close to `query`: typos, or a query that starts a longer name. */
export function suggest(query: string, candidates: readonly Candidate[], max = 3): string[] {
  const q = query.trim().toLowerCase().slice(0, 64);
  if (q === '') return [];
  const scored: { value: string; score: number }[] = [];
  for (const c of candidates) {
    let best = Infinity;
    for (const s of c.spellings) {
      const spelling = s.toLowerCase();
      if (q.length >= 3 && (spelling.startsWith(q) || spelling.includes(q))) best = Math.min(best, 0.5);
      const allowed = Math.max(1, Math.floor(spelling.length / 3));
      const d = editDistance(q, spelling, allowed);
      if (d <= allowed) best = Math.min(best, d);
    }
    if (best !== Infinity && !scored.some((s) => s.value === c.value))
      scored.push({ value: c.value, score: best });
  }
  return scored
    .sort((x, y) => x.score - y.score || x.value.localeCompare(y.value))
    .slice(0, max)
    .map((s) => s.value);
}
