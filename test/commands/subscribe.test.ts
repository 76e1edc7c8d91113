import { describe, expect, it } from 'vitest';
import { dispatch } from '../../commands/index.js';
import { createTestStore } from './helpers/test-store.js';
import { makeAnalysis, makeContext, seedStory } from './helpers/fixtures.js';

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
  it('GIVEN a subscription THEN the digest holds new stories once, and nothing new the second time', async () => {
    const store = await createTestStore();
    await seedStory(store, makeAnalysis({ title: 'Fresh Balkan story' }), 3);
    await seedStory(store, makeAnalysis({ title: 'Stale Balkan story' }), 50);
    const ctx = makeContext(store);
    await dispatch(ctx, '/subscribe balkans');
    const first = await dispatch(ctx, '/digest now');
    const headlines = first.blocks.flatMap((b) => (b.kind === 'briefing' ? [b.briefing.headline] : []));
    expect(headlines).toEqual(['Fresh Balkan story']);
    const second = await dispatch(ctx, '/digest now');
    expect(text(second)).toContain('nothing new');
    expect(text(await dispatch(ctx, '/digest later'))).toContain('Only \\"now\\"');
  });
});
