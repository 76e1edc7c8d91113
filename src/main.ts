// The composition root: the only module that knows every layer and wires them together.
import type { Readable, Writable } from 'node:stream';
import type { CommandServices } from '../commands/index.js';
import { runConsoleChat } from './adapters/console/console-chat.js';
import { createTelegramAdapter } from './adapters/telegram/index.js';
import { SECRET_VARIABLES, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { loadSamplesIfEmpty } from './samples/load.js';
import { openStore } from './store/open-store.js';
import type { Store } from './store/types.js';

/** The process's streams, passed in so `start` can be driven by tests. */
export interface StartIo {
  readonly stdin: Readable & { readonly isTTY?: boolean };
  readonly stdout: Writable;
  /** Resolves when the process is asked to stop (SIGINT/SIGTERM); only a bot waits for it. */
  readonly waitForStop: () => Promise<void>;
}

// Until the Places matcher is merged: whole-word, case-insensitive, `elect*` as a prefix; never a
// regular expression built from what a moderator typed.
const topicMatcher: CommandServices['matchTopic'] = (analysis, topic) => {
  const words = `${analysis.title ?? ''} ${analysis.body}`.toLowerCase().split(/[^\p{L}\p{N}]+/u);
  const text = ` ${words.join(' ')} `;
  const occurs = (phrase: string): boolean => {
    const p = phrase.toLowerCase().trim();
    if (p.endsWith('*')) return words.some((w) => w.startsWith(p.slice(0, -1)));
    return text.includes(` ${p.split(/[^\p{L}\p{N}]+/u).join(' ')} `);
  };
  if (topic.exclude.some(occurs)) return false;
  if (topic.regions.length > 0 && !topic.regions.some((r) => analysis.regions.includes(r))) return false;
  return topic.include.length === 0 || topic.include.some(occurs);
};

function commandServices(): CommandServices {
  return { matchTopic: topicMatcher };
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
  const adapter = createTelegramAdapter({
    token,
    store,
    services: commandServices(),
    log: log.child({ adapter: 'telegram' }),
    ...(webhook ? { webhook } : {}),
  });
  await adapter.start();
  await io.waitForStop();
  await adapter.stop();
  return 0;
}

async function runConsole(store: Store, log: Logger, io: StartIo): Promise<number> {
  const loaded = await loadSamplesIfEmpty(store, new Date());
  if (loaded > 0) log.info({ articles: loaded }, 'empty store: loaded the sample articles');
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
