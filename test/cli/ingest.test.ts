import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IngestError, runIngest, type IngestContext } from '../../src/cli/ingest.js';
import { createFetchContext, type FetchContext } from '../../src/sources/fetch/index.js';
import { extractPage } from '../../src/sources/poll/index.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../src/store/types.js';
import { respond, startTestServer, type TestServer } from '../helpers/http-server.js';
import { BRIDGE_PAGE } from '../sources/poll/feeds.js';

const NOW = new Date('2026-03-02T08:00:00Z');

const STORY = `Ferry service to Orsa island resumes after storm

The ferry between the mainland and Orsa island resumed its regular timetable on Wednesday, four days after a storm damaged the landing pier.

Repair crews worked through the weekend to replace two broken mooring posts, the island council said, and the first crossing left at seven in the morning.

Islanders had relied on a fishing boat for medicine and post while the ferry was suspended.
`;

describe('newsdesk ingest', () => {
  let store: Store;
  let fetch: FetchContext;
  let server: TestServer;
  let dir: string;
  let output: string[];
  let ctx: IngestContext;

  beforeEach(async () => {
    store = await createSqliteStore(':memory:');
    fetch = createFetchContext({ allowlist: ['127.0.0.1'] });
    server = await startTestServer();
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-ingest-'));
    output = [];
    ctx = { store, fetch, extract: extractPage, out: { write: (s: string) => output.push(s) }, now: NOW };
  });
  afterEach(async () => {
    await fetch.close();
    await store.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a plain-text file ingested twice THEN one article is stored, its title detected, and the second run says so', async () => {
    const file = join(dir, 'ferry.txt');
    writeFileSync(file, STORY);

    expect(await runIngest(file, ctx)).toBe(0);
    expect(await runIngest(file, ctx)).toBe(0);

    expect(await store.articles.count()).toBe(1);
    const [first, second] = output;
    expect(first).toMatch(/^stored \(new story\): article 1/);
    expect(first).toContain('title:     Ferry service to Orsa island resumes after storm');
    expect(first).toMatch(/story: +1 \(1 source\)/);
    expect(second).toMatch(/^already stored: article 1/);
  });

  it('GIVEN an HTML file THEN the article is extracted from the page before analysis', async () => {
    const file = join(dir, 'bridge.html');
    writeFileSync(file, BRIDGE_PAGE);
    await runIngest(file, ctx);
    const [story] = await store.articles.stories({ limit: 1 });
    expect(story?.lead.analysis.body).toContain('temporary footbridge');
    expect(story?.lead.analysis.body).not.toContain('Sport');
    expect(output[0]).toContain('Old bridge at Kesno gets a new deck');
  });

  it('GIVEN a URL THEN the page is fetched through the guard and stored under that URL', async () => {
    server.route('/bridge', respond(200, BRIDGE_PAGE, { 'content-type': 'text/html; charset=utf-8' }));
    await runIngest(server.url('/bridge'), ctx);
    const stored = await store.articles.find(server.url('/bridge'), null);
    expect(stored?.analysis.body).toContain('oak from a local forest');
  });

  it('GIVEN a URL on a private address that is not allowed THEN ingest refuses it with a clear error', async () => {
    const strict = createFetchContext({ allowlist: [] });
    try {
      await expect(runIngest(server.url('/bridge'), { ...ctx, fetch: strict })).rejects.toThrow(IngestError);
      expect(await store.articles.count()).toBe(0);
    } finally {
      await strict.close();
    }
  });

  it('GIVEN a missing file THEN ingest fails with a message naming it', async () => {
    await expect(runIngest(join(dir, 'nope.txt'), ctx)).rejects.toThrow(/cannot read .*nope\.txt: ENOENT/);
  });
});
