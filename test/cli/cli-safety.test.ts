// Issue 16, the smaller items: what the CLI prints when feeds, links or databases misbehave.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { XMLValidator } from 'fast-xml-parser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { respond, startTestServer, type TestServer } from '../helpers/http-server.js';
import { onlyFeeds } from './feed-fixtures.js';

const exec = promisify(execFile);

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function newsdesk(args: string[], env: Record<string, string>, shell?: string): Promise<Run> {
  const [file, argv] = shell
    ? ['bash', ['-o', 'pipefail', '-c', shell]]
    : ['node', ['bin/newsdesk.js', ...args]];
  return exec(file, argv, { env: { ...process.env, LOG_LEVEL: 'silent', ...env }, maxBuffer: 64 << 20 }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (e: { code?: number; stdout?: string; stderr?: string }) => ({
      code: e.code ?? -1,
      stdout: e.stdout ?? '',
      stderr: e.stderr ?? '',
    }),
  );
}

describe('the CLI with hostile feeds, links and databases', () => {
  let dir: string;
  let server: TestServer;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-cli-'));
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN feed titles and errors holding escape sequences THEN list prints them inert and export is valid XML', async () => {
    const store = await createSqliteStore(join(dir, 'newsdesk.sqlite'));
    await onlyFeeds(store, ['https://tarn.example/rss']);
    const [feed] = await store.feeds.list();
    await store.feeds.update(feed!.id, {
      title: 'Tarn \u001b[2J\u001b]0;pwned\u0007 News \u009b31m',
      failures: 1,
      lastError: 'server said \u001b[31mred',
    });
    await store.close();

    const list = await newsdesk(['feeds', 'list'], { NEWSDESK_DATA_DIR: dir });
    expect(list.code).toBe(0);
    // eslint-disable-next-line no-control-regex -- no control character may reach the terminal
    expect(list.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(list.stdout).toContain('Tarn ?[2J?]0;pwned? News ?31m');
    const exported = await newsdesk(['feeds', 'export'], { NEWSDESK_DATA_DIR: dir });
    expect(XMLValidator.validate(exported.stdout)).toBe(true);
    expect(exported.stdout).toContain('Tarn [2J]0;pwned News');
  });

  it('GIVEN "feeds list | head -1" over many feeds THEN it ends quietly, status 0, no EPIPE', async () => {
    const store = await createSqliteStore(join(dir, 'newsdesk.sqlite'));
    await onlyFeeds(
      store,
      Array.from({ length: 3000 }, (_, i) => `https://outlet${i}.example/a-rather-long-path/to/the/feed.xml`),
    );
    await store.close();
    const run = await newsdesk([], { NEWSDESK_DATA_DIR: dir }, 'node bin/newsdesk.js feeds list | head -1');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('GIVEN ingest of a URL with credentials and a token that fails THEN the error shows neither', async () => {
    server.route('/private/page', respond(404, 'gone'));
    const url = `http://reader:hunter2@127.0.0.1:${server.port}/private/page?token=s3cret`;
    const run = await newsdesk(['ingest', url], {
      NEWSDESK_DATA_DIR: dir,
      NEWSDESK_ALLOW_HOSTS: '127.0.0.1',
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^newsdesk: cannot fetch http:\/\/127\.0\.0\.1:\d+\/private\/page: /);
    expect(run.stderr).not.toMatch(/hunter2|reader|s3cret|token/);
  });

  it('GIVEN a database that cannot be reached, or a bad setting THEN one clear line, no stack, no password', async () => {
    const pg = await newsdesk(['feeds', 'list'], {
      DATABASE_URL: 'postgres://newsdesk:hunter2@127.0.0.1:1/news',
    });
    expect(pg.code).toBe(1);
    expect(pg.stderr).toMatch(
      /^newsdesk: cannot open the database \(PostgreSQL at 127\.0\.0\.1:1\/news\): .*ECONNREFUSED/,
    );
    expect(pg.stderr.trim().split('\n')).toHaveLength(1);
    expect(pg.stderr).not.toContain('hunter2');

    writeFileSync(join(dir, 'newsdesk.sqlite'), 'this is not a database, just text '.repeat(200));
    const sqlite = await newsdesk(['poll'], { NEWSDESK_DATA_DIR: dir });
    expect(sqlite.code).toBe(1);
    expect(sqlite.stderr).toMatch(
      /^newsdesk: cannot open the database \(.*newsdesk\.sqlite\): file is not a database\n$/,
    );

    const config = await newsdesk(['feeds', 'list'], { NEWSDESK_DATA_DIR: dir, LOG_LEVEL: 'loud' });
    expect(config.code).toBe(1);
    expect(config.stderr).toMatch(/^newsdesk: invalid configuration: LOG_LEVEL: .*\n$/);
    expect(config.stderr).not.toMatch(/\n\s+at /);
  });
});
