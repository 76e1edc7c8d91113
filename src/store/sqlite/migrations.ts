import type Database from 'better-sqlite3';

/** One schema change; `version` orders them and is recorded in `schema_migrations` once applied. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

// Times are milliseconds since the epoch (INTEGER). Append new migrations; never edit an applied one.
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

      CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        region TEXT,
        enabled INTEGER NOT NULL DEFAULT 1,
        disabled_reason TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        etag TEXT,
        last_modified TEXT,
        interval_seconds INTEGER NOT NULL,
        last_fetched_at INTEGER,
        next_fetch_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE INDEX feeds_due ON feeds (enabled, next_fetch_at);

      CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        lead_article_id INTEGER REFERENCES articles (id) ON DELETE SET NULL,
        published_at INTEGER NOT NULL,
        first_seen_at INTEGER NOT NULL
      );
      CREATE INDEX stories_published ON stories (published_at);

      CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        feed_id INTEGER REFERENCES feeds (id) ON DELETE SET NULL,
        url TEXT NOT NULL,
        canonical_url TEXT NOT NULL UNIQUE,
        outlet TEXT NOT NULL,
        guid TEXT,
        source TEXT,
        published_at INTEGER,
        fetched_at INTEGER NOT NULL,
        -- publication time, or the fetch time when the feed gave none or one in the future
        seen_at INTEGER NOT NULL,
        -- the clustering terms of headline and lede (JSON array), to check candidates exactly
        terms TEXT NOT NULL,
        countries TEXT NOT NULL,
        analysis TEXT NOT NULL
      );
      CREATE INDEX articles_guid ON articles (guid);
      CREATE INDEX articles_story ON articles (story_id);
      CREATE INDEX articles_seen ON articles (seen_at);

      -- MinHash band keys (src/core/dedup/minhash.ts): near-duplicate candidates by index look-up
      CREATE TABLE article_bands (
        band_key INTEGER NOT NULL,
        seen_at INTEGER NOT NULL,
        article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
        PRIMARY KEY (band_key, seen_at, article_id)
      ) WITHOUT ROWID;
      CREATE INDEX article_bands_article ON article_bands (article_id);

      CREATE TABLE story_places (
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        kind TEXT NOT NULL CHECK (kind IN ('country', 'region')),
        code TEXT NOT NULL,
        PRIMARY KEY (story_id, kind, code)
      ) WITHOUT ROWID;
      CREATE INDEX story_places_code ON story_places (kind, code, story_id);

      CREATE TABLE subscriptions (
        id INTEGER PRIMARY KEY,
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        -- '' for none, so that the unique index below also holds for chats without threads
        thread_id TEXT NOT NULL DEFAULT '',
        target_kind TEXT NOT NULL CHECK (target_kind IN ('region', 'topic')),
        target TEXT NOT NULL,
        schedule TEXT NOT NULL,
        timezone TEXT NOT NULL,
        paused INTEGER NOT NULL DEFAULT 0,
        last_digest_at INTEGER,
        UNIQUE (platform, chat_id, thread_id, target_kind, target)
      );

      CREATE TABLE topics (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        name_key TEXT NOT NULL,
        name TEXT NOT NULL,
        include_terms TEXT NOT NULL,
        exclude_terms TEXT NOT NULL,
        regions TEXT NOT NULL,
        PRIMARY KEY (platform, chat_id, name_key)
      );

      CREATE TABLE chats (
        platform TEXT NOT NULL,
        chat_id TEXT NOT NULL,
        timezone TEXT NOT NULL,
        digest_size INTEGER NOT NULL,
        PRIMARY KEY (platform, chat_id)
      );

      CREATE TABLE deliveries (
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        story_id INTEGER NOT NULL REFERENCES stories (id) ON DELETE CASCADE,
        queued_at INTEGER NOT NULL,
        sent_at INTEGER,
        PRIMARY KEY (subscription_id, story_id)
      );
      CREATE INDEX deliveries_pending ON deliveries (subscription_id, sent_at, queued_at);
    `,
  },
  {
    version: 2,
    name: 'subscription delivery options and pause reasons',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN paused_reason TEXT;
      ALTER TABLE subscriptions ADD COLUMN mention_role_id TEXT;
      ALTER TABLE subscriptions ADD COLUMN publish INTEGER NOT NULL DEFAULT 0;
    `,
  },
  {
    version: 3,
    name: 'digest ledger and instances',
    sql: `
      ALTER TABLE subscriptions ADD COLUMN next_due_at INTEGER;
      CREATE INDEX subscriptions_next_due ON subscriptions (next_due_at) WHERE paused = 0;

      CREATE TABLE digest_slots (
        id INTEGER PRIMARY KEY,
        subscription_id INTEGER NOT NULL REFERENCES subscriptions (id) ON DELETE CASCADE,
        due_at INTEGER NOT NULL,
        manual INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL CHECK (state IN ('due', 'sending', 'sent', 'skipped', 'failed')),
        holder TEXT,
        -- sending: the holder's lease; due: not before (a retry waits)
        lease_until INTEGER,
        attempts INTEGER NOT NULL DEFAULT 0,
        story_ids TEXT,
        message_ids TEXT,
        error TEXT,
        created_at INTEGER NOT NULL,
        finished_at INTEGER,
        UNIQUE (subscription_id, due_at, manual)
      );
      -- what a claim reads: due slots by time, and held ones by when their lease runs out
      CREATE INDEX digest_slots_due ON digest_slots (due_at) WHERE state = 'due';
      CREATE INDEX digest_slots_leased ON digest_slots (lease_until) WHERE state = 'sending';
      CREATE INDEX digest_slots_holder ON digest_slots (holder) WHERE state = 'sending';

      CREATE TABLE instances (id TEXT PRIMARY KEY, started_at INTEGER NOT NULL, heartbeat_at INTEGER NOT NULL);
    `,
  },
  {
    version: 4,
    name: 'latest stories by place, retention indexes',
    sql: `
      -- A region's latest stories come from one index range (kind, code, published_at) rather than
      -- a filter over every story; the story's publication time is kept here, widened with it.
      ALTER TABLE story_places ADD COLUMN published_at INTEGER NOT NULL DEFAULT 0;
      UPDATE story_places SET published_at = (SELECT s.published_at FROM stories s WHERE s.id = story_places.story_id);
      DROP INDEX story_places_code;
      CREATE INDEX story_places_latest ON story_places (kind, code, published_at, story_id);

      -- what retention reads: queued stories a digest did not carry, and finished digest slots;
      -- and what deleting a story or an article looks up through its foreign keys
      CREATE INDEX deliveries_story ON deliveries (story_id);
      CREATE INDEX stories_lead ON stories (lead_article_id);
      CREATE INDEX deliveries_queued ON deliveries (queued_at) WHERE sent_at IS NULL;
      CREATE INDEX digest_slots_finished ON digest_slots (due_at) WHERE state IN ('sent', 'skipped', 'failed');
    `,
  },
];

/**
 * Applies the migrations not yet recorded, each in its own transaction, and returns the versions it
 * applied. BEGIN IMMEDIATE takes the write lock before reading the recorded versions, so two
 * processes opening one file at once cannot both apply a migration.
 */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)`);
  const isApplied = db.prepare<[number], { version: number }>(
    'SELECT version FROM schema_migrations WHERE version = ?',
  );
  const record = db.prepare<[number, string, number]>(
    'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
  );
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    const apply = db.transaction(() => {
      if (isApplied.get(m.version)) return;
      db.exec(m.sql);
      record.run(m.version, m.name, Date.now());
      applied.push(m.version);
    });
    apply.immediate();
  }
  return applied;
}
