// The composition root: the only module that knows every layer and wires them together.
import { randomBytes } from 'node:crypto';
import type { RequestListener } from 'node:http';
import { hostname } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import type { CommandServices } from '../commands/index.js';
import { createConsolePlatform, runConsoleChat } from './adapters/console/console-chat.js';
import { createDiscordAdapter } from './adapters/discord/index.js';
import { createTelegramAdapter } from './adapters/telegram/index.js';
import { SECRET_VARIABLES, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { PlatformStartError, type ChatPlatform, type PlatformName } from './platform.js';
import { loadSamplesIfEmpty } from './samples/load.js';
import { deliverToSubscription } from './scheduler/deliver.js';
import { createDigestScheduler, type DigestDeps } from './scheduler/digest-scheduler.js';
import { startHeartbeat } from './scheduler/heartbeat.js';
import { startRetention } from './scheduler/retention.js';
import { feedNotices } from './scheduler/feed-notices.js';
import { startFeedPoller } from './scheduler/feed-poller.js';
import { seedDefaultFeeds } from './sources/default-feeds.js';
import { extractPage } from './sources/poll/index.js';
import { budgetsFromConfig } from './sources/work/budgets.js';
import { createWorkerPool } from './sources/work/pool.js';
import { extractArticle } from './sources/extract/index.js';
import { createFetchContext, fetchPage, type FetchContext } from './sources/fetch/index.js';
import { openStore } from './store/open-store.js';
import { matchTopic } from './core/topics/match.js';
import type { Store } from './store/types.js';
import { createMetrics, type Metrics } from './ops/metrics.js';
import { startOpsServer, type OpsServer, type ReadyCheck } from './ops/http-server.js';
import { timedWork } from './ops/timed-work.js';
import { NO_TELEMETRY } from './telemetry.js';

/** The process's streams, passed in so `start` can be driven by tests. */
export interface StartIo {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: Writable;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); only a bot waits for it. */
  readonly waitForStop: () => Promise<void>;
}

const topicMatcher: CommandServices['matchTopic'] = (analysis, topic) =>
  matchTopic({ title: analysis.title, body: analysis.body, regions: analysis.regions }, topic).matched;

/** `brief <url>`: the page through the SSRF guard and fetch limits, then its article extracted. */
function articleFetcher(ctx: FetchContext): NonNullable<CommandServices['fetchArticle']> {
  return async (url) => {
    const page = await fetchPage(url, ctx);
    if (!page.ok) return { ok: false, error: page.error.message };
    if (page.mediaType === 'text/plain')
      return { ok: true, article: { text: page.text, url: page.finalUrl } };
    const extracted = extractArticle(page.text, page.finalUrl);
    if (!extracted.ok) return { ok: false, error: extracted.error.message };
    const { title, text } = extracted.value;
    return { ok: true, article: { text, url: page.finalUrl, ...(title ? { title } : {}) } };
  };
}

/** The services commands get; with a fetch context (a bot, online) `brief` can fetch pages. */
function commandServices(fetchCtx?: FetchContext): CommandServices {
  return fetchCtx
    ? { matchTopic: topicMatcher, fetchArticle: articleFetcher(fetchCtx) }
    : { matchTopic: topicMatcher };
}

/** What the digest scheduler needs, with its failures and events going to the log. */
function digestDeps(
  store: Store,
  services: CommandServices,
  platforms: ReadonlyMap<PlatformName, ChatPlatform>,
  log: Logger,
  metrics?: Metrics,
): DigestDeps {
  return {
    store,
    services,
    platforms,
    onError: (err, sub) => {
      metrics?.digestFailed();
      log.error({ err, subscriptionId: sub.id, platform: sub.platform, chatId: sub.chatId }, 'digest failed');
    },
    onPaused: (sub, reason) => {
      metrics?.digestFailed();
      log.warn({ subscriptionId: sub.id, platform: sub.platform, reason }, 'subscription paused');
    },
    onEvent: (event) => {
      metrics?.digestEvent(event);
      if (event.kind === 'sent')
        log.debug({ slotId: event.slot.id, lateMs: event.lateMs, ledgerMs: event.ledgerMs }, 'digest sent');
      else if (event.kind === 'skipped') log.warn(event, 'digest skipped');
      else if (event.kind === 'folded') log.info(event, 'missed digests folded into one');
      else log.warn({ slotId: event.slot.id, error: event.error }, 'digest will be retried');
    },
  };
}

/**
 * The Telegram webhook settings, when both its port and secret are configured; on HTTP_PORT it
 * shares the operator's server.
 */
function telegramWebhook(config: Config, ops: OpsServer | undefined) {
  if (config.TELEGRAM_WEBHOOK_PORT === undefined || config.TELEGRAM_WEBHOOK_SECRET === undefined)
    return undefined;
  const shared = ops !== undefined && config.TELEGRAM_WEBHOOK_PORT === config.HTTP_PORT;
  return {
    port: config.TELEGRAM_WEBHOOK_PORT,
    host: config.TELEGRAM_WEBHOOK_HOST,
    secretToken: config.TELEGRAM_WEBHOOK_SECRET,
    ...(shared ? { mount: (handler: RequestListener) => ops.mount(handler) } : {}),
    ...(config.TELEGRAM_WEBHOOK_URL ? { url: config.TELEGRAM_WEBHOOK_URL } : {}),
  };
}

/** The operator's endpoints on HTTP_PORT, when it is set: health, readiness, metrics. */
async function startOps(
  config: Config,
  store: Store,
  metrics: Metrics | undefined,
  log: Logger,
  platforms: () => readonly ChatPlatform[],
): Promise<OpsServer | undefined> {
  if (config.HTTP_PORT === undefined) return undefined;
  const checks: ReadyCheck[] = [
    // A look-up by key: it needs the database to answer, and costs it nothing.
    ['store', async () => (await store.feeds.get(-1), true)],
    ...(['telegram', 'discord'] as const)
      .filter((name) => (name === 'telegram' ? config.TELEGRAM_BOT_TOKEN : config.DISCORD_TOKEN))
      .map((name): ReadyCheck => [
        name,
        () =>
          platforms()
            .find((p) => p.name === name)
            ?.connected?.() ?? false,
      ]),
  ];
  const ops = await startOpsServer({
    port: config.HTTP_PORT,
    host: config.HTTP_HOST,
    checks,
    ...(metrics ? { registry: metrics.registry } : {}),
  }).catch((err: unknown) => {
    const code = err instanceof Error && 'code' in err ? String(err.code) : 'failed';
    throw new PlatformStartError(
      `cannot listen on HTTP_HOST ${config.HTTP_HOST}, HTTP_PORT ${config.HTTP_PORT} (${code}): choose another port`,
    );
  });
  log.info({ port: ops.address.port, host: config.HTTP_HOST }, 'http endpoints listening');
  return ops;
}

/** The chat platforms the configuration asks for: Telegram, Discord, or both in one process. */
function createPlatforms(
  config: Config,
  store: Store,
  services: CommandServices,
  log: Logger,
  ops: OpsServer | undefined,
  metrics: Metrics | undefined,
): ChatPlatform[] {
  const platforms: ChatPlatform[] = [];
  const telemetry = metrics?.telemetry ?? NO_TELEMETRY;
  if (config.TELEGRAM_BOT_TOKEN) {
    const webhook = telegramWebhook(config, ops);
    platforms.push(
      createTelegramAdapter({
        token: config.TELEGRAM_BOT_TOKEN,
        store,
        services,
        log: log.child({ adapter: 'telegram' }),
        telemetry,
        ...(config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {}),
        ...(webhook ? { webhook } : {}),
        // Instances sharing a PostgreSQL store elect the one that long-polls Telegram.
        ...(!webhook && store.leadership ? { leadership: store.leadership('telegram-updates') } : {}),
      }),
    );
  }
  if (config.DISCORD_TOKEN) {
    platforms.push(
      createDiscordAdapter({
        token: config.DISCORD_TOKEN,
        store,
        services,
        log: log.child({ adapter: 'discord' }),
        telemetry,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        ...(config.DISCORD_GUILD_ID ? { guildId: config.DISCORD_GUILD_ID } : {}),
        ...(config.DISCORD_SHARD_COUNT === undefined ? {} : { shardCount: config.DISCORD_SHARD_COUNT }),
        ...(config.DISCORD_SHARD_IDS === undefined ? {} : { shardIds: config.DISCORD_SHARD_IDS }),
      }),
    );
  }
  return platforms;
}

/** The bots: every configured platform in this process, their digests and the feed poller. */
async function runBots(config: Config, store: Store, log: Logger, io: StartIo): Promise<number> {
  // A stop asked while the bots are still connecting (an API being retried) ends the waiting.
  const stopAsked = io.waitForStop();
  const starting = new AbortController();
  void stopAsked.then(() => starting.abort());
  const fetchCtx = createFetchContext({ allowlist: config.NEWSDESK_ALLOW_HOSTS });
  const services = commandServices(fetchCtx);
  const started: ChatPlatform[] = [];
  const metrics = config.HTTP_PORT === undefined ? undefined : createMetrics(store);
  let all: ChatPlatform[] = [];
  const ops = await startOps(config, store, metrics, log, () => all);
  try {
    all = createPlatforms(config, store, services, log, ops, metrics);
    for (const platform of all) {
      try {
        await platform.start(starting.signal);
      } catch (err) {
        if (starting.signal.aborted) {
          log.info('stopped while starting');
          return 0;
        }
        throw err;
      }
      started.push(platform);
    }
    const platforms = new Map(started.map((p) => [p.name, p] as const));
    const instanceId = `${hostname()}-${process.pid}-${randomBytes(3).toString('hex')}`;
    const digests = createDigestScheduler(digestDeps(store, services, platforms, log, metrics), {
      instanceId,
      maxLatenessMs: config.DIGEST_MAX_LATENESS,
      leaseMs: config.DIGEST_LEASE,
    });
    digests.start((err) => log.error({ err }, 'digest pass failed'));
    // Instances share each platform's rate limit: each takes its part of the bot's allowance.
    const beat = startHeartbeat(
      store,
      instanceId,
      (live) => {
        for (const platform of started) platform.shareLimits?.(live);
      },
      (err) => log.warn({ err }, 'heartbeat failed'),
    );
    const retention = startRetention(
      store,
      config.NEWSDESK_RETENTION_DAYS,
      (pruned) => {
        if (pruned.stories + pruned.pending + pruned.slots > 0) log.info({ ...pruned }, 'store pruned');
      },
      (err) => log.warn({ err }, 'store prune failed'),
    );
    await seedDefaultFeeds(store, new Date());
    // Feed parsing and analysis on worker threads: commands and digests never wait behind a big feed.
    const pool = createWorkerPool(config.NEWSDESK_WORKERS ? { threads: config.NEWSDESK_WORKERS } : {});
    const work = metrics ? timedWork(pool, (seconds) => metrics.articleAnalysed(seconds)) : pool;
    const poller = startFeedPoller(
      { store, fetch: fetchCtx, extract: extractPage, work, budgets: budgetsFromConfig(config) },
      async (pass) => {
        metrics?.pollPass(pass);
        if (pass.newArticles > 0 || pass.failed > 0)
          log.info({ feeds: pass.feeds, newArticles: pass.newArticles, failed: pass.failed }, 'feeds polled');
        for (const d of pass.disabled) log.warn({ feedId: d.feedId, reason: d.error }, 'feed disabled');
        for (const { subscription: sub, reply } of await feedNotices(store, pass.disabled)) {
          const outcome = await deliverToSubscription(platforms, store, sub, reply);
          if (outcome.kind === 'failed')
            log.error(
              { err: outcome.error, platform: sub.platform, chatId: sub.chatId },
              'feed notice failed',
            );
        }
      },
      (err) => log.error({ err }, 'feed poll failed'),
    );
    await stopAsked;
    const stopping = Date.now();
    await poller.stop();
    await work.close();
    await digests.stop();
    await beat.stop();
    await retention.stop();
    log.info({ ms: Date.now() - stopping }, 'stopped');
    return 0;
  } finally {
    for (const platform of started) await platform.stop();
    await fetchCtx.close();
    await ops?.close();
  }
}

async function runConsole(config: Config, store: Store, log: Logger, io: StartIo): Promise<number> {
  const ops = await startOps(config, store, undefined, log, () => []);
  try {
    return await chatInTerminal(store, log, io);
  } finally {
    await ops?.close();
  }
}

async function chatInTerminal(store: Store, log: Logger, io: StartIo): Promise<number> {
  const loaded = await loadSamplesIfEmpty(store, new Date());
  // Debug only: the terminal is the chat here, and the samples say what they are in their titles.
  if (loaded > 0) log.debug({ articles: loaded }, 'empty store: loaded the sample articles');
  const services = commandServices();
  // Digests subscribed to in the terminal are printed there while the chat runs.
  const platforms = new Map([['console', createConsolePlatform(io.stdout)] as const]);
  const digests = createDigestScheduler(digestDeps(store, services, platforms, log), {
    instanceId: `console-${process.pid}`,
  });
  digests.start((err) => log.error({ err }, 'digest pass failed'));
  try {
    await runConsoleChat({
      input: io.stdin,
      output: io.stdout,
      store,
      services,
      now: () => new Date(),
      interactive: io.stdin.isTTY === true,
      onError: ({ command, error }) => log.error({ err: error, command }, 'command failed'),
    });
    // A digest asked for just before the input ended (/digest now) is still printed.
    await digests.drain();
  } finally {
    await digests.stop();
  }
  return 0;
}

/**
 * `newsdesk start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, the Discord bot when
 * DISCORD_TOKEN is set (both in one process when both are), otherwise a terminal chat on the
 * embedded defaults (sample articles, no network). Returns the exit status.
 */
export async function startNewsdesk(config: Config, io: StartIo): Promise<number> {
  const log = createLogger(
    config.LOG_LEVEL,
    SECRET_VARIABLES.map((name) => config[name]),
  );
  const store = await openStore(config);
  try {
    if (config.TELEGRAM_BOT_TOKEN || config.DISCORD_TOKEN) return await runBots(config, store, log, io);
    return await runConsole(config, store, log, io);
  } finally {
    await store.close();
  }
}
