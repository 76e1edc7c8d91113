// A large batch due at one minute must not hold up the next minute's digests: with thousands due
// at 08:00 and more at 08:01, the 08:01 ones go out at 08:01, while the 08:00 batch is still going.
import { describe, expect, it } from 'vitest';
import type { ChatPlatform } from '../../src/platform.js';
import type { Store } from '../../src/store/types.js';
import { createDigestScheduler } from '../../src/scheduler/digest-scheduler.js';
import { makeAnalysis, wordMatch } from '../commands/helpers/fixtures.js';
import { pacedPlatform, storyBefore } from '../helpers/paced-platform.js';
import { createTestStore } from '../commands/helpers/test-store.js';

const FIRST = 3000;
const SECOND = 100;

describe('a large batch and the next minute', () => {
  it(`GIVEN ${FIRST} digests due at 08:00 and ${SECOND} at 08:01 THEN the 08:01 ones go at 08:01, not after the 08:00 batch`, async () => {
    const store = await createTestStore();
    const start = Date.now();
    await storyBefore(store, start, makeAnalysis());
    // "08:00" is now; "08:01" is three seconds later (the platform needs fifteen for the first batch).
    const first = new Date(start);
    const second = new Date(start + 3000);
    const base = {
      target: { kind: 'region' as const, slug: 'balkans' },
      schedule: '0 8 * * *',
      timezone: 'UTC',
    };
    await store.batch!(async () => {
      for (let i = 0; i < FIRST; i++)
        await store.subscriptions.add({
          ...base,
          platform: 'telegram',
          chatId: `a${i}`,
          threadId: null,
          nextDueAt: first,
        });
      for (let i = 0; i < SECOND; i++)
        await store.subscriptions.add({
          ...base,
          platform: 'telegram',
          chatId: `b${i}`,
          threadId: null,
          nextDueAt: second,
        });
    });
    const { platform, delivered } = pacedPlatform(5);
    const scheduler = createDigestScheduler(
      {
        store,
        services: { matchTopic: wordMatch },
        platforms: new Map([['telegram', platform]]),
        onError: () => undefined,
      },
      { instanceId: 'backlog', tickMs: 100 },
    );
    scheduler.start(() => undefined);
    while (delivered.length < FIRST + SECOND && Date.now() - start < 60_000)
      await new Promise((r) => setTimeout(r, 50));
    await scheduler.stop();

    expect(delivered).toHaveLength(FIRST + SECOND);
    const lastOfFirst = Math.max(...delivered.filter((d) => d.chatId.startsWith('a')).map((d) => d.at));
    const seconds = delivered.filter((d) => d.chatId.startsWith('b')).map((d) => d.at);
    // None of the 08:01 digests waited for the 08:00 batch to end...
    expect(Math.max(...seconds)).toBeLessThan(lastOfFirst);
    // ...and they went out within a few seconds of their time, with the 08:00 batch still sending.
    const late = (Math.max(...seconds) - second.getTime()) / 1000;
    expect(late).toBeLessThan(5);
    console.log(
      `backlog: 08:00 batch of ${FIRST} done ${((lastOfFirst - first.getTime()) / 1000).toFixed(1)} s after its time; ` +
        `the ${SECOND} 08:01 digests all out ${late.toFixed(1)} s after theirs`,
    );
  }, 90_000);
});

/** A store with a Balkan story and Balkan digests due at `start`: Telegram's first, then Discord's. */
async function dueOnBoth(start: number, telegram: number, discord: number): Promise<Store> {
  const store = await createTestStore();
  await storyBefore(store, start, makeAnalysis());
  const base = {
    target: { kind: 'region' as const, slug: 'balkans' },
    schedule: '0 8 * * *',
    timezone: 'UTC',
    threadId: null,
    nextDueAt: new Date(start),
  };
  await store.batch!(async () => {
    for (let i = 0; i < telegram; i++)
      await store.subscriptions.add({ ...base, platform: 'telegram', chatId: `t${i}` });
    for (let i = 0; i < discord; i++)
      await store.subscriptions.add({ ...base, platform: 'discord', chatId: `d${i}` });
  });
  return store;
}

describe('two platforms, one of them stuck', () => {
  it('GIVEN Telegram not answering with 300 digests due THEN the Discord digests due with them still go at once', async () => {
    const start = Date.now();
    // Telegram's slots come first in the ledger, and there are more of them than fit in flight.
    const store = await dueOnBoth(start, 300, 20);
    let release: () => void = () => undefined;
    const stuck = new Promise<void>((resolve) => (release = resolve));
    const telegram: ChatPlatform = {
      name: 'telegram',
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(),
      deliver: async () => {
        await stuck;
        return { messageIds: ['1'] };
      },
      tellModerators: () => Promise.resolve(),
    };
    const { platform: discord, delivered } = pacedPlatform(1, 'discord');
    const scheduler = createDigestScheduler(
      {
        store,
        services: { matchTopic: wordMatch },
        platforms: new Map([
          ['telegram', telegram],
          ['discord', discord],
        ]),
        onError: () => undefined,
      },
      { instanceId: 'stuck', tickMs: 100, maxInFlight: 50 },
    );
    scheduler.start(() => undefined);
    while (delivered.length < 20 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 20));
    expect(delivered).toHaveLength(20);
    release();
    await scheduler.stop();
  }, 30_000);
});

describe('two platforms sharing the composing', () => {
  it('GIVEN composing slower than both platforms send THEN Discord’s digests are composed while Telegram’s queue still holds some, not after Telegram’s whole claim', async () => {
    const start = Date.now();
    // Telegram's slots come first in the ledger and are claimed first.
    const store = await dueOnBoth(start, 200, 50);
    // Composing a digest takes 100 ms (a busy machine): sixteen at a time make 160 a second,
    // fewer than Telegram's 50 and Discord's 200 together.
    const slow: Store = {
      ...store,
      digests: {
        ...store.digests,
        forSubscription: async (id) => {
          await new Promise((r) => setTimeout(r, 100));
          return store.digests.forSubscription(id);
        },
      },
    };
    const { platform: telegram, delivered: toTelegram } = pacedPlatform(20, 'telegram');
    const { platform: discord, delivered: toDiscord } = pacedPlatform(5, 'discord');
    const scheduler = createDigestScheduler(
      {
        store: slow,
        services: { matchTopic: wordMatch },
        platforms: new Map([
          ['telegram', telegram],
          ['discord', discord],
        ]),
        onError: () => undefined,
      },
      { instanceId: 'composing', tickMs: 100, maxInFlight: 100 },
    );
    scheduler.start(() => undefined);
    while (toDiscord.length < 1 && Date.now() - start < 20_000) await new Promise((r) => setTimeout(r, 5));
    const telegramBefore = toTelegram.length;
    await scheduler.stop();
    expect(toDiscord.length).toBeGreaterThan(0);
    // In the order they were claimed, Discord's first digest would wait for Telegram's hundred to
    // be composed (some thirty of them delivered by then); composing for the queue about to run dry
    // first, it goes after Telegram's first round.
    expect(telegramBefore).toBeLessThan(16);
  }, 30_000);
});
