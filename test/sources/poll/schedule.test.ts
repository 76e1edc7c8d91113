import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runFeeds } from '../../../src/cli/feeds.js';
import { createFetchContext, type FetchContext } from '../../../src/sources/fetch/index.js';
import {
  extractPage,
  pollOnce,
  successDelaySeconds,
  type PollDeps,
} from '../../../src/sources/poll/index.js';
import { createSqliteStore } from '../../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../../src/store/types.js';
import { respond, startTestServer, type TestServer } from '../../helpers/http-server.js';
import { LIBRARY, rss } from './feeds.js';

const NOW = new Date('2026-03-02T08:00:00Z');
const RSS = { 'content-type': 'application/rss+xml' };
const at = (seconds: number, from = NOW) => new Date(from.getTime() + seconds * 1000);
const still = () => 0.5; // the middle of the jitter range: no jitter

describe('successDelaySeconds', () => {
  const feed = { intervalSeconds: 600 };

  it('GIVEN no hints THEN the feed interval; GIVEN a longer TTL or max-age THEN those', () => {
    expect(successDelaySeconds(feed, {}, still)).toBe(600);
    expect(successDelaySeconds(feed, { ttlMinutes: 60 }, still)).toBe(3600);
    expect(successDelaySeconds(feed, { maxAgeSeconds: 1800 }, still)).toBe(1800);
  });

  it('GIVEN hints asking for too fast or too slow THEN the floor and the ceiling hold', () => {
    expect(successDelaySeconds({ intervalSeconds: 30 }, { maxAgeSeconds: 10 }, still)).toBe(300);
    expect(successDelaySeconds(feed, { ttlMinutes: 7 * 24 * 60 }, still)).toBe(6 * 3600);
  });

  it('GIVEN the random source THEN jitter spreads the delay by at most 10%, never under the floor', () => {
    expect(successDelaySeconds(feed, {}, () => 0)).toBe(540);
    expect(successDelaySeconds(feed, {}, () => 0.999999)).toBeCloseTo(660, 1);
    expect(successDelaySeconds({ intervalSeconds: 300 }, {}, () => 0)).toBe(300);
  });
});

describe('polling schedule against a server', () => {
  let server: TestServer;
  let store: Store;
  let fetch: FetchContext;
  let deps: PollDeps;

  beforeEach(async () => {
    server = await startTestServer();
    store = await createSqliteStore(':memory:');
    fetch = createFetchContext({ allowlist: ['127.0.0.1'] });
    deps = { store, fetch, extract: extractPage, random: still };
  });
  afterEach(async () => {
    await fetch.close();
    await store.close();
    await server.close();
  });

  it('GIVEN a feed with a TTL of 30 minutes THEN its next fetch is 30 minutes later', async () => {
    server.route('/ttl.xml', respond(200, rss('T', [], 30), RSS));
    const feed = await store.feeds.add({ url: server.url('/ttl.xml') }, NOW);
    await pollOnce(deps, NOW);
    expect((await store.feeds.get(feed.id))?.nextFetchAt).toEqual(at(1800));
  });

  it('GIVEN a feed failing again and again THEN it backs off exponentially, is disabled after 10 with the reason, and re-enabling clears it', async () => {
    server.route('/flaky.xml', respond(500, 'down'));
    const feed = await store.feeds.add({ url: server.url('/flaky.xml') }, NOW);
    let now = NOW;
    const delays: number[] = [];
    let last;
    for (let i = 0; i < 10; i++) {
      last = await pollOnce(deps, now);
      const f = (await store.feeds.get(feed.id))!;
      if (!f.enabled) break;
      delays.push((f.nextFetchAt.getTime() - now.getTime()) / 1000);
      now = f.nextFetchAt;
    }
    expect(delays.slice(0, 4)).toEqual([1200, 2400, 4800, 9600]);
    expect(Math.max(...delays)).toBe(12 * 3600);
    const disabled = (await store.feeds.get(feed.id))!;
    expect(disabled.enabled).toBe(false);
    expect(disabled.failures).toBe(10);
    expect(disabled.disabledReason).toMatch(/disabled after 10 failed fetches.*500/);
    expect(last?.disabled.map((d) => d.feedId)).toEqual([feed.id]);
    expect((await pollOnce(deps, at(365 * 86400))).feeds).toBe(0);

    server.route(
      '/flaky.xml',
      respond(
        200,
        rss('Back', [{ guid: 'x', link: 'https://a.example/x', title: 'Library', content: LIBRARY }]),
        RSS,
      ),
    );
    await runFeeds(['enable', String(feed.id)], { store, out: { write: () => 0 }, now });
    const revived = await pollOnce(deps, now);
    expect(revived).toMatchObject({ ok: 1, newArticles: 1 });
    expect(await store.feeds.get(feed.id)).toMatchObject({ enabled: true, failures: 0, lastError: null });
  });

  it('GIVEN a feed that answers 404 THEN it is disabled after three tries as a permanent error', async () => {
    const feed = await store.feeds.add({ url: server.url('/gone.xml') }, NOW);
    let now = NOW;
    for (let i = 0; i < 3; i++) {
      await pollOnce(deps, now, { all: true });
      now = at(3600, now);
    }
    const f = (await store.feeds.get(feed.id))!;
    expect(f.enabled).toBe(false);
    expect(f.disabledReason).toMatch(/3 failed fetches.*permanent.*404/);
  });

  it('GIVEN a 503 with Retry-After of two hours THEN the next fetch waits at least that long', async () => {
    server.route('/busy.xml', respond(503, 'busy', { 'retry-after': '7200' }));
    const feed = await store.feeds.add({ url: server.url('/busy.xml') }, NOW);
    const realNow = new Date();
    await pollOnce(deps, realNow, { all: true });
    const f = (await store.feeds.get(feed.id))!;
    expect(f.failures).toBe(1);
    expect(f.nextFetchAt.getTime()).toBeGreaterThanOrEqual(realNow.getTime() + 7200_000 - 2000);
  });
});
