import type Database from 'better-sqlite3';
import type { Story, StoryQuery } from '../types.js';
import { leadFirst } from '../lead-first.js';
import { toArticle, type ArticleRow } from './rows.js';

interface StoryRow {
  id: number;
  lead_article_id: number | null;
  published_at: number;
  first_seen_at: number;
}

/** Reads stories with their lead article, outlets and places, a page at a time. */
export function createStoryReader(db: Database.Database) {
  const ids = (rows: readonly { id: number }[]) => JSON.stringify(rows.map((r) => r.id));
  const leads = db.prepare<[string], ArticleRow>(
    'SELECT a.* FROM articles a JOIN stories s ON s.lead_article_id = a.id WHERE s.id IN (SELECT value FROM json_each(?))',
  );
  const outlets = db.prepare<[string], { story_id: number; outlet: string }>(
    `SELECT story_id, outlet FROM articles WHERE story_id IN (SELECT value FROM json_each(?))
     GROUP BY story_id, outlet ORDER BY story_id, MIN(id)`,
  );
  const places = db.prepare<[string], { story_id: number; kind: string; code: string }>(
    'SELECT story_id, kind, code FROM story_places WHERE story_id IN (SELECT value FROM json_each(?))',
  );

  function hydrate(rows: readonly StoryRow[]): Story[] {
    if (rows.length === 0) return [];
    const key = ids(rows);
    const leadById = new Map(leads.all(key).map((r) => [r.story_id, toArticle(r)]));
    const outletsOf = new Map<number, string[]>();
    for (const r of outlets.all(key))
      outletsOf.set(r.story_id, [...(outletsOf.get(r.story_id) ?? []), r.outlet]);
    const placesOf = new Map<number, { country: string[]; region: string[] }>();
    for (const p of places.all(key)) {
      const entry = placesOf.get(p.story_id) ?? { country: [], region: [] };
      (p.kind === 'country' ? entry.country : entry.region).push(p.code);
      placesOf.set(p.story_id, entry);
    }
    const stories: Story[] = [];
    for (const row of rows) {
      const lead = leadById.get(row.id);
      // A story whose lead was deleted has nothing to tell; it is skipped, not shown empty.
      if (!lead) continue;
      const storyOutlets = leadFirst([lead.outlet], outletsOf.get(row.id) ?? []);
      const storyPlaces = placesOf.get(row.id) ?? { country: [], region: [] };
      stories.push({
        id: row.id,
        lead,
        sources: storyOutlets.length,
        outlets: storyOutlets,
        publishedAt: new Date(row.published_at),
        firstSeenAt: new Date(row.first_seen_at),
        countries: leadFirst(lead.analysis.countries, storyPlaces.country),
        regions: leadFirst(lead.analysis.regions, storyPlaces.region),
      });
    }
    return stories;
  }

  const byId = db.prepare<[number], StoryRow>('SELECT * FROM stories WHERE id = ?');
  const page = db.prepare<[{ since: number; regions: string; limit: number }], StoryRow>(
    `SELECT s.* FROM stories s
     WHERE s.published_at >= @since
       AND (@regions = '[]' OR EXISTS (
         SELECT 1 FROM story_places p
         WHERE p.story_id = s.id AND p.kind = 'region' AND p.code IN (SELECT value FROM json_each(@regions))))
     ORDER BY s.published_at DESC, s.id DESC LIMIT @limit`,
  );

  return {
    get(id: number): Story | undefined {
      const row = byId.get(id);
      return row && hydrate([row])[0];
    },
    list(q: StoryQuery): Story[] {
      return hydrate(
        page.all({
          since: q.since?.getTime() ?? Number.MIN_SAFE_INTEGER,
          regions: JSON.stringify(q.regions ?? []),
          limit: q.limit,
        }),
      );
    },
  };
}
