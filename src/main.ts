// The composition root: the only module that knows every layer and wires them together.
import type { Readable, Writable } from 'node:stream';
import type { CommandServices } from '../commands/index.js';
import { runConsoleChat } from './adapters/console/console-chat.js';
import { createTelegramAdapter, type TelegramPlace } from './adapters/telegram/index.js';
import { SECRET_VARIABLES, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { loadSamplesIfEmpty } from './samples/load.js';
import { startDigestScheduler } from './scheduler/digest-scheduler.js';
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
import type { Store, Subscription } from './store/types.js';

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

/** Where a subscription's messages go in Telegram: its chat, and its forum topic if any. */
function telegramPlace(sub: Subscription): TelegramPlace {
  return { chatId: sub.chatId, threadId: sub.threadId === null ? null : Number(sub.threadId) };
}

async function runTelegram(
  config: Config,
  token: string,
  store: Store,
  log: Logger,
  io: StartIo,
): Promise<number> {
  const webhook =
    config.TELEGRAM_WEBHOOK_PORT !== undefined && config.TELEGRAM_WEBHOOK_SECRET !== undefined
      ? {
          port: config.TELEGRAM_WEBHOOK_PORT,
          secretToken: config.TELEGRAM_WEBHOOK_SECRET,
          ...(config.TELEGRAM_WEBHOOK_URL ? { url: config.TELEGRAM_WEBHOOK_URL } : {}),
        }
      : undefined;
  const fetchCtx = createFetchContext({ allowlist: config.NEWSDESK_ALLOW_HOSTS });
  const services = commandServices(fetchCtx);
  const adapter = createTelegramAdapter({
    token,
    store,
    services,
    log: log.child({ adapter: 'telegram' }),
    ...(webhook ? { webhook } : {}),
  });
  await adapter.start();
  const digests = startDigestScheduler(
    {
      store,
      services,
      platforms: ['telegram'],
      deliver: (sub, reply) => adapter.deliver(telegramPlace(sub), reply),
      onError: (err, sub) => log.error({ err, subscriptionId: sub.id, chatId: sub.chatId }, 'digest failed'),
    },
    (err) => log.error({ err }, 'digest tick failed'),
  );
  await seedDefaultFeeds(store, new Date());
  // Feed parsing and analysis on worker threads: commands and digests never wait behind a big feed.
  const work = createWorkerPool(config.NEWSDESK_WORKERS ? { threads: config.NEWSDESK_WORKERS } : {});
  const poller = startFeedPoller(
    { store, fetch: fetchCtx, extract: extractPage, work, budgets: budgetsFromConfig(config) },
    async (pass) => {
      if (pass.newArticles > 0 || pass.failed > 0)
        log.info({ feeds: pass.feeds, newArticles: pass.newArticles, failed: pass.failed }, 'feeds polled');
      for (const d of pass.disabled) log.warn({ feedId: d.feedId, reason: d.error }, 'feed disabled');
      for (const { subscription: sub, reply } of await feedNotices(store, pass.disabled)) {
        if (sub.platform !== 'telegram') continue;
        await adapter
          .deliver(telegramPlace(sub), reply)
          .catch((err: unknown) => log.error({ err, chatId: sub.chatId }, 'feed notice failed'));
      }
    },
    (err) => log.error({ err }, 'feed poll failed'),
  );
  await io.waitForStop();
  await poller.stop();
  await work.close();
  await digests.stop();
  await adapter.stop();
  await fetchCtx.close();
  return 0;
}

async function runConsole(store: Store, log: Logger, io: StartIo): Promise<number> {
  const loaded = await loadSamplesIfEmpty(store, new Date());
  // Debug only: the terminal is the chat here, and the samples say what they are in their titles.
  if (loaded > 0) log.debug({ articles: loaded }, 'empty store: loaded the sample articles');
  await runConsoleChat({
    input: io.stdin,
    output: io.stdout,
    store,
    services: commandServices(),
    now: () => new Date(),
    interactive: io.stdin.isTTY === true,
    onError: ({ command, error }) => log.error({ err: error, command }, 'command failed'),
  });
  return 0;
}

/**
 * `newsdesk start`: the Telegram bot when TELEGRAM_BOT_TOKEN is set, otherwise a terminal chat on
 * the embedded defaults (sample articles, no network). Returns the exit status.
 */
export async function startNewsdesk(config: Config, io: StartIo): Promise<number> {
  const log = createLogger(
    config.LOG_LEVEL,
    SECRET_VARIABLES.map((name) => config[name]),
  );
  const store = await openStore(config);
  try {
    if (config.TELEGRAM_BOT_TOKEN)
      return await runTelegram(config, config.TELEGRAM_BOT_TOKEN, store, log, io);
    if (config.DISCORD_TOKEN) {
      log.error(
        'DISCORD_TOKEN is set, but this build has no Discord adapter yet; unset it for the terminal chat',
      );
      return 1;
    }
    return await runConsole(store, log, io);
  } finally {
    await store.close();
  }
}
