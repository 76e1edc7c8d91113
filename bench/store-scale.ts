// `npm run bench:store`: fills a SQLite and a PostgreSQL store with N articles (real analyses,
// clustering, a day's prune as the bot runs it) and reports, at each checkpoint, what a user waits
// on: `/latest` for a busy, a rare and an empty region and for a topic, a digest's composition, a
// similar-story look-up and the filing cost of an article, with the store's size. Then the same
// local feeds polled into both, and 60 simulated days with a 30-day window against the size model.
// Not run in CI; PostgreSQL needs a database of its own (createdb newsdesk_bench).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { fileArticle } from '../src/store/file-article.js';
import { createPostgresStore } from '../src/store/postgres/create-postgres-store.js';
import { pruneCutoffs } from '../src/store/retention.js';
import { createSqliteStore } from '../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../src/store/types.js';
import { compareIngestion } from './store-scale-ingest.js';
import { createArticleSource, type ArticleSource } from './store-scale-data.js';
import {
  benchSubscriptions,
  measureQueries,
  postgresSize,
  sqliteSize,
  type Size,
  type Spread,
} from './store-scale-measure.js';

const DAY_MS = 86_400_000;
const T0 = Date.UTC(2026, 0, 1);
/** Articles filed in one batch: a feed's worth. */
const FEED = 20;
/** The filing cost at a checkpoint is that of the articles filed just before it. */
const FILING_SAMPLE = 2000;

const { values: args } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    backend: { type: 'string', default: 'both' },
    'pg-url': { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/newsdesk_bench' },
    rate: { type: 'string', default: '10000' },
    feeds: { type: 'string', default: '200' },
    items: { type: 'string', default: '20' },
    'window-rate': { type: 'string', default: '1000' },
  },
});
const ARTICLES = Number(args.articles);
const RATE = Number(args.rate);
const PG_URL = args['pg-url'];

/** A store of one backend for one run, and its size; removed by `destroy`. */
interface Bench {
  readonly name: 'sqlite' | 'postgres';
  readonly store: Store;
  size(): Promise<Size>;
  destroy(): Promise<void>;
}

export async function openBench(name: Bench['name'], label: string): Promise<Bench> {
  if (name === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `newsdesk-scale-${label}-`));
    const file = join(dir, 'newsdesk.sqlite');
    const store = await createSqliteStore(file);
    return {
      name,
      store,
      size: () => Promise.resolve(sqliteSize(file)),
      destroy: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `scale_${label}_${process.pid}`;
  const store = await createPostgresStore(PG_URL, { schema });
  return {
    name,
    store,
    size: () => postgresSize(PG_URL, schema),
    destroy: async () => {
      await store.close();
      const client = new pg.Client({ connectionString: PG_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    },
  };
}

const at = (rate: number) => (k: number) => new Date(T0 + Math.floor((k * DAY_MS) / rate));
const ms = (s: Spread) => `${s.p50.toFixed(1)}/${s.p95.toFixed(1)}`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Files articles [from, to) a feed's worth a batch, pruning once a simulated day; ms an article. */
async function fill(
  store: Store,
  source: ArticleSource,
  from: number,
  to: number,
  rate: number,
  retentionDays: number,
): Promise<number> {
  const time = at(rate);
  let sampled = 0;
  let sampleMs = 0;
  for (let k = from; k < to; k += FEED) {
    const end = Math.min(k + FEED, to);
    const t0 = performance.now();
    await store.batch!(async () => {
      for (let j = k; j < end; j++) await fileArticle(store, source.article(j, time(j)));
    });
    if (end > to - FILING_SAMPLE) {
      sampleMs += performance.now() - t0;
      sampled += end - k;
    }
    // Once a simulated day, as the bot prunes once an hour.
    if (Math.floor(end / rate) > Math.floor(k / rate))
      await store.prune(pruneCutoffs(time(end), retentionDays));
  }
  return sampled === 0 ? 0 : sampleMs / sampled;
}

/** The retention window of the bench's stores, and how long bands are kept. */
const WINDOW_DAYS = 30;
const BAND_DAYS = 4;
/** The bench prunes once a simulated day (the bot prunes every hour). */
const PRUNE_EVERY_DAYS = 1;
/** The bot's prune interval, for what the model says of a real store. */
const BOT_PRUNE_EVERY_DAYS = 1 / 24;

/** The size model's terms, from a filled store: see docs/storage.md. */
export interface SizeModel {
  readonly fixed: number;
  /** Bytes an article takes while held (kept, or deleted by the last prune and not yet replaced). */
  readonly perArticle: number;
  /** Bytes an article's bands take while held. */
  readonly perBandedArticle: number;
  /**
   * Whether the store keeps the space of the rows a prune deleted until new rows fill it (its
   * tables then hold their window and one prune interval's worth): PostgreSQL does; SQLite gives
   * the freed pages back (incremental vacuum), and its size leaves the free list out.
   */
  readonly keepsFreed: boolean;
}

function modelOf(
  name: Bench['name'],
  fixed: Size,
  size: Size,
  kept: number,
  filed: number,
  rate: number,
): SizeModel {
  const keepsFreed = name === 'postgres';
  // What the last prune deleted, once the store is past a window: held still, for the next rows.
  const freed = keepsFreed ? rate * PRUNE_EVERY_DAYS : 0;
  const heldArticles = kept + (filed > rate * WINDOW_DAYS ? freed : 0);
  const heldBanded = size.bandedArticles + (filed > rate * BAND_DAYS ? freed : 0);
  return {
    fixed: fixed.bytes,
    perArticle: (size.bytes - size.bandBytes - fixed.bytes) / heldArticles,
    perBandedArticle: size.bandBytes / Math.max(1, heldBanded),
    keepsFreed,
  };
}

/**
 * What the model predicts for `rate` articles a day kept `days` days (bands for four), pruned
 * every `pruneEveryDays`.
 */
export function predict(m: SizeModel, rate: number, days: number, pruneEveryDays: number): number {
  const freed = m.keepsFreed ? pruneEveryDays : 0;
  return (
    m.fixed +
    rate * (days + freed) * m.perArticle +
    rate * (Math.min(BAND_DAYS, days) + freed) * m.perBandedArticle
  );
}

async function scale(name: Bench['name'], source: ArticleSource): Promise<SizeModel> {
  const bench = await openBench(name, 'fill');
  try {
    const subs = await benchSubscriptions(bench.store);
    const fixed = await bench.size();
    const checkpoints = [10_000, 100_000, 300_000, 1_000_000].filter((c) => c < ARTICLES).concat(ARTICLES);
    let filed = 0;
    let model: SizeModel | undefined;
    console.log(
      `\n${name}: ${ARTICLES} articles at ${RATE} a day (p50/p95 ms; filing and look-up per article)`,
    );
    for (const checkpoint of checkpoints) {
      const t0 = performance.now();
      const filing = await fill(bench.store, source, filed, checkpoint, RATE, WINDOW_DAYS);
      const seconds = (performance.now() - t0) / 1000;
      filed = checkpoint;
      const q = await measureQueries(bench.store, subs, source, filed - 1, at(RATE));
      const size = await bench.size();
      const articles = await bench.store.articles.count();
      model = modelOf(name, fixed, size, articles, filed, RATE);
      console.log(
        `  ${String(checkpoint).padStart(8)}: filed in ${seconds.toFixed(0)} s, filing ${filing.toFixed(2)} ms, ` +
          `similar ${ms(q.similar)} | /latest busy ${ms(q.busy)}, rare ${ms(q.rare)}, empty ${ms(q.empty)}, ` +
          `topic ${ms(q.topic)} | digest region ${ms(q.digestRegion)}, topic ${ms(q.digestTopic)} | ` +
          `${articles} kept, ${mb(size.bytes)} (bands ${mb(size.bandBytes)}), ` +
          `${(model.perArticle / 1000).toFixed(2)} kB an article held + ` +
          `${(model.perBandedArticle / 1000).toFixed(2)} kB of bands while banded`,
      );
    }
    return model!;
  } finally {
    await bench.destroy();
  }
}

/** 60 simulated days with a 30-day window: what is kept, and its size against the model. */
async function window(name: Bench['name'], source: ArticleSource, model: SizeModel): Promise<void> {
  const rate = Number(args['window-rate']);
  if (rate <= 0) return;
  const bench = await openBench(name, 'window');
  try {
    await fill(bench.store, source, 0, rate * 2 * WINDOW_DAYS, rate, WINDOW_DAYS);
    const size = await bench.size();
    const kept = await bench.store.articles.count();
    const predicted = predict(model, rate, WINDOW_DAYS, PRUNE_EVERY_DAYS);
    console.log(
      `${name}: 60 days of ${rate} a day, 30 kept: ${kept} articles (${rate * WINDOW_DAYS} in the window), ` +
        `${mb(size.bytes)}; the model says ${mb(predicted)} (${((size.bytes / predicted - 1) * 100).toFixed(1)}%)`,
    );
  } finally {
    await bench.destroy();
  }
}

async function main(): Promise<void> {
  const backends: Bench['name'][] =
    args.backend === 'both' ? ['sqlite', 'postgres'] : [args.backend as Bench['name']];
  const source = createArticleSource();
  const models = new Map<Bench['name'], SizeModel>();
  // --articles 0: only the ingestion comparison.
  if (ARTICLES > 0) {
    for (const name of backends) models.set(name, await scale(name, source));
    console.log('');
    for (const name of backends) await window(name, source, models.get(name)!);
  }
  console.log('');
  if (backends.length === 2) await compareIngestion(Number(args.feeds), Number(args.items), openBench);
  for (const [name, m] of models)
    console.log(
      `size model ${name}: ${mb(m.fixed)} + ${(m.perArticle / 1000).toFixed(2)} kB an article held + ` +
        `${(m.perBandedArticle / 1000).toFixed(2)} kB an article of the last 4 days` +
        `${m.keepsFreed ? ' (held: kept, or deleted by the last prune)' : ''}; 30 days of 1,000 feeds ` +
        `at 20 articles a day, pruned hourly: ${(predict(m, 20_000, WINDOW_DAYS, BOT_PRUNE_EVERY_DAYS) / 1e9).toFixed(2)} GB`,
    );
}

await main();
