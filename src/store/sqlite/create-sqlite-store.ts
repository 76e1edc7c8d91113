import Database from 'better-sqlite3';
import type { Store } from '../types.js';
import { createSqliteBatch } from './batch.js';
import { createSqliteArticleRepo } from './article-repo.js';
import { createSqliteChatRepo, createSqliteDeliveryRepo, createSqliteTopicRepo } from './chat-repos.js';
import { createSqliteDigestRepo, createSqliteInstanceRepo } from './digest-repo.js';
import { createSqliteFeedRepo } from './feed-repo.js';
import { migrate } from './migrations.js';
import { createSqliteSubscriptionRepo } from './subscription-repo.js';

/**
 * Opens (creating if needed) a SQLite store at `path`, or an in-memory one for ':memory:', and brings
 * its schema up to date. The directory of `path` must exist.
 */
export function createSqliteStore(path: string): Promise<Store> {
  const db = new Database(path);
  try {
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    // WAL with NORMAL sync is durable across process crashes; only a power loss can drop the last commit.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
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
    close: () => {
      if (db.open) db.close();
      return Promise.resolve();
    },
  };
  return Promise.resolve(store);
}
