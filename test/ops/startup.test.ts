// Start-up as an operator meets it (npm start, the real process, fake platforms on 127.0.0.1): a
// wrong token is one line and a non-zero exit, never a stack or the token; an unreachable API is
// retried with its reason logged and a stop ends the waiting; a webhook left set is deleted; another
// poller (409) is named; a stop during a long retry_after is quick.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { FakeDiscord } from '../helpers/fake-discord.js';
import { dueBalkansDigest, storyAnHourAgo } from '../helpers/due-digest.js';
import { FakeTelegram, textMessage } from '../helpers/fake-telegram.js';
import { freePort, get } from '../helpers/ops.js';
import { cleanEnv, startBot, type RunningBot } from '../helpers/processes.js';

const TOKEN = '123456:STARTUP-telegram-secret';
const DISCORD_TOKEN = 'MTIzNDU2Nzg5MDEyMzQ1Njc4.GstartupSecretToken.abcdefghijklmnop';
const root = mkdtempSync(join(tmpdir(), 'newsdesk-startup-'));
let bot: RunningBot | undefined;
let telegram: FakeTelegram | undefined;
let n = 0;
afterEach(async () => {
  bot?.signal('SIGKILL');
  await bot?.exited;
  await telegram?.close();
  bot = undefined;
  telegram = undefined;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  const dir = join(root, String(n++));
  return cleanEnv({ NEWSDESK_DATA_DIR: dir, LOG_LEVEL: 'info', ...extra });
}

/** What an operator must never see: a stack, a raw library error, the token. */
function expectClean(logs: string, secret: string): void {
  expect(logs).not.toContain(secret);
  expect(logs).not.toMatch(/\n\s+at /);
  expect(logs).not.toContain('GrammyError');
}

describe('start-up failures an operator can act on', () => {
  it('GIVEN a token Telegram refuses THEN one line naming the variable, exit 1, no stack, no token', async () => {
    telegram = await new FakeTelegram().start();
    telegram.failNext('getMe', 1, 401, 'Unauthorized');
    bot = startBot(env({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot }));
    expect(await bot.exited).toBe(1);
    const logs = bot.logs();
    expect(logs).toContain(
      'newsdesk: Telegram refused TELEGRAM_BOT_TOKEN (401 Unauthorized); copy the token again from @BotFather',
    );
    expectClean(logs, TOKEN);
    expectClean(logs, '123456');
  }, 30_000);

  it('GIVEN a token Discord refuses THEN one line naming the variable, exit 1, no stack, no token', async () => {
    const discord = await new FakeDiscord([]).start();
    discord.failNext(/GET \/gateway\/bot/, 401, { message: '401: Unauthorized', code: 0 });
    try {
      bot = startBot(env({ DISCORD_TOKEN, DISCORD_API_URL: discord.apiUrl }));
      expect(await bot.exited).toBe(1);
      const logs = bot.logs();
      expect(logs).toContain('newsdesk: Discord refused DISCORD_TOKEN (401 Unauthorized)');
      expectClean(logs, DISCORD_TOKEN);
    } finally {
      await discord.close();
    }
  }, 30_000);

  it('GIVEN the Telegram API unreachable THEN each retry is logged with its reason, and SIGTERM ends the wait at once', async () => {
    const closed = await freePort();
    bot = startBot(env({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${closed}` }));
    await bot.waitFor('"attempt":3', 20_000);
    const logs = bot.logs();
    expect(logs).toContain('"msg":"Telegram unreachable at start, trying again"');
    expect(logs).toContain('"reason":"ECONNREFUSED"');
    expectClean(logs, TOKEN);
    const asked = Date.now();
    bot.signal('SIGTERM');
    await bot.exited;
    expect(Date.now() - asked).toBeLessThan(3_000);
    expect(bot.logs()).toContain('"msg":"stopped while starting"');
  }, 30_000);

  it('GIVEN a webhook left set from webhook mode THEN it is deleted, with a line saying so, and polling answers', async () => {
    telegram = await new FakeTelegram().start();
    telegram.webhookUrl = 'https://old-host.example/telegram';
    bot = startBot(env({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot }));
    await bot.waitFor('telegram polling');
    expect(bot.logs()).toContain('deleted the webhook left set');
    expect(telegram.webhookUrl).toBe('');
    telegram.push(textMessage('/help', { id: 77, type: 'private' }));
    await telegram.until(() => telegram!.sent().some((c) => c.body.chat_id === 77));
  }, 30_000);

  it('GIVEN another process polling with the same token (409) THEN a clear line, the bot stays up and not ready', async () => {
    telegram = await new FakeTelegram().start();
    telegram.failNext(
      'getUpdates',
      1,
      409,
      'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
    );
    const port = await freePort();
    bot = startBot(
      env({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot, HTTP_PORT: String(port) }),
    );
    await bot.waitFor('409 Conflict');
    expect(bot.logs()).toContain('give both instances the same DATABASE_URL');
    expectClean(bot.logs(), TOKEN);
    const ready = await get(port, '/readyz');
    expect([ready.status, JSON.parse(ready.body).checks.telegram]).toEqual([503, false]);
    expect((await get(port, '/healthz')).status).toBe(200);
    bot.signal('SIGTERM');
    await bot.exited;
    expect(bot.logs()).toContain('"msg":"stopped"');
  }, 30_000);

  it('GIVEN a digest waiting out a 60 s retry_after THEN SIGTERM ends the process within 10 s and the digest is still due', async () => {
    const { file, sub } = await waitingDigest();
    const asked = Date.now();
    bot!.signal('SIGTERM');
    await bot!.exited;
    const took = Date.now() - asked;
    expect(took).toBeLessThan(10_000);
    expect(bot!.logs()).toContain('"msg":"stopped"');
    const after = await createSqliteStore(file);
    const [slot] = await after.digests.forSubscription(sub.id);
    await after.close();
    expect(slot!.state).toBe('due');
    expect(telegram!.sent()).toHaveLength(0);
    console.log(`stop during a 60 s retry_after took ${took} ms`);
  }, 40_000);
});

/** The bot running with one digest due, whose send Telegram answers with a 60 s retry_after. */
async function waitingDigest() {
  const e = env({});
  mkdirSync(e.NEWSDESK_DATA_DIR!, { recursive: true });
  const file = join(e.NEWSDESK_DATA_DIR!, 'newsdesk.sqlite');
  const store = await createSqliteStore(file);
  const now = new Date();
  await store.feeds.seed([], now);
  await storyAnHourAgo(store, now, 'Night trains return to the coast');
  const sub = await dueBalkansDigest(store, '-1002', now);
  await store.close();
  telegram = await new FakeTelegram().start();
  telegram.failNext('sendMessage', 1, 429, 'Too Many Requests: retry after 60', { retry_after: 60 });
  bot = startBot({ ...e, TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: telegram.apiRoot });
  await telegram.until(() => telegram!.calls.some((c) => c.method === 'sendMessage'), 20_000);
  return { file, sub };
}
