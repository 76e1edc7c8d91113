import { z } from 'zod';
import { errorReply, textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { describeTarget, resolveTarget, toSubscriptionTarget, unknownTargetMessage } from './target.js';

const options = z.object({
  what: z
    .string({ error: 'Say which subscription to stop: its number, region or topic' })
    .trim()
    .min(1, { error: 'Say which subscription to stop: its number, region or topic' })
    .max(64, { error: 'That name is too long' }),
});

/** `/unsubscribe <id|region|topic>`: stops a subscription of this chat. */
export const unsubscribeCommand = defineCommand({
  name: 'unsubscribe',
  description: 'Stop a subscription',
  usage: '/unsubscribe <id|region|topic>',
  example: '/unsubscribe 3',
  access: 'moderator',
  options,
  fromWords: (words) => ({ what: words.length ? words.join(' ').replace(/^#/, '') : undefined }),
  slash: {
    options: [
      {
        name: 'subscription',
        description: 'Its number (see /subscriptions), region or topic',
        type: 'string',
        required: true,
        maxLength: 64,
        autocomplete: 'subscription',
      },
    ],
    toInput: (v) => ({
      what: typeof v.subscription === 'string' ? v.subscription.replace(/^#/, '') : undefined,
    }),
  },
  async handler(ctx, { what }) {
    const subs = await ctx.store.subscriptions.forChat(ctx.chat);
    if (/^\d+$/.test(what)) {
      // Only this chat's own subscriptions can be stopped from here, whatever number is typed.
      const sub = subs.find((s) => s.id === Number(what));
      if (!sub) return errorReply(`This chat has no subscription #${what}.`, '/subscriptions');
      await ctx.store.subscriptions.remove(sub.id);
      return textReply(`Stopped #${sub.id} (${describeTarget(sub.target)}).`);
    }
    const resolved = await resolveTarget(ctx, what);
    if (resolved.kind === 'unknown') {
      return errorReply(unknownTargetMessage(what, resolved.suggestions), '/unsubscribe balkans');
    }
    const key = JSON.stringify(toSubscriptionTarget(resolved));
    const matching = subs.filter((s) => JSON.stringify(s.target) === key && s.threadId === ctx.chat.threadId);
    if (matching.length === 0) {
      return errorReply(
        `This chat does not follow ${describeTarget(toSubscriptionTarget(resolved))}.`,
        '/subscriptions',
      );
    }
    for (const s of matching) await ctx.store.subscriptions.remove(s.id);
    return textReply(
      `Stopped ${matching.map((s) => `#${s.id}`).join(', ')} (${describeTarget(matching[0]!.target)}).`,
    );
  },
});
