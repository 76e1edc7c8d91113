import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { autoRetry } from '@grammyjs/auto-retry';
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import { Bot, webhookCallback, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { COMMANDS, type CommandServices } from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform, Destination } from '../../platform.js';
import type { Leadership, Store } from '../../store/types.js';
import { createFloodGate, FLOOD_POLICY, type FloodPolicy } from '../shared/flood-gate.js';
import { createSendQueue, type SendLimits } from '../shared/send-queue.js';
import { handleButtons } from './callbacks.js';
import { handleChatEvents } from './chat-events.js';
import { handleCommands, memberKey } from './commands.js';
import { deliverReply, type TelegramPlace } from './deliver.js';
import { registerMenus } from './menu.js';
import { createModeratorCheck } from './moderator.js';

/** Telegram's published limits: about 1 message a second per chat, 20 a minute per group, 30 a second in all. */
export const TELEGRAM_LIMITS: SendLimits = {
  perChatIntervalMs: 1000,
  groupPerMinute: 20,
  globalPerSecond: 30,
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
    readonly host?: string;
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
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: options.apiRoot ? { apiRoot: options.apiRoot } : {},
  });
  const queue = createSendQueue(options.limits ?? TELEGRAM_LIMITS);
  // A 429 holds every chat's sends for as long as Telegram asks, not only the one that got it
  // (installed first, so that it sees each attempt the retry below makes).
  bot.api.config.use(async (prev, method, payload, signal) => {
    const result = await prev(method, payload, signal);
    if (!result.ok && result.error_code === 429 && result.parameters?.retry_after !== undefined)
      queue.pause(result.parameters.retry_after * 1000);
    return result;
  });
  // Flood control: wait out 429s (and transient 5xx/network errors) instead of failing a send.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 8, maxDelaySeconds: 3600 }));
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

  const commandDeps = { store, services, log, now, queue, gate, isModerator };
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
  const startPolling = (): void => {
    runner = run(bot, { runner: { fetch: { timeout: 30 } } });
    log.info({ bot: bot.botInfo.username }, 'telegram polling');
  };
  /** Takes the updates if no other instance does; true once this one polls. */
  const lead = async (): Promise<boolean> => {
    if (runner) return true;
    if (options.leadership && !(await options.leadership.acquire())) return false;
    startPolling();
    return true;
  };
  return {
    name: 'telegram',
    bot,
    deliver: (to, reply, delivery) =>
      deliverReply(bot.api, queue, telegramPlace(to), reply, {
        lane: 'digest',
        ...(delivery?.signal ? { signal: delivery.signal } : {}),
      }),
    async tellModerators(chat: Destination, reply: Reply) {
      // Telegram lets a bot write to a group, not to its admins: the notice goes to the chat itself.
      await deliverReply(bot.api, queue, telegramPlace(chat), reply).catch((err: unknown) =>
        log.warn({ err, chatId: chat.chatId }, 'could not tell the chat'),
      );
    },
    shareLimits: (instances) => queue.share(instances),
    webhookAddress: () => (server?.address() as AddressInfo | null | undefined) ?? null,
    async start() {
      await bot.init();
      await registerMenus(bot.api, COMMANDS);
      const hook = options.webhook;
      if (hook) {
        const handle = webhookCallback(bot, 'http', { secretToken: hook.secretToken });
        server = http.createServer((req, res) => void handle(req, res));
        await new Promise<void>((resolve) => server?.listen(hook.port, hook.host ?? '0.0.0.0', resolve));
        if (hook.url) await bot.api.setWebhook(hook.url, { secret_token: hook.secretToken });
        log.info({ port: hook.port }, 'telegram webhook listening');
        return;
      }
      if (await lead()) return;
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
      clearInterval(standby);
      if (runner?.isRunning()) await runner.stop();
      await options.leadership?.release();
      if (server) await new Promise<void>((resolve) => server?.close(() => resolve()));
      await queue.idle();
    },
  };
}
