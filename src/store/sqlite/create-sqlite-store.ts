import Database from 'better-sqlite3';
import type { Store } from '../types.js';
import { createSqliteBatch } from './batch.js';
import { createSqliteArticleRepo } from './article-repo.js';
import { createSqliteChatRepo, createSqliteDeliveryRepo, createSqliteTopicRepo } from './chat-repos.js';
import { createSqliteDigestRepo, createSqliteInstanceRepo } from './digest-repo.js';
import { createSqliteFeedRepo } from './feed-repo.js';
import { migrate } from './migrations.js';
import { createSqlitePrune } from './prune.js';
import { createSqliteSubscriptionRepo } from './subscription-repo.js';

/** The page cache of the store's connection, in KiB. */
const CACHE_KIB = 64 * 1024;

/** How long a statement waits for a lock another connection holds before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens (creating if needed) a SQLite store at `path`, or an in-memory one for ':memory:', and brings
 * its schema up to date. The directory of `path` must exist.
 */
export function createSqliteStore(path: string): Promise<Store> {
  const db = new Database(path);
  try {
    // First, so that it covers what follows: switching a new file to WAL and migrating both take
    // locks another process opening the same file may hold for a moment. Writes outside a batch
    // are single short statements, so another process never keeps them waiting long.
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Only a file with no tables yet can take this: retention then gives deleted pages back.
    const empty = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table'").get() === undefined;
    if (empty) db.pragma('auto_vacuum = INCREMENTAL');
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // WAL with NORMAL sync is durable across process crashes; only a power loss can drop the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    // SQLite's default page cache is 2 MB: a store of some weeks keeps its indexes' hot pages in
    // 64 MB instead of reading them again from the file for every article filed.
    db.pragma(`cache_size = -${CACHE_KIB}`);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  const store: Store = {
    feeds: createSqliteFeedRepo(db),
    articles: createSqliteArticleRepo(db),
    subscriptions: createSqliteSubscriptionRepo(db),
    topics: createSqliteTopicRepo(db),
    chats: createSqliteChatRepo(db),
    deliveries: createSqliteDeliveryRepo(db),
    digests: createSqliteDigestRepo(db),
    instances: createSqliteInstanceRepo(db),
    batch: createSqliteBatch(db),
    prune: createSqlitePrune(db),
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
  return Promise.resolve(store);
}
