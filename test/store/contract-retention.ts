import { describe, expect, it } from 'vitest';
import { storyTerms } from '../../src/core/dedup/terms.js';
import { fileArticle } from '../../src/store/file-article.js';
import { pruneCutoffs } from '../../src/store/retention.js';
import type { ContractContext } from './contract.js';
import { T0, analysis, article } from './fixtures.js';

const DAY_MS = 86_400_000;
const day = (d: number, hours = 0): Date => new Date(T0.getTime() + d * DAY_MS + hours * 3_600_000);

/** A report of its own (no words shared with any other), in the Balkans. */
function report(d: number, i: number) {
  const w = (k: string) => `${k}${d}x${i}`;
  return analysis(
    `${w('harbour')} ${w('ferry')} ${w('mayor')}`,
    `${w('storm')} ${w('quay')} ${w('council')} ${w('repair')}`,
    ['RS'],
    ['balkans'],
  );
}

export function retentionContract(ctx: ContractContext): void {
  describe('retention', () => {
    it('GIVEN 60 days of news and digests pruned daily with a 30-day window THEN the store holds only the window', async () => {
      const store = ctx.store;
      const sub = await store.subscriptions.add({
        platform: 'telegram',
        chatId: '-100',
        threadId: null,
        target: { kind: 'region', slug: 'balkans' },
        schedule: '0 8 * * *',
        timezone: 'UTC',
      });
      const perDay = 4;
      let next: Date | null = null;
      for (let d = 0; d < 60; d++) {
        const stored = [];
        for (let i = 0; i < perDay; i++) {
          const a = report(d, i);
          const first = await fileArticle(
            store,
            article(`https://a.example/${d}/${i}`, a, { publishedAt: day(d, i) }),
          );
          // A second outlet tells the first story of each day too.
          if (i === 0)
            await fileArticle(
              store,
              article(`https://b.example/${d}/${i}`, a, { publishedAt: day(d, i + 1) }),
            );
          stored.push(first);
        }
        const storyIds = stored.map((r) => (r.kind === 'stored' ? r.article.storyId : -1));
        // A daily digest queues the day's stories and carries two of them.
        const dueAt = day(d, 8);
        await store.digests.schedule(sub.id, next, { dueAt, state: 'due' }, day(d + 1, 8), dueAt);
        next = day(d + 1, 8);
        await store.deliveries.enqueue(sub.id, storyIds, dueAt);
        const [slot] = await store.digests.claim('me', dueAt, day(d, 9), 1, ['telegram']);
        expect(await store.digests.begin(slot!.id, 'me', storyIds.slice(0, 2))).toBe(true);
        expect(await store.digests.complete(slot!.id, 'me', ['m'], dueAt)).toBe(true);
        await store.prune(pruneCutoffs(day(d, 23), 30));
      }
      const now = day(59, 23);
      const window = pruneCutoffs(now, 30).stories;

      // Every story of the window is kept, with both its outlets; none from before it.
      const stories = await store.articles.stories({ limit: 1000 });
      expect(stories.length).toBe(30 * perDay);
      expect(stories.every((s) => s.publishedAt >= window)).toBe(true);
      expect(await store.articles.count()).toBe(30 * (perDay + 1));
      expect(stories.filter((s) => s.sources === 2)).toHaveLength(30);
      expect(await store.articles.stories({ regions: ['balkans'], limit: 1000 })).toHaveLength(30 * perDay);

      // A report from 40 days ago is gone: seen again, it is new.
      expect(await store.articles.find('https://a.example/19/1', null)).toBeUndefined();
      expect(await store.articles.find('https://a.example/31/1', null)).toBeDefined();

      // Similar-story look-ups only find what is in the band window (the last four days).
      const lookUp = async (d: number) => {
        const terms = storyTerms(report(d, 1).title, report(d, 1).lede);
        return store.articles.similar({ terms, minShared: 3, from: day(d - 1), to: day(d + 1), limit: 5 });
      };
      expect(await lookUp(58)).toHaveLength(1);
      expect(await lookUp(40)).toHaveLength(0);

      // Queued stories the digests did not carry expire after two days; those sent stay recorded.
      const pending = await store.deliveries.pending(sub.id);
      expect(pending.length).toBe(2 * (perDay - 2));
      // Only the window's digests are kept in the ledger.
      const slots = await store.digests.forSubscription(sub.id);
      expect(slots.length).toBeGreaterThanOrEqual(29);
      expect(slots.length).toBeLessThanOrEqual(31);
    }, 120_000);
  });
}
