import pg from 'pg';
import type { Leadership, Store } from '../types.js';
import { FILING_LOCK, createPgArticleRepo } from './article-repo.js';
import { createPgChatRepo, createPgDeliveryRepo, createPgTopicRepo } from './chat-repos.js';
import { createGrowthWatch } from './analyze.js';
import { createDb } from './db.js';
import { createPgDigestRepo, createPgInstanceRepo, createPgLeadership } from './digest-repo.js';
import { createPgFeedRepo } from './feed-repo.js';
import { createPgPrune } from './prune.js';
import { MIGRATION_LOCK, migratePostgres } from './migrations.js';
import { createPgSubscriptionRepo } from './subscription-repo.js';

const DEFAULT_MAX_CONNECTIONS = 20;

/** Options of a PostgreSQL store. */
export interface PostgresStoreOptions {
  /** Keep the tables in this schema (created if missing) rather than `public`; tests use one per test. */
  readonly schema?: string;
  /**
   * Most connections the pool opens (default 20): each of the 16 feeds a poll runs at once may hold
   * one for its batch (waiting its turn to file), and commands and digests still find one free.
   */
  readonly maxConnections?: number;
}

/** Opens a PostgreSQL store at `url` and brings its schema up to date. */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  const { schema } = options;
  if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) {
    throw new Error(`invalid schema name "${schema}"`);
  }
  if (schema) {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      // IF NOT EXISTS alone races when two instances start at once; the lock serialises them.
      await setup.query('BEGIN');
      await setup.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      await setup.query('COMMIT');
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? DEFAULT_MAX_CONNECTIONS,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle connection dropped by the server must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const db = createDb(pool);
  // The digest ledger has connections of its own: marking a digest sent must never queue behind
  // the reads that compose other digests, since until it is marked, a crash would send it again.
  const ledgerPool = new pg.Pool({
    connectionString: url,
    max: 2,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  ledgerPool.on('error', () => undefined);
  try {
    await migratePostgres(db);
  } catch (err) {
    await pool.end();
    await ledgerPool.end();
    throw err;
  }
  const locks: Leadership[] = [];
  const growth = createGrowthWatch(db);
  return {
    feeds: createPgFeedRepo(db),
    articles: createPgArticleRepo(db, growth),
    subscriptions: createPgSubscriptionRepo(db),
    topics: createPgTopicRepo(db),
    chats: createPgChatRepo(db),
    deliveries: createPgDeliveryRepo(db),
    digests: createPgDigestRepo(createDb(ledgerPool)),
    instances: createPgInstanceRepo(db),
    leadership: (name) => {
      const lock = createPgLeadership(pool, name, schema);
      locks.push(lock);
      return lock;
    },
    // One transaction on one connection for the work's store calls (see `Db.batch`). It takes the
    // filing lock as it begins, outside any savepoint, so its filings need not each take it again.
    // Once committed, a look at whether the filing tables grew enough to be analysed again.
    batch: async (work) => {
      const done = await db.batch(work, FILING_LOCK);
      if (!db.inBatch()) await growth.settle();
      return done;
    },
    prune: createPgPrune(db),
    close: async () => {
      for (const lock of locks) await lock.release();
      if (!pool.ended) await pool.end();
      if (!ledgerPool.ended) await ledgerPool.end();
    },
  };
}
