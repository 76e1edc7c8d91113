import type { Bot, Context } from 'grammy';
import { readChatCommand } from '../../../commands/index.js';
import type { Reply } from '../../core/briefing/index.js';
import { renderPlain } from '../../render/index.js';
import { floodNotice } from '../shared/flood-gate.js';
import { readButton } from './buttons.js';
import { memberKey, runFor, sendReply, type CommandDeps } from './commands.js';
import type { TelegramPlace } from './deliver.js';

// Telegram shows at most 200 characters in the answer to a button press.
const MAX_ALERT = 200;

const isRefusal = (reply: Reply): boolean =>
  reply.blocks.length > 0 && reply.blocks.every((b) => b.kind === 'error');

/** A short private answer to the one who pressed (a pop-up only they see). */
function alert(ctx: Context, text: string): Promise<unknown> {
  const shown = text.length > MAX_ALERT ? `${text.slice(0, MAX_ALERT - 1)}…` : text;
  return ctx.answerCallbackQuery({ text: shown, show_alert: true });
}

async function press(deps: CommandDeps, ctx: Context): Promise<void> {
  const query = ctx.callbackQuery;
  const button = query?.data === undefined ? null : readButton(query.data);
  const msg = query?.message;
  if (!query || !button || !msg) {
    await ctx.answerCallbackQuery();
    return;
  }
  const chat = msg.chat;
  const member = memberKey(chat.id, query.from.id);
  // A press is a command: it counts toward the member's allowance like a typed one.
  const verdict = deps.gate.check(member, chat.type === 'private' ? null : String(chat.id));
  if (verdict.kind !== 'allow') {
    if (verdict.kind === 'notice') await alert(ctx, renderPlain(floodNotice(verdict)));
    else await ctx.answerCallbackQuery();
    return;
  }
  const line = readChatCommand(button.line, ctx.me.username);
  if (line.kind !== 'command') {
    await alert(ctx, 'That button no longer works; try /help.');
    return;
  }
  const topic = 'is_topic_message' in msg && msg.is_topic_message === true;
  const place: TelegramPlace = {
    chatId: chat.id,
    threadId: topic && 'message_thread_id' in msg ? (msg.message_thread_id ?? null) : null,
  };
  const author = { chat, fromId: query.from.id, senderChat: undefined };
  const reply = await runFor(deps, author, place, line.name, line.words);
  // A refusal (not a moderator, a bad value) is for the one who pressed, not for the whole group;
  // and it leaves a question's buttons for someone who may answer it.
  if (isRefusal(reply)) {
    await alert(ctx, renderPlain(reply).replace(/^! /, ''));
    return;
  }
  await ctx.answerCallbackQuery();
  if (button.choice) {
    await ctx.api
      .editMessageReplyMarkup(chat.id, msg.message_id, { reply_markup: { inline_keyboard: [] } })
      .catch((err: unknown) => deps.log.warn({ err, chatId: chat.id }, 'could not remove the buttons'));
  }
  sendReply(deps, ctx, place, reply, { member, replyTo: msg.message_id });
}

/**
 * Answers presses of the buttons under the bot's replies: each runs its command line for the one
 * who pressed, as if typed (see `keyboardOf`), and the answer goes to the chat as a reply.
 */
export function handleButtons(bot: Bot, deps: CommandDeps): void {
  bot.on('callback_query:data', (ctx) => press(deps, ctx));
}
