// Issue 16: text that is not valid Unicode, and store errors, in a pass over several feeds, on both stores.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchContext, type FetchContext } from '../../../src/sources/fetch/index.js';
import { extractPage, pollOnce } from '../../../src/sources/poll/index.js';
import type { Store } from '../../../src/store/types.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { testDatabases, type TestDatabase } from '../../helpers/stores.js';
import { BRIDGE_PAGE, HARBOUR_A, LIBRARY, rss } from './feeds.js';

const NOW = new Date('2026-03-02T08:00:00Z');
const RSS = { 'content-type': 'application/rss+xml; charset=utf-8' };
const JSON_TYPE = { 'content-type': 'application/feed+json' };

// eslint-disable-next-line no-control-regex -- NUL is what is looked for
const notWellFormed = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** A store whose filings fail for URLs holding `refuse`, and whose look-ups fail for `unreachable`. */
function faultyStore(store: Store): Store {
  return {
    ...store,
    articles: {
      ...store.articles,
      fileNear: (article, query, choose) =>
        article.url.includes('refuse')
          ? Promise.reject(new Error('value too long for type character varying(10)'))
          : store.articles.fileNear(article, query, choose),
      find: (url, guid, feedId) =>
        url.includes('unreachable')
          ? Promise.reject(new Error('connection terminated unexpectedly'))
          : store.articles.find(url, guid, feedId),
    },
  };
}

describe.each(testDatabases())('a pass with poison feeds, on $kind', ({ make }) => {
  let db: TestDatabase;
  let store: Store;
  let server: TestServer;
  let fetch: FetchContext;

  beforeEach(async () => {
    db = make();
    store = await db.open();
    server = await startTestServer();
    fetch = createFetchContext({ allowlist: ['127.0.0.1'] });
  });
  afterEach(async () => {
    await fetch.close();
    await store.close();
    await server.close();
    await db.destroy();
  });

  it('GIVEN feeds with NUL bytes, lone surrogates and store errors THEN the pass completes, bad text is cleaned, errors are recorded on their feeds, the rest is stored', async () => {
    // A JSON Feed: a NUL in the id and the text, a lone surrogate in the title (escapes are valid JSON).
    const harbourText = HARBOUR_A.replace(/<\/?p>/g, '');
    server.route(
      '/poison.json',
      respond(
        200,
        `{"version":"https://jsonfeed.org/version/1.1","title":"Poison","items":[{"id":"p\\u00001","url":"${server.url('/a/poison')}","title":"Port \\ud800 reopens","content_text":${JSON.stringify(`${harbourText}\u0000`)}}]}`,
        JSON_TYPE,
      ),
    );
    // A teaser whose page holds NUL bytes.
    server.route(
      '/teaser.xml',
      respond(
        200,
        rss('Teasers', [
          { guid: 't1', link: server.url('/a/page'), title: 'Kesno bridge', description: 'Short.' },
        ]),
        RSS,
      ),
    );
    server.route(
      '/a/page',
      respond(200, BRIDGE_PAGE.replace('Engineers began', 'Engineers\u0000 began'), {
        'content-type': 'text/html',
      }),
    );
    // One item the store refuses, beside one it takes.
    server.route(
      '/mixed.xml',
      respond(
        200,
        rss('Mixed', [
          { guid: 'm1', link: server.url('/a/refuse'), title: 'Refused', content: HARBOUR_A },
          { guid: 'm2', link: server.url('/a/library'), title: 'Library hours', content: LIBRARY },
        ]),
        RSS,
      ),
    );
    // A feed during which the store goes away.
    server.route(
      '/down.xml',
      respond(
        200,
        rss('Down', [{ guid: 'd1', link: server.url('/a/unreachable'), title: 'Lost', content: LIBRARY }]),
        RSS,
      ),
    );
    for (const path of ['/poison.json', '/teaser.xml', '/mixed.xml', '/down.xml']) {
      await store.feeds.add({ url: server.url(path) }, NOW);
    }

    const summary = await pollOnce(
      { store: faultyStore(store), fetch, extract: extractPage, random: () => 0.5 },
      NOW,
    );

    expect(summary).toMatchObject({ feeds: 4, ok: 3, failed: 1, newArticles: 3 });
    const poison = await store.articles.find(server.url('/a/poison'), null);
    expect(poison?.analysis.title).toBe('Port \ufffd reopens');
    expect(poison?.guid).toBe('p1');
    const page = await store.articles.find(server.url('/a/page'), null);
    expect(page?.analysis.body).toContain('began replacing');
    for (const a of [poison, page]) expect(notWellFormed.test(JSON.stringify(a))).toBe(false);
    expect(await store.articles.find(server.url('/a/library'), null)).toBeDefined();

    const feeds = await store.feeds.list();
    const byPath = (path: string) => feeds.find((f) => f.url === server.url(path))!;
    expect(byPath('/mixed.xml')).toMatchObject({ failures: 0, enabled: true });
    expect(byPath('/mixed.xml').lastError).toMatch(/an item could not be stored: value too long/);
    expect(byPath('/down.xml')).toMatchObject({ failures: 0, enabled: true, etag: null });
    expect(byPath('/down.xml').lastError).toMatch(/store error: connection terminated/);
    expect(byPath('/poison.json').lastError).toBeNull();
  });
});
