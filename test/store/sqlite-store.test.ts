import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { storeContract } from './contract.js';

storeContract('sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-store-'));
  return Promise.resolve({
    open: () => createSqliteStore(join(dir, 'newsdesk.sqlite')),
    destroy: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  });
});
