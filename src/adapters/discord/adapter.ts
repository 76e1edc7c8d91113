import {
  Client,
  DefaultRestOptions,
  Events,
  GatewayIntentBits,
  RESTEvents,
  Status,
  type Interaction,
  type ResponseLike,
} from 'discord.js';
import { COMMANDS, type CommandServices } from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import type { Logger } from '../../log.js';
import type { ChatPlatform, Destination } from '../../platform.js';
import type { Store } from '../../store/types.js';
import { NO_TELEMETRY, type Telemetry } from '../../telemetry.js';
import { createFloodGate, FLOOD_POLICY, type FloodPolicy } from '../shared/flood-gate.js';
import { createSendQueue, type SendLimits } from '../shared/send-queue.js';
import { startWithRetry, type StartFailure } from '../shared/start-retry.js';
import { createSuggester } from './autocomplete.js';
import { channelIdOf, deliverToChannel, type DiscordSender } from './deliver.js';
import { handleAutocomplete, handleButton, handleCommand, type InteractionDeps } from './interactions.js';
import { syncCommands } from './registration.js';

/**
 * How digests are paced on Discord: a channel's message bucket allows 5 messages in 5 seconds and
 * the bot 50 requests a second; @discordjs/rest waits out whatever 429 still comes.
 */
export const DISCORD_SEND_LIMITS: SendLimits = {
  perChatIntervalMs: 1000,
  groupPerMinute: Number.POSITIVE_INFINITY,
  globalPerSecond: 50,
};

/**
 * Discord's answers, with a global 429's wait made exact. Its Retry-After header is rounded up to
 * whole seconds ("1" for 0.12 s) and @discordjs/rest waits out the header; the body's `retry_after`
 * is exact. Waiting out a rounded-up second at every global 429 would stop all of the bot's sends
 * for most of a second more than Discord asked, so the header gets the body's value before
 * discord.js (and our send queue's pause) read it.
 */
async function exactRetryAfter(
  ...[url, init]: Parameters<typeof DefaultRestOptions.makeRequest>
): Promise<ResponseLike> {
  const res = await DefaultRestOptions.makeRequest(url, init);
  if (res.status !== 429 || !res.headers.get('x-ratelimit-global')) return res;
  const text = await res.text();
  let exact: unknown;
  try {
    exact = (JSON.parse(text) as { retry_after?: unknown }).retry_after;
  } catch {
    exact = undefined;
  }
  const headers = new Headers(res.headers);
  if (typeof exact === 'number' && Number.isFinite(exact) && exact >= 0)
    headers.set('retry-after', String(exact));
  return new Response(text, { status: res.status, statusText: res.statusText, headers });
}

/** How the Discord adapter is built; only `token`, `store`, `services` and `log` are required. */
export interface DiscordOptions {
  readonly token: string;
  readonly store: Store;
  readonly services: CommandServices;
  readonly log: Logger;
  /** Discord's API base, e.g. `https://discord.com/api` (a REST proxy, or a fake in tests). */
  readonly apiUrl?: string;
  /** Register the commands in this guild only (development) instead of globally. */
  readonly guildId?: string;
  /** The bot's total shards, and the ones this process runs (default: every one Discord recommends). */
  readonly shardCount?: number;
  readonly shardIds?: readonly number[];
  readonly limits?: SendLimits;
  /** Flood control of commands (default `FLOOD_POLICY`, the same as on Telegram). */
  readonly flood?: FloodPolicy;
  readonly now?: () => Date;
  /** Where counts and latencies go (default: nowhere). */
  readonly telemetry?: Telemetry;
  /** Waits between start-up tries while Discord cannot be reached (default `START_RETRY_MS`). */
  readonly startRetryMs?: readonly number[];
}

/** Why a request did not reach Discord, from the error's chain: "ECONNREFUSED", "timed out". */
function networkReason(error: unknown): string | undefined {
  let cause = error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    if (cause.name === 'AbortError') return 'timed out';
    const code = (cause as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && /^(E[A-Z]+|UND_ERR_\w+)$/.test(code)) return code;
    cause = cause.cause;
  }
  return undefined;
}

/** How a failed login at start is taken (see startWithRetry). */
export function classifyDiscordStart(error: unknown): StartFailure {
  if (error instanceof Error && 'code' in error && error.code === 'TokenInvalid')
    return {
      kind: 'refused',
      message:
        'Discord refused DISCORD_TOKEN (401 Unauthorized); reset it in the Developer Portal (your application > Bot > Reset Token)',
    };
  const status = error instanceof Error && 'status' in error ? Number(error.status) : 0;
  if (status >= 500 || status === 429) return { kind: 'unreachable', reason: `HTTP ${status}` };
  const reason = networkReason(error);
  return reason === undefined ? { kind: 'other' } : { kind: 'unreachable', reason };
}

/** Counters an operator (or a test) reads. */
export interface DiscordStats {
  /** 429 answers Discord gave (each waited out and retried by @discordjs/rest). */
  readonly rateLimited: number;
}

/** A running Discord bot: the chat platform port, and what tests look at. */
export interface DiscordAdapter extends ChatPlatform {
  readonly client: Client;
  stats(): DiscordStats;
}

function shardOptions(options: DiscordOptions) {
  const { shardCount, shardIds } = options;
  if (shardCount === undefined) return { shards: 'auto' as const };
  const all = Array.from({ length: shardCount }, (_, i) => i);
  return { shards: [...(shardIds ?? all)], shardCount };
}

export function createDiscordAdapter(options: DiscordOptions): DiscordAdapter {
  const { store, log } = options;
  const now = options.now ?? (() => new Date());
  const telemetry = options.telemetry ?? NO_TELEMETRY;
  const limits = options.limits ?? DISCORD_SEND_LIMITS;
  const client = new Client({
    // Slash commands carry the member and permissions: no privileged intent is needed.
    intents: [GatewayIntentBits.Guilds],
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      makeRequest: exactRetryAfter,
      // discord.js's own count of the bot's requests (in a second from the first one) guards what
      // does not go through the send queue; digests never reach it, since the queue counts each
      // from its gate to a second after its answer and so never lets more than this through in any
      // second.
      globalRequestsPerSecond: Number.isFinite(limits.globalPerSecond) ? limits.globalPerSecond : 50,
    },
    // Nothing the bot sends can ping anyone unless a message says otherwise (a digest's role).
    allowedMentions: { parse: [] },
    ...shardOptions(options),
  });
  const sender: DiscordSender = {
    client,
    queue: createSendQueue(limits),
    lost: new Map(),
  };
  telemetry.watchQueue('discord', () => sender.queue.depth());
  let rateLimited = 0;
  const deps: InteractionDeps = {
    onCommand: (command, ms) => telemetry.commandAnswered('discord', command, ms / 1000),
    client,
    store,
    services: options.services,
    log,
    suggester: createSuggester(store),
    now,
    gate: createFloodGate(options.flood ?? FLOOD_POLICY),
  };

  client.rest.on(RESTEvents.Response, (request, response) => {
    // Messages: posts to a channel, and replies and follow-ups to interactions (webhook routes).
    if (
      response.ok &&
      ((request.method === 'POST' && request.route.endsWith('/messages')) ||
        request.route.startsWith('/webhooks/'))
    )
      telemetry.messageSent('discord');
    if (response.status !== 429) return;
    telemetry.rateLimited('discord');
    rateLimited++;
    // The bot's overall limit: every channel's sends wait, not only the one that got the answer
    // (for as long as Discord asked: exactRetryAfter made the header exact).
    const retryAfter = Number(response.headers.get('retry-after'));
    if (response.headers.get('x-ratelimit-global') && retryAfter > 0) sender.queue.pause(retryAfter * 1000);
    log.warn(
      {
        route: request.route,
        bucket: response.headers.get('x-ratelimit-bucket'),
        scope: response.headers.get('x-ratelimit-scope'),
        retryAfter: response.headers.get('retry-after'),
        count: rateLimited,
      },
      'discord rate limited (429), waiting it out',
    );
  });
  client.rest.on(RESTEvents.InvalidRequestWarning, (info) =>
    log.warn({ invalidRequests: info.count, resetsInMs: info.remainingTime }, 'discord invalid requests'),
  );
  client.on(Events.Error, (err) => log.error({ err }, 'discord client error'));
  client.on(Events.ShardError, (err, shardId) => log.error({ err, shardId }, 'discord shard error'));
  client.on(Events.GuildDelete, (guild) => {
    // The bot was removed from a server: its subscriptions there pause (an outage is not a removal).
    if (!guild.available) return;
    void store.subscriptions
      .setPaused({ platform: 'discord', chatId: guild.id }, true, 'the bot was removed from the server')
      .then((n) => log.info({ guildId: guild.id, subscriptions: n }, 'removed from a server'))
      .catch((err: unknown) => log.error({ err, guildId: guild.id }, 'could not pause subscriptions'));
  });
  client.on(Events.ChannelDelete, (channel) => {
    sender.lost.set(channel.id, 'Discord: the channel was deleted');
  });
  client.on(Events.InteractionCreate, (i: Interaction) => {
    const work = i.isChatInputCommand()
      ? handleCommand(deps, i)
      : i.isAutocomplete()
        ? handleAutocomplete(deps, i)
        : i.isButton()
          ? handleButton(deps, i)
          : Promise.resolve();
    // The one error boundary: a failed interaction is logged with its id and the bot carries on.
    work.catch((err: unknown) =>
      log.error(
        { err, interactionId: i.id, guildId: i.guildId, channelId: i.channelId },
        'discord interaction failed',
      ),
    );
  });

  async function tellModerators(chat: Destination, reply: Reply): Promise<void> {
    // The place itself if it still works; otherwise the server's updates or system channel.
    const guild = client.guilds.cache.get(chat.chatId);
    const candidates = [
      channelIdOf(chat),
      guild?.publicUpdatesChannelId ?? null,
      guild?.systemChannelId ?? null,
    ].filter((id): id is string => id !== null && !sender.lost.has(id));
    for (const channelId of new Set(candidates)) {
      try {
        await deliverToChannel(sender, { ...chat, threadId: channelId }, reply);
        return;
      } catch (err) {
        log.warn({ err, channelId }, 'could not tell the moderators there');
      }
    }
  }

  return {
    name: 'discord',
    client,
    stats: () => ({ rateLimited }),
    shareLimits: (instances) => sender.queue.share(instances),
    deliver: (to, reply, delivery) => deliverToChannel(sender, to, reply, delivery),
    tellModerators,
    connected: () => client.isReady() && client.ws.status === Status.Ready,
    async start(signal?: AbortSignal) {
      const connect = async (): Promise<void> => {
        const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
        try {
          await client.login(options.token);
          await ready;
        } catch (error) {
          // A half-made connection is closed before the next try.
          await client.destroy().catch(() => undefined);
          throw error;
        }
      };
      const abandon = (): void => void client.destroy().catch(() => undefined);
      signal?.addEventListener('abort', abandon, { once: true });
      try {
        await startWithRetry(connect, {
          log,
          platform: 'Discord',
          where: options.apiUrl ?? 'https://discord.com/api',
          hint: 'check the network, or DISCORD_API_URL',
          classify: classifyDiscordStart,
          ...(signal ? { signal } : {}),
          ...(options.startRetryMs ? { waitsMs: options.startRetryMs } : {}),
        });
      } finally {
        signal?.removeEventListener('abort', abandon);
      }
      const applicationId = client.application?.id ?? client.user?.id;
      if (!applicationId) throw new Error('Discord did not say which application this bot is');
      const wrote = await syncCommands(client.rest, applicationId, COMMANDS, {
        ...(options.guildId ? { guildId: options.guildId } : {}),
      });
      log.info(
        { bot: client.user?.tag, guilds: client.guilds.cache.size, commandsRegistered: wrote },
        'discord ready',
      );
    },
    async stop() {
      await sender.queue.idle();
      await client.destroy();
    },
  };
}
