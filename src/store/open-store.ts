import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.js';
import { createPostgresStore } from './postgres/create-postgres-store.js';
import { createSqliteStore } from './sqlite/create-sqlite-store.js';
import type { Store } from './types.js';

/** The name of the SQLite file inside the data directory. */
export const SQLITE_FILE = 'newsdesk.sqlite';

/**
 * Opens the store the configuration names: PostgreSQL when `DATABASE_URL` is set, otherwise SQLite
 * in `NEWSDESK_DATA_DIR` (created if missing).
 */
export async function openStore(config: Pick<Config, 'NEWSDESK_DATA_DIR' | 'DATABASE_URL'>): Promise<Store> {
  if (config.DATABASE_URL) return createPostgresStore(config.DATABASE_URL);
  mkdirSync(config.NEWSDESK_DATA_DIR, { recursive: true });
  return createSqliteStore(join(config.NEWSDESK_DATA_DIR, SQLITE_FILE));
}
