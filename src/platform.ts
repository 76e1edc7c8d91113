// The chat platform port: what the scheduler and the composition root need from a chat adapter.
import type { Reply } from './core/briefing/index.js';
import type { ChatRef } from './store/types.js';

/** The platforms newsdesk serves. */
export type PlatformName = ChatRef['platform'];

/**
 * Where a delivery goes: a chat and, inside it, a Telegram forum topic or a Discord channel,
 * thread or forum (see `ChatPlace` in commands/types.ts for what the ids mean on each platform).
 */
export interface Destination extends ChatRef {
  readonly threadId: string | null;
}

/** How one delivery is made; every field is optional and platforms ignore what they cannot do. */
export interface DeliveryOptions {
  /**
   * A stable key for this delivery (a digest slot): a platform that can refuse a repeat (Discord's
   * message nonce) uses it, so a retry after a crash cannot post twice.
   */
  readonly key?: string;
  /** A title, where the place needs one (a post in a Discord forum). */
  readonly title?: string;
  /** A Discord role to mention with the first message, and only it. */
  readonly mentionRoleId?: string | null;
  /** Crosspost (publish) in a Discord announcement channel. */
  readonly publish?: boolean;
  /** Once aborted (the process is stopping), messages not yet sent are not sent. */
  readonly signal?: AbortSignal;
}

/** What the platform accepted: the ids of the messages it now holds. */
export interface Delivered {
  readonly messageIds: readonly string[];
}

/**
 * The destination can no longer be reached: the chat or channel is gone, or the bot lost access.
 * The caller pauses what delivers there and stops calling it.
 */
export class DestinationLostError extends Error {
  override readonly name = 'DestinationLostError';
  constructor(
    /** Why, in words a moderator can act on ("the bot lacks Send Messages in #news"). */
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(reason, options);
  }
}

/**
 * A platform could not start for a reason its operator must fix (a refused token, an API that
 * stayed unreachable): the message is one line that says what to do, and never holds a secret.
 */
export class PlatformStartError extends Error {
  override readonly name = 'PlatformStartError';
}

/** One chat platform, as the rest of newsdesk sees it. Telegram, Discord and the terminal implement it. */
export interface ChatPlatform {
  readonly name: PlatformName;
  /**
   * Connects and starts answering commands; resolves once the bot is ready. Rejects with a
   * `PlatformStartError` for what the operator must fix; once `signal` is aborted, gives up waiting.
   */
  start(signal?: AbortSignal): Promise<void>;
  /** Whether it is connected and taking commands now (the readiness probe asks). */
  connected?(): boolean;
  /** Stops taking commands and finishes or drops what is in flight; resolves when it is quiet. */
  stop(): Promise<void>;
  /**
   * Sends a reply (a digest, a notice) to a destination, in order and within the platform's
   * limits. Resolves once the platform accepted every message; rejects with a
   * `DestinationLostError` when the destination is gone, with another error when it failed.
   */
  deliver(to: Destination, reply: Reply, options?: DeliveryOptions): Promise<Delivered>;
  /**
   * This many instances share the bot's token now: the platform's overall rate limit is shared
   * among them, so together they stay within what the platform allows one bot.
   */
  shareLimits?(instances: number): void;
  /**
   * Tells a chat's moderators something (a paused subscription, a stopped feed) where the
   * platform can; never throws.
   */
  tellModerators(chat: Destination, reply: Reply): Promise<void>;
}
