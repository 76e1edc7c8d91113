import type Database from 'better-sqlite3';
import {
  DEFAULT_FEED_INTERVAL_SECONDS,
  StoreError,
  type Feed,
  type FeedRepo,
  type FeedUpdate,
  type NewFeed,
} from '../types.js';
import { storable } from '../storable.js';
import { promised } from './promised.js';
import { toFeed, type FeedRow } from './rows.js';

// Column for each updatable field, and how its value is stored.
const COLUMNS: { [K in keyof FeedUpdate]-?: [string, (v: NonNullable<FeedUpdate[K]> | null) => unknown] } = {
  title: ['title', (v) => v],
  region: ['region', (v) => v],
  enabled: ['enabled', (v) => (v ? 1 : 0)],
  disabledReason: ['disabled_reason', (v) => v],
  failures: ['failures', (v) => v],
  lastError: ['last_error', (v) => v],
  etag: ['etag', (v) => v],
  lastModified: ['last_modified', (v) => v],
  intervalSeconds: ['interval_seconds', (v) => v],
  lastFetchedAt: ['last_fetched_at', (v) => (v === null ? null : v.getTime())],
  nextFetchAt: ['next_fetch_at', (v) => (v === null ? null : v.getTime())],
};

/** The feeds table of a SQLite store. */
export function createSqliteFeedRepo(db: Database.Database): FeedRepo {
  const byId = db.prepare<[number], FeedRow>('SELECT * FROM feeds WHERE id = ?');
  const byUrl = db.prepare<[string], FeedRow>('SELECT * FROM feeds WHERE url = ?');
  const insert = db.prepare(
    `INSERT INTO feeds (url, title, region, interval_seconds, next_fetch_at, created_at)
     VALUES (@url, @title, @region, @interval, @now, @now)`,
  );

  function add(given: NewFeed, now: Date): Feed {
    const feed = storable(given);
    const url = feed.url.trim();
    if (byUrl.get(url)) throw new StoreError('conflict', `a feed with the URL ${url} exists`);
    const info = insert.run({
      url,
      title: feed.title ?? null,
      region: feed.region ?? null,
      interval: feed.intervalSeconds ?? DEFAULT_FEED_INTERVAL_SECONDS,
      now: now.getTime(),
    });
    return toFeed(byId.get(Number(info.lastInsertRowid))!);
  }

  const seedOnce = db.transaction((feeds: readonly NewFeed[], now: Date): number => {
    const done = db.prepare(
      "INSERT OR IGNORE INTO store_meta (key, value) VALUES ('default_feeds_seeded', ?)",
    );
    if (done.run(now.toISOString()).changes === 0) return 0;
    let added = 0;
    for (const feed of feeds) {
      if (byUrl.get(feed.url.trim())) continue;
      add(feed, now);
      added++;
    }
    return added;
  });

  return promised<FeedRepo>({
    add,
    get: (id) => {
      const row = byId.get(id);
      return row && toFeed(row);
    },
    byUrl: (url) => {
      const row = byUrl.get(url.trim());
      return row && toFeed(row);
    },
    list: () => db.prepare<[], FeedRow>('SELECT * FROM feeds ORDER BY id').all().map(toFeed),
    update: (id, given) => {
      const change = storable(given);
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const [key, value] of Object.entries(change) as [keyof FeedUpdate, never][]) {
        if (value === undefined) continue;
        const [column, encode] = COLUMNS[key];
        sets.push(`${column} = ?`);
        values.push(encode(value));
      }
      if (sets.length > 0) db.prepare(`UPDATE feeds SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
      const row = byId.get(id);
      if (!row) throw new StoreError('not-found', `no feed with id ${id}`);
      return toFeed(row);
    },
    remove: (id) => db.prepare('DELETE FROM feeds WHERE id = ?').run(id).changes > 0,
    due: (now, limit) =>
      db
        .prepare<[number, number], FeedRow>(
          'SELECT * FROM feeds WHERE enabled = 1 AND next_fetch_at <= ? ORDER BY next_fetch_at, id LIMIT ?',
        )
        .all(now.getTime(), limit)
        .map(toFeed),
    claimDue: (now, leaseUntil, limit) =>
      db
        .prepare<[number, number, number], FeedRow>(
          `UPDATE feeds SET next_fetch_at = ? WHERE id IN (
             SELECT id FROM feeds WHERE enabled = 1 AND next_fetch_at <= ? ORDER BY next_fetch_at, id LIMIT ?)
           RETURNING *`,
        )
        .all(leaseUntil.getTime(), now.getTime(), limit)
        .map(toFeed),
    seed: (feeds, now) => seedOnce(feeds, now),
  });
}
