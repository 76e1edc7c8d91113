import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { articleContract } from './contract-articles.js';
import { batchContract } from './contract-batch.js';
import { chatContract } from './contract-chats.js';
import { digestContract } from './contract-digests.js';
import { concurrencyContract } from './contract-concurrency.js';
import { feedContract } from './contract-feeds.js';
import { poisonContract } from './contract-poison.js';
import { retentionContract } from './contract-retention.js';

/** One database for one test: opened as often as the test likes (a reopen), then destroyed. */
export interface StoreHarness {
  /** Opens a store on this harness's database (a file, a schema); the same data every time. */
  open(): Promise<Store>;
  /** Removes the database; stores opened from it are closed by then. */
  destroy(): Promise<void>;
}

/** The context each contract test gets: a fresh store, and a way to close and reopen it. */
export interface ContractContext {
  store: Store;
  reopen(): Promise<Store>;
}

/**
 * The behaviour every `Store` implementation must show. Call it from a test file with a factory of
 * fresh harnesses, e.g. `storeContract('sqlite', async () => sqliteHarness())`.
 */
export function storeContract(name: string, makeHarness: () => Promise<StoreHarness>): void {
  describe(`Store contract: ${name}`, () => {
    let harness: StoreHarness;
    const opened: Store[] = [];
    const ctx = {} as ContractContext;

    beforeEach(async () => {
      harness = await makeHarness();
      ctx.store = await harness.open();
      opened.push(ctx.store);
      ctx.reopen = async () => {
        await ctx.store.close();
        ctx.store = await harness.open();
        opened.push(ctx.store);
        return ctx.store;
      };
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close();
      await harness.destroy();
    });

    feedContract(ctx);
    articleContract(ctx);
    batchContract(ctx);
    chatContract(ctx);
    digestContract(ctx);
    poisonContract(ctx);
    concurrencyContract(ctx);
    retentionContract(ctx);
  });
}
