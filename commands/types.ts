import type { ArticleInput, Topic } from '../src/core/types.js';
import type { ChatRef, LeadText, Store } from '../src/store/types.js';

/** Where a command was typed: a chat, and the Discord thread or Telegram forum topic inside it. */
export interface ChatPlace extends ChatRef {
  readonly threadId: string | null;
}

/** An article fetched for `brief`, or why it could not be. */
export type FetchArticleResult =
  { readonly ok: true; readonly article: ArticleInput } | { readonly ok: false; readonly error: string };

/** What commands need from outside the command layer, injected by the composition root. */
export interface CommandServices {
  /** Fetches one page through the SSRF guard and extracts its article; absent where there is no network. */
  readonly fetchArticle?: (url: string) => Promise<FetchArticleResult>;
  /** Whether an analysed article belongs to a moderator's topic. */
  readonly matchTopic: (lead: LeadText, topic: Topic) => boolean;
}

/** Everything a command handler may use: no platform, no clock of its own, no globals. */
export interface CommandContext {
  readonly store: Store;
  readonly now: Date;
  readonly chat: ChatPlace;
  /** Asked only when a command needs it, since a platform may have to make a request to know. */
  readonly isModerator: () => Promise<boolean>;
  readonly services: CommandServices;
  /**
   * Whether the bot can deliver digests to this place (see, post, embed; publish when asked):
   * null when it can, otherwise what is missing, in words a moderator can act on. Absent where
   * the platform cannot tell in advance.
   */
  readonly checkDelivery?: (need: { readonly publish: boolean }) => Promise<string | null>;
  /** How a thread or channel of this chat reads in a reply ("#news"); absent: "topic <id>". */
  readonly describePlace?: (threadId: string) => string;
}

/** Who may run a command. */
export type Access = 'everyone' | 'moderator';
