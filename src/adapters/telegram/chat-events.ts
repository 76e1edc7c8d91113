import type { Bot } from 'grammy';
import type { Logger } from '../../log.js';
import type { Store } from '../../store/types.js';

const telegramChat = (id: number) => ({ platform: 'telegram' as const, chatId: String(id) });

/**
 * The bot's own membership: removed from a chat, its subscriptions pause (sending there would only
 * earn errors); added back, they resume. A group that became a supergroup takes them along.
 */
export function handleChatEvents(bot: Bot, store: Store, log: Logger): void {
  bot.on('my_chat_member', async (ctx) => {
    const { chat, new_chat_member: now, old_chat_member: before } = ctx.myChatMember;
    const gone = now.status === 'kicked' || now.status === 'left';
    const wasGone = before.status === 'kicked' || before.status === 'left';
    if (gone === wasGone) return;
    const changed = await store.subscriptions.setPaused(telegramChat(chat.id), gone);
    log.info(
      { chatId: chat.id, status: now.status, subscriptions: changed },
      gone ? 'removed from chat' : 'added to chat',
    );
  });

  bot.on('message:migrate_to_chat_id', async (ctx) => {
    const from = telegramChat(ctx.chat.id);
    const to = telegramChat(ctx.message.migrate_to_chat_id);
    const moved = await store.subscriptions.moveChat(from, to);
    log.info({ from: from.chatId, to: to.chatId, subscriptions: moved }, 'chat migrated to a supergroup');
  });
}
