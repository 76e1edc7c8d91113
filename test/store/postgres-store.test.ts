import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { PG_MIGRATIONS, migratePostgres } from '../../src/store/postgres/migrations.js';
import { createDb } from '../../src/store/postgres/db.js';
import { storeContract } from './contract.js';

// CI exports this (PostgreSQL at 127.0.0.1:5432, database `test`); without it the suite is skipped.
const url = process.env.NEWSDESK_TEST_DATABASE_URL;

function freshSchema(): string {
  return `newsdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
}

async function dropSchema(schema: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await client.end();
  }
}

describe.skipIf(!url)('PostgreSQL store', () => {
  storeContract('postgres', () => {
    const schema = freshSchema();
    return Promise.resolve({
      open: () => createPostgresStore(url!, { schema, maxConnections: 3 }),
      destroy: () => dropSchema(schema),
    });
  });

  it('GIVEN two stores opening one new schema at once THEN each migration is applied once', async () => {
    const schema = freshSchema();
    try {
      const [a, b] = await Promise.all([
        createPostgresStore(url!, { schema, maxConnections: 2 }),
        createPostgresStore(url!, { schema, maxConnections: 2 }),
      ]);
      await Promise.all([a.close(), b.close()]);
      const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
      const db = createDb(pool);
      const versions = await db.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(versions.rows.map((r) => r.version)).toEqual(PG_MIGRATIONS.map((m) => m.version));
      expect(await migratePostgres(db)).toEqual([]);
      await pool.end();
    } finally {
      await dropSchema(schema);
    }
  });

  it('GIVEN two instances asking to lead THEN one holds the lock; when it lets go or its connection dies, the other takes it', async () => {
    const schema = freshSchema();
    try {
      const a = await createPostgresStore(url!, { schema, maxConnections: 2 });
      const b = await createPostgresStore(url!, { schema, maxConnections: 2 });
      const la = a.leadership!('telegram-updates');
      const lb = b.leadership!('telegram-updates');
      expect(await la.acquire()).toBe(true);
      expect(await la.acquire()).toBe(true);
      expect(await lb.acquire()).toBe(false);
      // Another name is another lock.
      expect(await b.leadership!('other').acquire()).toBe(true);
      await la.release();
      expect(await lb.acquire()).toBe(true);
      // Closing a store (a process that ends) lets its locks go.
      await b.close();
      expect(await la.acquire()).toBe(true);
      await a.close();
    } finally {
      await dropSchema(schema);
    }
  });
  it('GIVEN a batch in which a statement failed outside any filing THEN it is reported as failed, not as committed', async () => {
    const schema = freshSchema();
    const pool = new pg.Pool({ connectionString: url, options: `-c search_path=${schema}` });
    try {
      await (await createPostgresStore(url!, { schema, maxConnections: 1 })).close();
      const db = createDb(pool);
      // PostgreSQL answers COMMIT of a failed transaction with ROLLBACK, not an error.
      await expect(
        db.batch(async () => {
          await db.query("INSERT INTO store_meta (key, value) VALUES ('a', '1')");
          await db.query('SELECT 1 / 0').catch(() => undefined);
        }),
      ).rejects.toThrow('rolled back');
      expect((await db.query('SELECT * FROM store_meta WHERE key = $1', ['a'])).rowCount).toBe(0);
      // A filing's failure inside a batch rolls back to its savepoint only.
      await db.batch(async () => {
        await db.query("INSERT INTO store_meta (key, value) VALUES ('b', '1')");
        await db
          .transaction(() => Promise.reject(new Error('refused')), ['SELECT 1 / 0'])
          .catch(() => undefined);
        await db.transaction((q) => q.query("INSERT INTO store_meta (key, value) VALUES ('c', '1')"));
      });
      const kept = await db.query<{ key: string }>(
        "SELECT key FROM store_meta WHERE key IN ('a', 'b', 'c') ORDER BY key",
      );
      expect(kept.rows.map((r) => r.key)).toEqual(['b', 'c']);
    } finally {
      await pool.end();
      await dropSchema(schema);
    }
  });
});
