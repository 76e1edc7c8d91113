import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runConsoleChat } from '../../../src/adapters/console/console-chat.js';
import { SAMPLE_ARTICLES, SAMPLE_SOURCE } from '../../../src/samples/articles.js';
import { loadSamplesIfEmpty } from '../../../src/samples/load.js';
import { keyQuote, makeAnalysis, NOW, seedStory, wordMatch } from '../../commands/helpers/fixtures.js';
import { createTestStore } from '../../commands/helpers/test-store.js';

async function chat(
  lines: string,
  seed: (s: Awaited<ReturnType<typeof createTestStore>>) => Promise<void>,
): Promise<string> {
  const store = await createTestStore();
  await seed(store);
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString()));
  input.end(lines);
  await runConsoleChat({
    input,
    output,
    store,
    services: { matchTopic: wordMatch },
    now: () => NOW,
    interactive: false,
    onError: () => undefined,
  });
  return chunks.join('');
}

describe('terminal chat', () => {
  it('GIVEN piped commands THEN each is answered in plain text, in order, as a moderator, and the chat ends at end of input', async () => {
    const out = await chat('/latest balkans\n\nsubscribe balkans daily\n/subscriptions\n', (store) =>
      seedStory(
        store,
        makeAnalysis({
          title: 'Dunavac <port> reopens',
          quotes: [keyQuote('We are open for business again', 'Mira Jovanović', 'harbour master')],
        }),
      ),
    );
    const latest = out.indexOf('Dunavac <port> reopens');
    const subscribed = out.indexOf('This chat now gets The Balkans daily at 08:00 (UTC)');
    const listed = out.indexOf('#');
    expect(latest).toBeGreaterThanOrEqual(0);
    expect(subscribed).toBeGreaterThan(latest);
    expect(listed).toBeGreaterThan(subscribed);
    expect(out).toContain('The river port of Dunavac reopened on Monday');
    expect(out).toContain('  • Barges queued along the bank overnight.');
    expect(out).toContain('“We are open for business again”\n    — Mira Jovanović, harbour master');
    expect(out).not.toContain('newsdesk>');
  });

  it('GIVEN /quit THEN later lines are not run', async () => {
    const out = await chat('/regions\n/quit\n/help\n', () => Promise.resolve());
    expect(out).toContain('balkans: The Balkans');
    expect(out).not.toContain('newsdesk commands');
  });
});

describe('sample articles', () => {
  it('GIVEN an empty store THEN the samples are analysed and stored once, each marked as a sample', async () => {
    const store = await createTestStore();
    expect(await loadSamplesIfEmpty(store, NOW)).toBe(SAMPLE_ARTICLES.length);
    expect(await loadSamplesIfEmpty(store, NOW)).toBe(0);
    const stories = await store.articles.stories({ limit: 50 });
    expect(stories).toHaveLength(SAMPLE_ARTICLES.length);
    for (const s of stories) {
      expect(s.lead.analysis.title).toMatch(/^\[Sample\] /);
      expect(s.lead.source).toBe(SAMPLE_SOURCE);
      expect(s.lead.analysis.lede.length).toBeGreaterThan(20);
    }
  });

  it('GIVEN a store with real articles THEN no samples are added', async () => {
    const store = await createTestStore();
    await seedStory(store, makeAnalysis());
    expect(await loadSamplesIfEmpty(store, NOW)).toBe(0);
  });
});

describe('npm start without tokens', () => {
  it('GIVEN piped input and no token THEN the terminal chat answers from the samples with no network and exits', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsdesk-start-'));
    try {
      const run = promisify(execFile);
      const child = run('node', ['bin/newsdesk.js', 'start'], {
        env: { PATH: process.env.PATH, NEWSDESK_DATA_DIR: dir, LOG_LEVEL: 'silent' },
        timeout: 60_000,
      });
      child.child.stdin?.end('/latest balkans 10\n/help\n');
      const { stdout } = await child;
      expect(stdout).toMatch(/\[Sample\]|No stories for The Balkans yet\./);
      expect(stdout).toContain('newsdesk commands');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
