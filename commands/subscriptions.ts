import { z } from 'zod';
import { textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { NO_OPTIONS } from './slash.js';
import { describeSubscription } from './zone-move.js';

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
    // Each schedule in its own zone, with its next digest as a reader there sees it.
    const items = subs.map((s) => describeSubscription(ctx, s));
    return { blocks: [{ kind: 'list', title: 'Subscriptions', items }] };
  },
});
