import { z } from 'zod';
import { errorReply, textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { describeSchedule, looksLikeSchedule, paceAllowed, parseSchedule } from './schedule.js';
import {
  describeTarget,
  resolveTarget,
  TARGET_SLASH_OPTION,
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
      if (!paceAllowed(cron)) {
        ctx.addIssue({
          code: 'custom',
          message: `A digest can come at most once an hour; "${s.slice(0, 40)}" is more often`,
        });
        return z.NEVER;
      }
      return cron;
    }),
  timezone: timezoneOption,
  // Discord only: a role the digest mentions, and crossposting in an announcement channel.
  mentionRoleId: z
    .string()
    .regex(/^\d{17,20}$/, { error: 'That is not a role' })
    .optional(),
  publish: z.boolean().optional(),
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
  slash: {
    options: [
      TARGET_SLASH_OPTION,
      {
        name: 'schedule',
        description: 'daily (08:00), hourly, 18:30, weekdays@07:30, or a cron expression',
        type: 'string',
        maxLength: 64,
        autocomplete: 'schedule',
      },
      {
        name: 'timezone',
        description: 'The time zone of the schedule, e.g. Europe/Belgrade (default: the server’s)',
        type: 'string',
        maxLength: 64,
        autocomplete: 'timezone',
      },
      {
        name: 'channel',
        description: 'Where digests go: a text, announcement or forum channel, or a thread (default: here)',
        type: 'channel',
        place: true,
      },
      { name: 'ping', description: 'A role to mention with each digest', type: 'role' },
      {
        name: 'publish',
        description: 'In an announcement channel, publish each digest to following servers',
        type: 'boolean',
      },
    ],
    toInput: (v) => ({
      target: v.region,
      schedule: v.schedule,
      timezone: v.timezone,
      mentionRoleId: v.ping,
      publish: v.publish,
    }),
  },
  async handler(ctx, opts) {
    const missing = (await ctx.checkDelivery?.({ publish: opts.publish === true })) ?? null;
    if (missing !== null) return errorReply(missing, EXAMPLE);
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
      mentionRoleId: opts.mentionRoleId ?? null,
      publish: opts.publish === true,
    });
    const where =
      ctx.chat.threadId === null ? 'This chat' : (ctx.describePlace?.(ctx.chat.threadId) ?? 'This topic');
    return textReply(
      `${where} now gets ${describeTarget(target)} ${describeSchedule(sub.schedule)} (${timezone}). ` +
        `Subscription #${sub.id}; /unsubscribe ${sub.id} stops it.`,
    );
  },
});
