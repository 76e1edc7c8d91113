import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { createPostgresStore } from './postgres/create-postgres-store.js';
import { createSqliteStore } from './sqlite/create-sqlite-store.js';
import { databaseReason, StoreOpenError } from './store-errors.js';
import type { Store } from './types.js';

/** The name of the SQLite file inside the data directory. */
export const SQLITE_FILE = 'newsdesk.sqlite';

/** Where a store lives, for a message: PostgreSQL's host, port and database, or the SQLite file. */
function describeDatabase(config: Pick<Config, 'NEWSDESK_DATA_DIR' | 'DATABASE_URL'>): string {
  if (!config.DATABASE_URL) return join(config.NEWSDESK_DATA_DIR, SQLITE_FILE);
  try {
    const u = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return 'PostgreSQL (DATABASE_URL is not a valid URL)';
  }
}

/**
 * Opens the store the configuration names: PostgreSQL when `DATABASE_URL` is set, otherwise SQLite
 * in `NEWSDESK_DATA_DIR` (created if missing). Throws `StoreOpenError` when it cannot.
 */
export async function openStore(config: Pick<Config, 'NEWSDESK_DATA_DIR' | 'DATABASE_URL'>): Promise<Store> {
  try {
    if (config.DATABASE_URL) return await createPostgresStore(config.DATABASE_URL);
    mkdirSync(config.NEWSDESK_DATA_DIR, { recursive: true });
    return await createSqliteStore(join(config.NEWSDESK_DATA_DIR, SQLITE_FILE));
  } catch (err) {
    throw new StoreOpenError(
      `cannot open the database (${describeDatabase(config)}): ${databaseReason(err)}`,
      {
        cause: err,
      },
    );
  }
}
