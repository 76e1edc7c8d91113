// The same local feeds polled into SQLite and into PostgreSQL in one run: the time each took, and
// whether they came to the same articles and stories.
import { createFetchContext } from '../src/sources/fetch/index.js';
import { extractPage, pollOnce } from '../src/sources/poll/index.js';
import { createWorkerPool } from '../src/sources/work/pool.js';
import type { Store } from '../src/store/types.js';
import { startFeedServer } from './ingest.js';

type Open = (
  name: 'sqlite' | 'postgres',
  label: string,
) => Promise<{ readonly store: Store; destroy(): Promise<void> }>;

export async function compareIngestion(feeds: number, items: number, open: Open): Promise<void> {
  const { server, origin } = await startFeedServer(feeds, items);
  const fetch = createFetchContext({ allowlist: ['127.0.0.1'], limits: { perHostConcurrency: 16 } });
  const work = createWorkerPool();
  const results: string[] = [];
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
  console.log(`${feeds} local feeds of ${items} items, polled once into each store:`);
  for (const line of results) console.log(`  ${line}`);
}
