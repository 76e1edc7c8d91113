// The operator's endpoints of the real process (npm start) with a fake Telegram and a local feed:
// health and readiness answer, and the metrics move as the feed is polled, a digest goes out, a
// command is answered and Telegram answers 429.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';
import { dueBalkansDigest, storyAnHourAgo } from '../helpers/due-digest.js';
import { FakeTelegram, textMessage } from '../helpers/fake-telegram.js';
import { respond, startTestServer, type TestServer } from '../helpers/http-server.js';
import { freePort, get, sample } from '../helpers/ops.js';
import { cleanEnv, startBot, type RunningBot } from '../helpers/processes.js';

const dir = mkdtempSync(join(tmpdir(), 'newsdesk-ops-'));
let bot: RunningBot | undefined;
let telegram: FakeTelegram | undefined;
let feeds: TestServer | undefined;
afterAll(async () => {
  bot?.signal('SIGKILL');
  await telegram?.close();
  await feeds?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** An invented article of a few sentences about the Western Balkans (written for this test). */
function article(n: number): string {
  return [
    `Officials in Sarajevo and Pristina met on day ${n} of the regional water talks to agree how the Drina basin is shared.`,
    `The delegations said the agreement would cover irrigation, hydropower and flood warnings along the river.`,
    `"We have reached an understanding on the first three chapters," said Mirela Kovac, the Bosnian negotiator.`,
    `Serbia and Montenegro sent observers, and the European Union offered to fund the monitoring stations.`,
    `A second round is planned in Podgorica next month, when the remaining chapters on dams are to be discussed.`,
  ].join(' ');
}

function rss(): string {
  const now = Date.now();
  const items = [1, 2]
    .map(
      (n) => `<item><title>Drina water talks, round ${n}</title>
<link>https://news.example/drina-${n}</link><guid>drina-${n}</guid>
<pubDate>${new Date(now - n * 600_000).toUTCString()}</pubDate>
<description>${article(n)}</description></item>`,
    )
    .join('\n');
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Example Balkan Wire</title>
<link>https://news.example/</link><description>test</description>${items}</channel></rss>`;
}

/** The metrics page, once `ready` holds for it (polled every 200 ms). */
async function metricsWhen(
  port: number,
  ready: (text: string) => boolean,
  timeoutMs: number,
): Promise<string> {
  const start = Date.now();
  for (;;) {
    const { body } = await get(port, '/metrics');
    if (ready(body)) return body;
    if (Date.now() - start > timeoutMs) throw new Error(`metrics never got there:\n${body}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('HTTP endpoints of the running bot', () => {
  it('GIVEN the bot with HTTP_PORT THEN /healthz and /readyz answer and /metrics moves with polls, digests, commands and 429s', async () => {
    feeds = await startTestServer({
      '/balkans.xml': respond(200, rss(), { 'content-type': 'application/rss+xml' }),
    });
    const now = new Date();
    const file = join(dir, 'newsdesk.sqlite');
    const store = await createSqliteStore(file);
    // No public default feeds (no network here): only the local one.
    await store.feeds.seed([], now);
    await store.feeds.add(
      { url: feeds.url('/balkans.xml'), title: 'Example Balkan Wire', region: 'balkans' },
      now,
    );
    await storyAnHourAgo(store, now, 'Ferry line to Split reopens');
    await dueBalkansDigest(store, '-1001', now);
    await store.close();

    telegram = await new FakeTelegram().start();
    // The digest's first message meets a 429: waited out, retried, counted.
    telegram.failNext('sendMessage', 1, 429, 'Too Many Requests: retry after 1', { retry_after: 1 });
    const port = await freePort();
    bot = startBot(
      cleanEnv({
        NEWSDESK_DATA_DIR: dir,
        NEWSDESK_ALLOW_HOSTS: '127.0.0.1',
        NEWSDESK_WORKERS: '1',
        LOG_LEVEL: 'info',
        HTTP_PORT: String(port),
        TELEGRAM_BOT_TOKEN: '123456:OPS-telegram-secret',
        TELEGRAM_API_ROOT: telegram.apiRoot,
      }),
    );
    await bot.waitFor('telegram polling');

    expect(await get(port, '/healthz')).toEqual({ status: 200, body: 'ok\n' });
    const ready = await get(port, '/readyz');
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toEqual({ ready: true, checks: { store: true, telegram: true } });
    expect((await get(port, '/nowhere')).status).toBe(404);

    // The digest was due: it goes out (after one 429).
    let text = await metricsWhen(
      port,
      (t) => sample(t, 'newsdesk_digests_total', { outcome: 'sent' }) === 1,
      30_000,
    );
    expect(sample(text, 'newsdesk_rate_limited_total', { platform: 'telegram' })).toBe(1);
    expect(sample(text, 'newsdesk_messages_sent_total', { platform: 'telegram' })).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'newsdesk_digest_slots', { state: 'sent' })).toBe(1);
    expect(sample(text, 'newsdesk_digest_lateness_seconds_count')).toBe(1);
    expect(telegram.sent().map((c) => c.body.chat_id)).toContain('-1001');

    // A command: its latency is recorded under its name.
    telegram.push(textMessage('/latest balkans', { id: 55, type: 'private' }));
    text = await metricsWhen(
      port,
      (t) => sample(t, 'newsdesk_command_seconds_count', { platform: 'telegram', command: 'latest' }) === 1,
      10_000,
    );
    expect(sample(text, 'newsdesk_send_queue_depth', { platform: 'telegram' })).toBeGreaterThanOrEqual(0);

    // The feed is polled at the start of a minute: its articles are analysed and stored.
    expect(sample(text, 'newsdesk_feeds', { state: 'ok' })).toBe(1);
    text = await metricsWhen(
      port,
      (t) => sample(t, 'newsdesk_feed_polls_total', { status: 'ok' }) === 1,
      75_000,
    );
    expect(sample(text, 'newsdesk_articles_stored_total')).toBe(2);
    expect(sample(text, 'newsdesk_article_analysis_seconds_count')).toBe(2);
    expect(sample(text, 'newsdesk_stories_total')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'newsdesk_feeds', { state: 'failing' })).toBe(0);
    // Node's own: memory and event loop lag, for a process that runs for months.
    expect(sample(text, 'newsdesk_process_resident_memory_bytes')).toBeGreaterThan(0);

    bot.signal('SIGTERM');
    await bot.exited;
    expect(bot.logs()).toContain('"msg":"stopped"');
    // The endpoints close with the process.
    await expect(get(port, '/healthz')).rejects.toThrow();
  }, 150_000);

  it('GIVEN webhook mode on HTTP_PORT THEN Telegram posts to the same port as the probes, and a wrong secret is refused', async () => {
    const hookDir = join(dir, 'webhook');
    const hookTelegram = await new FakeTelegram().start();
    const port = await freePort();
    const hookBot = startBot(
      cleanEnv({
        NEWSDESK_DATA_DIR: hookDir,
        LOG_LEVEL: 'info',
        HTTP_PORT: String(port),
        TELEGRAM_WEBHOOK_PORT: String(port),
        TELEGRAM_WEBHOOK_SECRET: 'hook-secret-2',
        TELEGRAM_BOT_TOKEN: '123456:OPS-webhook-secret',
        TELEGRAM_API_ROOT: hookTelegram.apiRoot,
      }),
    );
    try {
      await hookBot.waitFor('telegram webhook listening');
      const post = (secret: string) =>
        fetch(`http://127.0.0.1:${port}/telegram`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
          body: JSON.stringify({ update_id: 1, ...textMessage('/help', { id: 66, type: 'private' }) }),
        });
      expect((await post('wrong')).status).toBe(401);
      expect((await post('hook-secret-2')).status).toBe(200);
      await hookTelegram.until(() => hookTelegram.sent().some((c) => c.body.chat_id === 66));
      expect((await get(port, '/healthz')).status).toBe(200);
      expect(JSON.parse((await get(port, '/readyz')).body).checks.telegram).toBe(true);
    } finally {
      hookBot.signal('SIGTERM');
      await hookBot.exited;
      await hookTelegram.close();
    }
  }, 60_000);
});
