import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { loadConfig } from '../config.js';
import { SQLITE_FILE } from '../store/open-store.js';

/**
 * `newsdesk backup FILE`: a consistent copy of the SQLite store through SQLite's online backup API,
 * safe while the bot runs and writes (a file copy of a database in WAL mode may be torn). Returns
 * the exit status.
 */
export async function backupCommand(args: string[], out: Writable, err: Writable): Promise<number> {
  const target = args[0];
  const config = loadConfig();
  if (config.DATABASE_URL) {
    err.write('newsdesk: DATABASE_URL is set: back up PostgreSQL with pg_dump\n');
    return 2;
  }
  if (target === undefined || args.length > 1) {
    err.write('newsdesk: usage: newsdesk backup FILE\n');
    return 2;
  }
  const source = join(config.NEWSDESK_DATA_DIR, SQLITE_FILE);
  if (!existsSync(source)) {
    err.write(`newsdesk: no SQLite store at ${source} (set NEWSDESK_DATA_DIR)\n`);
    return 2;
  }
  if (existsSync(target)) {
    err.write(`newsdesk: ${target} exists already; give a new file\n`);
    return 2;
  }
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    const { totalPages } = await db.backup(target);
    out.write(`Backed up ${source} to ${target} (${totalPages} pages).\n`);
    return 0;
  } finally {
    db.close();
  }
}
