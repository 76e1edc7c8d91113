import type { FilteredStoryQuery, LeadText, Story, StoryQuery } from '../types.js';
import { assembleStories } from '../assemble-stories.js';
import { toArticle, type PgArticleRow } from './rows.js';
import type { Db } from './db.js';

interface StoryRow {
  id: number;
  published_at: Date;
  first_seen_at: Date;
}

/** Leads read and matched at a time by `where`. */
const LEAD_CHUNK = 50;

/** Reads stories with their lead article, outlets and places, a page at a time. */
export function createPgStoryReader(db: Db) {
  async function hydrate(rows: readonly StoryRow[]): Promise<Story[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [leads, outlets, places] = await Promise.all([
      db.query<PgArticleRow>(
        'SELECT a.* FROM articles a JOIN stories s ON s.lead_article_id = a.id WHERE s.id = ANY($1::integer[])',
        [ids],
      ),
      db.query<{ story_id: number; outlet: string }>(
        `SELECT story_id, outlet FROM articles WHERE story_id = ANY($1::integer[])
         GROUP BY story_id, outlet ORDER BY story_id, MIN(id)`,
        [ids],
      ),
      db.query<{ story_id: number; kind: string; code: string }>(
        'SELECT story_id, kind, code FROM story_places WHERE story_id = ANY($1::integer[])',
        [ids],
      ),
    ]);
    return assembleStories(
      rows.map((r) => ({ id: r.id, publishedAt: r.published_at, firstSeenAt: r.first_seen_at })),
      leads.rows.map(toArticle),
      outlets.rows,
      places.rows,
    );
  }

  const reader = {
    async get(id: number): Promise<Story | undefined> {
      const rows = await db.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]);
      return (await hydrate(rows.rows))[0];
    },
    list: async (q: StoryQuery): Promise<Story[]> => hydrate(await page(q)),
    async where(q: FilteredStoryQuery, keep: (lead: LeadText) => boolean): Promise<Story[]> {
      const rows = await page({ ...q, limit: q.scan });
      const kept: StoryRow[] = [];
      // A chunk of leads at a time, newest first: a common topic is done after the first.
      for (let at = 0; at < rows.length && kept.length < q.limit; at += LEAD_CHUNK) {
        const chunk = rows.slice(at, at + LEAD_CHUNK);
        const texts = await db.query<LeadText & { id: number }>(
          `SELECT s.id, a.analysis->>'title' AS title, a.analysis->>'lede' AS lede, a.analysis->'summary' AS summary,
             a.analysis->>'body' AS body, a.analysis->'regions' AS regions
           FROM stories s JOIN articles a ON a.id = s.lead_article_id WHERE s.id = ANY($1::integer[])`,
          [chunk.map((r) => r.id)],
        );
        const byId = new Map(texts.rows.map((t) => [t.id, t]));
        for (const row of chunk) {
          const t = byId.get(row.id);
          if (kept.length < q.limit && t !== undefined && keep(t)) kept.push(row);
        }
      }
      return hydrate(kept);
    },
  };

  /** The page of stories a query asks for, newest first, not yet read whole. */
  async function page(q: StoryQuery): Promise<StoryRow[]> {
    const regions = q.regions ?? [];
    const since = q.since ?? '-infinity';
    // Each region's newest from its own index range (no filter over all stories, and a region
    // with no stories costs one index probe), then the newest of those.
    const rows =
      regions.length === 0
        ? await db.query<StoryRow>(
            `SELECT * FROM stories WHERE published_at >= $1
               ORDER BY published_at DESC, id DESC LIMIT $2`,
            [since, q.limit],
          )
        : await db.query<StoryRow>(
            `SELECT s.* FROM stories s WHERE s.id IN (
                 SELECT latest.story_id FROM unnest($2::text[]) AS r (code) CROSS JOIN LATERAL (
                   SELECT p.story_id FROM story_places p
                   WHERE p.kind = 'region' AND p.code = r.code AND p.published_at >= $1
                   ORDER BY p.published_at DESC, p.story_id DESC LIMIT $3) latest)
               ORDER BY s.published_at DESC, s.id DESC LIMIT $3`,
            [since, [...new Set(regions)], q.limit],
          );
    return rows.rows;
  }

  return reader;
}
