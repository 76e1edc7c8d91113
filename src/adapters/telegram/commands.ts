import type { Bot, Context } from 'grammy';
import type { Message } from 'grammy/types';
import { dispatch, type CommandServices } from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/types.js';
import { floodNotice, type FloodGate } from '../shared/flood-gate.js';
import type { SendQueue } from '../shared/send-queue.js';
import { deliverReply, type ReplyOptions, type TelegramPlace } from './deliver.js';
import { authorOf, type Author } from './moderator.js';

/** What answering commands needs. */
export interface CommandDeps {
  readonly store: Store;
  readonly services: CommandServices;
  readonly log: Logger;
  readonly now: () => Date;
  readonly queue: SendQueue;
  readonly gate: FloodGate;
  readonly isModerator: (author: Author) => Promise<boolean>;
}

/** The text of a command addressed to this bot, or null (plain chat, or another bot's command). */
function commandText(ctx: Context): string | null {
  const text = ctx.msg?.text;
  if (!text?.startsWith('/')) return null;
  const addressee = /^\/[^\s@]+@(\S+)/.exec(text)?.[1];
  if (addressee && addressee.toLowerCase() !== ctx.me.username.toLowerCase()) return null;
  return text;
}

/** Who sent a message, as a key for flood control and the send queue's turns: per member, per chat. */
export function memberKey(chatId: number, sender: number | undefined): string {
  return `${chatId}:${sender ?? 'chat'}`;
}

/** The place of a message: its chat and, in a forum, its topic. */
export function placeOf(
  msg: Pick<Message, 'chat' | 'is_topic_message' | 'message_thread_id'>,
): TelegramPlace {
  // In a forum, a topic's messages carry its thread id; replies elsewhere carry one too, so only topics count.
  return { chatId: msg.chat.id, threadId: msg.is_topic_message ? (msg.message_thread_id ?? null) : null };
}

/**
 * Sends a command's reply without holding up the handler: the member's next command is read while
 * this one waits for its turn in the send queue.
 */
export function sendReply(
  deps: CommandDeps,
  ctx: Context,
  place: TelegramPlace,
  reply: Reply,
  options: ReplyOptions,
): void {
  deliverReply(ctx.api, deps.queue, place, reply, { ...options, lane: 'command' }).catch((err: unknown) =>
    deps.log.error({ err, chatId: place.chatId }, 'telegram reply failed'),
  );
}

/**
 * Whether a member's command is answered (flood control). A member over the allowance gets one
 * notice, as a reply to the command that went over; after that, nothing until the window passes.
 */
export function admit(deps: CommandDeps, ctx: Context, msg: Message, member: string): boolean {
  const chat = msg.chat.type === 'private' ? null : String(msg.chat.id);
  const verdict = deps.gate.check(member, chat);
  if (verdict.kind === 'allow') return true;
  if (verdict.kind === 'notice') {
    deps.log.info(
      { chatId: msg.chat.id, scope: verdict.scope, retryInMs: verdict.retryInMs },
      'flood control',
    );
    sendReply(deps, ctx, placeOf(msg), floodNotice(verdict), { member, replyTo: msg.message_id });
  }
  return false;
}

async function answer(deps: CommandDeps, ctx: Context): Promise<void> {
  const msg = ctx.msg;
  const text = commandText(ctx);
  if (text === null || !msg) return;
  const member = memberKey(msg.chat.id, msg.from?.id ?? msg.sender_chat?.id);
  if (!admit(deps, ctx, msg, member)) return;
  const place = placeOf(msg);
  const reply = await dispatch(
    {
      store: deps.store,
      now: deps.now(),
      chat: {
        platform: 'telegram',
        chatId: String(msg.chat.id),
        threadId: place.threadId === null ? null : String(place.threadId),
      },
      isModerator: () => deps.isModerator(authorOf(msg)),
      services: deps.services,
    },
    text,
    ({ command, error }) => deps.log.error({ err: error, command, chatId: msg.chat.id }, 'command failed'),
  );
  sendReply(deps, ctx, place, reply, { member });
}

/** Answers the commands typed in chats and channels. */
export function handleCommands(bot: Bot, deps: CommandDeps): void {
  bot.on(['message:text', 'channel_post:text'], (ctx) => answer(deps, ctx));
}
