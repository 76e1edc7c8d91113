// Both bots in one process: one store, one digest scheduler, each subscription delivered by the
// real adapter of its own platform (grammY and discord.js against their fakes).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatPlatform, PlatformName } from '../../src/platform.js';
import { runDueDigests } from '../../src/scheduler/digest-scheduler.js';
import {
  startHarness as startTelegram,
  type Harness as TelegramHarness,
} from '../adapters/telegram/harness.js';
import {
  startDiscordHarness,
  guilds,
  GUILD,
  TEXT,
  type Harness as DiscordHarness,
} from '../adapters/discord/harness.js';
import { makeAnalysis, NOW, seedStory, wordMatch } from '../commands/helpers/fixtures.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { FakeTelegram, textMessage } from '../helpers/fake-telegram.js';

let telegram: TelegramHarness | undefined;
let discord: DiscordHarness | undefined;
let child: ChildProcess | undefined;
let fakes: { close(): Promise<void> }[] = [];
let dir = '';
afterEach(async () => {
  if (child?.pid !== undefined && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  await telegram?.stop();
  await discord?.stop();
  for (const f of fakes) await f.close();
  fakes = [];
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('Telegram and Discord together', () => {
  it('GIVEN subscriptions on both platforms THEN each digest is delivered by its own platform', async () => {
    telegram = await startTelegram();
    discord = await startDiscordHarness({ store: telegram.store });
    const store = telegram.store;
    await seedStory(store, makeAnalysis({ title: 'Bridge reopens' }), 1);
    const base = {
      target: { kind: 'region' as const, slug: 'balkans' },
      schedule: '* * * * *',
      timezone: 'UTC',
    };
    await store.subscriptions.add({
      ...base,
      platform: 'telegram',
      chatId: '-100555',
      threadId: null,
      nextDueAt: NOW,
    });
    await store.subscriptions.add({
      ...base,
      platform: 'discord',
      chatId: GUILD,
      threadId: TEXT,
      nextDueAt: NOW,
    });
    const sent = await runDueDigests(
      {
        store,
        services: { matchTopic: wordMatch },
        platforms: new Map<PlatformName, ChatPlatform>([
          ['telegram', telegram.adapter],
          ['discord', discord.adapter],
        ]),
        onError: (e) => {
          throw e;
        },
      },
      NOW,
    );
    expect(sent).toBe(2);
    expect(telegram.fake.sent().map((c) => c.body.chat_id)).toEqual(['-100555']);
    expect(String(telegram.fake.sent()[0]!.body.text)).toContain('Bridge reopens');
    const [post] = discord.fake.posted(TEXT);
    expect(post!.body.embeds[0].title).toBe('Bridge reopens');
  });

  it('GIVEN both tokens THEN one npm start runs both bots, each answering on its own platform', async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsdesk-both-'));
    const tg = await new FakeTelegram().start();
    const dc = await new FakeDiscord(guilds()).start();
    fakes = [tg, dc];
    const clean = Object.fromEntries(
      Object.entries(process.env).filter(([k]) => !/^(TELEGRAM_|DISCORD_|DATABASE_URL|NEWSDESK_)/.test(k)),
    );
    const logs: string[] = [];
    child = spawn('npm', ['start'], {
      cwd: resolve(import.meta.dirname, '../..'),
      env: {
        ...clean,
        NEWSDESK_DATA_DIR: dir,
        TELEGRAM_BOT_TOKEN: '123456:BOTH-telegram-secret',
        TELEGRAM_API_ROOT: tg.apiRoot,
        DISCORD_TOKEN: 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.both.discord-secret',
        DISCORD_API_URL: dc.apiUrl,
      },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stderr?.on('data', (c: Buffer) => logs.push(c.toString()));
    await dc.until(
      () => logs.join('').includes('discord ready') && logs.join('').includes('telegram polling'),
      30_000,
    );
    tg.push(textMessage('/regions', { id: -100555, type: 'supergroup' }));
    const id = dc.interact('command', TEXT, { name: 'regions' });
    await tg.until(() => tg.sent().length === 1, 15_000);
    await dc.until(() => dc.answers(id).length === 1, 15_000);
    expect(String(tg.sent()[0]!.body.text)).toContain('balkans: The Balkans');
    expect(String(dc.answers(id)[0]!.body.content)).toContain('balkans: The Balkans');
  }, 60_000);
});
