import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, GrammyError, webhookCallback, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { COMMANDS, type CommandServices } from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform, Destination } from '../../platform.js';
import type { Leadership, Store } from '../../store/types.js';
import { NO_TELEMETRY, type Telemetry } from '../../telemetry.js';
import { createFloodGate, FLOOD_POLICY, type FloodPolicy } from '../shared/flood-gate.js';
import { createSendQueue, type SendLimits } from '../shared/send-queue.js';
import { handleButtons } from './callbacks.js';
import { handleChatEvents } from './chat-events.js';
import { handleCommands, memberKey } from './commands.js';
import { deliverReply, type TelegramPlace } from './deliver.js';
import { registerMenus } from './menu.js';
import { createModeratorCheck } from './moderator.js';
import { startWithRetry } from '../shared/start-retry.js';
import { classifyStartError, observeCalls, type ConnectionState } from './startup.js';

/**
 * Telegram's published limits: about 1 message a second per chat, 20 a minute per group, 30 a
 * second in all. A held-up queue catches up a twentieth of a second at once, not a quarter:
 * Telegram has no key that would stop a repeat, and a crash before the ledger records a batch of
 * answers sends them all again.
 */
export const TELEGRAM_LIMITS: SendLimits = {
  perChatIntervalMs: 1000,
  groupPerMinute: 20,
  globalPerSecond: 30,
  catchUpMs: 50,
};

/** How the Telegram adapter is built; only `token`, `store`, `services` and `log` are required. */
export interface TelegramOptions {
  readonly token: string;
  readonly store: Store;
  readonly services: CommandServices;
  readonly log: Logger;
  /** The Bot API root, without a trailing slash (tests point it at a local fake). */
  readonly apiRoot?: string;
  /** Known bot identity; skips getMe at start. */
  readonly botInfo?: UserFromGetMe;
  /** Receive updates by webhook on this port instead of long polling. */
  readonly webhook?: {
    readonly port: number;
    readonly secretToken: string;
    /** The address to listen on (default 127.0.0.1: a reverse proxy or the container maps it). */
    readonly host?: string;
    /**
     * Serve the webhook on a server that already listens (the operator's endpoints on HTTP_PORT)
     * instead of one of its own: called with the request handler at start.
     */
    readonly mount?: (handler: http.RequestListener) => void;
    /** The public address Telegram should post to; registered with setWebhook at start when given. */
    readonly url?: string;
  };
  readonly limits?: SendLimits;
  /** Flood control of commands (default `FLOOD_POLICY`). */
  readonly flood?: FloodPolicy;
  readonly now?: () => Date;
  /**
   * Several instances share one bot token: only the holder of this lock takes updates by long
   * polling (Telegram allows one getUpdates at a time); the others stand by and take over within a
   * minute when it dies. Not used in webhook mode, where any instance may answer.
   */
  readonly leadership?: Leadership;
  /** How often a standing-by instance tries to take over (default 15 s). */
  readonly standbyRetryMs?: number;
  /** Where counts and latencies go (default: nowhere). */
  readonly telemetry?: Telemetry;
  /** Waits between start-up tries while Telegram cannot be reached (default `START_RETRY_MS`). */
  readonly startRetryMs?: readonly number[];
  /** How long polling waits after another process took the updates (409) before trying again (60 s). */
  readonly conflictRetryMs?: number;
}

/** A running Telegram bot: the chat platform port, and what tests look at. */
export interface TelegramAdapter extends ChatPlatform {
  readonly bot: Bot;
  /** Where the webhook listens, once started in webhook mode. */
  webhookAddress(): AddressInfo | null;
}

/** Where a destination is in Telegram: its chat, and its forum topic if any. */
function telegramPlace(to: Destination): TelegramPlace {
  return { chatId: to.chatId, threadId: to.threadId === null ? null : Number(to.threadId) };
}

export function createTelegramAdapter(options: TelegramOptions): TelegramAdapter {
  const { store, services, log } = options;
  const now = options.now ?? (() => new Date());
  const telemetry = options.telemetry ?? NO_TELEMETRY;
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: options.apiRoot ? { apiRoot: options.apiRoot } : {},
  });
  const connection: ConnectionState = { unreachable: false };
  // Aborted by stop(): replies and digests still waiting (a long retry_after) are given up at once.
  const stopping = new AbortController();
  const queue = createSendQueue(options.limits ?? TELEGRAM_LIMITS);
  telemetry.watchQueue('telegram', () => queue.depth());
  // Innermost: sees every attempt (each 429 counted), and a stop never cuts a request under way.
  bot.api.config.use(observeCalls(telemetry, log, connection));
  // A 429 holds every chat's sends for as long as Telegram asks, not only the one that got it
  // (also inside the retry below, so that it sees each attempt).
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429 && result.parameters?.retry_after !== undefined)
      queue.pause(result.parameters.retry_after * 1000);
    return result;
  });
  // Flood control: wait out 429s and a few 5xx instead of failing a send. A network error fails the
  // call (the digest ledger tries again later; polling retries on its own), rather than being
  // retried silently for ever; a stop's signal ends any wait.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 3600, rethrowHttpErrors: true }));
  const gate = createFloodGate(options.flood ?? FLOOD_POLICY);
  const isModerator = createModeratorCheck(bot.api, (err, chatId) =>
    log.warn({ err, chatId }, 'getChatMember failed'),
  );

  // Each member's updates in a chat are handled one at a time, in order; different members and
  // chats run concurrently, so one member's slow or many commands never hold up another's.
  bot.use(
    sequentialize((ctx: Context) =>
      ctx.chat ? memberKey(ctx.chat.id, ctx.from?.id ?? ctx.msg?.sender_chat?.id) : undefined,
    ),
  );
  handleChatEvents(bot, store, log);

  const commandDeps = {
    store,
    services,
    log,
    now,
    queue,
    gate,
    isModerator,
    telemetry,
    stopping: stopping.signal,
  };
  handleCommands(bot, commandDeps);
  handleButtons(bot, commandDeps);

  // The one error boundary: a failed update is logged with its context and the bot carries on.
  bot.catch((err) => {
    log.error(
      { err: err.error, updateId: err.ctx.update.update_id, chatId: err.ctx.chat?.id },
      'telegram update failed',
    );
  });

  let runner: RunnerHandle | undefined;
  let server: http.Server | undefined;
  let standby: NodeJS.Timeout | undefined;
  let mode: 'starting' | 'polling' | 'standby' | 'conflict' | 'webhook' | 'stopped' = 'starting';
  let conflictTimer: NodeJS.Timeout | undefined;
  const startPolling = async (): Promise<void> => {
    // A webhook left from webhook mode would make every getUpdates fail with 409.
    const hook = await bot.api.getWebhookInfo();
    if (hook.url !== '') {
      await bot.api.deleteWebhook();
      log.warn({ url: hook.url }, 'telegram: deleted the webhook left set, to poll instead');
    }
    const handle = run(bot, { runner: { fetch: { timeout: 30 }, silent: true } });
    runner = handle;
    mode = 'polling';
    log.info({ bot: bot.botInfo.username }, 'telegram polling');
    handle.task()?.catch((error: unknown) => {
      if (runner === handle) pollingFailed(error);
    });
  };
  /** Polling ended on an error it does not retry (409, 401) or after retrying for hours. */
  const pollingFailed = (error: unknown): void => {
    if (mode === 'stopped') return;
    runner = undefined;
    const conflict = error instanceof GrammyError && error.error_code === 409;
    const waitMs = options.conflictRetryMs ?? 60_000;
    mode = conflict ? 'conflict' : 'standby';
    if (conflict)
      log.error(
        { retryInSeconds: waitMs / 1000 },
        'telegram: another process takes the updates with this token (409 Conflict); stop it, or give both instances the same DATABASE_URL (PostgreSQL) so they elect one poller',
      );
    else log.error({ err: error, retryInSeconds: waitMs / 1000 }, 'telegram polling stopped');
    conflictTimer = setTimeout(() => {
      if (mode !== 'stopped') startPolling().catch((err: unknown) => pollingFailed(err));
    }, waitMs);
  };
  /** Takes the updates if no other instance does; true once this one polls. */
  const lead = async (): Promise<boolean> => {
    if (runner) return true;
    if (options.leadership && !(await options.leadership.acquire())) return false;
    await startPolling();
    return true;
  };
  return {
    name: 'telegram',
    bot,
    connected: () =>
      (mode === 'polling' && !connection.unreachable) || mode === 'standby' || mode === 'webhook',
    deliver: (to, reply, delivery) =>
      deliverReply(bot.api, queue, telegramPlace(to), reply, {
        lane: 'digest',
        signal: delivery?.signal ? AbortSignal.any([delivery.signal, stopping.signal]) : stopping.signal,
      }),
    async tellModerators(chat: Destination, reply: Reply) {
      // Telegram lets a bot write to a group, not to its admins: the notice goes to the chat itself.
      await deliverReply(bot.api, queue, telegramPlace(chat), reply, { signal: stopping.signal }).catch(
        (err: unknown) => log.warn({ err, chatId: chat.chatId }, 'could not tell the chat'),
      );
    },
    shareLimits: (instances) => queue.share(instances),
    webhookAddress: () => (server?.address() as AddressInfo | null | undefined) ?? null,
    async start(signal?: AbortSignal) {
      // getMe by hand: grammY's own init retries an unreachable API for ever, and says nothing.
      if (!bot.isInited())
        bot.botInfo = await startWithRetry(() => bot.api.getMe(signal as Parameters<Bot['init']>[0]), {
          log,
          platform: 'Telegram',
          where: options.apiRoot ?? 'https://api.telegram.org',
          hint: 'check the network, or TELEGRAM_API_ROOT',
          classify: classifyStartError,
          ...(signal ? { signal } : {}),
          ...(options.startRetryMs ? { waitsMs: options.startRetryMs } : {}),
        });
      await registerMenus(bot.api, COMMANDS);
      const hook = options.webhook;
      if (hook) {
        const handle = webhookCallback(bot, 'http', { secretToken: hook.secretToken });
        const listener: http.RequestListener = (req, res) => void handle(req, res);
        if (hook.mount) hook.mount(listener);
        else {
          const host = hook.host ?? '127.0.0.1';
          const own = http.createServer(listener);
          server = own;
          await new Promise<void>((resolve, reject) => {
            own.once('error', reject);
            own.listen(hook.port, host, resolve);
          });
        }
        if (hook.url) await bot.api.setWebhook(hook.url, { secret_token: hook.secretToken });
        mode = 'webhook';
        log.info(
          { port: hook.port, host: hook.host ?? '127.0.0.1', shared: hook.mount !== undefined },
          'telegram webhook listening',
        );
        return;
      }
      if (await lead()) return;
      mode = 'standby';
      log.info({ bot: bot.botInfo.username }, 'another instance takes the telegram updates; standing by');
      standby = setInterval(() => {
        lead()
          .then((leads) => {
            if (leads) clearInterval(standby);
          })
          .catch((err: unknown) => log.warn({ err }, 'telegram: could not take over the updates'));
      }, options.standbyRetryMs ?? 15_000);
    },
    async stop() {
      mode = 'stopped';
      clearInterval(standby);
      clearTimeout(conflictTimer);
      if (runner?.isRunning()) await runner.stop();
      await options.leadership?.release();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      // What still waits (a reply behind a long retry_after) is given up: a stop takes seconds.
      stopping.abort();
      queue.resume();
      await queue.idle();
    },
  };
}
