import {
  DEFAULT_FEED_INTERVAL_SECONDS,
  StoreError,
  type FeedRepo,
  type FeedUpdate,
  type NewFeed,
} from '../types.js';
import { storable } from '../storable.js';
import type { Db } from './db.js';
import { toFeed, type FeedRow } from './rows.js';

const COLUMNS: { [K in keyof FeedUpdate]-?: string } = {
  title: 'title',
  region: 'region',
  enabled: 'enabled',
  disabledReason: 'disabled_reason',
  failures: 'failures',
  lastError: 'last_error',
  etag: 'etag',
  lastModified: 'last_modified',
  intervalSeconds: 'interval_seconds',
  lastFetchedAt: 'last_fetched_at',
  nextFetchAt: 'next_fetch_at',
};

const INSERT = `INSERT INTO feeds (url, title, region, interval_seconds, next_fetch_at, created_at)
  VALUES ($1, $2, $3, $4, $5, $5) ON CONFLICT (url) DO NOTHING RETURNING *`;

function insertParams(feed: NewFeed, now: Date): unknown[] {
  return [
    feed.url.trim(),
    feed.title ?? null,
    feed.region ?? null,
    feed.intervalSeconds ?? DEFAULT_FEED_INTERVAL_SECONDS,
    now,
  ];
}

/** The feeds table of a PostgreSQL store. */
export function createPgFeedRepo(db: Db): FeedRepo {
  const one = async (sql: string, params: unknown[]) => {
    const row = (await db.query<FeedRow>(sql, params)).rows[0];
    return row && toFeed(row);
  };
  return {
    async add(feed, now) {
      const added = await one(INSERT, insertParams(storable(feed), now));
      if (!added) throw new StoreError('conflict', `a feed with the URL ${feed.url.trim()} exists`);
      return added;
    },
    get: (id) => one('SELECT * FROM feeds WHERE id = $1', [id]),
    byUrl: (url) => one('SELECT * FROM feeds WHERE url = $1', [url.trim()]),
    list: async () => (await db.query<FeedRow>('SELECT * FROM feeds ORDER BY id')).rows.map(toFeed),
    async update(id, given) {
      const change = storable(given);
      const sets: string[] = [];
      const values: unknown[] = [];
      for (const [key, value] of Object.entries(change) as [keyof FeedUpdate, unknown][]) {
        if (value === undefined) continue;
        values.push(value);
        sets.push(`${COLUMNS[key]} = $${values.length}`);
      }
      values.push(id);
      const sql =
        sets.length > 0
          ? `UPDATE feeds SET ${sets.join(', ')} WHERE id = $${values.length} RETURNING *`
          : 'SELECT * FROM feeds WHERE id = $1';
      const feed = await one(sql, values);
      if (!feed) throw new StoreError('not-found', `no feed with id ${id}`);
      return feed;
    },
    remove: async (id) => ((await db.query('DELETE FROM feeds WHERE id = $1', [id])).rowCount ?? 0) > 0,
    due: async (now, limit) =>
      (
        await db.query<FeedRow>(
          'SELECT * FROM feeds WHERE enabled AND next_fetch_at <= $1 ORDER BY next_fetch_at, id LIMIT $2',
          [now, limit],
        )
      ).rows.map(toFeed),
    claimDue: async (now, leaseUntil, limit) =>
      (
        await db.query<FeedRow>(
          `UPDATE feeds SET next_fetch_at = $1 WHERE id IN (
             SELECT id FROM feeds WHERE enabled AND next_fetch_at <= $2 ORDER BY next_fetch_at, id LIMIT $3
             FOR UPDATE SKIP LOCKED)
           RETURNING *`,
          [leaseUntil, now, limit],
        )
      ).rows.map(toFeed),
    seed: (feeds, now) =>
      db.transaction(async (q) => {
        const first = await q.query(
          "INSERT INTO store_meta (key, value) VALUES ('default_feeds_seeded', $1) ON CONFLICT DO NOTHING",
          [now.toISOString()],
        );
        if (!first.rowCount) return 0;
        let added = 0;
        for (const feed of feeds) added += (await q.query(INSERT, insertParams(feed, now))).rowCount ?? 0;
        return added;
      }),
  };
}
