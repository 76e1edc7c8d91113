import type { Story, StoryQuery } from '../types.js';
import { assembleStories } from '../assemble-stories.js';
import { toArticle, type PgArticleRow } from './rows.js';
import type { Db } from './db.js';

interface StoryRow {
  id: number;
  published_at: Date;
  first_seen_at: Date;
}

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

  return {
    async get(id: number): Promise<Story | undefined> {
      const rows = await db.query<StoryRow>('SELECT * FROM stories WHERE id = $1', [id]);
      return (await hydrate(rows.rows))[0];
    },
    async list(q: StoryQuery): Promise<Story[]> {
      const regions = q.regions ?? [];
      const rows = await db.query<StoryRow>(
        `SELECT s.* FROM stories s
         WHERE ($1::timestamptz IS NULL OR s.published_at >= $1)
           AND (cardinality($2::text[]) = 0 OR EXISTS (
             SELECT 1 FROM story_places p
             WHERE p.story_id = s.id AND p.kind = 'region' AND p.code = ANY($2::text[])))
         ORDER BY s.published_at DESC, s.id DESC LIMIT $3`,
        [q.since ?? null, regions, q.limit],
      );
      return hydrate(rows.rows);
    },
  };
}
