import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchContext, type FetchContext } from '../../../src/sources/fetch/index.js';
import { extractPage, pollOnce, type PollDeps } from '../../../src/sources/poll/index.js';
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { BRIDGE_PAGE, HARBOUR_A, HARBOUR_B, LIBRARY, rss } from './feeds.js';

const NOW = new Date('2026-03-02T08:00:00Z');
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };

describe('pollOnce', () => {
  let server: TestServer;
  let store: Store;
  let fetch: FetchContext;
  let deps: PollDeps;

  beforeEach(async () => {
    server = await startTestServer();
    store = await createSqliteStore(':memory:');
    fetch = createFetchContext({ allowlist: ['127.0.0.1'] });
    deps = { store, fetch, extract: extractPage, random: () => 0.5 };
  });
  afterEach(async () => {
    await fetch.close();
    await store.close();
    await server.close();
  });

  it('GIVEN a feed whose item is only a teaser THEN the article page is fetched and its full text stored under the feed title', async () => {
    server.route('/article/bridge', respond(200, BRIDGE_PAGE, { 'content-type': 'text/html' }));
    const link = server.url('/article/bridge');
    server.route(
      '/teasers.xml',
      respond(
        200,
        rss('Valley Courier', [
          {
            guid: 'b-1',
            link,
            title: 'Kesno bridge closed for repairs',
            description: 'Engineers start work.',
          },
        ]),
        RSS,
      ),
    );
    await store.feeds.add({ url: server.url('/teasers.xml') }, NOW);

    const summary = await pollOnce(deps, NOW);

    expect(summary).toMatchObject({ feeds: 1, ok: 1, newArticles: 1, newStories: 1 });
    const article = await store.articles.find(link, null);
    expect(article?.analysis.title).toBe('Kesno bridge closed for repairs');
    expect(article?.analysis.body).toContain('temporary footbridge');
    expect(article?.analysis.body).not.toContain('All rights reserved');
    expect(article?.source).toBe('Valley Courier');
    expect(server.requests.filter((r) => r.path === '/article/bridge')).toHaveLength(1);
  });

  it('GIVEN the same article in two feeds and a reworded copy from another outlet THEN one story with two sources and no duplicate', async () => {
    const a = {
      guid: 'a-1',
      link: 'https://alpha.example/news/port-reopens?utm_source=rss',
      title: 'Valmora port reopens after crane strike ends',
      content: HARBOUR_A,
    };
    server.route(
      '/one.xml',
      respond(
        200,
        rss('Alpha', [
          a,
          {
            guid: 'a-2',
            link: 'https://alpha.example/city/library',
            title: 'Dravec library to open until midnight',
            content: LIBRARY,
          },
        ]),
        RSS,
      ),
    );
    server.route(
      '/two.xml',
      respond(
        200,
        rss('Aggregator', [
          { ...a, guid: 'agg-77', link: 'https://alpha.example/news/port-reopens#top' },
          {
            guid: 'b-9',
            link: 'https://beta.example/2026/03/valmora-port',
            title: 'Valmora port reopens as crane strike ends',
            content: HARBOUR_B,
          },
        ]),
        RSS,
      ),
    );
    await store.feeds.add({ url: server.url('/one.xml') }, NOW);
    await store.feeds.add({ url: server.url('/two.xml') }, NOW);

    const summary = await pollOnce({ ...deps, concurrency: 1 }, NOW);

    expect(summary).toMatchObject({ ok: 2, newArticles: 3, newStories: 2 });
    expect(await store.articles.count()).toBe(3);
    const stories = await store.articles.stories({ limit: 10 });
    const port = stories.find((s) => s.lead.analysis.title?.includes('port'));
    expect(port?.sources).toBe(2);
    expect(port?.outlets).toEqual(['alpha.example', 'beta.example']);
  });

  it('GIVEN a feed polled once THEN the second poll sends its validators, gets a 304 and stores nothing new', async () => {
    server.route('/cond.xml', (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') {
        res.writeHead(304, { etag: '"v1"' }).end();
        return;
      }
      res.writeHead(200, { ...RSS, etag: '"v1"' }).end(
        rss('Alpha', [
          {
            guid: 'l-1',
            link: 'https://alpha.example/city/library',
            title: 'Library hours',
            content: LIBRARY,
          },
        ]),
      );
    });
    const feed = await store.feeds.add({ url: server.url('/cond.xml') }, NOW);

    const first = await pollOnce(deps, NOW);
    const second = await pollOnce(deps, NOW, { all: true });

    expect(first).toMatchObject({ ok: 1, newArticles: 1 });
    expect(second).toMatchObject({ ok: 0, notModified: 1, newArticles: 0 });
    expect(server.requests.at(-1)?.headers['if-none-match']).toBe('"v1"');
    expect((await store.feeds.get(feed.id))?.etag).toBe('"v1"');
    expect(await store.articles.count()).toBe(1);
  });

  it('GIVEN a feed that is not due THEN a pass leaves it alone, and --all polls it anyway', async () => {
    server.route('/later.xml', respond(200, rss('Alpha', []), RSS));
    await store.feeds.add({ url: server.url('/later.xml') }, NOW);
    await pollOnce(deps, NOW);

    const again = await pollOnce(deps, new Date(NOW.getTime() + 60_000));
    const forced = await pollOnce(deps, new Date(NOW.getTime() + 60_000), { all: true });

    expect(again.feeds).toBe(0);
    expect(forced.feeds).toBe(1);
  });

  it('GIVEN one feed failing and one working THEN the pass stores the working one and records the error on the other', async () => {
    server.route('/broken.xml', respond(500, 'oops'));
    server.route(
      '/fine.xml',
      respond(
        200,
        rss('Alpha', [
          { guid: 'l', link: 'https://alpha.example/l', title: 'Library hours', content: LIBRARY },
        ]),
        RSS,
      ),
    );
    const broken = await store.feeds.add({ url: server.url('/broken.xml') }, NOW);
    await store.feeds.add({ url: server.url('/fine.xml') }, NOW);

    const summary = await pollOnce(deps, NOW);

    expect(summary).toMatchObject({ ok: 1, failed: 1, newArticles: 1 });
    const after = await store.feeds.get(broken.id);
    expect(after?.failures).toBe(1);
    expect(after?.lastError).toMatch(/500/);
  });
});
