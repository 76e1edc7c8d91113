import { afterEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../../src/core/briefing/index.js';
import { DestinationLostError, type Destination } from '../../../src/platform.js';
import { runDueDigests } from '../../../src/scheduler/digest-scheduler.js';
import { makeAnalysis, NOW, seedStory, wordMatch } from '../../commands/helpers/fixtures.js';
import { messageProblem } from '../../helpers/fake-discord.js';
import { FORUM, GUILD, NEWS, startDiscordHarness, TEXT, THREAD, TOKEN, type Harness } from './harness.js';

let h: Harness;
afterEach(async () => h?.stop());

const at = (threadId: string): Destination => ({ platform: 'discord', chatId: GUILD, threadId });

async function digestOf(count: number, long = false): Promise<Reply> {
  for (let i = 0; i < count; i++) {
    const lede = long
      ? `Story ${i}: ${'the harbour council debated the long budget again and again '.repeat(70)}`.trim()
      : `Story ${i} lede.`;
    await seedStory(
      h.store,
      makeAnalysis({
        title: `Headline ${i} ${long ? 'x'.repeat(300) : ''}`.trim(),
        lede,
        summary: [lede, ...(long ? ['A point '.repeat(200), 'Another point '.repeat(200)] : [])],
      }),
      i + 1,
    );
  }
  const sub = await h.store.subscriptions.add({
    platform: 'discord',
    chatId: GUILD,
    threadId: TEXT,
    target: { kind: 'region', slug: 'balkans' },
    schedule: '* * * * *',
    timezone: 'UTC',
  });
  await h.store.chats.updateSettings(sub, { digestSize: 10 });
  const { digestForSubscription } = await import('../../../commands/index.js');
  const digest = await digestForSubscription(
    {
      store: h.store,
      now: NOW,
      chat: { platform: 'discord', chatId: GUILD, threadId: TEXT },
      isModerator: () => Promise.resolve(true),
      services: { matchTopic: wordMatch },
    },
    sub,
  );
  return digest.reply;
}

describe('Discord digests: channels, threads, forums, limits, hostile text', () => {
  it('GIVEN a digest for a text channel, a thread and a forum THEN each gets it; the forum a new titled post', async () => {
    h = await startDiscordHarness();
    const reply = await digestOf(2);
    await h.adapter.deliver(at(TEXT), reply);
    await h.adapter.deliver(at(THREAD), reply);
    const forum = await h.adapter.deliver(at(FORUM), reply, { title: 'The Balkans, 10 Mar 2026' });
    expect(h.fake.posted(TEXT)).toHaveLength(1);
    expect(h.fake.posted(THREAD)).toHaveLength(1);
    const [post] = h.fake.callsTo('POST', new RegExp(`^/channels/${FORUM}/threads$`));
    expect(post!.body.name).toBe('The Balkans, 10 Mar 2026');
    expect(post!.body.message.embeds.map((e: { title: string }) => e.title)).toEqual([
      'Headline 0',
      'Headline 1',
    ]);
    // The post is a new thread of the forum, and its id is the post's.
    expect(h.fake.channel(forum.messageIds[0]!)).toMatchObject({ type: 11, parentId: FORUM });
  });

  it('GIVEN a 429 with Retry-After THEN the message waits it out and is delivered once', async () => {
    h = await startDiscordHarness();
    const reply = await digestOf(1);
    h.fake.failNext(
      new RegExp(`^POST /channels/${TEXT}/messages$`),
      429,
      { message: 'You are being rate limited.', retry_after: 1, global: false },
      { 'retry-after': '1', 'x-ratelimit-bucket': 'abc123', 'x-ratelimit-scope': 'user' },
    );
    await h.adapter.deliver(at(TEXT), reply);
    const attempts = h.fake.callsTo('POST', new RegExp(`^/channels/${TEXT}/messages$`));
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(h.fake.posted(TEXT)).toHaveLength(1);
    expect(h.adapter.stats().rateLimited).toBe(1);
    expect(h.logs()).toContain('abc123');
    expect(h.logs()).not.toContain(TOKEN);
  });

  it('GIVEN a global 429 asking for 0.25 s (Retry-After rounded up to 1) THEN the message is sent again after a quarter second, not a second, and once', async () => {
    h = await startDiscordHarness();
    const reply = await digestOf(1);
    h.fake.failNext(
      new RegExp(`^POST /channels/${TEXT}/messages$`),
      429,
      { message: 'You are being rate limited.', retry_after: 0.25, global: true },
      { 'retry-after': '1', 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global' },
    );
    await h.adapter.deliver(at(TEXT), reply);
    const attempts = h.fake.callsTo('POST', new RegExp(`^/channels/${TEXT}/messages$`));
    expect(attempts).toHaveLength(2);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(250);
    expect(attempts[1]!.at - attempts[0]!.at).toBeLessThan(900);
    expect(h.fake.posted(TEXT)).toHaveLength(1);
    expect(h.adapter.stats().rateLimited).toBe(1);
  });

  it('GIVEN a story with @everyone, <@&123> and **bold** THEN no mention is parsed and the markdown arrives escaped', async () => {
    h = await startDiscordHarness();
    await seedStory(
      h.store,
      makeAnalysis({
        title: '**bold** claim for @everyone',
        lede: 'Hey @everyone and <@&123456789012345678>, read [this](https://evil.example) **now** _please_ ~~x~~ `y` ||z||',
      }),
    );
    const { runCommand } = await import('../../../commands/index.js');
    const { makeContext } = await import('../../commands/helpers/fixtures.js');
    const reply = await runCommand(makeContext(h.store), 'latest', ['balkans']);
    await h.adapter.deliver(at(TEXT), reply);
    const [message] = h.fake.posted(TEXT);
    expect(message!.body.allowed_mentions).toEqual({ parse: [] });
    const [embed] = message!.body.embeds;
    expect(embed.title).toBe('\\*\\*bold\\*\\* claim for @\u2060everyone');
    expect(embed.description).toContain('Hey @\u2060everyone and \\<@&123456789012345678\\>');
    expect(embed.description).toContain('read \\[this\\](https://evil.example) \\*\\*now\\*\\* \\_please\\_');
    expect(embed.description).toContain('\\~\\~x\\~\\~ \\`y\\` \\|\\|z\\|\\|');
  });

  it('GIVEN a digest of ten long stories THEN it is split between stories, every message within every limit', async () => {
    h = await startDiscordHarness();
    const reply = await digestOf(10, true);
    const delivered = await h.adapter.deliver(at(TEXT), reply);
    const messages = h.fake.posted(TEXT);
    expect(messages.length).toBeGreaterThan(1);
    expect(delivered.messageIds).toEqual(messages.map((m) => m.id));
    for (const m of messages) {
      expect(messageProblem(m.body)).toBeNull();
      expect(m.body.embeds.length).toBeLessThanOrEqual(10);
    }
    const titles = messages.flatMap((m) => m.body.embeds.map((e: { title: string }) => e.title.slice(0, 11)));
    expect(titles).toEqual(
      Array.from({ length: 10 }, (_, i) => `Headline ${i}`.padEnd(11, ' ').slice(0, 11)),
    );
  });

  it('GIVEN a role to ping and publishing in an announcement channel THEN only that role is mentioned and the digest is crossposted', async () => {
    h = await startDiscordHarness();
    const reply = await digestOf(1);
    await h.adapter.deliver(at(NEWS), reply, { mentionRoleId: '5550000000000000001', publish: true });
    const [message] = h.fake.posted(NEWS);
    expect(message!.body.content.startsWith('<@&5550000000000000001>')).toBe(true);
    expect(message!.body.allowed_mentions).toEqual({ parse: [], roles: ['5550000000000000001'] });
    expect(h.fake.callsTo('POST', new RegExp(`^/channels/${NEWS}/messages/\\d+/crosspost$`))).toHaveLength(1);
  });

  it('GIVEN a delivery key THEN a retry of the same delivery does not post twice (nonce enforced)', async () => {
    h = await startDiscordHarness();
    const reply = await digestOf(1);
    const first = await h.adapter.deliver(at(TEXT), reply, { key: 'slot:7:2026-03-10T12:00' });
    const again = await h.adapter.deliver(at(TEXT), reply, { key: 'slot:7:2026-03-10T12:00' });
    expect(again.messageIds).toEqual(first.messageIds);
    expect(h.fake.posted(TEXT)).toHaveLength(1);
    const [call] = h.fake.callsTo('POST', new RegExp(`^/channels/${TEXT}/messages$`));
    expect(call!.body.enforce_nonce).toBe(true);
    expect(call!.body.nonce.length).toBeLessThanOrEqual(25);
  });

  it('GIVEN a deleted channel THEN the subscription pauses with the reason, the server is told, and the channel is not called again', async () => {
    h = await startDiscordHarness();
    await seedStory(h.store, makeAnalysis(), 1);
    const sub = await h.store.subscriptions.add({
      platform: 'discord',
      chatId: GUILD,
      threadId: THREAD,
      target: { kind: 'region', slug: 'balkans' },
      schedule: '* * * * *',
      timezone: 'UTC',
      nextDueAt: NOW,
    });
    h.fake.deleteChannel(THREAD);
    h.adapter.client.channels.cache.delete(THREAD);
    const deps = {
      store: h.store,
      services: { matchTopic: wordMatch },
      platforms: new Map([['discord', h.adapter] as const]),
      onError: (e: unknown) => {
        throw e;
      },
    };
    expect(await runDueDigests(deps, NOW)).toBe(0);
    expect(await h.store.subscriptions.get(sub.id)).toMatchObject({
      paused: true,
      pausedReason: 'Discord: the channel no longer exists (Unknown Channel)',
    });
    // The moderators hear about it in the server's system channel.
    expect(h.fake.posted(TEXT).map((m) => String(m.body.content))).toEqual([
      expect.stringContaining('can no longer post there'),
    ]);
    const calls = h.fake.calls.length;
    await expect(
      h.adapter.deliver(at(THREAD), { blocks: [{ kind: 'text', text: 'again' }] }),
    ).rejects.toBeInstanceOf(DestinationLostError);
    expect(await runDueDigests(deps, new Date(NOW.getTime() + 60_000))).toBe(0);
    expect(h.fake.calls.length).toBe(calls);
  });
});
