import type { Api } from 'grammy';
import type { Chat, Message } from 'grammy/types';

/** Who wrote an update, as far as the moderator check needs to know. */
export interface Author {
  readonly chat: Pick<Chat, 'id' | 'type'>;
  readonly fromId: number | undefined;
  readonly senderChat: Pick<Chat, 'id'> | undefined;
}

/** Reads the author of a message or channel post. */
export function authorOf(message: Pick<Message, 'chat' | 'from' | 'sender_chat'>): Author {
  return { chat: message.chat, fromId: message.from?.id, senderChat: message.sender_chat };
}

const MODERATOR_STATUSES = new Set(['creator', 'administrator']);

/** Decides whether an author moderates the chat, asking Telegram at most once a minute per user. */
export function createModeratorCheck(
  api: Pick<Api, 'getChatMember'>,
  onError: (error: unknown, chatId: number) => void,
  ttlMs = 60_000,
  now: () => number = () => Date.now(),
) {
  const cache = new Map<string, { moderator: boolean; until: number }>();
  return async function isModerator(author: Author): Promise<boolean> {
    const { chat } = author;
    // One's own private chat is one's own to configure; only admins can post in a channel.
    if (chat.type === 'private' || chat.type === 'channel') return true;
    // An anonymous admin writes as the group itself; any other sender chat (a linked channel) is not one.
    if (author.senderChat) return author.senderChat.id === chat.id;
    if (author.fromId === undefined) return false;
    const key = `${chat.id}:${author.fromId}`;
    const hit = cache.get(key);
    if (hit && hit.until > now()) return hit.moderator;
    try {
      const member = await api.getChatMember(chat.id, author.fromId);
      const moderator = MODERATOR_STATUSES.has(member.status);
      cache.set(key, { moderator, until: now() + ttlMs });
      if (cache.size > 10_000) cache.delete(cache.keys().next().value ?? key);
      return moderator;
    } catch (error) {
      // Unknown means no: a configuration command is refused rather than allowed by accident.
      onError(error, chat.id);
      return false;
    }
  };
}
