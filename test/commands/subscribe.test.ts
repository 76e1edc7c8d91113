import { describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/index.js';
import { createTestStore } from './helpers/test-store.js';
import { runDueDigests } from '../../src/scheduler/digest-scheduler.js';
import { createFakePlatform } from '../helpers/fake-platform.js';
import { makeAnalysis, makeContext, NOW, seedStory } from './helpers/fixtures.js';

const text = (r: Awaited<ReturnType<typeof dispatch>>): string => JSON.stringify(r.blocks);

describe('/subscribe, /subscriptions, /unsubscribe', () => {
  it('GIVEN a forum topic WHEN a moderator subscribes THEN the thread id, schedule and zone are kept', async () => {
    const store = await createTestStore();
    const ctx = makeContext(store, { chat: { platform: 'telegram', chatId: '-100300', threadId: '17' } });
    const reply = await dispatch(ctx, '/subscribe balkans 07:30 europe/belgrade');
    expect(text(reply)).toContain('This topic now gets The Balkans daily at 07:30 (Europe/Belgrade)');
    expect(await store.subscriptions.all()).toMatchObject([
      {
        chatId: '-100300',
        threadId: '17',
        target: { kind: 'region', slug: 'balkans' },
        schedule: '30 7 * * *',
        timezone: 'Europe/Belgrade',
      },
    ]);
    expect(text(await dispatch(ctx, '/subscriptions'))).toContain(
      'The Balkans, daily at 07:30 Europe/Belgrade in topic 17',
    );
  });

  it('GIVEN no time zone THEN the chat’s own time zone is used, and a quoted cron works', async () => {
    const store = await createTestStore();
    const ctx = makeContext(store);
    await dispatch(ctx, '/settings timezone Asia/Tokyo');
    await dispatch(ctx, '/subscribe balkans "0 6,18 * * *"');
    expect((await store.subscriptions.all())[0]).toMatchObject({
      schedule: '0 6,18 * * *',
      timezone: 'Asia/Tokyo',
    });
  });

  it('GIVEN bad schedules or zones THEN the error names the problem and shows an example', async () => {
    const ctx = makeContext(await createTestStore());
    expect(text(await dispatch(ctx, '/subscribe balkans 25:00'))).toContain('is not a schedule');
    expect(text(await dispatch(ctx, '/subscribe balkans daily Mars/Olympus'))).toContain(
      'is not a time zone',
    );
    expect(text(await dispatch(ctx, '/subscribe balkns'))).toContain('Did you mean balkans?');
  });

  it('GIVEN a schedule more often than hourly THEN it is refused; hourly and twice a day are fine', async () => {
    const store = await createTestStore();
    const ctx = makeContext(store);
    expect(text(await dispatch(ctx, '/subscribe balkans "*/10 * * * *"'))).toContain('at most once an hour');
    expect(text(await dispatch(ctx, '/subscribe balkans "0,30 8 * * *"'))).toContain('at most once an hour');
    expect(text(await dispatch(ctx, '/subscribe balkans hourly'))).toContain('now gets The Balkans hourly');
    expect(text(await dispatch(ctx, '/subscribe sahel twice-daily'))).toContain(
      'now gets The Sahel daily at 08:00 and 18:00',
    );
  });

  it('GIVEN a duplicate THEN it is refused with the id to unsubscribe', async () => {
    const ctx = makeContext(await createTestStore());
    await dispatch(ctx, '/subscribe balkans');
    expect(text(await dispatch(ctx, '/subscribe balkans hourly'))).toContain('already follows The Balkans');
  });

  it('GIVEN a non-moderator THEN subscribing is refused and nothing is stored', async () => {
    const store = await createTestStore();
    const reply = await dispatch(
      makeContext(store, { isModerator: () => Promise.resolve(false) }),
      '/subscribe balkans',
    );
    expect(text(reply)).toContain('Only this chat’s moderators');
    expect(await store.subscriptions.all()).toEqual([]);
  });

  it('GIVEN subscriptions THEN unsubscribe works by id or by name, and never touches another chat', async () => {
    const store = await createTestStore();
    const ctx = makeContext(store);
    const other = makeContext(store, { chat: { platform: 'telegram', chatId: '999', threadId: null } });
    await dispatch(ctx, '/subscribe balkans');
    await dispatch(other, '/subscribe balkans');
    const otherId = (await store.subscriptions.all())[1]!.id;
    expect(text(await dispatch(ctx, `/unsubscribe ${otherId}`))).toContain(`no subscription #${otherId}`);
    expect(text(await dispatch(ctx, '/unsubscribe balkans'))).toContain('Stopped');
    expect((await store.subscriptions.all()).map((s) => s.chatId)).toEqual(['999']);
    expect(text(await dispatch(other, `/unsubscribe #${otherId}`))).toContain(`Stopped #${otherId}`);
    expect(await store.subscriptions.all()).toEqual([]);
  });
});

describe('/digest now', () => {
  it('GIVEN a subscription THEN the digest goes through the ledger: new stories once, and nothing new the second time', async () => {
    const store = await createTestStore();
    await seedStory(store, makeAnalysis({ title: 'Fresh Balkan story' }), 3);
    await seedStory(store, makeAnalysis({ title: 'Stale Balkan story' }), 50);
    const ctx = makeContext(store);
    await dispatch(ctx, '/subscribe balkans');
    const platform = createFakePlatform('telegram');
    const deps = {
      store,
      services: ctx.services,
      platforms: new Map([['telegram', platform] as const]),
      onError: () => undefined,
    };
    expect(text(await dispatch(ctx, '/digest now'))).toContain('Sending the digest now: The Balkans');
    expect(await runDueDigests(deps, NOW)).toBe(1);
    const headlines = platform.delivered[0]!.reply.blocks.flatMap((b) =>
      b.kind === 'briefing' ? [b.briefing.headline] : [],
    );
    expect(headlines).toEqual(['Fresh Balkan story']);
    const later = new Date(NOW.getTime() + 60_000);
    await dispatch({ ...ctx, now: later }, '/digest now');
    expect(await runDueDigests(deps, later)).toBe(1);
    expect(JSON.stringify(platform.delivered[1]!.reply)).toContain('nothing new');
    expect(text(await dispatch(ctx, '/digest later'))).toContain('Only \\"now\\"');
  });

  it('GIVEN the platform refuses a /digest now THEN its stories are not marked sent, and the next attempt carries them', async () => {
    const store = await createTestStore();
    await seedStory(store, makeAnalysis({ title: 'Held story' }), 3);
    const ctx = makeContext(store);
    await dispatch(ctx, '/subscribe balkans');
    const platform = createFakePlatform('telegram');
    platform.failures.push(new Error('Bad Gateway'));
    const deps = {
      store,
      services: ctx.services,
      platforms: new Map([['telegram', platform] as const]),
      onError: () => undefined,
    };
    await dispatch(ctx, '/digest now');
    expect(await runDueDigests(deps, NOW)).toBe(0);
    const [sub] = await store.subscriptions.all();
    expect(await store.deliveries.pending(sub!.id)).toHaveLength(1);
    // The retry waits 30 s; then the same story goes out, once.
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 31_000))).toBe(1);
    expect(JSON.stringify(platform.delivered[0]!.reply)).toContain('Held story');
    expect(await store.deliveries.pending(sub!.id)).toEqual([]);
  });
});
