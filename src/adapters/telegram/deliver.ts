import { GrammyError, type Api } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Reply } from '../../core/briefing/index.js';
import { DestinationLostError, type Delivered } from '../../platform.js';
import { renderTelegram, type TelegramMessage } from '../../render/index.js';
import type { SendOptions, SendQueue } from '../shared/send-queue.js';
import { keyboardOf } from './buttons.js';

/** Where a reply goes: a chat and, in a forum, its topic. */
export interface TelegramPlace {
  readonly chatId: number | string;
  readonly threadId: number | null;
}

/** How a reply is sent: its lane and member in the send queue, and the message it answers. */
export interface ReplyOptions extends SendOptions {
  /** The message this reply answers (its first message is shown as a reply to it). */
  readonly replyTo?: number;
  /** Once aborted (the process is stopping), messages not yet sent are not sent. */
  readonly signal?: AbortSignal;
}

/** Plain text from our own HTML, used only if Telegram ever refuses the markup. */
function htmlToPlain(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

function isGroupChat(chatId: number | string): boolean {
  // Private chats have positive ids; groups, supergroups and channels negative ones.
  return String(chatId).startsWith('-');
}

// Answers that mean the chat (or topic) is gone for the bot: sending again would only fail again.
const LOST_DESCRIPTIONS =
  /bot was kicked|bot was blocked|bot is not a member|user is deactivated|chat not found|chat_write_forbidden|not enough rights to send|have no rights to send|message thread not found|topic_deleted|topic_closed|group chat was (upgraded|deactivated)/i;

/** A Telegram error turned into `DestinationLostError` when it means the chat is gone for us. */
export function lostOrSame(error: unknown): unknown {
  if (
    error instanceof GrammyError &&
    (error.error_code === 403 || error.error_code === 400) &&
    LOST_DESCRIPTIONS.test(error.description)
  ) {
    return new DestinationLostError(`Telegram: ${error.description}`, { cause: error });
  }
  return error;
}

async function sendOne(
  api: Api,
  place: TelegramPlace,
  message: TelegramMessage,
  replyTo: number | undefined,
  keyboard: InlineKeyboardMarkup | undefined,
  signal: AbortSignal | undefined,
): Promise<string> {
  // grammY types its signal with a shim of its own; Node's AbortSignal is what it uses at run time.
  const abort = signal as Parameters<Api['sendMessage']>[3];
  const common = {
    link_preview_options: message.linkPreview,
    ...(keyboard === undefined ? {} : { reply_markup: keyboard }),
    ...(place.threadId === null ? {} : { message_thread_id: place.threadId }),
    // The reply still goes if the command was deleted meanwhile.
    ...(replyTo === undefined
      ? {}
      : { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } }),
  };
  try {
    // The signal ends a wait for a retry_after (a stop), never a request already on its way.
    const sent = await api.sendMessage(place.chatId, message.text, { ...common, parse_mode: 'HTML' }, abort);
    return String(sent.message_id);
  } catch (error) {
    // A renderer bug must not cost the reader the message: resend it without markup.
    if (
      error instanceof GrammyError &&
      error.error_code === 400 &&
      /parse entities/i.test(error.description)
    ) {
      const sent = await api.sendMessage(place.chatId, htmlToPlain(message.text), common, abort);
      return String(sent.message_id);
    }
    throw lostOrSame(error);
  }
}

/**
 * Renders a reply for Telegram and queues its messages, in order, within the rate limits. Resolves
 * with the ids of the messages once Telegram accepted all of them; rejects with the first failure
 * (the later messages of the reply are still tried, so a reader misses as little as possible).
 */
export async function deliverReply(
  api: Api,
  queue: SendQueue,
  place: TelegramPlace,
  reply: Reply,
  options: ReplyOptions = {},
): Promise<Delivered> {
  const messages = renderTelegram(reply);
  // The reply's buttons go under its last message, where the reader's eye ends.
  const keyboard = keyboardOf(reply);
  const key = String(place.chatId);
  const { replyTo, signal, ...send } = options;
  let lost: DestinationLostError | null = null;
  const sends = messages.map((m, index) =>
    queue.send(
      key,
      isGroupChat(place.chatId),
      async () => {
        // Once the chat is gone, the rest of the reply is not tried: it would only fail again.
        if (lost) throw lost;
        signal?.throwIfAborted();
        try {
          const last = index === messages.length - 1;
          return await sendOne(
            api,
            place,
            m,
            index === 0 ? replyTo : undefined,
            last ? keyboard : undefined,
            signal,
          );
        } catch (error) {
          if (error instanceof DestinationLostError) lost = error;
          throw error;
        }
      },
      send,
    ),
  );
  const results = await Promise.allSettled(sends);
  const failed = results.find((r) => r.status === 'rejected');
  if (failed) throw failed.reason;
  return { messageIds: results.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : [])) };
}
