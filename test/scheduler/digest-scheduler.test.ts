import { describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/briefing/index.js';
import { runDueDigests, type DigestDeps } from '../../src/scheduler/digest-scheduler.js';
import type { Store, Subscription } from '../../src/store/types.js';
import { makeAnalysis, NOW, seedStory, wordMatch } from '../commands/helpers/fixtures.js';
import { createTestStore } from '../commands/helpers/test-store.js';

async function setup(): Promise<{ store: Store; sent: [Subscription, Reply][]; deps: DigestDeps }> {
  const store = await createTestStore();
  const sent: [Subscription, Reply][] = [];
  const deps: DigestDeps = {
    store,
    services: { matchTopic: wordMatch },
    platforms: ['telegram'],
    deliver: (sub, reply) => (sent.push([sub, reply]), Promise.resolve()),
    onError: (e) => {
      throw e;
    },
  };
  return { store, sent, deps };
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
    const { store, sent, deps } = await setup();
    await seedStory(store, makeAnalysis({ title: 'Morning story' }), 1);
    await store.subscriptions.add(sub());
    // NOW is 12:00 UTC = 13:00 in Belgrade (CET).
    expect(await runDueDigests(deps, new Date(NOW.getTime() - 3_600_000))).toBe(0);
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 25_000))).toBe(1);
    expect(sent[0]![0]).toMatchObject({ chatId: '-100', threadId: '9' });
    expect(
      sent[0]![1].blocks.some((b) => b.kind === 'briefing' && b.briefing.headline === 'Morning story'),
    ).toBe(true);
    // The next day, with nothing new, the digest stays silent.
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 86_400_000))).toBe(0);
  });

  it('GIVEN paused subscriptions or another platform THEN nothing is sent and nothing is marked sent', async () => {
    const { store, sent, deps } = await setup();
    await seedStory(store, makeAnalysis(), 1);
    const paused = await store.subscriptions.add(sub());
    await store.subscriptions.setPaused(paused, true);
    const discord = await store.subscriptions.add(sub({ platform: 'discord' }));
    expect(await runDueDigests(deps, NOW)).toBe(0);
    expect(sent).toEqual([]);
    expect(await store.deliveries.pending(discord.id)).toEqual([]);
  });
});

describe('a digest that fails to send', () => {
  it('GIVEN the platform refuses the digest THEN its stories stay pending and go out at the next run', async () => {
    const { store, sent, deps } = await setup();
    await seedStory(store, makeAnalysis({ title: 'Held back' }), 1);
    const subscription = await store.subscriptions.add(sub({ schedule: '* * * * *' }));
    const errors: unknown[] = [];
    let refuse = true;
    const flaky: DigestDeps = {
      ...deps,
      deliver: (s, reply) =>
        refuse ? Promise.reject(new Error('chat unreachable')) : deps.deliver(s, reply),
      onError: (e) => void errors.push(e),
    };
    expect(await runDueDigests(flaky, NOW)).toBe(0);
    expect(errors).toHaveLength(1);
    expect(await store.deliveries.pending(subscription.id)).toHaveLength(1);
    refuse = false;
    expect(await runDueDigests(flaky, new Date(NOW.getTime() + 60_000))).toBe(1);
    expect(sent[0]![1].blocks.some((b) => b.kind === 'briefing' && b.briefing.headline === 'Held back')).toBe(
      true,
    );
    expect(await store.deliveries.pending(subscription.id)).toEqual([]);
  });
});
