import { z } from 'zod';
import { errorReply, textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { describeSchedule, looksLikeSchedule, parseSchedule } from './schedule.js';
import {
  describeTarget,
  resolveTarget,
  targetOption,
  toSubscriptionTarget,
  unknownTargetMessage,
} from './target.js';
import { looksLikeTimezone, timezoneOption } from './timezone.js';

const EXAMPLE = '/subscribe balkans daily@08:00 Europe/Belgrade';
const MAX_PER_CHAT = 25;

const options = z.object({
  target: targetOption,
  schedule: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (s === undefined) return '0 8 * * *';
      const cron = parseSchedule(s);
      if (cron === null) {
        ctx.addIssue({
          code: 'custom',
          message: `"${s.slice(0, 40)}" is not a schedule (try daily, hourly, 08:00 or weekdays@07:30)`,
        });
        return z.NEVER;
      }
      return cron;
    }),
  timezone: timezoneOption,
});

/** `/subscribe <region|topic> [schedule] [timezone]`: a digest for this chat (or forum topic). */
export const subscribeCommand = defineCommand({
  name: 'subscribe',
  description: 'Get a digest of a region or topic on a schedule',
  usage: '/subscribe <region|topic> [daily|hourly|HH:MM|"cron"] [time zone]',
  example: EXAMPLE,
  access: 'moderator',
  options,
  fromWords(words) {
    // Read from the end: a time zone, then a schedule; whatever is left names the target.
    const rest = [...words];
    let timezone: string | undefined;
    let schedule: string | undefined;
    if (rest.length > 1 && looksLikeTimezone(rest.at(-1) ?? '')) timezone = rest.pop();
    if (rest.length > 1 && looksLikeSchedule(rest.at(-1) ?? '')) schedule = rest.pop();
    const target = rest.join(' ');
    return { target: target === '' ? undefined : target, schedule, timezone };
  },
  async handler(ctx, opts) {
    const resolved = await resolveTarget(ctx, opts.target);
    if (resolved.kind === 'unknown') {
      return errorReply(unknownTargetMessage(opts.target, resolved.suggestions), EXAMPLE);
    }
    const target = toSubscriptionTarget(resolved);
    const existing = await ctx.store.subscriptions.forChat(ctx.chat);
    const same = existing.find(
      (s) => s.threadId === ctx.chat.threadId && JSON.stringify(s.target) === JSON.stringify(target),
    );
    if (same) {
      return errorReply(
        `This chat already follows ${describeTarget(target)} (#${same.id}). Unsubscribe first to change it.`,
        `/unsubscribe ${same.id}`,
      );
    }
    if (existing.length >= MAX_PER_CHAT) {
      return errorReply(`A chat can have at most ${MAX_PER_CHAT} subscriptions.`, '/subscriptions');
    }
    const timezone = opts.timezone ?? (await ctx.store.chats.settings(ctx.chat)).timezone;
    const sub = await ctx.store.subscriptions.add({
      platform: ctx.chat.platform,
      chatId: ctx.chat.chatId,
      threadId: ctx.chat.threadId,
      target,
      schedule: opts.schedule,
      timezone,
    });
    const where = ctx.chat.threadId === null ? 'This chat' : 'This topic';
    return textReply(
      `${where} now gets ${describeTarget(target)} ${describeSchedule(sub.schedule)} (${timezone}). ` +
        `Subscription #${sub.id}; /unsubscribe ${sub.id} stops it.`,
    );
  },
});
