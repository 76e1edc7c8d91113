import type Database from 'better-sqlite3';
import type { FilteredStoryQuery, LeadText, Story, StoryQuery } from '../types.js';
import { assembleStories } from '../assemble-stories.js';
import { toArticle, type ArticleRow } from './rows.js';

interface StoryRow {
  id: number;
  lead_article_id: number | null;
  published_at: number;
  first_seen_at: number;
}

interface LeadTextRow {
  id: number;
  title: string | null;
  lede: string;
  summary: string;
  body: string;
  regions: string;
}

/** Leads read and matched at a time by `where`. */
const LEAD_CHUNK = 50;

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
  const newest = db.prepare<[{ since: number; limit: number }], StoryRow>(
    `SELECT * FROM stories WHERE published_at >= @since ORDER BY published_at DESC, id DESC LIMIT @limit`,
  );
  // One region's newest, from its own index range: a region with no stories costs one probe.
  const newestIn = db.prepare<
    [{ code: string; since: number; limit: number }],
    { story_id: number; published_at: number }
  >(
    `SELECT story_id, published_at FROM story_places
     WHERE kind = 'region' AND code = @code AND published_at >= @since
     ORDER BY published_at DESC, story_id DESC LIMIT @limit`,
  );
  const byIds = db.prepare<[string], StoryRow>(
    'SELECT * FROM stories WHERE id IN (SELECT value FROM json_each(?)) ORDER BY published_at DESC, id DESC',
  );

  const leadTexts = db.prepare<[string], LeadTextRow>(
    `SELECT s.id, json_extract(a.analysis, '$.title') AS title, json_extract(a.analysis, '$.lede') AS lede,
       json_extract(a.analysis, '$.summary') AS summary, json_extract(a.analysis, '$.body') AS body,
       json_extract(a.analysis, '$.regions') AS regions
     FROM stories s JOIN articles a ON a.id = s.lead_article_id WHERE s.id IN (SELECT value FROM json_each(?))`,
  );

  /** The page of stories a query asks for, newest first, not yet read whole. */
  function page(q: StoryQuery): StoryRow[] {
    const since = q.since?.getTime() ?? Number.MIN_SAFE_INTEGER;
    const regions = [...new Set(q.regions ?? [])];
    if (regions.length === 0) return newest.all({ since, limit: q.limit });
    // The newest of each region's newest.
    const latest = new Map<number, number>();
    for (const code of regions)
      for (const r of newestIn.all({ code, since, limit: q.limit })) latest.set(r.story_id, r.published_at);
    const chosen = [...latest]
      .sort((a, b) => b[1] - a[1] || b[0] - a[0])
      .slice(0, q.limit)
      .map(([id]) => id);
    return byIds.all(JSON.stringify(chosen));
  }

  return {
    get(id: number): Story | undefined {
      const row = byId.get(id);
      return row && hydrate([row])[0];
    },
    list: (q: StoryQuery): Story[] => hydrate(page(q)),
    where(q: FilteredStoryQuery, keep: (lead: LeadText) => boolean): Story[] {
      const rows = page({ ...q, limit: q.scan });
      const kept: StoryRow[] = [];
      // A chunk of leads at a time, newest first: a common topic is done after the first.
      for (let at = 0; at < rows.length && kept.length < q.limit; at += LEAD_CHUNK) {
        const chunk = rows.slice(at, at + LEAD_CHUNK);
        const texts = new Map(leadTexts.all(ids(chunk)).map((r) => [r.id, r]));
        for (const row of chunk) {
          const t = texts.get(row.id);
          if (kept.length === q.limit || t === undefined) continue;
          const lead = {
            title: t.title,
            lede: t.lede,
            summary: JSON.parse(t.summary) as string[],
            body: t.body,
            regions: JSON.parse(t.regions) as string[],
          };
          if (keep(lead)) kept.push(row);
        }
      }
      return hydrate(kept);
    },
  };
}
