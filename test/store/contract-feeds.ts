import { describe, expect, it } from 'vitest';
import { StoreError } from '../../src/store/types.js';
import type { ContractContext } from './contract.js';
import { T0, hoursAfter } from './fixtures.js';

const BALKAN = 'https://www.rferl.example/balkans.xml';
const AFRICA = 'https://africa.example/rss';

export function feedContract(ctx: ContractContext): void {
  describe('feeds', () => {
    it('GIVEN a new feed THEN it can be read back by id and URL, is enabled and due at once', async () => {
      const feed = await ctx.store.feeds.add({ url: BALKAN, title: 'Balkan Service', region: 'balkans' }, T0);
      expect(feed).toMatchObject({ url: BALKAN, title: 'Balkan Service', region: 'balkans', enabled: true });
      expect(feed).toMatchObject({ failures: 0, lastError: null, etag: null, intervalSeconds: 600 });
      expect(feed.nextFetchAt).toEqual(T0);
      expect(await ctx.store.feeds.get(feed.id)).toEqual(feed);
      expect(await ctx.store.feeds.byUrl(BALKAN)).toEqual(feed);
      expect(await ctx.store.feeds.get(feed.id + 100)).toBeUndefined();
    });

    it('GIVEN a feed URL added twice THEN the second add is a conflict and one feed remains', async () => {
      await ctx.store.feeds.add({ url: BALKAN }, T0);
      const second = ctx.store.feeds.add({ url: BALKAN, region: 'europe' }, T0);
      await expect(second).rejects.toBeInstanceOf(StoreError);
      await expect(second).rejects.toMatchObject({ code: 'conflict' });
      expect(await ctx.store.feeds.list()).toHaveLength(1);
    });

    it('GIVEN polling bookkeeping written to a feed THEN it is kept, across a reopen too', async () => {
      const feed = await ctx.store.feeds.add({ url: BALKAN, intervalSeconds: 900 }, T0);
      await ctx.store.feeds.update(feed.id, {
        failures: 3,
        lastError: 'HTTP 503',
        etag: '"abc"',
        lastModified: 'Mon, 02 Mar 2026 07:00:00 GMT',
        lastFetchedAt: T0,
        nextFetchAt: hoursAfter(T0, 2),
      });
      const disabled = await ctx.store.feeds.update(feed.id, {
        enabled: false,
        disabledReason: '5 failures: HTTP 503',
      });
      expect(disabled).toMatchObject({ enabled: false, disabledReason: '5 failures: HTTP 503', failures: 3 });
      const store = await ctx.reopen();
      expect(await store.feeds.get(feed.id)).toEqual({
        ...feed,
        intervalSeconds: 900,
        failures: 3,
        lastError: 'HTTP 503',
        etag: '"abc"',
        lastModified: 'Mon, 02 Mar 2026 07:00:00 GMT',
        lastFetchedAt: T0,
        nextFetchAt: hoursAfter(T0, 2),
        enabled: false,
        disabledReason: '5 failures: HTTP 503',
      });
    });

    it('GIVEN an update of an unknown feed THEN it fails as not found', async () => {
      await expect(ctx.store.feeds.update(999, { failures: 1 })).rejects.toMatchObject({ code: 'not-found' });
    });

    it('GIVEN feeds due at different times THEN due() returns the enabled overdue ones, most overdue first', async () => {
      const a = await ctx.store.feeds.add({ url: 'https://a.example/rss' }, hoursAfter(T0, 1));
      const b = await ctx.store.feeds.add({ url: 'https://b.example/rss' }, T0);
      const later = await ctx.store.feeds.add({ url: 'https://c.example/rss' }, hoursAfter(T0, 5));
      const off = await ctx.store.feeds.add({ url: 'https://d.example/rss' }, T0);
      await ctx.store.feeds.update(off.id, { enabled: false, disabledReason: 'removed by the outlet' });
      const due = await ctx.store.feeds.due(hoursAfter(T0, 2), 10);
      expect(due.map((f) => f.id)).toEqual([b.id, a.id]);
      expect(await ctx.store.feeds.due(hoursAfter(T0, 2), 1)).toHaveLength(1);
      expect((await ctx.store.feeds.due(hoursAfter(T0, 6), 10)).map((f) => f.id)).toContain(later.id);
      await ctx.store.feeds.update(b.id, { nextFetchAt: hoursAfter(T0, 3) });
      expect((await ctx.store.feeds.due(hoursAfter(T0, 2), 10)).map((f) => f.id)).toEqual([a.id]);
    });

    it('GIVEN a feed removed THEN it is gone and a second removal reports nothing removed', async () => {
      const feed = await ctx.store.feeds.add({ url: AFRICA }, T0);
      expect(await ctx.store.feeds.remove(feed.id)).toBe(true);
      expect(await ctx.store.feeds.remove(feed.id)).toBe(false);
      expect(await ctx.store.feeds.list()).toEqual([]);
    });

    it('GIVEN default feeds seeded THEN they are added on first use only, even after the user removes them', async () => {
      const defaults = [
        { url: BALKAN, region: 'balkans' },
        { url: AFRICA, region: 'africa' },
      ];
      expect(await ctx.store.feeds.seed(defaults, T0)).toBe(2);
      expect((await ctx.store.feeds.list()).map((f) => [f.url, f.region])).toEqual([
        [BALKAN, 'balkans'],
        [AFRICA, 'africa'],
      ]);
      expect(await ctx.store.feeds.seed(defaults, T0)).toBe(0);
      for (const f of await ctx.store.feeds.list()) await ctx.store.feeds.remove(f.id);
      const store = await ctx.reopen();
      expect(await store.feeds.seed(defaults, T0)).toBe(0);
      expect(await store.feeds.list()).toEqual([]);
    });

    it('GIVEN two instances claiming due feeds at once THEN each feed goes to one of them, and comes back after the lease', async () => {
      for (let i = 0; i < 6; i++) await ctx.store.feeds.add({ url: `https://feeds.example/${i}.xml` }, T0);
      const lease = new Date(T0.getTime() + 600_000);
      const [a, b] = await Promise.all([
        ctx.store.feeds.claimDue(T0, lease, 4),
        ctx.store.feeds.claimDue(T0, lease, 4),
      ]);
      const ids = [...a, ...b].map((f) => f.id);
      expect(new Set(ids).size).toBe(6);
      expect(ids).toHaveLength(6);
      expect(await ctx.store.feeds.claimDue(T0, lease, 10)).toEqual([]);
      // A poller that died releases nothing: the lease running out makes the feeds due again.
      expect(await ctx.store.feeds.claimDue(lease, new Date(lease.getTime() + 600_000), 10)).toHaveLength(6);
    });

    it('GIVEN a user feed added before seeding THEN seeding skips that URL and adds the rest', async () => {
      await ctx.store.feeds.add({ url: BALKAN, region: 'mine' }, T0);
      expect(await ctx.store.feeds.seed([{ url: BALKAN, region: 'balkans' }, { url: AFRICA }], T0)).toBe(1);
      expect((await ctx.store.feeds.byUrl(BALKAN))?.region).toBe('mine');
    });
  });
}
