import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractPage } from '../../../src/sources/poll/index.js';
import { createWorkerPool } from '../../../src/sources/work/pool.js';
import { createInlineWork, type Work } from '../../../src/sources/work/work.js';
import { HARBOUR_A } from '../poll/feeds.js';

const ITEM = { title: 'Port reopens', url: 'https://port.example/a', summary: null, contentHtml: HARBOUR_A };
const FEED = Buffer.from(
  `<rss version="2.0"><channel><title>Port</title><item><title>Port reopens</title><link>https://port.example/a</link></item></channel></rss>`,
);

describe('the worker pool', () => {
  let dir: string;
  let pool: Work;
  let crashing: Work;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-pool-'));
    // A worker entry that dies on one item and otherwise does the real work.
    const real = pathToFileURL(join(process.cwd(), 'bin/analysis-worker.js')).href;
    const entry = join(dir, 'crashing-worker.mjs');
    writeFileSync(
      entry,
      `const { default: run } = await import(${JSON.stringify(real)});
export default (task) => {
  if (task.kind === 'read-item' && task.item.title === 'CRASH') process.exit(70);
  return run(task);
};`,
    );
    pool = createWorkerPool({ threads: 2 });
    crashing = createWorkerPool({ threads: 1, filename: entry });
  });
  afterAll(async () => {
    await pool.close();
    await crashing.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GIVEN a feed and an item THEN the pool parses and analyses them as this thread would', async () => {
    const inline = createInlineWork(extractPage);
    expect(await pool.parseFeed(FEED, undefined, 'https://port.example/rss')).toEqual(
      await inline.parseFeed(FEED, undefined, 'https://port.example/rss'),
    );
    const [there, here] = await Promise.all([pool.readItem(ITEM, 200_000), inline.readItem(ITEM, 200_000)]);
    expect(there.kind).toBe('analysed');
    expect(there).toEqual(here);
  });

  it('GIVEN a worker that dies on an item THEN that item fails, and the pool goes on with a new worker', async () => {
    await expect(crashing.readItem({ ...ITEM, title: 'CRASH' }, 200_000)).rejects.toThrow();
    const after = await crashing.readItem(ITEM, 200_000);
    expect(after.kind).toBe('analysed');
  });

  it('GIVEN a task whose budget has run out THEN it is given up', async () => {
    await expect(pool.readItem(ITEM, 200_000, AbortSignal.abort())).rejects.toThrow();
  });
});
