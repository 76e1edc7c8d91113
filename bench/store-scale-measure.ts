// What the store-scale bench measures on a filled store: the queries a user waits on, and size.
import Database from 'better-sqlite3';
import pg from 'pg';
import { digestForSubscription } from '../commands/digest.js';
import { storiesFor } from '../commands/stories.js';
import type { CommandContext } from '../commands/types.js';
import { storyTerms } from '../src/core/dedup/terms.js';
import { matchTopic } from '../src/core/topics/match.js';
import type { Topic } from '../src/core/types.js';
import type { Store, Subscription } from '../src/store/types.js';
import { BUSY_REGION, EMPTY_REGION, RARE_REGION, type ArticleSource } from './store-scale-data.js';

export const TOPIC: Topic = {
  name: 'works',
  include: ['railway', 'harbour'],
  exclude: ['brewery'],
  regions: [],
};

/** p50 and p95 of some timings, in ms. */
export interface Spread {
  readonly p50: number;
  readonly p95: number;
}

function spread(ms: number[]): Spread {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95) };
}

async function timed(times: number, run: (i: number) => Promise<unknown>): Promise<Spread> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    const t0 = performance.now();
    await run(i);
    ms.push(performance.now() - t0);
  }
  return spread(ms);
}

export interface QueryFigures {
  readonly busy: Spread;
  readonly rare: Spread;
  readonly empty: Spread;
  readonly topic: Spread;
  readonly digestRegion: Spread;
  readonly digestTopic: Spread;
  readonly similar: Spread;
}

function context(store: Store, now: Date): CommandContext {
  return {
    store,
    now,
    chat: { platform: 'telegram', chatId: 'bench', threadId: null },
    isModerator: () => Promise.resolve(true),
    services: {
      matchTopic: (a, topic) =>
        matchTopic({ title: a.title, body: a.body, regions: a.regions }, topic).matched,
    },
  };
}

/** The subscriptions whose digests are composed: a busy region's and a topic's. */
export async function benchSubscriptions(store: Store): Promise<Subscription[]> {
  const chat = { platform: 'telegram', chatId: 'bench' } as const;
  await store.topics.upsert(chat, TOPIC);
  const base = { ...chat, threadId: null, schedule: '0 8 * * *', timezone: 'UTC' };
  return [
    await store.subscriptions.add({ ...base, target: { kind: 'region', slug: BUSY_REGION } }),
    await store.subscriptions.add({ ...base, target: { kind: 'topic', name: TOPIC.name } }),
  ];
}

/**
 * `/latest` (three stories, and one more to tell whether there is a next page) for a busy, a rare
 * and an empty region and a topic; a day's digest of a region and of a topic; and a similar-story
 * look-up of a recent article's terms in its clustering window.
 */
export async function measureQueries(
  store: Store,
  subs: readonly Subscription[],
  source: ArticleSource,
  lastK: number,
  at: (k: number) => Date,
  times = 60,
): Promise<QueryFigures> {
  const now = new Date(at(lastK).getTime() + 60_000);
  const ctx = context(store, now);
  const latest = (target: { region: string } | { topic: Topic }) => () => storiesFor(ctx, target, 4);
  const day = new Date(now.getTime() - 86_400_000);
  return {
    busy: await timed(times, latest({ region: BUSY_REGION })),
    rare: await timed(times, latest({ region: RARE_REGION })),
    empty: await timed(times, latest({ region: EMPTY_REGION })),
    topic: await timed(times, latest({ topic: TOPIC })),
    digestRegion: await timed(times, () => digestForSubscription(ctx, subs[0]!, day)),
    digestTopic: await timed(times, () => digestForSubscription(ctx, subs[1]!, day)),
    similar: await timed(times * 3, (i) => {
      const k = Math.max(0, lastK - 1 - ((i * 37) % 2000));
      const a = source.article(k, at(k)).analysis;
      const terms = storyTerms(a.title, a.lede);
      const t = at(k).getTime();
      const window = 48 * 3_600_000;
      return store.articles.similar({
        terms,
        minShared: 3,
        from: new Date(t - window),
        to: new Date(t + window),
        limit: 50,
      });
    }),
  };
}

/** A store's size on disk: all of it, and the near-duplicate index's share. */
export interface Size {
  readonly bytes: number;
  readonly bandBytes: number;
  /** Articles that still have bands. */
  readonly bandedArticles: number;
}

export function sqliteSize(file: string): Size {
  const db = new Database(file);
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
    const pages = db.pragma('page_count', { simple: true }) as number;
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    const bands = db
      .prepare<[], { bytes: number | null }>(
        "SELECT SUM(pgsize) AS bytes FROM dbstat WHERE name IN ('article_bands', 'article_bands_article')",
      )
      .get();
    const banded = db
      .prepare<[], { n: number }>('SELECT COUNT(DISTINCT article_id) AS n FROM article_bands')
      .get();
    const free = db.pragma('freelist_count', { simple: true }) as number;
    return {
      bytes: (pages - free) * pageSize,
      bandBytes: bands?.bytes ?? 0,
      bandedArticles: banded?.n ?? 0,
    };
  } finally {
    db.close();
  }
}

export async function postgresSize(url: string, schema: string): Promise<Size> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const total = await client.query<{ bytes: string }>(
      `SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class c
       JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind = 'r'`,
      [schema],
    );
    const bands = await client.query<{ bytes: string }>(
      'SELECT pg_total_relation_size($1::regclass) AS bytes',
      [`${schema}.article_bands`],
    );
    const banded = await client.query<{ n: number }>(
      `SELECT COUNT(DISTINCT article_id)::integer AS n FROM ${schema}.article_bands`,
    );
    return {
      bytes: Number(total.rows[0]!.bytes),
      bandBytes: Number(bands.rows[0]!.bytes),
      bandedArticles: banded.rows[0]!.n,
    };
  } finally {
    await client.end();
  }
}
