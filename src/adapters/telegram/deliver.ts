import { GrammyError, type Api } from 'grammy';
import type { Reply } from '../../core/briefing/index.js';
import { renderTelegram, type TelegramMessage } from '../../render/index.js';
import type { SendQueue } from './send-queue.js';

/** Where a reply goes: a chat and, in a forum, its topic. */
export interface TelegramPlace {
  readonly chatId: number | string;
  readonly threadId: number | null;
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

async function sendOne(api: Api, place: TelegramPlace, message: TelegramMessage): Promise<void> {
  const common = {
    link_preview_options: message.linkPreview,
    ...(place.threadId === null ? {} : { message_thread_id: place.threadId }),
  };
  try {
    await api.sendMessage(place.chatId, message.text, { ...common, parse_mode: 'HTML' });
  } catch (error) {
    // A renderer bug must not cost the reader the message: resend it without markup.
    if (
      error instanceof GrammyError &&
      error.error_code === 400 &&
      /parse entities/i.test(error.description)
    ) {
      await api.sendMessage(place.chatId, htmlToPlain(message.text), common);
      return;
    }
    throw error;
  }
}

/** Renders a reply for Telegram and queues its messages, in order, within the rate limits. */
export async function deliverReply(
  api: Api,
  queue: SendQueue,
  place: TelegramPlace,
  reply: Reply,
): Promise<void> {
  const messages = renderTelegram(reply);
  const key = String(place.chatId);
  await Promise.all(
    messages.map((m) => queue.send(key, isGroupChat(place.chatId), () => sendOne(api, place, m))),
  );
}
