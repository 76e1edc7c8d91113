// Several instances on one PostgreSQL database share the digests: three real processes, 1,000
// digests due in the same minute on both platforms, one process killed midway; the others finish
// its work, and every digest arrives once.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../src/store/postgres/create-postgres-store.js';
import { makeAnalysis } from '../commands/helpers/fixtures.js';
import { FakeDiscord, type FakeGuild } from '../helpers/fake-discord.js';
import { FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanEnv, startBot, type RunningBot } from '../helpers/processes.js';

const url = process.env.NEWSDESK_TEST_DATABASE_URL;
const PER_PLATFORM = 500;
const GUILD = '2000000000000000000';
const channelId = (i: number): string => String(3_100_000_000_000_000_000n + BigInt(i));
const schema = `newsdesk_instances_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const bots: RunningBot[] = [];

afterAll(async () => {
  for (const b of bots) b.signal('SIGKILL');
  if (!url) return;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
});

describe.skipIf(!url)('three instances on one PostgreSQL database', () => {
  it(`GIVEN ${PER_PLATFORM * 2} digests due at once on both platforms and one instance killed midway THEN each arrives once`, async () => {
    const now = new Date();
    const store = await createPostgresStore(url!, { schema });
    await store.articles.save(
      {
        url: 'https://news.example/instances-story',
        guid: null,
        feedId: null,
        source: null,
        publishedAt: new Date(now.getTime() - 3_600_000),
        fetchedAt: new Date(now.getTime() - 3_600_000),
        analysis: makeAnalysis({ title: 'Ferry line to Budva restored' }),
      },
      null,
    );
    const base = {
      target: { kind: 'region' as const, slug: 'balkans' },
      schedule: '0 8 * * *',
      timezone: 'UTC',
      nextDueAt: new Date(now.getTime() - 30_000),
    };
    for (let i = 0; i < PER_PLATFORM; i++) {
      await store.subscriptions.add({
        ...base,
        platform: 'telegram',
        chatId: String(20_000 + i),
        threadId: null,
      });
      await store.subscriptions.add({ ...base, platform: 'discord', chatId: GUILD, threadId: channelId(i) });
    }
    await store.close();

    const telegram = await new FakeTelegram().start();
    const guild: FakeGuild = {
      id: GUILD,
      name: 'Instances',
      channels: Array.from({ length: PER_PLATFORM }, (_, i) => ({
        id: channelId(i),
        name: `news-${i}`,
        type: 0,
      })),
    };
    const discord = await new FakeDiscord([guild]).start();
    const env = cleanEnv({
      DATABASE_URL: `${url}${url!.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '123456:INSTANCES-telegram-secret',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.instances.discord-secret',
      DISCORD_API_URL: discord.apiUrl,
      DIGEST_LEASE: '3s',
    });
    for (let i = 0; i < 3; i++) bots.push(startBot(env));
    await Promise.all(bots.map((b) => b.waitFor('discord ready', 60_000)));

    const telegramChats = (): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const c of telegram.sent())
        counts.set(String(c.body.chat_id), (counts.get(String(c.body.chat_id)) ?? 0) + 1);
      return counts;
    };
    const discordDone = (): number => guild.channels.filter((c) => discord.posted(c.id).length > 0).length;
    const total = (): number => telegramChats().size + discordDone();
    const deadline = Date.now() + 120_000;
    while (total() < PER_PLATFORM / 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const atKill = total();
    const polling = (b: RunningBot): boolean => b.logs().includes('"msg":"telegram polling"');
    // Only one instance long-polls Telegram (they elect it through PostgreSQL).
    expect(bots.filter(polling)).toHaveLength(1);
    const leaderKilled = polling(bots[0]!);
    bots[0]!.signal('SIGKILL');
    await bots[0]!.exited;
    while (total() < PER_PLATFORM * 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));

    expect(atKill).toBeLessThan(PER_PLATFORM * 2);
    // Had the leader died, another instance took the updates over.
    expect(bots.slice(1).filter(polling)).toHaveLength(1);
    if (leaderKilled) expect(bots.slice(1).some((b) => b.logs().includes('standing by'))).toBe(true);
    const counts = telegramChats();
    expect(counts.size).toBe(PER_PLATFORM);
    for (let i = 0; i < PER_PLATFORM; i++) expect(discord.posted(channelId(i))).toHaveLength(1);
    const repeats = [...counts.values()].reduce((n, c) => n + c - 1, 0);
    // A repeat on Telegram needs the kill to land between Telegram's answer and the ledger's record.
    expect(repeats).toBeLessThanOrEqual(1);
    // Every instance did part of the work, and the killed one's claims were taken over.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const ledger = await client.query<{ holders: string; retaken: string; sent: string }>(
      `SELECT COUNT(DISTINCT holder) AS holders, COUNT(*) FILTER (WHERE attempts > 1) AS retaken,
              COUNT(*) FILTER (WHERE state = 'sent') AS sent
       FROM ${schema}.digest_slots`,
    );
    await client.end();
    expect(Number(ledger.rows[0]!.sent)).toBe(PER_PLATFORM * 2);
    expect(Number(ledger.rows[0]!.holders)).toBe(3);
    expect(Number(ledger.rows[0]!.retaken)).toBeGreaterThan(0);
    console.log(
      `instances test: killed one at ${atKill} of ${PER_PLATFORM * 2}; Telegram repeats ${repeats}`,
    );
    for (const b of bots.slice(1)) b.signal('SIGTERM');
    await Promise.all(bots.slice(1).map((b) => b.exited));
    for (const b of bots.slice(1)) expect(b.logs()).toContain('"msg":"stopped"');
    await telegram.close();
    await discord.close();
  }, 240_000);
});
