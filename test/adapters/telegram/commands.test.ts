import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../commands/index.js';
import { renderTelegram } from '../../../src/render/index.js';
import { keyQuote, makeAnalysis, makeContext, seedStory } from '../../commands/helpers/fixtures.js';
import { textMessage } from '../../helpers/fake-telegram.js';
import { FORUM, GROUP, startHarness, TOKEN, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h.stop());

describe('Telegram adapter with real grammY against a fake Bot API', () => {
  it('GIVEN /latest balkans in a group THEN the rendered briefing is sent as HTML with a chosen preview', async () => {
    h = await startHarness();
    await seedStory(
      h.store,
      makeAnalysis({
        title: 'Dunavac port reopens',
        quotes: [keyQuote('We are open', 'Mira Jovanović', 'harbour master')],
      }),
    );
    h.fake.push(textMessage('/latest balkans', GROUP));
    await h.fake.until(() => h.fake.sent().length === 1);
    const expected = renderTelegram(await dispatch(makeContext(h.store), '/latest balkans'));
    const [sent] = h.fake.sent();
    expect(sent!.body).toMatchObject({
      chat_id: GROUP.id,
      parse_mode: 'HTML',
      text: expected[0]!.text,
      link_preview_options: {
        url: 'https://news.example/Dunavac%20port%20reopens',
        prefer_small_media: true,
      },
    });
    expect(sent!.body.text).toContain('— <i>Mira Jovanović, harbour master</i>');
    const menus = h.fake.calls
      .filter((c) => c.method === 'setMyCommands')
      .map((c) => String(c.body.scope?.type));
    expect(menus).toEqual(['default', 'all_chat_administrators']);
  });

  it('GIVEN /topics add THEN a member is refused, an admin and an anonymous admin are allowed', async () => {
    h = await startHarness();
    h.fake.setMember(GROUP.id, 7, 'member');
    h.fake.setMember(GROUP.id, 8, 'administrator');
    h.fake.push(textMessage('/topics add ports include port*', GROUP, { fromId: 7 }));
    await h.fake.until(() => h.fake.sent().length === 1);
    expect(h.fake.sent()[0]!.body.text).toContain('Only this chat’s moderators');
    expect(await h.store.topics.list({ platform: 'telegram', chatId: String(GROUP.id) })).toEqual([]);

    h.fake.push(textMessage('/topics add ports include port*', GROUP, { fromId: 8 }));
    h.fake.push(
      textMessage('/topics add votes include vote', GROUP, {
        senderChat: { id: GROUP.id, type: 'supergroup' },
      }),
    );
    h.fake.push(
      textMessage('/topics add ads include sale', GROUP, { senderChat: { id: -100999, type: 'channel' } }),
    );
    await h.fake.until(() => h.fake.sent().length === 4);
    // Different members are answered concurrently, so in no fixed order.
    const texts = h.fake.sent().map((c) => String(c.body.text));
    expect(texts.filter((t) => t.includes('Topic ports saved'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('Topic votes saved'))).toHaveLength(1);
    // A post from some other channel linked to the group is no admin.
    expect(texts.filter((t) => t.includes('Only this chat’s moderators'))).toHaveLength(2);
    expect(
      (await h.store.topics.list({ platform: 'telegram', chatId: String(GROUP.id) })).map((t) => t.name),
    ).toEqual(['ports', 'votes']);
  });

  it('GIVEN repeated moderator commands THEN getChatMember is asked once (cached)', async () => {
    h = await startHarness();
    h.fake.setMember(GROUP.id, 8, 'creator');
    for (const t of ['/settings size 3', '/settings size 4', '/settings size 5'])
      h.fake.push(textMessage(t, GROUP, { fromId: 8 }));
    await h.fake.until(() => h.fake.sent().length === 3);
    expect(h.fake.sent().map((c) => String(c.body.text))).toEqual([
      'Saved. Time zone UTC, 3 stories a digest.',
      'Saved. Time zone UTC, 4 stories a digest.',
      'Saved. Time zone UTC, 5 stories a digest.',
    ]);
    expect(h.fake.calls.filter((c) => c.method === 'getChatMember')).toHaveLength(1);
  });

  it('GIVEN a forum topic THEN the subscription keeps its thread id and replies go to that topic', async () => {
    h = await startHarness();
    h.fake.setMember(FORUM.id, 8, 'administrator');
    h.fake.push(textMessage('/subscribe balkans daily', FORUM, { fromId: 8, threadId: 42 }));
    await h.fake.until(() => h.fake.sent().length === 1);
    expect(await h.store.subscriptions.all()).toMatchObject([{ chatId: String(FORUM.id), threadId: '42' }]);
    expect(h.fake.sent()[0]!.body).toMatchObject({
      message_thread_id: 42,
      text: expect.stringContaining('This topic now gets'),
    });
    await h.adapter.deliver(
      { platform: 'telegram', chatId: String(FORUM.id), threadId: '42' },
      { blocks: [{ kind: 'text', text: 'digest' }] },
    );
    expect(h.fake.sent()[1]!.body).toMatchObject({
      chat_id: String(FORUM.id),
      message_thread_id: 42,
      text: 'digest',
    });
  });

  it('GIVEN a command in a channel post or a private chat THEN it runs as a moderator’s', async () => {
    h = await startHarness();
    const post = textMessage('/subscribe balkans', { id: -100888, type: 'supergroup' }).message as Record<
      string,
      unknown
    >;
    h.fake.push({
      channel_post: { ...post, chat: { id: -100888, type: 'channel', title: 'News' }, from: undefined },
    });
    h.fake.push(textMessage('/settings size 2', { id: 31, type: 'private' }, { fromId: 31 }));
    await h.fake.until(() => h.fake.sent().length === 2);
    expect(await h.store.subscriptions.all()).toMatchObject([{ chatId: '-100888' }]);
    // Different chats run concurrently, so find the private chat's reply by its chat.
    expect(String(h.fake.sent().find((c) => c.body.chat_id === 31)!.body.text)).toContain('Saved.');
    expect(h.fake.calls.filter((c) => c.method === 'getChatMember')).toEqual([]);
  });

  it('GIVEN a command for another bot THEN it is ignored', async () => {
    h = await startHarness();
    h.fake.push(textMessage('/latest@some_other_bot balkans', GROUP));
    h.fake.push(textMessage('/help@newsdesk_test_bot', GROUP));
    await h.fake.until(() => h.fake.sent().length === 1);
    expect(String(h.fake.sent()[0]!.body.text)).toContain('newsdesk commands');
  });

  it('GIVEN the bot is kicked THEN the chat’s subscriptions pause; added back THEN they resume; migrated THEN they move', async () => {
    h = await startHarness();
    const chat = { platform: 'telegram' as const, chatId: String(GROUP.id), threadId: null };
    await h.store.subscriptions.add({
      ...chat,
      target: { kind: 'region', slug: 'balkans' },
      schedule: '0 8 * * *',
      timezone: 'UTC',
    });
    const member = (status: string, old: string) => ({
      my_chat_member: {
        chat: { ...GROUP, title: 'Group' },
        from: { id: 8, is_bot: false, first_name: 'A' },
        date: 0,
        old_chat_member: { status: old, user: { id: 4242, is_bot: true, first_name: 'Newsdesk' } },
        new_chat_member: {
          status,
          user: { id: 4242, is_bot: true, first_name: 'Newsdesk' },
          ...(status === 'kicked' ? { until_date: 0 } : {}),
        },
      },
    });
    h.fake.push(member('kicked', 'member'));
    await h.fake.until(async () => (await h.store.subscriptions.all())[0]?.paused === true);
    h.fake.push(member('member', 'kicked'));
    await h.fake.until(async () => (await h.store.subscriptions.all())[0]?.paused === false);
    const migrate = textMessage('x', { id: GROUP.id, type: 'group' });
    const message: Record<string, unknown> = {
      ...(migrate.message as Record<string, unknown>),
      migrate_to_chat_id: -100123456,
    };
    delete message.text;
    h.fake.push({ message });
    await h.fake.until(async () => (await h.store.subscriptions.all())[0]?.chatId === '-100123456');
    expect(h.logs()).toContain('removed from chat');
    expect(h.logs()).not.toContain(TOKEN);
  });
});

describe('Telegram updates with several instances', () => {
  it('GIVEN another instance holds the updates THEN this one stands by without polling, and takes over when the lock frees', async () => {
    let free = false;
    const leadership = {
      acquire: () => Promise.resolve(free),
      release: () => Promise.resolve(),
    };
    h = await startHarness({ leadership, standbyRetryMs: 100 });
    await new Promise((r) => setTimeout(r, 300));
    expect(h.fake.calls.filter((c) => c.method === 'getUpdates')).toEqual([]);
    expect(h.logs()).toContain('standing by');
    free = true;
    h.fake.push(textMessage('/regions', GROUP));
    await h.fake.until(() => h.fake.sent().length === 1);
    expect(h.logs()).toContain('telegram polling');
  });
});
