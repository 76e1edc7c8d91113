import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Writable } from 'node:stream';
import { loadConfig } from '../config.js';
import { MigrateStoreError, migrateStore } from '../store/migrate-store.js';
import { SQLITE_FILE } from '../store/open-store.js';

/**
 * `newsdesk migrate-store [--from FILE]`: copies the SQLite store (default: the one in
 * NEWSDESK_DATA_DIR) into the PostgreSQL database of DATABASE_URL, which must be empty. The SQLite
 * file is only read. Returns the exit status.
 */
export async function migrateStoreCommand(args: string[], out: Writable, err: Writable): Promise<number> {
  const { values } = parseArgs({ args, options: { from: { type: 'string' } } });
  const config = loadConfig();
  const from = values.from ?? join(config.NEWSDESK_DATA_DIR, SQLITE_FILE);
  if (!config.DATABASE_URL) {
    err.write('newsdesk: migrate-store copies into PostgreSQL: set DATABASE_URL to the (empty) database\n');
    return 2;
  }
  if (!existsSync(from)) {
    err.write(`newsdesk: no SQLite store at ${from} (set NEWSDESK_DATA_DIR, or give --from FILE)\n`);
    return 2;
  }
  try {
    const copied = await migrateStore(from, config.DATABASE_URL);
    for (const [table, n] of Object.entries(copied)) out.write(`${table.padEnd(14)} ${n}\n`);
    out.write(`Copied ${from} into PostgreSQL. Start newsdesk with DATABASE_URL set to use it.\n`);
    return 0;
  } catch (error) {
    if (error instanceof MigrateStoreError) {
      err.write(`newsdesk: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
