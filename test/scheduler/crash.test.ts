// Digests that survive crashes: a bot process killed with SIGKILL at random points while 500
// digests are due, and restarted each time, delivers every digest in the end, counted at the fake
// chat servers; Discord never twice (message nonces), Telegram twice only inside the window
// between Telegram's answer and the ledger's record.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { makeAnalysis } from '../commands/helpers/fixtures.js';
import { FakeDiscord, type FakeGuild } from '../helpers/fake-discord.js';
import { FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanEnv, startBot, type RunningBot } from '../helpers/processes.js';

const PER_PLATFORM = 250;
const KILLS = 20;
const GUILD = '2000000000000000000';
const channelId = (i: number): string => String(3_000_000_000_000_000_000n + BigInt(i));

let bot: RunningBot | undefined;
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-crash-'));
afterAll(() => {
  bot?.signal('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

async function seed(now: Date): Promise<void> {
  const store = await createSqliteStore(join(dir, 'newsdesk.sqlite'));
  await store.articles.save(
    {
      url: 'https://news.example/crash-story',
      guid: null,
      feedId: null,
      source: null,
      publishedAt: new Date(now.getTime() - 3_600_000),
      fetchedAt: new Date(now.getTime() - 3_600_000),
      analysis: makeAnalysis({ title: 'Bridge over the Drina reopens' }),
    },
    null,
  );
  const base = {
    target: { kind: 'region' as const, slug: 'balkans' },
    schedule: '0 8 * * *',
    timezone: 'UTC',
    nextDueAt: new Date(now.getTime() - 60_000),
  };
  for (let i = 0; i < PER_PLATFORM; i++) {
    await store.subscriptions.add({
      ...base,
      platform: 'telegram',
      chatId: String(10_000 + i),
      threadId: null,
    });
    await store.subscriptions.add({ ...base, platform: 'discord', chatId: GUILD, threadId: channelId(i) });
  }
  await store.close();
}

describe('digests across crashes', () => {
  it(`GIVEN ${PER_PLATFORM * 2} digests due and the process killed ${KILLS} times THEN every digest arrives; none twice on Discord`, async () => {
    await seed(new Date());
    const telegram = await new FakeTelegram().start();
    const guild: FakeGuild = {
      id: GUILD,
      name: 'Crash Test',
      channels: Array.from({ length: PER_PLATFORM }, (_, i) => ({
        id: channelId(i),
        name: `news-${i}`,
        type: 0,
      })),
    };
    const discord = await new FakeDiscord([guild]).start();
    const env = cleanEnv({
      NEWSDESK_DATA_DIR: dir,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '123456:CRASH-telegram-secret',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.crash.discord-secret',
      DISCORD_API_URL: discord.apiUrl,
      // A killed instance's claims lapse in 2 s, so the restarted one takes them over quickly.
      DIGEST_LEASE: '2s',
    });
    const telegramCounts = (): Map<string, number> => {
      const counts = new Map<string, number>();
      for (const c of telegram.sent())
        counts.set(String(c.body.chat_id), (counts.get(String(c.body.chat_id)) ?? 0) + 1);
      return counts;
    };
    const discordPosts = (): number => guild.channels.reduce((n, c) => n + discord.posted(c.id).length, 0);
    const delivered = (): number =>
      telegramCounts().size + guild.channels.filter((c) => discord.posted(c.id).length > 0).length;

    const killedAt: number[] = [];
    for (let k = 0; k < KILLS; k++) {
      bot = startBot(env);
      await bot.waitFor('discord ready');
      await new Promise((r) => setTimeout(r, 200 + Math.random() * 1300));
      killedAt.push(delivered());
      bot.signal('SIGKILL');
      await bot.exited;
    }
    bot = startBot(env);
    await bot.waitFor('discord ready');
    const start = Date.now();
    while (delivered() < PER_PLATFORM * 2 && Date.now() - start < 60_000)
      await new Promise((r) => setTimeout(r, 100));
    bot.signal('SIGTERM');
    await bot.exited;
    expect(bot.logs()).toContain('"msg":"stopped"');

    // The kills landed while digests were going out, not all before or after.
    expect(killedAt.some((n) => n > 0 && n < PER_PLATFORM * 2)).toBe(true);
    const counts = telegramCounts();
    expect(counts.size).toBe(PER_PLATFORM);
    for (let i = 0; i < PER_PLATFORM; i++) expect(discord.posted(channelId(i))).toHaveLength(1);
    expect(discordPosts()).toBe(PER_PLATFORM);
    const repeats = [...counts.values()].reduce((n, c) => n + c - 1, 0);
    // Each kill can land inside the Telegram window at most once.
    expect(repeats).toBeLessThanOrEqual(KILLS);
    console.log(
      `crash test: ${KILLS} kills at ${killedAt.join(', ')} digests delivered; Telegram repeats ${repeats}, Discord repeats 0`,
    );
    await telegram.close();
    await discord.close();
  }, 240_000);
});
