import { describe, expect, it } from 'vitest';
import { DestinationLostError } from '../../src/platform.js';
import { runDueDigests, type DigestDeps } from '../../src/scheduler/digest-scheduler.js';
import type { Store, Subscription } from '../../src/store/types.js';
import { makeAnalysis, NOW, seedStory, wordMatch } from '../commands/helpers/fixtures.js';
import { createTestStore } from '../commands/helpers/test-store.js';
import { createFakePlatform, type FakePlatform } from '../helpers/fake-platform.js';

async function setup(): Promise<{ store: Store; telegram: FakePlatform; deps: DigestDeps }> {
  const store = await createTestStore();
  const telegram = createFakePlatform('telegram');
  const deps: DigestDeps = {
    store,
    services: { matchTopic: wordMatch },
    platforms: new Map([['telegram', telegram]]),
    onError: (e) => {
      throw e;
    },
  };
  return { store, telegram, deps };
}

const sub = (over: Partial<Subscription> = {}) => ({
  platform: 'telegram' as const,
  chatId: '-100',
  threadId: '9',
  target: { kind: 'region' as const, slug: 'balkans' },
  schedule: '0 13 * * *',
  timezone: 'Europe/Belgrade',
  ...over,
});

describe('scheduled digests', () => {
  it('GIVEN a daily 13:00 Belgrade subscription THEN it runs at 12:00 UTC in March, with its thread, once per story', async () => {
    const { store, telegram, deps } = await setup();
    await seedStory(store, makeAnalysis({ title: 'Morning story' }), 1);
    await store.subscriptions.add(sub());
    // NOW is 12:00 UTC = 13:00 in Belgrade (CET).
    expect(await runDueDigests(deps, new Date(NOW.getTime() - 3_600_000))).toBe(0);
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 25_000))).toBe(1);
    expect(telegram.delivered[0]!.to).toMatchObject({ chatId: '-100', threadId: '9' });
    expect(telegram.delivered[0]!.options.title).toBe('The Balkans, 10 Mar 2026');
    expect(
      telegram.delivered[0]!.reply.blocks.some(
        (b) => b.kind === 'briefing' && b.briefing.headline === 'Morning story',
      ),
    ).toBe(true);
    // The next day, with nothing new, the digest stays silent.
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 86_400_000))).toBe(0);
  });

  it('GIVEN paused subscriptions or another platform THEN nothing is sent and nothing is marked sent', async () => {
    const { store, telegram, deps } = await setup();
    await seedStory(store, makeAnalysis(), 1);
    const paused = await store.subscriptions.add(sub());
    await store.subscriptions.setPaused(paused, true);
    const discord = await store.subscriptions.add(sub({ platform: 'discord' }));
    expect(await runDueDigests(deps, NOW)).toBe(0);
    expect(telegram.delivered).toEqual([]);
    expect(await store.deliveries.pending(discord.id)).toEqual([]);
  });

  it('GIVEN subscriptions on two platforms THEN each digest goes through its own platform', async () => {
    const { store, telegram, deps } = await setup();
    const discord = createFakePlatform('discord');
    await seedStory(store, makeAnalysis({ title: 'Both' }), 1);
    await store.subscriptions.add(sub());
    await store.subscriptions.add(
      sub({ platform: 'discord', chatId: '200000000000000002', threadId: '300000000000000003' }),
    );
    const both = {
      ...deps,
      platforms: new Map([['telegram', telegram] as const, ['discord', discord] as const]),
    };
    expect(await runDueDigests(both, NOW)).toBe(2);
    expect(telegram.delivered.map((d) => d.to.chatId)).toEqual(['-100']);
    expect(discord.delivered.map((d) => d.to.threadId)).toEqual(['300000000000000003']);
  });

  it('GIVEN a destination that is gone THEN its subscriptions pause with the reason and moderators are told', async () => {
    const { store, telegram, deps } = await setup();
    await seedStory(store, makeAnalysis(), 1);
    const gone = await store.subscriptions.add(sub());
    const paused: string[] = [];
    telegram.failures.push(new DestinationLostError('Telegram: Forbidden: bot was kicked'));
    expect(await runDueDigests({ ...deps, onPaused: (_s, why) => paused.push(why) }, NOW)).toBe(0);
    expect(await store.subscriptions.get(gone.id)).toMatchObject({
      paused: true,
      pausedReason: 'Telegram: Forbidden: bot was kicked',
    });
    expect(paused).toEqual(['Telegram: Forbidden: bot was kicked']);
    expect(telegram.told).toHaveLength(1);
    // Paused, it is not tried again.
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 86_400_000))).toBe(0);
    expect(telegram.delivered).toEqual([]);
  });
});

describe('a digest that fails to send', () => {
  it('GIVEN the platform refuses the digest THEN its stories stay pending and go out at the next run', async () => {
    const { store, telegram, deps } = await setup();
    await seedStory(store, makeAnalysis({ title: 'Held back' }), 1);
    const subscription = await store.subscriptions.add(sub({ schedule: '* * * * *' }));
    const errors: unknown[] = [];
    const flaky: DigestDeps = { ...deps, onError: (e) => void errors.push(e) };
    telegram.failures.push(new Error('chat unreachable'));
    expect(await runDueDigests(flaky, NOW)).toBe(0);
    expect(errors).toHaveLength(1);
    expect(await store.deliveries.pending(subscription.id)).toHaveLength(1);
    expect(await runDueDigests(flaky, new Date(NOW.getTime() + 60_000))).toBe(1);
    expect(
      telegram.delivered[0]!.reply.blocks.some(
        (b) => b.kind === 'briefing' && b.briefing.headline === 'Held back',
      ),
    ).toBe(true);
    expect(await store.deliveries.pending(subscription.id)).toEqual([]);
  });
});
