// Issue 16: budgets per feed and per item, with a local server as the feeds' web.
import type { ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFetchContext, type FetchContext } from '../../../src/sources/fetch/index.js';
import { extractPage, htmlToText, pollOnce, type PollDeps } from '../../../src/sources/poll/index.js';
import { cutAtSentence } from '../../../src/sources/work/cut.js';
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { HARBOUR_A, LIBRARY } from './feeds.js';

const NOW = new Date('2026-03-02T08:00:00Z');
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** An RSS feed of items dated a day apart, the newest last in the document. */
function datedFeed(items: { link: string; title: string; html?: string; teaser?: string }[]): string {
  const entries = items.map(
    (i, n) =>
      `<item><guid>${esc(i.link)}</guid><link>${esc(i.link)}</link><title>${esc(i.title)}</title>
<pubDate>${new Date(Date.UTC(2026, 2, 1 + n, 7)).toUTCString()}</pubDate>
${i.html ? `<content:encoded>${esc(i.html)}</content:encoded>` : ''}${i.teaser ? `<description>${esc(i.teaser)}</description>` : ''}</item>`,
  );
  return `<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Budgets</title>${entries.join('')}</channel></rss>`;
}

describe('ingestion budgets', () => {
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
    // The server first: requests still hanging end with it rather than with their own timeouts.
    await server.close();
    await fetch.close();
    await store.close();
  });

  it('GIVEN more items than a pass takes THEN the newest are read first and the rest come next pass', async () => {
    const items = [0, 1, 2, 3].map((n) => ({
      link: server.url(`/a/${n}`),
      title: `Item ${n}`,
      html: n % 2 ? HARBOUR_A : LIBRARY,
    }));
    server.route(
      '/feed.xml',
      respond(200, datedFeed(items), { 'content-type': 'application/rss+xml', etag: '"v1"' }),
    );
    const feed = await store.feeds.add({ url: server.url('/feed.xml') }, NOW);

    const first = await pollOnce({ ...deps, budgets: { itemsPerFeed: 2 } }, NOW);
    expect(first.newArticles).toBe(2);
    expect(await store.articles.find(server.url('/a/3'), null)).toBeDefined();
    expect(await store.articles.find(server.url('/a/2'), null)).toBeDefined();
    expect(await store.articles.find(server.url('/a/0'), null)).toBeUndefined();
    // Its validators are not kept, so the next pass fetches the whole feed and reads the rest.
    expect((await store.feeds.get(feed.id))?.etag).toBeNull();

    const second = await pollOnce({ ...deps, budgets: { itemsPerFeed: 2 } }, NOW, { all: true });
    expect(second.newArticles).toBe(2);
    expect(await store.articles.count()).toBe(4);
    expect((await store.feeds.get(feed.id))?.etag).toBe('"v1"');
  });

  it('GIVEN an article over the character budget THEN it is cut at a sentence and says so', async () => {
    const sentences = Array.from(
      { length: 400 },
      (_, n) => `Sentence number ${n} of the long report ends here.`,
    );
    const html = `<p>${sentences.join(' ')}</p>`;
    server.route(
      '/feed.xml',
      respond(200, datedFeed([{ link: server.url('/a/long'), title: 'Long', html }])),
    );
    await store.feeds.add({ url: server.url('/feed.xml') }, NOW);

    await pollOnce({ ...deps, budgets: { itemChars: 5_000 } }, NOW);

    const body = (await store.articles.find(server.url('/a/long'), null))!.analysis.body;
    expect(body.length).toBeLessThan(5_200);
    expect(body).toMatch(
      /ends here\.\n\n\[Article cut: the first [\d,]+ of [\d,]+ characters were analysed\.\]$/,
    );
  });

  it('GIVEN teaser items whose pages hang THEN the feed stops at its time budget and keeps no validators', async () => {
    const hanging = () => undefined; // never answers
    const items = [0, 1, 2].map((n) => ({
      link: server.url(`/slow/${n}`),
      title: `Slow ${n}`,
      teaser: 'A teaser.',
    }));
    for (let n = 0; n < 3; n++) server.route(`/slow/${n}`, hanging);
    server.route(
      '/feed.xml',
      respond(200, datedFeed(items), { 'content-type': 'application/rss+xml', etag: '"v1"' }),
    );
    const feed = await store.feeds.add({ url: server.url('/feed.xml') }, NOW);

    // The fetch timeout alone (30 s) would outlast the test; the budget ends the pass first.
    const summary = await pollOnce({ ...deps, budgets: { feedPassMs: 500 } }, NOW);

    expect(summary).toMatchObject({ ok: 1, newArticles: 0 });
    expect((await store.feeds.get(feed.id))?.etag).toBeNull();
  });

  it('GIVEN teaser items on one host THEN their pages are fetched in parallel, no more than the host limit at once', async () => {
    let inFlight = 0;
    let most = 0;
    const page = (n: number) => async (_req: unknown, res: ServerResponse) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 150));
      inFlight--;
      res
        .writeHead(200, { 'content-type': 'text/html' })
        .end(`<html><body><article>${n % 2 ? HARBOUR_A : LIBRARY}</article></body></html>`);
    };
    const items = [0, 1, 2, 3, 4, 5].map((n) => ({
      link: server.url(`/p/${n}`),
      title: `Page ${n}`,
      teaser: 'Short.',
    }));
    items.forEach((_, n) => server.route(`/p/${n}`, page(n)));
    server.route('/feed.xml', respond(200, datedFeed(items)));
    await store.feeds.add({ url: server.url('/feed.xml') }, NOW);

    const summary = await pollOnce({ ...deps, budgets: { teaserFetches: 6 } }, NOW);

    expect(summary.newArticles).toBe(6);
    expect(most).toBe(2);
  });

  it('GIVEN articles slow to file THEN they go into several short store batches with the event loop turning between them, and all are stored', async () => {
    const items = [0, 1, 2, 3, 4, 5].map((n) => ({
      link: server.url(`/a/${n}`),
      title: `Item ${n}`,
      html: n % 2 ? HARBOUR_A : LIBRARY,
    }));
    server.route('/feed.xml', respond(200, datedFeed(items)));
    await store.feeds.add({ url: server.url('/feed.xml') }, NOW);
    // A store whose filing holds the thread for 6 ms an article, as a big store on a busy machine.
    const events: string[] = [];
    const slow: Store = {
      ...store,
      articles: {
        ...store.articles,
        fileNear: (...args) => {
          const until = performance.now() + 6;
          while (performance.now() < until);
          events.push('filed');
          return store.articles.fileNear(...args);
        },
      },
      batch: async (work) => {
        events.push('batch');
        // What a chat command waiting on the bot would get: a turn between two batches.
        setImmediate(() => events.push('turn'));
        return store.batch!(work);
      },
    };

    const summary = await pollOnce({ ...deps, store: slow }, NOW);

    expect(summary.newArticles).toBe(6);
    const batches = events.filter((e) => e === 'batch').length;
    expect(batches).toBeGreaterThanOrEqual(3);
    // No batch begins before the turn the previous one let go.
    const order = events.filter((e) => e !== 'filed').join(' ');
    expect(order).toBe(Array.from({ length: batches }, () => 'batch turn').join(' '));
  });

  it('GIVEN feed content nested far deeper than the page extractor allows THEN it is refused, not parsed', () => {
    const deep = `${'<div>'.repeat(200_000)}text${'</div>'.repeat(200_000)}`;
    expect(htmlToText(deep)).toBe('');
    expect(htmlToText('<div><p>Shallow text.</p></div>')).toBe('Shallow text.');
  });

  it('GIVEN text within the budget THEN it is left alone; over it, cut at the last sentence end', () => {
    expect(cutAtSentence('One. Two.', 100)).toEqual({ text: 'One. Two.', cut: false });
    const cut = cutAtSentence(`${'Aa bb cc. '.repeat(20)}Tail without end`, 120);
    expect(cut.cut).toBe(true);
    expect(cut.text).toBe(
      `${'Aa bb cc. '.repeat(12).trimEnd()}\n\n[Article cut: the first 119 of 216 characters were analysed.]`,
    );
  });
});
