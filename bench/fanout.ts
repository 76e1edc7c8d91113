// The digest fan-out half of `npm run bench`: many digests due at once, delivered by the real
// adapters (grammY, discord.js) through the digest ledger to fake chat servers on 127.0.0.1 that
// enforce the platforms' overall limits and answer 429 beyond them. Time is scaled: every limit is
// multiplied by SCALE on both sides (the bot's pacing and the fakes' enforcement), so 10,000
// Telegram digests take seconds rather than minutes; the figure is the share of the allowed rate
// achieved, which scaling does not change.
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createDiscordAdapter, DISCORD_SEND_LIMITS } from '../src/adapters/discord/index.js';
import { createTelegramAdapter, TELEGRAM_LIMITS } from '../src/adapters/telegram/index.js';
import { createLogger } from '../src/log.js';
import type { ChatPlatform, PlatformName } from '../src/platform.js';
import { createDigestScheduler } from '../src/scheduler/digest-scheduler.js';
import { createSqliteStore } from '../src/store/sqlite/create-sqlite-store.js';
import type { Analysis } from '../src/core/types.js';
import type { FakeGuild } from '../test/helpers/fake-discord.js';
import { BOT_INFO } from '../test/helpers/fake-telegram.js';
import type { FakeServersAnswer, FakeServersRequest } from './fake-servers.js';

/** Telegram's and Discord's overall limits, per second, before scaling. */
const TELEGRAM_PER_SECOND = 30;
const DISCORD_PER_SECOND = 50;

export interface FanoutOptions {
  readonly telegramChats: number;
  readonly discordChannels: number;
  /** How much faster than real time the limits run. */
  readonly scale: number;
}

export interface PlatformFigures {
  readonly expected: number;
  readonly delivered: number;
  readonly repeats: number;
  readonly rateLimited: number;
  readonly seconds: number;
  readonly achievedPerSecond: number;
  readonly allowedPerSecond: number;
}

const analysis = (title: string): Analysis => ({
  title,
  lede: 'The river port of Dunavac reopened on Monday after three weeks of repairs.',
  summary: ['Barges queued along the bank overnight.', 'Officials expect traffic to recover within days.'],
  body: '',
  sentences: [],
  quotes: [],
  countries: ['RS'],
  regions: ['balkans'],
});

/** Deliveries counted at a fake: how many destinations got one, repeats, first and last arrival. */
function tally(
  arrivals: [string, number][],
  expected: number,
  allowed: number,
  rateLimited: number,
): PlatformFigures {
  const times = new Map<string, number[]>();
  for (const [key, at] of arrivals) times.set(key, [...(times.get(key) ?? []), at]);
  const all = arrivals.map(([, at]) => at).sort((a, b) => a - b);
  const seconds = all.length > 1 ? (all.at(-1)! - all[0]!) / 1000 : 0;
  return {
    expected,
    delivered: times.size,
    repeats: all.length - times.size,
    rateLimited,
    seconds,
    achievedPerSecond: seconds > 0 ? (all.length - 1) / seconds : 0,
    allowedPerSecond: allowed,
  };
}

/** The fake servers in a process of their own, and a way to ask them things. */
async function startFakeServers(request: FakeServersRequest) {
  const child = fork(join(import.meta.dirname, 'fake-servers.ts'), [], {
    execArgv: ['--import', import.meta.resolve('tsx')],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ask = (m: FakeServersRequest): Promise<FakeServersAnswer> =>
    new Promise((resolve, reject) => {
      child.once('message', (answer) => resolve(answer as FakeServersAnswer));
      child.once('exit', (code) => reject(new Error(`fake servers exited (${code})`)));
      child.send(m);
    });
  const where = (await ask(request)) as { apiRoot: string; apiUrl: string };
  return { ...where, ask, stop: () => child.kill() };
}

export async function runFanout(
  options: FanoutOptions,
): Promise<{ telegram: PlatformFigures; discord: PlatformFigures }> {
  const { telegramChats, discordChannels, scale } = options;
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-fanout-'));
  const store = await createSqliteStore(join(dir, 'newsdesk.sqlite'));
  const now = new Date();
  const guildId = '2000000000000000000';
  const channel = (i: number): string => String(3_200_000_000_000_000_000n + BigInt(i));
  const guild: FakeGuild = {
    id: guildId,
    name: 'Fan-out',
    channels: Array.from({ length: discordChannels }, (_, i) => ({
      id: channel(i),
      name: `news-${i}`,
      type: 0,
    })),
  };
  const fakes = await startFakeServers({
    start: {
      guild,
      telegramPerSecond: TELEGRAM_PER_SECOND * scale,
      discordPerSecond: DISCORD_PER_SECOND * scale,
      secondMs: 1000 / scale,
    },
  });
  const log = createLogger('silent', [], new PassThrough());
  const services = { matchTopic: () => false };
  const telegram = createTelegramAdapter({
    token: '123456:FANOUT-telegram',
    store,
    services,
    log,
    apiRoot: fakes.apiRoot,
    botInfo: BOT_INFO,
    limits: {
      ...TELEGRAM_LIMITS,
      perChatIntervalMs: 1000 / scale,
      globalPerSecond: TELEGRAM_PER_SECOND * scale,
    },
  });
  const discord = createDiscordAdapter({
    token: 'MTAwMDAwMDAwMDAwMDAwMDAwMQ.fanout.discord',
    store,
    services,
    log,
    apiUrl: fakes.apiUrl,
    limits: {
      ...DISCORD_SEND_LIMITS,
      perChatIntervalMs: 1000 / scale,
      globalPerSecond: DISCORD_PER_SECOND * scale,
    },
  });
  try {
    await telegram.start();
    await discord.start();
    await store.articles.save(
      {
        url: 'https://news.example/fanout',
        guid: null,
        feedId: null,
        source: null,
        publishedAt: new Date(now.getTime() - 3_600_000),
        fetchedAt: new Date(now.getTime() - 3_600_000),
        analysis: analysis('Dunavac port reopens'),
      },
      null,
    );
    const base = {
      target: { kind: 'region' as const, slug: 'balkans' },
      schedule: '0 8 * * *',
      timezone: 'UTC',
      nextDueAt: new Date(now.getTime() - 1000),
    };
    await (store.batch ?? ((w: () => Promise<void>) => w()))(async () => {
      for (let i = 0; i < telegramChats; i++)
        await store.subscriptions.add({
          ...base,
          platform: 'telegram',
          chatId: String(100_000 + i),
          threadId: null,
        });
      for (let i = 0; i < discordChannels; i++)
        await store.subscriptions.add({
          ...base,
          platform: 'discord',
          chatId: guildId,
          threadId: channel(i),
        });
    });
    const platforms = new Map<PlatformName, ChatPlatform>([
      ['telegram', telegram],
      ['discord', discord],
    ]);
    let sent = 0;
    const scheduler = createDigestScheduler(
      {
        store,
        services,
        platforms,
        onError: () => undefined,
        onEvent: (e) => void (e.kind === 'sent' && sent++),
      },
      // Enough in flight to keep both platforms' scaled queues full.
      { instanceId: 'fanout', maxInFlight: 100 * scale, tickMs: 200 },
    );
    scheduler.start(() => undefined);
    const total = telegramChats + discordChannels;
    const deadline = Date.now() + (total / scale) * 1000 + 120_000;
    while (sent < total && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await scheduler.stop();
    const report = (await fakes.ask({ report: true })) as Exclude<FakeServersAnswer, { apiRoot: string }>;
    return {
      telegram: tally(
        report.telegram.arrivals,
        telegramChats,
        TELEGRAM_PER_SECOND * scale,
        report.telegram.rateLimited,
      ),
      discord: tally(
        report.discord.arrivals,
        discordChannels,
        DISCORD_PER_SECOND * scale,
        report.discord.rateLimited,
      ),
    };
  } finally {
    await telegram.stop().catch(() => undefined);
    await discord.stop().catch(() => undefined);
    fakes.stop();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints the fan-out figures the README quotes. */
export async function runFanoutBench(options: FanoutOptions): Promise<void> {
  console.log(
    `\ndigest fan-out: ${options.telegramChats} Telegram chats and ${options.discordChannels} Discord channels due at once, ` +
      `limits scaled ${options.scale}x (Telegram ${TELEGRAM_PER_SECOND * options.scale}/s, Discord ${DISCORD_PER_SECOND * options.scale}/s overall)`,
  );
  const started = Date.now();
  const figures = await runFanout(options);
  for (const [name, f] of Object.entries(figures)) {
    console.log(
      `${name.padEnd(9)} delivered ${f.delivered}/${f.expected} (lost ${f.expected - f.delivered}, repeated ${f.repeats}) in ${f.seconds.toFixed(1)} s: ` +
        `${f.achievedPerSecond.toFixed(0)}/s of ${f.allowedPerSecond}/s allowed = ${((f.achievedPerSecond / f.allowedPerSecond) * 100).toFixed(1)}%, ` +
        `429s received ${f.rateLimited}`,
    );
  }
  console.log(`fan-out wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
