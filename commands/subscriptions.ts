import { z } from 'zod';
import { textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { NO_OPTIONS } from './slash.js';
import { describeSchedule } from './schedule.js';
import { describeTarget } from './target.js';

/** `/subscriptions`: what this chat follows. */
export const subscriptionsCommand = defineCommand({
  name: 'subscriptions',
  description: 'What this chat is subscribed to',
  usage: '/subscriptions',
  example: '/subscriptions',
  access: 'everyone',
  options: z.object({}),
  fromWords: () => ({}),
  slash: NO_OPTIONS,
  async handler(ctx) {
    const subs = await ctx.store.subscriptions.forChat(ctx.chat);
    if (subs.length === 0) return textReply('No subscriptions yet. Try /subscribe balkans daily');
    const items = subs.map((s) => {
      const where =
        s.threadId === null ? '' : ` in ${ctx.describePlace?.(s.threadId) ?? `topic ${s.threadId}`}`;
      const paused = s.paused ? ' (paused)' : '';
      return `#${s.id} ${describeTarget(s.target)}, ${describeSchedule(s.schedule)} ${s.timezone}${where}${paused}`;
    });
    return { blocks: [{ kind: 'list', title: 'Subscriptions', items }] };
  },
});
