// Issue 16: two `newsdesk poll --all` at once on one database, as the user would run them.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/types.js';
import { startTestServer, type TestServer } from '../helpers/http-server.js';
import { testDatabases, type TestDatabase } from '../helpers/stores.js';
import { onlyFeeds, outletFeeds } from './feed-fixtures.js';

const exec = promisify(execFile);

// 12 outlets, each reporting the same 4 events and 8 stories of its own: 4 + 96 stories.
const OUTLETS = 12;
const EVENTS = 4;
const OWN = 8;

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function poll(db: TestDatabase): Promise<Run> {
  return exec('node', ['bin/newsdesk.js', 'poll', '--all'], {
    // The feeds' items are dated March 2026: a window of ten years keeps them whatever the date
    // (a poll prunes what is older than NEWSDESK_RETENTION_DAYS after its pass).
    env: {
      ...process.env,
      ...db.env,
      NEWSDESK_ALLOW_HOSTS: '127.0.0.1',
      NEWSDESK_RETENTION_DAYS: '3650',
      LOG_LEVEL: 'silent',
    },
    timeout: 120_000,
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
}

/** What the store holds: articles (a duplicate would add one), stories and their sources. */
async function contents(store: Store) {
  const stories = await store.articles.stories({ limit: 10_000 });
  return {
    articles: await store.articles.count(),
    stories: stories.length,
    sources: stories.reduce((n, s) => n + s.sources, 0),
  };
}

describe.each(testDatabases())('two `newsdesk poll --all` at once, on $kind', ({ make }) => {
  let server: TestServer;
  const feeds = outletFeeds(OUTLETS, EVENTS, OWN);
  const databases: TestDatabase[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    for (let o = 0; o < OUTLETS; o++) server.route(`/feed/${o}.xml`, feeds.handler);
  });
  afterAll(async () => {
    await server.close();
    for (const db of databases) await db.destroy();
  });

  async function prepared(): Promise<TestDatabase> {
    const db = make();
    databases.push(db);
    const store = await db.open();
    await onlyFeeds(
      store,
      Array.from({ length: OUTLETS }, (_, o) => server.url(`/feed/${o}.xml`)),
    );
    await store.close();
    return db;
  }

  async function read(db: TestDatabase) {
    const store = await db.open();
    try {
      return await contents(store);
    } finally {
      await store.close();
    }
  }

  it('GIVEN one database THEN both exit 0, nothing is lost or stored twice, and the stories are those of one process', async () => {
    const alone = await prepared();
    const single = await poll(alone);
    expect(single.code, single.stderr).toBe(0);
    const expected = await read(alone);
    expect(expected).toMatchObject({ articles: feeds.articles, stories: EVENTS + OUTLETS * OWN });

    const shared = await prepared();
    const [a, b] = await Promise.all([poll(shared), poll(shared)]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(`${a.stderr}${b.stderr}`).not.toMatch(/locked|deadlock|Error/);
    const got = await read(shared);
    expect(got).toEqual(expected);
    // Between them the two passes filed every article once.
    const stored = (run: Run) => Number(/(\d+) new articles?/.exec(run.stdout)?.[1] ?? NaN);
    expect(stored(a) + stored(b)).toBe(feeds.articles);
    // Three real processes each start, analyse and store; a busy machine needs the time.
  }, 180_000);
});
