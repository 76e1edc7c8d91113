// The same local feeds polled into SQLite and into PostgreSQL in one run: the time each took, and
// whether they came to the same articles and the same stories. A share of the items are other
// outlets' reports of a story another feed carries, so the stores have stories to agree on.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFetchContext } from '../src/sources/fetch/index.js';
import { extractPage, pollOnce } from '../src/sources/poll/index.js';
import { createWorkerPool } from '../src/sources/work/pool.js';
import type { Store } from '../src/store/types.js';
import { article } from './ingest.js';

type Open = (
  name: 'sqlite' | 'postgres',
  label: string,
) => Promise<{ readonly store: Store; destroy(): Promise<void> }>;

/** Of every ten items of a feed (but the first feed), three retell the item of the feed before. */
const REREPORTS_IN_TEN = 3;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const link = (feed: number, item: number) => `https://outlet${feed % 50}.example/f${feed}/i${item}`;

function feedXml(feed: number, items: number): string {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    // Another outlet's report of the same story: the same text under its own address.
    const rereport = feed > 0 && (feed * 7 + i) % 10 < REREPORTS_IN_TEN;
    const a = rereport ? article(feed - 1, i) : article(feed, i);
    entries.push(
      `<item><guid>f${feed}-i${i}</guid><link>${link(feed, i)}</link><title>${esc(a.title)}</title>` +
        `<pubDate>Mon, 02 Mar 2026 07:00:00 GMT</pubDate><content:encoded>${esc(a.html)}</content:encoded></item>`,
    );
  }
  return (
    `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
    `<channel><title>Bench feed ${feed}</title><link>https://outlet${feed % 50}.example/</link>${entries.join('')}</channel></rss>`
  );
}

async function startFeeds(feeds: number, items: number): Promise<{ server: Server; origin: string }> {
  const cache = new Map<number, string>();
  const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
    const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const id = m ? Number(m[1]) : -1;
    if (id < 0 || id >= feeds) return void res.writeHead(404).end();
    let body = cache.get(id);
    if (body === undefined) cache.set(id, (body = feedXml(id, items)));
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/**
 * What a store came to: each story as the sorted addresses of its articles, the stories sorted
 * (ids and which article leads depend on the order of filing; the grouping must not).
 */
async function grouping(store: Store, feeds: number, items: number): Promise<string> {
  const byStory = new Map<number, string[]>();
  for (let f = 0; f < feeds; f++)
    for (let i = 0; i < items; i++) {
      const found = await store.articles.find(link(f, i), null);
      if (!found) continue;
      const urls = byStory.get(found.storyId) ?? [];
      urls.push(found.canonicalUrl);
      byStory.set(found.storyId, urls);
    }
  return JSON.stringify([...byStory.values()].map((urls) => urls.sort().join(' ')).sort());
}

export async function compareIngestion(feeds: number, items: number, open: Open): Promise<void> {
  const { server, origin } = await startFeeds(feeds, items);
  const fetch = createFetchContext({ allowlist: ['127.0.0.1'], limits: { perHostConcurrency: 16 } });
  const work = createWorkerPool();
  const results: string[] = [];
  const groupings: string[] = [];
  try {
    // Twice each, alternating, so that neither gains from a warm worker pool or feed cache alone.
    for (const name of ['sqlite', 'postgres', 'sqlite', 'postgres'] as const) {
      const bench = await open(name, 'ingest');
      try {
        const now = new Date();
        for (let i = 0; i < feeds; i++) await bench.store.feeds.add({ url: `${origin}/feed/${i}.xml` }, now);
        const t0 = performance.now();
        const pass = await pollOnce({ store: bench.store, fetch, extract: extractPage, work }, now);
        const seconds = (performance.now() - t0) / 1000;
        const stories = (await bench.store.articles.stories({ limit: 100_000 })).length;
        groupings.push(await grouping(bench.store, feeds, items));
        results.push(
          `${name.padEnd(8)} ${seconds.toFixed(2)} s, ${(pass.newArticles / seconds).toFixed(0)} articles/s: ` +
            `${pass.newArticles} articles, ${stories} stories, ${pass.failed} feeds failed`,
        );
      } finally {
        await bench.destroy();
      }
    }
  } finally {
    await work.close();
    await fetch.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  console.log(
    `${feeds} local feeds of ${items} items (3 in 10 retelling another feed's), polled once into each store:`,
  );
  for (const line of results) console.log(`  ${line}`);
  const same = groupings.every((g) => g === groupings[0]);
  console.log(`  the same articles in the same stories in all four: ${same ? 'yes' : 'NO'}`);
}
