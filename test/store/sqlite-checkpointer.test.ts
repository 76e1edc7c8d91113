// The write-ahead log is copied into the database file by a thread of its own, not inside the
// commits of the thread that answers chat commands.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileArticle } from '../../src/store/file-article.js';
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
});
