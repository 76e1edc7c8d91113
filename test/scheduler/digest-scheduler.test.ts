import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/types.js';
import { DestinationLostError } from '../../src/platform.js';
import { runDueDigests, type DigestDeps } from '../../src/scheduler/digest-scheduler.js';
import { planSlot } from '../../src/scheduler/plan.js';
import type { NewSubscription, Store, Subscription } from '../../src/store/types.js';
import { makeAnalysis, NOW, wordMatch } from '../commands/helpers/fixtures.js';
import { createTestStore } from '../commands/helpers/test-store.js';
import { createFakePlatform, type FakePlatform } from '../helpers/fake-platform.js';

const HOUR = 3_600_000;
const MIN = 60_000;

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

const sub = (over: Partial<NewSubscription> = {}): NewSubscription => ({
  platform: 'telegram',
  chatId: '-100',
  threadId: '9',
  target: { kind: 'region', slug: 'balkans' },
  schedule: '0 13 * * *',
  timezone: 'Europe/Belgrade',
  ...over,
});

let stories = 0;
/** A Balkan story published at `at`. */
async function storyAt(store: Store, at: Date, over: Partial<Analysis> = {}): Promise<void> {
  const title = over.title ?? `Story ${++stories}`;
  await store.articles.save(
    {
      url: `https://news.example/${encodeURIComponent(title)}-${++stories}`,
      guid: null,
      feedId: null,
      source: null,
      publishedAt: at,
      fetchedAt: at,
      analysis: makeAnalysis({ ...over, title }),
    },
    null,
  );
}

const headlines = (p: FakePlatform): string[][] =>
  p.delivered.map((d) => d.reply.blocks.flatMap((b) => (b.kind === 'briefing' ? [b.briefing.headline] : [])));

describe('scheduled digests through the ledger', () => {
  it('GIVEN a daily 13:00 Belgrade subscription THEN it runs at 12:00 UTC in March, with its thread, once per story', async () => {
    const { store, telegram, deps } = await setup();
    await storyAt(store, new Date(NOW.getTime() - HOUR), { title: 'Morning story' });
    await store.subscriptions.add(sub());
    // NOW is 12:00 UTC = 13:00 in Belgrade (CET). The first pass reads the schedule.
    expect(await runDueDigests(deps, new Date(NOW.getTime() - HOUR))).toBe(0);
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 25_000))).toBe(1);
    expect(telegram.delivered[0]!.to).toMatchObject({ chatId: '-100', threadId: '9' });
    expect(telegram.delivered[0]!.options).toMatchObject({ title: 'The Balkans, 10 Mar 2026' });
    expect(telegram.delivered[0]!.options.key).toMatch(/^digest:\d+$/);
    expect(headlines(telegram)).toEqual([['Morning story']]);
    // The next day, with nothing new, the digest stays silent (the slot is recorded as skipped).
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 24 * HOUR + 1000))).toBe(0);
    const [s] = await store.subscriptions.all();
    expect((await store.digests.forSubscription(s!.id)).map((d) => [d.state, d.error])).toEqual([
      ['sent', null],
      ['skipped', 'nothing new'],
    ]);
  });

  it('GIVEN a clock ticking for three days across the spring change THEN a 02:30 digest comes once a day', async () => {
    const { store, telegram, deps } = await setup();
    const start = new Date('2026-03-27T22:00:00Z');
    await store.subscriptions.add(sub({ schedule: '30 2 * * *' }));
    for (let t = start.getTime(); t < start.getTime() + 72 * HOUR; t += 5 * MIN) {
      if ((t - start.getTime()) % (6 * HOUR) === 0) await storyAt(store, new Date(t));
      await runDueDigests(deps, new Date(t));
    }
    const [s] = await store.subscriptions.all();
    const sent = (await store.digests.forSubscription(s!.id)).map((d) => d.dueAt.toISOString());
    expect(sent).toEqual([
      '2026-03-28T01:30:00.000Z',
      '2026-03-29T01:00:00.000Z',
      '2026-03-30T00:30:00.000Z',
    ]);
    expect(telegram.delivered).toHaveLength(3);
  });

  it('GIVEN the autumn change THEN the repeated 02:30 gives one digest, not two', async () => {
    const { store, telegram, deps } = await setup();
    const start = new Date('2026-10-24T22:00:00Z');
    await store.subscriptions.add(sub({ schedule: '30 2 * * *' }));
    for (let t = start.getTime(); t < start.getTime() + 26 * HOUR; t += 5 * MIN) {
      if ((t - start.getTime()) % HOUR === 0) await storyAt(store, new Date(t));
      await runDueDigests(deps, new Date(t));
    }
    expect(telegram.delivered).toHaveLength(1);
  });

  it('GIVEN consecutive digests THEN no story is repeated, and each carries only what came since', async () => {
    const { store, telegram, deps } = await setup();
    await store.subscriptions.add(sub({ schedule: '0 * * * *', timezone: 'UTC' }));
    await runDueDigests(deps, NOW);
    await storyAt(store, new Date(NOW.getTime() + 10 * MIN), { title: 'A' });
    await storyAt(store, new Date(NOW.getTime() + 20 * MIN), { title: 'B' });
    await runDueDigests(deps, new Date(NOW.getTime() + HOUR));
    await storyAt(store, new Date(NOW.getTime() + 70 * MIN), { title: 'C' });
    await runDueDigests(deps, new Date(NOW.getTime() + 2 * HOUR));
    expect(headlines(telegram)).toEqual([['B', 'A'], ['C']]);
  });

  it('GIVEN paused subscriptions or another platform THEN nothing is sent and nothing is marked sent', async () => {
    const { store, telegram, deps } = await setup();
    await storyAt(store, new Date(NOW.getTime() - HOUR));
    const paused = await store.subscriptions.add(sub({ nextDueAt: NOW }));
    await store.subscriptions.setPaused(paused, true);
    const discord = await store.subscriptions.add(sub({ platform: 'discord', nextDueAt: NOW }));
    expect(await runDueDigests(deps, NOW)).toBe(0);
    expect(telegram.delivered).toEqual([]);
    expect(await store.deliveries.pending(discord.id)).toEqual([]);
    // The Discord digest waits in the ledger, due, for an instance that runs Discord.
    expect((await store.digests.forSubscription(discord.id)).map((d) => d.state)).toEqual(['due']);
  });

  it('GIVEN subscriptions on two platforms THEN each digest goes through its own platform', async () => {
    const { store, telegram, deps } = await setup();
    const discord = createFakePlatform('discord');
    await storyAt(store, new Date(NOW.getTime() - HOUR), { title: 'Both' });
    await store.subscriptions.add(sub({ nextDueAt: NOW }));
    await store.subscriptions.add(
      sub({
        platform: 'discord',
        chatId: '200000000000000002',
        threadId: '300000000000000003',
        nextDueAt: NOW,
      }),
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
    await storyAt(store, new Date(NOW.getTime() - HOUR));
    const gone = await store.subscriptions.add(sub({ nextDueAt: NOW }));
    const paused: string[] = [];
    telegram.failures.push(new DestinationLostError('Telegram: Forbidden: bot was kicked'));
    expect(await runDueDigests({ ...deps, onPaused: (_s, why) => paused.push(why) }, NOW)).toBe(0);
    expect(await store.subscriptions.get(gone.id)).toMatchObject({
      paused: true,
      pausedReason: 'Telegram: Forbidden: bot was kicked',
    });
    expect(paused).toEqual(['Telegram: Forbidden: bot was kicked']);
    expect(telegram.told).toHaveLength(1);
    expect((await store.digests.forSubscription(gone.id))[0]).toMatchObject({ state: 'failed' });
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 24 * HOUR))).toBe(0);
    expect(telegram.delivered).toEqual([]);
  });
});

describe('catch-up after downtime', () => {
  const at = (h: number, m = 0) => new Date(Date.UTC(2026, 2, 10, h, m));
  const daily8 = (over: Partial<Subscription> = {}): Subscription => ({
    id: 1,
    ...sub({ schedule: '0 8 * * *', timezone: 'UTC' }),
    paused: false,
    pausedReason: null,
    lastDigestAt: null,
    mentionRoleId: null,
    publish: false,
    nextDueAt: at(8),
    ...over,
  });

  it('GIVEN a digest missed by 90 minutes THEN it is still owed, within the default 3 hours', () => {
    expect(planSlot(daily8(), at(9, 30), 3 * HOUR)).toMatchObject({
      slot: { dueAt: at(8), state: 'due' },
      next: new Date(Date.UTC(2026, 2, 11, 8)),
      missed: 0,
    });
  });

  it('GIVEN a digest missed by four hours THEN it is recorded as skipped and the next is tomorrow', () => {
    const plan = planSlot(daily8(), at(12), 3 * HOUR);
    expect(plan.slot).toMatchObject({ dueAt: at(8), state: 'skipped' });
    expect(plan.slot?.error).toContain('missed by 240 min');
    expect(plan.next).toEqual(new Date(Date.UTC(2026, 2, 11, 8)));
  });

  it('GIVEN an hourly digest missed three times THEN one digest is owed, the latest, carrying all', () => {
    const hourly = daily8({ schedule: '0 * * * *', nextDueAt: at(8) });
    expect(planSlot(hourly, at(10, 30), 3 * HOUR)).toMatchObject({
      slot: { dueAt: at(10), state: 'due' },
      missed: 2,
    });
  });

  it('GIVEN a process that was down THEN a digest within the lateness is sent when it starts, one beyond is skipped and its stories go in the next', async () => {
    const { store, telegram, deps } = await setup();
    await storyAt(store, at(7), { title: 'Before eight' });
    const onTime = await store.subscriptions.add(
      sub({ chatId: '-1', schedule: '0 8 * * *', timezone: 'UTC', nextDueAt: at(8) }),
    );
    expect(await runDueDigests(deps, at(9, 30))).toBe(1);
    expect((await store.digests.forSubscription(onTime.id))[0]).toMatchObject({
      state: 'sent',
      dueAt: at(8),
    });

    const late = await store.subscriptions.add(
      sub({ chatId: '-2', threadId: null, schedule: '0 8 * * *', timezone: 'UTC', nextDueAt: at(8) }),
    );
    const skipped: string[] = [];
    const noting = {
      ...deps,
      onEvent: (e: { kind: string; reason?: string }) => void (e.reason && skipped.push(e.reason)),
    };
    expect(await runDueDigests(noting, at(12))).toBe(0);
    expect(skipped[0]).toContain('missed by 240 min');
    // Tomorrow's digest carries the story the skipped one would have had.
    expect(await runDueDigests(deps, new Date(Date.UTC(2026, 2, 11, 8)))).toBe(1);
    expect(telegram.delivered.at(-1)!.to.chatId).toBe('-2');
    expect(headlines(telegram).at(-1)).toEqual(['Before eight']);
    expect((await store.digests.forSubscription(late.id)).map((d) => d.state)).toEqual(['skipped', 'sent']);
  });

  it('GIVEN a slot that waited in the ledger beyond the lateness THEN it is skipped when claimed', async () => {
    const { store, telegram, deps } = await setup();
    await storyAt(store, at(7));
    const s = await store.subscriptions.add(sub({ schedule: '0 8 * * *', timezone: 'UTC' }));
    await store.digests.schedule(
      s.id,
      null,
      { dueAt: at(8), state: 'due' },
      new Date(Date.UTC(2026, 2, 11, 8)),
      at(8),
    );
    expect(await runDueDigests(deps, at(11, 30))).toBe(0);
    expect((await store.digests.forSubscription(s.id))[0]).toMatchObject({ state: 'skipped' });
    expect(telegram.delivered).toEqual([]);
  });
});

describe('a digest that fails to send', () => {
  it('GIVEN the platform refuses the digest THEN its stories stay pending and it is retried later, up to a limit', async () => {
    const { store, telegram, deps } = await setup();
    await storyAt(store, new Date(NOW.getTime() - HOUR), { title: 'Held back' });
    const subscription = await store.subscriptions.add(sub({ nextDueAt: NOW }));
    const errors: unknown[] = [];
    const flaky: DigestDeps = { ...deps, onError: (e) => void errors.push(e) };
    telegram.failures.push(new Error('chat unreachable'), new Error('still unreachable'));
    expect(await runDueDigests(flaky, NOW)).toBe(0);
    expect(errors).toHaveLength(1);
    expect(await store.deliveries.pending(subscription.id)).toHaveLength(1);
    // The retry waits 30 s, then 2 min.
    expect(await runDueDigests(flaky, new Date(NOW.getTime() + 10_000))).toBe(0);
    expect(await runDueDigests(flaky, new Date(NOW.getTime() + 31_000))).toBe(0);
    expect(await runDueDigests(flaky, new Date(NOW.getTime() + 31_000 + 121_000))).toBe(1);
    expect(headlines(telegram)).toEqual([['Held back']]);
    expect(await store.deliveries.pending(subscription.id)).toEqual([]);
    expect((await store.digests.forSubscription(subscription.id))[0]).toMatchObject({
      state: 'sent',
      attempts: 3,
    });
  });

  it('GIVEN a platform that keeps failing THEN the digest is given up as failed after five attempts', async () => {
    const { store, telegram, deps } = await setup();
    await storyAt(store, new Date(NOW.getTime() - HOUR));
    const s = await store.subscriptions.add(sub({ nextDueAt: NOW }));
    for (let i = 0; i < 5; i++) telegram.failures.push(new Error(`failure ${i}`));
    const flaky: DigestDeps = { ...deps, onError: () => undefined };
    for (const minutes of [0, 1, 4, 13, 50])
      await runDueDigests(flaky, new Date(NOW.getTime() + minutes * MIN));
    expect((await store.digests.forSubscription(s.id))[0]).toMatchObject({
      state: 'failed',
      attempts: 5,
      error: 'failure 4',
    });
  });
});
