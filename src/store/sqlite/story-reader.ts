import type Database from 'better-sqlite3';
import type { Story, StoryQuery } from '../types.js';
import { assembleStories } from '../assemble-stories.js';
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
    return assembleStories(
      rows.map((r) => ({
        id: r.id,
        publishedAt: new Date(r.published_at),
        firstSeenAt: new Date(r.first_seen_at),
      })),
      leads.all(key).map(toArticle),
      outlets.all(key),
      places.all(key),
    );
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
