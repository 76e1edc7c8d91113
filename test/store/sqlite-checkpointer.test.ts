// The write-ahead log is copied into the database file by a thread of its own, not inside the
// commits of the thread that answers chat commands.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileArticle } from '../../src/store/file-article.js';
import { startCheckpointer } from '../../src/store/sqlite/checkpointer.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { BORDER_A, article } from './fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SQLite checkpoints', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-checkpoint-'));
    file = join(dir, 'newsdesk.sqlite');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('GIVEN articles written to a file store THEN the database file takes them within seconds, while the bot’s own connection leaves checkpoints to the checkpointer', async () => {
    const store = await createSqliteStore(file);
    try {
      const before = statSync(file).size;
      for (let n = 0; n < 200; n++)
        await fileArticle(store, article(`https://outlet${n}.example/border/${n}`, BORDER_A));
      // A few hundred pages of log: under SQLite's default of 1,000, so no commit checkpointed.
      let size = statSync(file).size;
      for (let waited = 0; size <= before && waited < 5000; waited += 100) {
        await sleep(100);
        size = statSync(file).size;
      }
      expect(size).toBeGreaterThan(before);
      const db = new Database(file, { readonly: true });
      try {
        expect(db.prepare('SELECT COUNT(*) AS n FROM articles').get()).toEqual({ n: 200 });
      } finally {
        db.close();
      }
    } finally {
      await store.close();
    }
  });

  it('GIVEN a file store closed THEN its checkpointer is gone and nothing keeps the process waiting', async () => {
    const store = await createSqliteStore(file);
    await fileArticle(store, article('https://a.example/border', BORDER_A));
    await store.close();
    // Everything reached the database file: the log was checkpointed and removed on close.
    expect(() => statSync(`${file}-wal`)).toThrow();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT COUNT(*) AS n FROM articles').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

  it('GIVEN commits that never stop THEN the log is restarted once long, so it stays short instead of growing to the backstop', async () => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // No checkpoint on this connection at all: only the checkpointer keeps the log in bounds.
    db.pragma('wal_autocheckpoint = 0');
    // A restarted log is cut back to 1 MB.
    db.pragma('journal_size_limit = 1000000');
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, body TEXT)');
    // The same hundred rows rewritten: the log fills while the database stays small.
    const write = db.prepare('INSERT OR REPLACE INTO t (id, body) VALUES (?, ?)');
    const checkpointer = startCheckpointer(file, { everyMs: 20, restartPages: 50 });
    let written = 0;
    try {
      // About 40 kB a commit, one every turn of the event loop, for a second.
      const until = Date.now() + 1000;
      for (let n = 0; Date.now() < until; n++) {
        db.transaction(() => {
          for (let i = 0; i < 10; i++) write.run((n * 10 + i) % 100, 'x'.repeat(4000));
        })();
        written += 40_000;
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await checkpointer.close();
    }
    const log = statSync(`${file}-wal`).size;
    db.close();
    expect(written).toBeGreaterThan(4_000_000);
    expect(log).toBeLessThan(written / 4);
  });
});
