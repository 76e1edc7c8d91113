import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { MIGRATIONS, migrate } from '../../src/store/sqlite/migrations.js';
import { BORDER_A, T0 } from './fixtures.js';

describe('SQLite schema migrations', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-migrate-'));
    file = join(dir, 'newsdesk.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function recorded(): number[] {
    const db = new Database(file, { readonly: true });
    try {
      return db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations ORDER BY version')
        .all()
        .map((r) => r.version);
    } finally {
      db.close();
    }
  }

  it('GIVEN a store opened three times THEN each migration is recorded once and the data is kept', async () => {
    const first = await createSqliteStore(file);
    await first.feeds.add({ url: 'https://a.example/rss' }, T0);
    await first.close();
    for (let i = 0; i < 2; i++) {
      const again = await createSqliteStore(file);
      expect(await again.feeds.list()).toHaveLength(1);
      await again.close();
    }
    expect(recorded()).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('GIVEN a file store THEN it runs in WAL mode with foreign keys enforced', async () => {
    const store = await createSqliteStore(file);
    await store.close();
    const db = new Database(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
    const mem = await createSqliteStore(':memory:');
    // A story id that does not exist would break the foreign key.
    await expect(mem.deliveries.enqueue(1, [999], T0)).rejects.toThrow(/FOREIGN KEY/);
    await mem.close();
  });

  it('GIVEN a new migration appended later THEN only it is applied on the next open', () => {
    const db = new Database(file);
    try {
      expect(migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
      const next = { version: 1000, name: 'add a column', sql: 'ALTER TABLE feeds ADD COLUMN language TEXT' };
      expect(migrate(db, [...MIGRATIONS, next])).toEqual([1000]);
      expect(migrate(db, [...MIGRATIONS, next])).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('GIVEN a version 3 store with stories THEN after migrating a region still lists them, newest first', async () => {
    const db = new Database(file);
    try {
      db.pragma('foreign_keys = ON');
      migrate(
        db,
        MIGRATIONS.filter((m) => m.version <= 3),
      );
      const story = db.prepare('INSERT INTO stories (published_at, first_seen_at) VALUES (?, ?)');
      const lead = db.prepare(
        `INSERT INTO articles (story_id, url, canonical_url, outlet, fetched_at, seen_at, terms, countries, analysis)
         VALUES (@id, @url, @url, 'a.example', @at, @at, '[]', '[]', @analysis)`,
      );
      const place = db.prepare(
        "INSERT INTO story_places (story_id, kind, code) VALUES (?, 'region', 'balkans')",
      );
      for (const [id, hours] of [
        [1, 1],
        [2, 3],
        [3, 2],
      ] as const) {
        const at = T0.getTime() + hours * 3_600_000;
        story.run(at, at);
        const url = `https://a.example/${id}`;
        const articleId = lead.run({ id, url, at, analysis: JSON.stringify(BORDER_A) }).lastInsertRowid;
        db.prepare('UPDATE stories SET lead_article_id = ? WHERE id = ?').run(articleId, id);
        place.run(id);
      }
    } finally {
      db.close();
    }
    const store = await createSqliteStore(file);
    try {
      const stories = await store.articles.stories({ regions: ['balkans'], limit: 2 });
      expect(stories.map((s) => s.id)).toEqual([2, 3]);
    } finally {
      await store.close();
    }
  });

  it('GIVEN a migration that fails halfway THEN none of it is applied or recorded', () => {
    const db = new Database(file);
    try {
      migrate(db);
      const broken = {
        version: 1001,
        name: 'broken',
        sql: 'CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);',
      };
      expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/no_such_table/);
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE name = 'half_done'").all();
      expect(tables).toEqual([]);
      expect(db.prepare('SELECT 1 FROM schema_migrations WHERE version = 1001').get()).toBeUndefined();
    } finally {
      db.close();
    }
  });
});
