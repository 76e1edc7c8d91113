import { describe, expect, it } from 'vitest';
import type { ContractContext } from './contract.js';
import { T0, analysis, article } from './fixtures.js';

/** Valid Unicode: no NUL, no lone surrogate (`isWellFormed` without the ES2024 library). */
function wellFormedUnicode(text: string): boolean {
  // eslint-disable-next-line no-control-regex -- NUL is what is looked for
  return !/\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

export function poisonContract(ctx: ContractContext): void {
  describe('text that is not valid Unicode', () => {
    it('GIVEN an article with a NUL in its GUID and title and a lone surrogate in its body THEN it is stored cleaned, offsets intact', async () => {
      const feed = await ctx.store.feeds.add({ url: 'https://poison.example/rss' }, T0);
      const a = analysis('Dam\u0000 report \ud800', 'The dam held.\u0000');
      const body = `${a.lede}\n\nA \udc00 stray half and a \ud83d\ude00 whole pair.`;
      const saved = await ctx.store.articles.save(
        article('https://poison.example/a/1', { ...a, body }, { guid: 'g\u00001', feedId: feed.id }),
        null,
      );
      const stored = JSON.stringify(saved);
      expect(wellFormedUnicode(stored)).toBe(true);
      expect(saved.analysis.title).toBe('Dam\ufffd report \ufffd');
      expect(saved.analysis.body.length).toBe(body.length);
      expect(saved.analysis.body).toContain('\ud83d\ude00');
      // Found again by the GUID as the feed gives it.
      expect((await ctx.store.articles.find('https://elsewhere.example/', 'g\u00001', feed.id))?.id).toBe(
        saved.id,
      );
      const reread = await ctx.reopen();
      const [story] = await reread.articles.stories({ limit: 1 });
      expect(story?.lead.guid).toBe('g\ufffd1');
    });

    it('GIVEN a feed title and error with a NUL and a lone surrogate THEN the feed is updated, cleaned', async () => {
      const feed = await ctx.store.feeds.add(
        { url: 'https://poison.example/feed', title: 'Ti\u0000tle' },
        T0,
      );
      const updated = await ctx.store.feeds.update(feed.id, { lastError: 'bad \ud800 byte\u0000' });
      expect(updated.title).toBe('Ti\ufffdtle');
      expect(updated.lastError).toBe('bad \ufffd byte\ufffd');
    });

    it('GIVEN an article link with user:password@ THEN it is stored, and found, without them', async () => {
      const saved = await ctx.store.articles.save(
        article(
          'https://reader:hunter2@paywall.example/a/2?x=1',
          analysis('Paywalled', 'A paywalled story.'),
        ),
        null,
      );
      expect(saved.url).toBe('https://paywall.example/a/2?x=1');
      expect(JSON.stringify(saved)).not.toContain('hunter2');
      expect((await ctx.store.articles.find('https://paywall.example/a/2?x=1', null))?.id).toBe(saved.id);
    });
  });
}
