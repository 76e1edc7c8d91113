// `newsdesk poll` from cron, with no bot running: the pass also keeps the store to its window.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { fileArticle } from '../../src/store/file-article.js';
import { analysis, article } from '../store/fixtures.js';
import { cleanEnv } from '../helpers/processes.js';
import { testDatabases, type TestDatabase } from '../helpers/stores.js';
import { onlyFeeds } from './feed-fixtures.js';

const exec = promisify(execFile);
const DAY_MS = 86_400_000;

describe.each(testDatabases())('newsdesk poll on $kind', ({ make }) => {
  let db: TestDatabase;
  afterEach(() => db.destroy());

  it('GIVEN a story older than NEWSDESK_RETENTION_DAYS THEN a poll deletes it and keeps the recent one', async () => {
    db = make();
    const store = await db.open();
    await onlyFeeds(store, []);
    const now = Date.now();
    const old = analysis(
      'Harbour ferry strike ends',
      'The ferry strike in the harbour ended.',
      ['HR'],
      ['balkans'],
    );
    const recent = analysis(
      'Vineyard harvest begins early',
      'The grape harvest began two weeks early.',
      ['RS'],
      ['balkans'],
    );
    await fileArticle(
      store,
      article('https://a.example/old', old, { publishedAt: new Date(now - 40 * DAY_MS) }),
    );
    await fileArticle(
      store,
      article('https://a.example/recent', recent, { publishedAt: new Date(now - DAY_MS) }),
    );
    await store.close();

    const { stdout } = await exec('node', ['bin/newsdesk.js', 'poll'], {
      env: cleanEnv({ LOG_LEVEL: 'silent', NEWSDESK_RETENTION_DAYS: '30', ...db.env }),
      timeout: 60_000,
    });
    expect(stdout).toContain('polled 0 feeds');
    expect(stdout).toContain('pruned beyond 30 days: 1 story,');

    const after = await db.open();
    try {
      expect(await after.articles.find('https://a.example/old', null)).toBeUndefined();
      expect(await after.articles.find('https://a.example/recent', null)).toBeDefined();
    } finally {
      await after.close();
    }
  }, 90_000);
});
