import type { Bot, Context } from 'grammy';
import type { Message } from 'grammy/types';
import {
  readChatCommand,
  runCommand,
  unknownCommandReply,
  type ChatLine,
  type CommandServices,
} from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/types.js';
import type { Telemetry } from '../../telemetry.js';
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
  readonly telemetry: Telemetry;
  /** Aborted when the bot stops: replies still waiting are not sent. */
  readonly stopping: AbortSignal;
}

/**
 * Whether to answer a chat message at all. In a group the bot keeps quiet about what is not its
 * own: other bots' commands, text that merely starts with a slash, and commands it does not know
 * unless they were addressed to it (`/cmd@ourbot`) or sent in reply to it, and a bare `/start`,
 * which every bot answers. In a private chat an unknown command is answered: there it can only have
 * been meant for us.
 */
function worthAnswering(
  line: ChatLine,
  msg: Message,
  botId: number,
): line is Extract<ChatLine, { kind: 'command' | 'unknown' }> {
  if (line.kind !== 'command' && line.kind !== 'unknown') return false;
  const ours = msg.chat.type === 'private' || line.addressed || msg.reply_to_message?.from?.id === botId;
  // Every bot knows /start: in a group, a bare one may be meant for any of them.
  if (line.kind === 'command') return line.name !== 'start' || ours;
  return ours;
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
  deliverReply(ctx.api, deps.queue, place, reply, {
    ...options,
    lane: 'command',
    signal: deps.stopping,
  }).catch((err: unknown) => deps.log.error({ err, chatId: place.chatId }, 'telegram reply failed'));
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

/** Runs one of our commands for its author, in the place it was sent from. */
export function runFor(
  deps: CommandDeps,
  author: Author,
  place: TelegramPlace,
  name: string,
  words: readonly string[],
): Promise<Reply> {
  const chat = {
    platform: 'telegram' as const,
    chatId: String(place.chatId),
    threadId: place.threadId === null ? null : String(place.threadId),
  };
  return runCommand(
    {
      store: deps.store,
      now: deps.now(),
      chat,
      isModerator: () => deps.isModerator(author),
      services: deps.services,
    },
    name,
    words,
    ({ command, error }) => deps.log.error({ err: error, command, chatId: chat.chatId }, 'command failed'),
  );
}

async function answer(deps: CommandDeps, ctx: Context): Promise<void> {
  const msg = ctx.msg;
  if (msg?.text === undefined) return;
  const line = readChatCommand(msg.text, ctx.me.username);
  if (!worthAnswering(line, msg, ctx.me.id)) return;
  const member = memberKey(msg.chat.id, msg.from?.id ?? msg.sender_chat?.id);
  if (!admit(deps, ctx, msg, member)) return;
  const place = placeOf(msg);
  const started = performance.now();
  const reply =
    line.kind === 'command'
      ? await runFor(deps, authorOf(msg), place, line.name, line.words)
      : unknownCommandReply(line.name);
  if (line.kind === 'command')
    deps.telemetry.commandAnswered('telegram', line.name, (performance.now() - started) / 1000);
  sendReply(deps, ctx, place, reply, { member });
}

/**
 * Answers the commands typed in chats and channels; an edited command is answered as a new one
 * (people fix a typo by editing rather than sending again).
 */
export function handleCommands(bot: Bot, deps: CommandDeps): void {
  bot.on(['message:text', 'channel_post:text', 'edited_message:text', 'edited_channel_post:text'], (ctx) =>
    answer(deps, ctx),
  );
}
