// `npm run bench -- --only backlog`: the scale test. 100,000 digests fall due at "08:00" and
// 1,000 more at "08:01"; the scheduler runs them through the real ledger (SQLite, or PostgreSQL with
// --database-url) and a platform that accepts `--rate` messages a second. The figure that matters is
// how late the 08:01 digests leave while the 08:00 batch is still going out: a scheduler that works
// through the ledger in order would make them wait for the whole batch. "08:01" comes 10 s after
// "08:00" here, so that the batch is still far from done when it does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDigestScheduler } from '../src/scheduler/digest-scheduler.js';
import { createPostgresStore } from '../src/store/postgres/create-postgres-store.js';
import { createSqliteStore } from '../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../src/store/types.js';
import type { Analysis } from '../src/core/types.js';
import { pacedPlatform, storyBefore } from '../test/helpers/paced-platform.js';

export interface BacklogOptions {
  readonly first: number;
  readonly second: number;
  /** Messages a second the platform accepts. */
  readonly rate: number;
  /** PostgreSQL instead of a fresh SQLite file (the bench uses a schema of its own and drops it). */
  readonly databaseUrl?: string;
}

const analysis: Analysis = {
  title: 'Dunavac port reopens',
  lede: 'The river port of Dunavac reopened on Monday after three weeks of repairs.',
  summary: ['Barges queued along the bank overnight.'],
  body: '',
  sentences: [],
  quotes: [],
  countries: ['RS'],
  regions: ['balkans'],
};

async function openBenchStore(options: BacklogOptions): Promise<{ store: Store; drop: () => Promise<void> }> {
  if (options.databaseUrl) {
    const schema = `bench_backlog_${process.pid}`;
    const store = await createPostgresStore(options.databaseUrl, { schema });
    return {
      store,
      drop: async () => {
        await store.close();
        const { default: pg } = await import('pg');
        const client = new pg.Client({ connectionString: options.databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-backlog-'));
  const store = await createSqliteStore(join(dir, 'newsdesk.sqlite'));
  return {
    store,
    drop: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function runBacklogBench(options: BacklogOptions): Promise<void> {
  const { first, second, rate } = options;
  const backend = options.databaseUrl ? 'PostgreSQL' : 'SQLite';
  console.log(
    `\ndigest backlog (${backend}): ${first} digests due at 08:00, ${second} at 08:01 (10 s later here), ` +
      `a platform taking ${rate} messages/s`,
  );
  const { store, drop } = await openBenchStore(options);
  try {
    const eight = Date.now() + 5_000;
    const eightOhOne = eight + 10_000;
    await storyBefore(store, eight, analysis);
    const base = {
      target: { kind: 'region' as const, slug: 'balkans' },
      schedule: '0 8 * * *',
      timezone: 'UTC',
      threadId: null,
      platform: 'telegram' as const,
    };
    const filling = Date.now();
    await (store.batch ?? ((w: () => Promise<void>) => w()))(async () => {
      for (let i = 0; i < first; i++)
        await store.subscriptions.add({ ...base, chatId: `a${i}`, nextDueAt: new Date(eight) });
      for (let i = 0; i < second; i++)
        await store.subscriptions.add({ ...base, chatId: `b${i}`, nextDueAt: new Date(eightOhOne) });
    });
    console.log(`subscriptions stored in ${((Date.now() - filling) / 1000).toFixed(1)} s`);
    while (Date.now() < eight - 1000) await new Promise((r) => setTimeout(r, 100));

    const { platform, delivered } = pacedPlatform(1000 / rate);
    const scheduler = createDigestScheduler(
      {
        store,
        services: { matchTopic: () => false },
        platforms: new Map([['telegram', platform]]),
        onError: () => undefined,
      },
      { instanceId: 'backlog', tickMs: 200, maxInFlight: Math.max(100, rate * 2) },
    );
    scheduler.start(() => undefined);
    const deadline = eight + ((first + second) / rate) * 1000 * 3 + 60_000;
    while (delivered.length < first + second && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop();

    const at = (prefix: string): number[] =>
      delivered.filter((d) => d.chatId.startsWith(prefix)).map((d) => d.at);
    const firsts = at('a');
    const seconds = at('b');
    const lastFirst = Math.max(...firsts);
    const lateSecond = (Math.max(...seconds) - eightOhOne) / 1000;
    const sorted = seconds.map((t) => t - eightOhOne).sort((x, y) => x - y);
    const p50 = (sorted[Math.floor(sorted.length / 2)] ?? 0) / 1000;
    console.log(
      `08:00 batch: ${firsts.length}/${first} delivered, the first ${((Math.min(...firsts) - eight) / 1000).toFixed(1)} s ` +
        `and the last ${((lastFirst - eight) / 1000).toFixed(1)} s after 08:00`,
    );
    console.log(
      `08:01 batch: ${seconds.length}/${second} delivered, median ${p50.toFixed(1)} s and last ${lateSecond.toFixed(1)} s ` +
        `after 08:01, ${seconds.filter((t) => t > lastFirst).length} of them after the 08:00 batch had ended`,
    );
  } finally {
    await drop();
  }
}
