import { describe, expect, it } from 'vitest';
import { fileArticle } from '../../src/store/file-article.js';
import type { Store } from '../../src/store/types.js';
import type { ContractContext } from './contract.js';
import { BORDER_A, BORDER_B, HARVEST, T0, article, hoursAfter } from './fixtures.js';

const inBatch = <T>(store: Store, work: () => Promise<T>) =>
  store.batch ? store.batch(work) : Promise.reject(new Error('this store has no batch()'));

export function batchContract(ctx: ContractContext): void {
  describe('batch (a feed filed in one go)', () => {
    it('GIVEN a near-duplicate and a repeat filed in one batch THEN the story joins up, the repeat is refused, and all survive a reopen', async () => {
      const results = await inBatch(ctx.store, async () => [
        await fileArticle(ctx.store, article('https://rferl.example/jarinje', BORDER_A)),
        await fileArticle(
          ctx.store,
          article('https://balkaninsight.example/jarinje-reopens', BORDER_B, {
            publishedAt: hoursAfter(T0, 3),
          }),
        ),
        await fileArticle(ctx.store, article('https://rferl.example/jarinje?utm_source=x', BORDER_A)),
      ]);
      expect(results.map((r) => r.kind)).toEqual(['stored', 'stored', 'duplicate']);
      expect(results[1]).toMatchObject({ joined: true });
      const store = await ctx.reopen();
      expect(await store.articles.count()).toBe(2);
      const stories = await store.articles.stories({ limit: 10 });
      expect(stories).toHaveLength(1);
      expect(stories[0]?.sources).toBe(2);
    });

    it('GIVEN a save refused in the middle of a batch THEN the articles before and after it are kept', async () => {
      const refused = await inBatch(ctx.store, async () => {
        await ctx.store.articles.save(article('https://a.example/border', BORDER_A), null);
        const again = await ctx.store.articles
          .save(article('https://a.example/border?utm_source=x', BORDER_A), null)
          .then(
            () => null,
            (err: unknown) => err,
          );
        await ctx.store.articles.save(article('https://b.example/harvest', HARVEST), null);
        return again;
      });
      expect(refused).toMatchObject({ code: 'conflict' });
      const store = await ctx.reopen();
      expect(await store.articles.count()).toBe(2);
      expect(await store.articles.stories({ limit: 10 })).toHaveLength(2);
    });

    it('GIVEN two batches started at once THEN both finish and every article is stored', async () => {
      const [a, b] = await Promise.all([
        inBatch(ctx.store, () => fileArticle(ctx.store, article('https://a.example/border', BORDER_A))),
        inBatch(ctx.store, () => fileArticle(ctx.store, article('https://b.example/harvest', HARVEST))),
      ]);
      expect([a.kind, b.kind]).toEqual(['stored', 'stored']);
      expect(await ctx.store.articles.count()).toBe(2);
    });

    it('GIVEN batches queued back to back THEN the event loop turns between them, so a command waits for one batch at most', async () => {
      const events: string[] = [];
      const first = inBatch(ctx.store, async () => {
        // A chat command arriving while the first batch runs.
        setImmediate(() => events.push('command'));
        events.push('first');
        return fileArticle(ctx.store, article('https://a.example/border', BORDER_A));
      });
      const second = inBatch(ctx.store, async () => {
        events.push('second');
        return fileArticle(ctx.store, article('https://b.example/harvest', HARVEST));
      });
      await Promise.all([first, second]);
      expect(events).toEqual(['first', 'command', 'second']);
    });

    it('GIVEN a batch whose work fails THEN the failure reaches the caller and the store still works', async () => {
      await expect(inBatch(ctx.store, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
      const after = await inBatch(ctx.store, () =>
        fileArticle(ctx.store, article('https://a.example/after', BORDER_A)),
      );
      expect(after.kind).toBe('stored');
    });
  });
}
