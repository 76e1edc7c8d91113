// A clean stop during a digest run: SIGTERM while digests are going out; within 10 s the process is
// gone, and every digest is either sent once (and recorded so) or still due for the next start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { dueBalkansDigest, storyAnHourAgo } from '../helpers/due-digest.js';
import { FakeTelegram } from '../helpers/fake-telegram.js';
import { cleanEnv, startBot, type RunningBot } from '../helpers/processes.js';

const CHATS = 200;
let bot: RunningBot | undefined;
const dir = mkdtempSync(join(tmpdir(), 'newsdesk-stop-'));
afterAll(() => {
  bot?.signal('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGTERM during digests', () => {
  it('GIVEN digests going out THEN a SIGTERM ends the process within 10 s, each digest sent once or still due', async () => {
    const now = new Date();
    const file = join(dir, 'newsdesk.sqlite');
    let store = await createSqliteStore(file);
    await storyAnHourAgo(store, now, 'Tram line extended to the airport');
    for (let i = 0; i < CHATS; i++) await dueBalkansDigest(store, String(30_000 + i), now);
    await store.close();
    // Telegram answers each message after 300 ms: there is always something on its way.
    const telegram = await new FakeTelegram(undefined, 300).start();
    const env = cleanEnv({
      NEWSDESK_DATA_DIR: dir,
      LOG_LEVEL: 'info',
      TELEGRAM_BOT_TOKEN: '123456:STOP-telegram-secret',
      TELEGRAM_API_ROOT: telegram.apiRoot,
    });
    bot = startBot(env);
    await bot.waitFor('telegram polling');
    await telegram.until(() => telegram.sent().length >= 40, 30_000);
    const asked = Date.now();
    bot.signal('SIGTERM');
    await bot.exited;
    const took = Date.now() - asked;
    expect(took).toBeLessThan(10_000);
    expect(bot.logs()).toContain('"msg":"stopped"');

    store = await createSqliteStore(file);
    const received = new Map<string, number>();
    for (const c of telegram.sent())
      received.set(String(c.body.chat_id), (received.get(String(c.body.chat_id)) ?? 0) + 1);
    const states = new Map<string, number>();
    for (const sub of await store.subscriptions.all()) {
      const [slot] = await store.digests.forSubscription(sub.id);
      states.set(slot!.state, (states.get(slot!.state) ?? 0) + 1);
      // Sent means Telegram has it, once; due means it never left.
      expect([slot!.state, received.get(sub.chatId) ?? 0]).toEqual(
        slot!.state === 'sent' ? ['sent', 1] : ['due', 0],
      );
    }
    await store.close();
    expect(states.get('sent')).toBeGreaterThan(0);
    expect(states.get('due')).toBeGreaterThan(0);

    // The next start sends the rest, and nothing twice.
    bot = startBot(env);
    await telegram.until(
      () => new Set(telegram.sent().map((c) => String(c.body.chat_id))).size === CHATS,
      60_000,
    );
    bot.signal('SIGTERM');
    await bot.exited;
    expect(telegram.sent()).toHaveLength(CHATS);
    console.log(
      `stop test: stopped in ${took} ms with ${states.get('sent')} sent and ${states.get('due')} still due`,
    );
    await telegram.close();
  }, 120_000);
});
