import { describe, expect, it } from 'vitest';
import { storyTerms } from '../../src/core/dedup/terms.js';
import { fileArticle } from '../../src/store/file-article.js';
import type { ContractContext } from './contract.js';
import { BORDER_A, BORDER_B, HARVEST, PLATES, T0, analysis, article, hoursAfter } from './fixtures.js';

export function articleContract(ctx: ContractContext): void {
  describe('articles', () => {
    it('GIVEN a stored article THEN it is found by its URL in any tracked form, and by GUID', async () => {
      const feed = await ctx.store.feeds.add({ url: 'https://rferl.example/rss' }, T0);
      const saved = await ctx.store.articles.save(
        article('https://www.rferl.example/a/jarinje/123.html?utm_source=rss#top', BORDER_A, {
          guid: 'rferl-123',
          feedId: feed.id,
        }),
        null,
      );
      expect(saved).toMatchObject({
        canonicalUrl: 'https://www.rferl.example/a/jarinje/123.html',
        outlet: 'rferl.example',
      });
      expect(saved.analysis).toEqual(BORDER_A);
      const byUrl = await ctx.store.articles.find(
        'https://WWW.rferl.example/a/jarinje/123.html?fbclid=x',
        null,
      );
      expect(byUrl?.id).toBe(saved.id);
      expect((await ctx.store.articles.find('https://elsewhere.example/x', 'rferl-123', feed.id))?.id).toBe(
        saved.id,
      );
      expect((await ctx.store.articles.find('https://elsewhere.example/x', 'rferl-123'))?.id).toBe(saved.id);
      expect(
        await ctx.store.articles.find('https://elsewhere.example/x', 'rferl-123', feed.id + 1),
      ).toBeUndefined();
      expect(
        await ctx.store.articles.find('https://www.rferl.example/a/jarinje/124.html', null),
      ).toBeUndefined();
      expect(await ctx.store.articles.count()).toBe(1);
    });

    it('GIVEN an article saved twice or with a bad address THEN the store refuses it', async () => {
      await ctx.store.articles.save(article('https://a.example/x?utm_medium=email', BORDER_A), null);
      await expect(
        ctx.store.articles.save(article('https://a.example/x', BORDER_A), null),
      ).rejects.toMatchObject({
        code: 'conflict',
      });
      await expect(
        ctx.store.articles.save(article('ftp://a.example/y', BORDER_A), null),
      ).rejects.toMatchObject({
        code: 'invalid',
      });
      await expect(
        ctx.store.articles.save(article('https://a.example/z', BORDER_A), 999),
      ).rejects.toMatchObject({
        code: 'not-found',
      });
      expect(await ctx.store.articles.count()).toBe(1);
    });

    it('GIVEN two outlets filed under one story THEN it has two sources and both places', async () => {
      const first = await ctx.store.articles.save(article('https://www.rferl.example/1', BORDER_A), null);
      await ctx.store.articles.save(
        article('https://balkaninsight.example/2', BORDER_B, { publishedAt: hoursAfter(T0, -2) }),
        first.storyId,
      );
      await ctx.store.articles.save(article('https://rferl.example/3', BORDER_A), first.storyId);
      const story = await ctx.store.articles.story(first.storyId);
      expect(story?.lead.id).toBe(first.id);
      expect(story?.sources).toBe(2);
      expect(story?.outlets).toEqual(['rferl.example', 'balkaninsight.example']);
      expect(story?.countries).toEqual(['XK', 'RS', 'BE']);
      expect(story?.regions).toEqual(['balkans', 'europe']);
      expect(story?.publishedAt).toEqual(hoursAfter(T0, -2));
      expect(story?.firstSeenAt).toEqual(hoursAfter(T0, -1));
      expect(await ctx.store.articles.story(first.storyId + 100)).toBeUndefined();
    });

    it('GIVEN stories in several regions and times THEN stories() filters by region and since, newest first', async () => {
      const save = (url: string, a = BORDER_A, hours = 0) =>
        ctx.store.articles.save(article(url, a, { publishedAt: hoursAfter(T0, hours) }), null);
      const old = await save('https://a.example/old', PLATES, -30);
      const mid = await save('https://a.example/mid', BORDER_A, -3);
      const africa = await save('https://b.example/africa', HARVEST, -2);
      const fresh = await save('https://a.example/fresh', BORDER_B, -1);
      const storyIds = (s: { id: number }[]) => s.map((x) => x.id);
      expect(storyIds(await ctx.store.articles.stories({ limit: 10 }))).toEqual(
        [fresh, africa, mid, old].map((a) => a.storyId),
      );
      expect(storyIds(await ctx.store.articles.stories({ regions: ['balkans'], limit: 10 }))).toEqual(
        [fresh, mid, old].map((a) => a.storyId),
      );
      expect(
        storyIds(
          await ctx.store.articles.stories({ regions: ['balkans'], since: hoursAfter(T0, -24), limit: 10 }),
        ),
      ).toEqual([fresh.storyId, mid.storyId]);
      expect(storyIds(await ctx.store.articles.stories({ regions: ['balkans'], limit: 1 }))).toEqual([
        fresh.storyId,
      ]);
      expect(
        storyIds(await ctx.store.articles.stories({ regions: ['southern-africa', 'europe'], limit: 10 })),
      ).toEqual([fresh.storyId, africa.storyId]);
      expect(await ctx.store.articles.stories({ regions: ['arctic'], limit: 10 })).toEqual([]);
    });

    it('GIVEN a story joined by an earlier report in a new region THEN a region lists it by its earlier time', async () => {
      const save = (url: string, a: typeof BORDER_A, hours: number, storyId: number | null) =>
        ctx.store.articles.save(article(url, a, { publishedAt: hoursAfter(T0, hours) }), storyId);
      const first = await save('https://a.example/first', BORDER_A, -1, null);
      const between = await save('https://b.example/between', PLATES, -3, null);
      // An outlet that had it earlier: the story now broke at -5 h, before `between`, in 'europe' too.
      await save('https://c.example/earlier', BORDER_B, -5, first.storyId);
      const ids = async (regions: string[]) =>
        (await ctx.store.articles.stories({ regions, limit: 10 })).map((s) => s.id);
      expect(await ids(['balkans'])).toEqual([between.storyId, first.storyId]);
      expect(await ids(['europe'])).toEqual([first.storyId]);
      const since = await ctx.store.articles.stories({
        regions: ['balkans'],
        since: hoursAfter(T0, -4),
        limit: 10,
      });
      expect(since.map((s) => s.id)).toEqual([between.storyId]);
    });

    it('GIVEN a filter on leads THEN storiesWhere gives the newest kept among the scanned, read whole', async () => {
      const save = (url: string, a: typeof BORDER_A, hours: number) =>
        ctx.store.articles.save(article(url, a, { publishedAt: hoursAfter(T0, hours) }), null);
      const oldest = await save('https://a.example/1', BORDER_A, -4);
      await save('https://a.example/2', HARVEST, -3);
      const newer = await save('https://a.example/3', BORDER_B, -2);
      await save('https://a.example/4', PLATES, -1);
      const seen: string[] = [];
      const jarinje = (lead: { title: string | null; body: string }) => {
        seen.push(lead.title ?? '');
        return lead.body.includes('Jarinje');
      };
      const kept = await ctx.store.articles.storiesWhere({ limit: 5, scan: 10 }, jarinje);
      expect(kept.map((s) => s.id)).toEqual([newer.storyId, oldest.storyId]);
      expect(kept[0]?.lead.analysis).toEqual(BORDER_B);
      expect(seen).toHaveLength(4);
      // Only the three newest are looked through; one kept story is enough.
      const scanned = await ctx.store.articles.storiesWhere({ limit: 5, scan: 3 }, jarinje);
      expect(scanned.map((s) => s.id)).toEqual([newer.storyId]);
      const first = await ctx.store.articles.storiesWhere(
        { limit: 1, scan: 10, regions: ['balkans'] },
        jarinje,
      );
      expect(first.map((s) => s.id)).toEqual([newer.storyId]);
    });

    it('GIVEN a feed date in the future THEN the story counts from its fetch time', async () => {
      const fetchedAt = T0;
      const saved = await ctx.store.articles.save(
        article('https://a.example/future', BORDER_A, { publishedAt: hoursAfter(T0, 48), fetchedAt }),
        null,
      );
      expect((await ctx.store.articles.story(saved.storyId))?.publishedAt).toEqual(fetchedAt);
    });
  });

  describe('filing articles (dedup and clustering)', () => {
    it('GIVEN the same article again under a tracked URL or the same GUID THEN it is a duplicate, not stored', async () => {
      const feed = await ctx.store.feeds.add({ url: 'https://a.example/rss' }, T0);
      const first = await fileArticle(
        ctx.store,
        article('https://a.example/x', BORDER_A, { guid: 'g1', feedId: feed.id }),
      );
      expect(first).toMatchObject({ kind: 'stored', joined: false });
      const again = await fileArticle(ctx.store, article('https://a.example/x?utm_source=tw#c', BORDER_A));
      expect(again.kind).toBe('duplicate');
      const moved = await fileArticle(
        ctx.store,
        article('https://a.example/x-renamed', BORDER_A, { guid: 'g1', feedId: feed.id }),
      );
      expect(moved.kind).toBe('duplicate');
      expect(await ctx.store.articles.count()).toBe(1);
    });

    it('GIVEN a near-duplicate from a second outlet THEN it joins the story, which then has two sources', async () => {
      const a = await fileArticle(ctx.store, article('https://rferl.example/jarinje', BORDER_A));
      const b = await fileArticle(
        ctx.store,
        article('https://balkaninsight.example/jarinje-reopens', BORDER_B, {
          publishedAt: hoursAfter(T0, 3),
        }),
      );
      expect(b).toMatchObject({ kind: 'stored', joined: true });
      if (a.kind !== 'stored' || b.kind !== 'stored') throw new Error('both should be stored');
      expect(b.article.storyId).toBe(a.article.storyId);
      const stories = await ctx.store.articles.stories({ limit: 10 });
      expect(stories).toHaveLength(1);
      expect(stories[0]?.sources).toBe(2);
    });

    it('GIVEN a different event on the same subject, or the same words days later THEN each is a story of its own', async () => {
      await fileArticle(ctx.store, article('https://rferl.example/jarinje', BORDER_A));
      const plates = await fileArticle(ctx.store, article('https://balkaninsight.example/plates', PLATES));
      expect(plates).toMatchObject({ kind: 'stored', joined: false });
      const later = await fileArticle(
        ctx.store,
        article('https://dw.example/jarinje', BORDER_B, { publishedAt: hoursAfter(T0, 24 * 5) }),
      );
      expect(later).toMatchObject({ kind: 'stored', joined: false });
      expect(await ctx.store.articles.stories({ limit: 10 })).toHaveLength(3);
    });

    it('GIVEN an article with no words to compare THEN it is stored as its own story', async () => {
      const bare = analysis('', '');
      expect(await fileArticle(ctx.store, article('https://a.example/1', bare))).toMatchObject({
        joined: false,
      });
      expect(await fileArticle(ctx.store, article('https://b.example/1', bare))).toMatchObject({
        joined: false,
      });
      expect(await fileArticle(ctx.store, article('mailto:x@example.com', bare))).toMatchObject({
        kind: 'invalid',
      });
    });

    it('GIVEN candidates outside the time range or sharing too few terms THEN similar() leaves them out', async () => {
      const saved = await ctx.store.articles.save(article('https://a.example/1', BORDER_A), null);
      await ctx.store.articles.save(article('https://b.example/2', HARVEST), null);
      // The article's own terms: a candidate however the MinHash bands fall.
      const terms = storyTerms(BORDER_A.title, BORDER_A.lede);
      const around = { from: hoursAfter(T0, -1), to: hoursAfter(T0, 1), limit: 10 };
      expect(await ctx.store.articles.similar({ terms, minShared: terms.length, ...around })).toEqual([
        {
          articleId: saved.id,
          storyId: saved.storyId,
          outlet: 'a.example',
          shared: terms.length,
          termCount: terms.length,
          countries: ['XK', 'RS'],
        },
      ]);
      expect(await ctx.store.articles.similar({ terms, minShared: terms.length + 1, ...around })).toEqual([]);
      const later = { from: hoursAfter(T0, 1), to: hoursAfter(T0, 9), limit: 10 };
      expect(await ctx.store.articles.similar({ terms, minShared: 1, ...later })).toEqual([]);
      expect(await ctx.store.articles.similar({ terms: [], minShared: 0, ...around })).toEqual([]);
    });
  });
}
