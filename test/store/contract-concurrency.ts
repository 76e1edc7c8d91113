import { describe, expect, it } from 'vitest';
import { fileArticle } from '../../src/store/file-article.js';
import type { ContractContext } from './contract.js';
import { BORDER_A, BORDER_B, HARVEST, article } from './fixtures.js';

export function concurrencyContract(ctx: ContractContext): void {
  describe('filing at once', () => {
    it('GIVEN eight outlets reporting one event, filed all at once THEN they make one story, and another event its own', async () => {
      const filings = Array.from({ length: 8 }, (_, i) =>
        fileArticle(ctx.store, article(`https://outlet${i}.example/jarinje`, i % 2 ? BORDER_B : BORDER_A)),
      );
      filings.push(fileArticle(ctx.store, article('https://farm.example/harvest', HARVEST)));
      const results = await Promise.all(filings);
      expect(results.every((r) => r.kind === 'stored')).toBe(true);
      const stories = await ctx.store.articles.stories({ limit: 10 });
      expect(stories.map((s) => s.sources).sort()).toEqual([1, 8]);
    });

    it('GIVEN one article filed twice at once THEN it is stored once and the other filing says duplicate', async () => {
      const results = await Promise.all([
        fileArticle(ctx.store, article('https://outlet.example/jarinje', BORDER_A)),
        fileArticle(ctx.store, article('https://outlet.example/jarinje?utm_source=x', BORDER_A)),
      ]);
      expect(results.map((r) => r.kind).sort()).toEqual(['duplicate', 'stored']);
      expect(await ctx.store.articles.count()).toBe(1);
    });
  });
}
