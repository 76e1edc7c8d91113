import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../../src/store/types.js';

/** The real SQLite store, in memory: command and adapter tests run against what production uses. */
export function createTestStore(): Promise<Store> {
  return createSqliteStore(':memory:');
}
