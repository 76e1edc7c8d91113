import { describe, expect, it } from 'vitest';
import { COMMANDS, dispatch } from '../../commands/index.js';
import { renderPlain, renderTelegram } from '../../src/render/index.js';
import { createTestStore } from './helpers/test-store.js';
import { makeAnalysis, makeContext, seedStory } from './helpers/fixtures.js';

// A small seeded generator (mulberry32), so a failure can be replayed.
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOSTILE = [
  '<script>alert(1)</script>',
  '"',
  "'",
  '“',
  '«',
  '\u0000',
  '\u202e',
  '😀',
  '@everyone',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '99999999999999999999',
  '(a+)+$',
  '.*',
  '*',
  ',',
  ',,,',
  'include',
  'exclude',
  'regions',
  'now',
  'timezone',
  'size',
  '../../etc/passwd',
  'javascript:alert(1)',
  'http://169.254.169.254/',
  '0 8 * * *',
  '25:61',
  'Europe/Belgrade',
  'balkans',
  'add',
  'remove',
  'list',
  '%s%n',
  '\n/latest',
  '&amp;',
  'a'.repeat(300),
];

function randomString(next: () => number): string {
  const len = Math.floor(next() * 30);
  let s = '';
  for (let i = 0; i < len; i++) s += String.fromCharCode(Math.floor(next() * 0x3000));
  return s;
}

function randomCommand(next: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const head =
    next() < 0.85
      ? `/${pick(COMMANDS).name}`
      : pick(['', '/', '//', 'latest', '/LATEST', '/x@bot', randomString(next)]);
  const words: string[] = [];
  const n = Math.floor(next() * 8);
  for (let i = 0; i < n; i++) words.push(next() < 0.6 ? pick(HOSTILE) : randomString(next));
  const line = [head, ...words].join(next() < 0.9 ? ' ' : '\t');
  return next() < 0.01 ? line.repeat(200) : line;
}

describe('command layer fuzz', () => {
  it('GIVEN 1,000 random and hostile command strings THEN every one gets a non-empty reply that renders, and none throws', async () => {
    const store = await createTestStore();
    await seedStory(store, makeAnalysis({ title: 'A <b>bold</b> & "quoted" story @everyone' }), 1);
    const next = rng(20260310);
    const failures: unknown[] = [];
    for (let i = 0; i < 1000; i++) {
      const input = randomCommand(next);
      const ctx = makeContext(store, { isModerator: () => Promise.resolve(next() < 0.5) });
      const reply = await dispatch(ctx, input, (f) => failures.push(f));
      expect(reply.blocks.length, input).toBeGreaterThan(0);
      for (const message of renderTelegram(reply)) expect(message.text.length).toBeLessThanOrEqual(4096);
      expect(renderPlain(reply).length).toBeGreaterThan(0);
    }
    // Hostile input is a user's mistake, never a bug: nothing reached the error boundary.
    expect(failures).toEqual([]);
  });

  it('GIVEN a store that fails THEN the user gets a calm reply and the failure is reported', async () => {
    const store = await createTestStore();
    const broken = {
      ...store,
      topics: { ...store.topics, list: () => Promise.reject(new Error('disk gone')) },
    };
    const failures: unknown[] = [];
    const reply = await dispatch(makeContext(broken), '/latest nowhere', (f) => failures.push(f));
    expect(reply.blocks[0]).toMatchObject({ kind: 'error', message: expect.stringContaining('went wrong') });
    expect(failures).toHaveLength(1);
  });
});
