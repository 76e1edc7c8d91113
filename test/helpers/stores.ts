import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../src/store/types.js';

/** PostgreSQL for tests (CI exports it); the PostgreSQL cases are skipped without it. */
export const TEST_DATABASE_URL = process.env.NEWSDESK_TEST_DATABASE_URL;

/** A fresh, empty database of one kind, and what a process needs to reach it. */
export interface TestDatabase {
  readonly kind: 'sqlite' | 'postgres';
  /** Opens a store on it (again and again: the same data). */
  open(): Promise<Store>;
  /** The environment a `newsdesk` process needs to use it. */
  readonly env: Record<string, string>;
  /** For PostgreSQL, the schema; tests that look inside use it. */
  readonly schema?: string;
  destroy(): Promise<void>;
}

export function sqliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-db-'));
  return {
    kind: 'sqlite',
    open: () => createSqliteStore(join(dir, 'newsdesk.sqlite')),
    env: { NEWSDESK_DATA_DIR: dir },
    destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** A database of its own in a fresh schema of the test database (DATABASE_URL with search_path set). */
export function postgresDatabase(): TestDatabase {
  const url = TEST_DATABASE_URL!;
  const schema = `newsdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
  const withSchema = new URL(url);
  withSchema.searchParams.set('options', `-c search_path=${schema}`);
  return {
    kind: 'postgres',
    schema,
    open: () => createPostgresStore(url, { schema, maxConnections: 4 }),
    env: { DATABASE_URL: withSchema.toString() },
    async destroy() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/** The databases a test runs against: SQLite always, PostgreSQL when the test database is set. */
export function testDatabases(): { kind: string; make: () => TestDatabase }[] {
  return [
    { kind: 'sqlite', make: sqliteDatabase },
    ...(TEST_DATABASE_URL ? [{ kind: 'postgres', make: postgresDatabase }] : []),
  ];
}
