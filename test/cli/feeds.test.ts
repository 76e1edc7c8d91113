import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedsError, FeedsUsageError, runFeeds } from '../../src/cli/feeds.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../../src/store/types.js';

const NOW = new Date('2026-03-02T08:00:00Z');

describe('newsdesk feeds (handlers)', () => {
  let store: Store;
  let dir: string;
  let output: string[];
  const run = (...args: string[]) =>
    runFeeds(args, { store, out: { write: (s: string) => output.push(s) }, now: NOW });
  const printed = () => output.join('');

  beforeEach(async () => {
    store = await createSqliteStore(':memory:');
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-feeds-'));
    output = [];
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a feed added with a region THEN list shows it, and adding it again is refused', async () => {
    expect(
      await run(
        'add',
        'https://balkans.example/rss',
        '--region',
        'Western Balkans',
        '--title',
        'Balkan desk',
      ),
    ).toBe(0);
    expect(printed()).toMatch(/added feed 1: https:\/\/balkans.example\/rss \(balkans\)/);
    output = [];
    await run('list');
    expect(printed()).toMatch(/^\s+1\s+ok\s+balkans\s+https:\/\/balkans.example\/rss\n\s+Balkan desk\n$/);
    await expect(run('add', 'https://balkans.example/rss')).rejects.toThrow(/already following .* \(ID 1\)/);
  });

  it('GIVEN wrong arguments THEN each gets a short, specific usage error', async () => {
    const usage = (args: string[], message: RegExp) =>
      expect(run(...args)).rejects.toSatisfy((e) => e instanceof FeedsUsageError && message.test(e.message));
    await usage([], /needs a command/);
    await usage(['frobnicate'], /unknown feeds command "frobnicate"/);
    await usage(['add'], /needs the URL/);
    await usage(['add', 'not a url'], /"not a url" is not a URL/);
    await usage(['add', 'file:///etc/passwd'], /must start with http/);
    await usage(
      ['add', 'https://x.example/rss', '--region', 'atlantis'],
      /unknown region "atlantis"; known regions: .*balkans/,
    );
    await usage(['add', 'https://x.example/rss', '--regoin', 'balkans'], /feeds add: .*regoin/);
    await usage(['remove'], /needs a feed ID/);
    await usage(['remove', 'seven'], /takes a feed ID, a whole number; got "seven"/);
    await usage(['enable', '0'], /takes a feed ID/);
    await usage(['list', 'extra'], /unexpected "extra"/);
    await usage(['import'], /needs an OPML file/);
    expect(await store.feeds.list()).toEqual([]);
  });

  it('GIVEN a feed disabled after failures THEN enable clears the failures and makes it due now', async () => {
    const feed = await store.feeds.add({ url: 'https://x.example/rss' }, NOW);
    await store.feeds.update(feed.id, {
      enabled: false,
      failures: 8,
      disabledReason: '8 failures in a row: HTTP 404',
      nextFetchAt: new Date(NOW.getTime() + 86_400_000),
    });
    await run('list');
    expect(printed()).toMatch(/disabled[\s\S]*why: 8 failures in a row: HTTP 404/);
    expect(await run('enable', String(feed.id))).toBe(0);
    expect(await store.feeds.get(feed.id)).toMatchObject({
      enabled: true,
      failures: 0,
      disabledReason: null,
      nextFetchAt: NOW,
    });
    await expect(run('enable', '99')).rejects.toSatisfy(
      (e) => e instanceof FeedsError && /no feed with ID 99/.test(e.message),
    );
  });

  it('GIVEN a feed removed THEN it is no longer listed', async () => {
    const feed = await store.feeds.add({ url: 'https://x.example/rss' }, NOW);
    expect(await run('remove', String(feed.id))).toBe(0);
    expect(await store.feeds.list()).toEqual([]);
    await expect(run('remove', String(feed.id))).rejects.toThrow(FeedsError);
  });

  it('GIVEN feeds exported to OPML THEN importing the file into an empty store gives the same feeds', async () => {
    await store.feeds.add({ url: 'https://a.example/rss', title: 'A & B', region: 'balkans' }, NOW);
    await store.feeds.add({ url: 'https://b.example/atom?x=1&y=2', title: null, region: null }, NOW);
    await run('export');
    const file = join(dir, 'feeds.opml');
    writeFileSync(file, printed());
    const fresh = await createSqliteStore(':memory:');
    const out: string[] = [];
    expect(
      await runFeeds(['import', file], {
        store: fresh,
        out: { write: (s: string) => out.push(s) },
        now: NOW,
      }),
    ).toBe(0);
    expect(out.join('')).toMatch(/imported 2 feeds/);
    const strip = (feeds: { url: string; region: string | null }[]) => feeds.map((f) => [f.url, f.region]);
    expect(strip(await fresh.feeds.list())).toEqual(strip(await store.feeds.list()));
    output = [];
    await runFeeds(['import', file], {
      store: fresh,
      out: { write: (s: string) => output.push(s) },
      now: NOW,
    });
    expect(printed()).toMatch(/imported 0 feeds .*; 2 already followed/);
    await fresh.close();
  });

  it('GIVEN a malformed or missing OPML file THEN import fails with the reason and adds nothing', async () => {
    const file = join(dir, 'bad.opml');
    writeFileSync(file, '<opml><body><outline text="x"></body>');
    await expect(run('import', file)).rejects.toThrow(/bad.opml: not well-formed XML \(line 1\)/);
    await expect(run('import', join(dir, 'missing.opml'))).rejects.toThrow(
      /cannot read .*missing.opml: ENOENT/,
    );
    expect(await store.feeds.list()).toEqual([]);
  });
});

describe('newsdesk feeds (command line)', () => {
  const exec = promisify(execFile);
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'newsdesk-data-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const newsdesk = (...args: string[]) =>
    exec('node', ['bin/newsdesk.js', 'feeds', ...args], {
      env: { ...process.env, NEWSDESK_DATA_DIR: dataDir },
    });

  it('GIVEN a new data directory THEN the default feeds are there, and an added feed persists between runs', async () => {
    const first = await newsdesk('list');
    expect(first.stdout).toMatch(/balkans\s+https:\/\/balkaninsight.com\/feed\//);
    await newsdesk('add', 'https://local.example/rss', '--region', 'balkans');
    const second = await newsdesk('list');
    expect(second.stdout).toMatch(/https:\/\/local.example\/rss/);
  });

  it('GIVEN a wrong argument THEN the exit status is 2 and stderr says what was wrong', async () => {
    const failure = await newsdesk('remove', 'x').catch(
      (e: unknown) => e as { code: number; stderr: string },
    );
    expect(failure).toMatchObject({ code: 2 });
    expect((failure as { stderr: string }).stderr).toMatch(/^newsdesk: feeds remove takes a feed ID/);
  });
});
