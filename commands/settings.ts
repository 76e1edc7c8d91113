import { z } from 'zod';
import { textReply, type Reply } from '../src/core/briefing/index.js';
import type { ChatSettings } from '../src/store/types.js';
import { defineCommand } from './define.js';
import { timezoneOption } from './timezone.js';
import type { CommandContext } from './types.js';
import { describeSubscription, moveToZone } from './zone-move.js';

const EXAMPLE = '/settings timezone Europe/Belgrade size 5';
const MAX_SIZE = 10;

const options = z
  .object({
    timezone: timezoneOption,
    size: z.coerce
      .number({ error: 'The digest size must be a number' })
      .int({ error: 'The digest size must be a whole number' })
      .min(1, { error: 'The digest size must be at least 1' })
      .max(MAX_SIZE, { error: `The digest size can be at most ${MAX_SIZE}` })
      .optional(),
    // Whether the chat's existing subscriptions follow a new time zone (asked when not said).
    move: z.enum(['yes', 'no'], { error: 'After "move", say yes or no' }).optional(),
    unknown: z.never({ error: 'Settings are "timezone" and "size"' }).optional(),
  })
  .refine((o) => o.move === undefined || o.timezone !== undefined, {
    error: '"move" goes with a time zone (timezone Europe/Belgrade move yes)',
  })
  .transform(({ timezone, size, move }) => ({ timezone, size, move }));

type Options = z.output<typeof options>;

/** What the chat's settings now are, in one sentence. */
function describeSettings(settings: ChatSettings): string {
  return `Time zone ${settings.timezone}, ${settings.digestSize} stories a digest.`;
}

/**
 * After a new time zone: the chat's subscriptions on other zones are moved (yes), kept (no), or the
 * moderator is asked which, with a button for each answer.
 */
async function followZone(ctx: CommandContext, saved: string, timezone: string, move: Options['move']) {
  const others = (await ctx.store.subscriptions.forChat(ctx.chat)).filter((s) => s.timezone !== timezone);
  if (others.length === 0) return textReply(saved);
  const zones = [...new Set(others.map((s) => s.timezone))].join(', ');
  const them = others.length === 1 ? 'its subscription' : `its ${others.length} subscriptions`;
  if (move === undefined) {
    const one = others.length === 1;
    const reply: Reply = {
      blocks: [
        {
          kind: 'text',
          text:
            `${saved} New subscriptions use ${timezone}. This chat also has ${them} on ${zones}: ` +
            `move ${one ? 'it' : 'them'} to ${timezone} too, keeping ${one ? 'its' : 'their'} local times?`,
        },
      ],
      actions: [
        { label: `Move to ${timezone}`, run: `/settings tz ${timezone} move yes` },
        { label: 'Keep as they are', run: `/settings tz ${timezone} move no` },
      ],
      choice: true,
    };
    return reply;
  }
  if (move === 'no') {
    const items = others.map((s) => describeSubscription(ctx, s));
    return { blocks: [{ kind: 'list' as const, title: `${saved} These keep their own zones:`, items }] };
  }
  const moved = [];
  for (const sub of others) {
    const done = await moveToZone(ctx, sub, timezone);
    if (done) moved.push(done);
  }
  const items = moved.map((s) => describeSubscription(ctx, s));
  return { blocks: [{ kind: 'list' as const, title: `${saved} Moved to ${timezone}:`, items }] };
}

/** `/settings [timezone Z [move yes|no]] [size N]`: shows or changes this chat's settings. */
export const settingsCommand = defineCommand(
  {
    name: 'settings',
    description: 'Show or change the time zone and digest size',
    usage: '/settings [timezone <zone> [move yes|no]] [size <1-10>]',
    example: EXAMPLE,
    access: (o) => (o.timezone === undefined && o.size === undefined ? 'everyone' : 'moderator'),
    options,
    fromWords(words) {
      const raw: Record<string, unknown> = {};
      for (let i = 0; i < words.length; i += 2) {
        const key = (words[i] ?? '').toLowerCase();
        const value = words[i + 1] ?? '';
        if (key === 'timezone' || key === 'tz') raw.timezone = value;
        else if (key === 'size') raw.size = value;
        else if (key === 'move') raw.move = value.toLowerCase();
        else raw.unknown = key;
      }
      return raw;
    },
    slash: {
      subcommands: [
        { name: 'show', description: 'The time zone and digest size', options: [] },
        {
          name: 'timezone',
          description: 'Set the time zone for new subscriptions, and say if existing ones move (moderators)',
          options: [
            {
              name: 'zone',
              description: 'An IANA time zone, e.g. Europe/Belgrade',
              type: 'string',
              required: true,
              maxLength: 64,
              autocomplete: 'timezone',
            },
            {
              name: 'move_subscriptions',
              description: 'Move this server’s existing subscriptions to the new zone too?',
              type: 'string',
              required: true,
              choices: [
                { name: 'yes, move them (same local times there)', value: 'yes' },
                { name: 'no, keep their zones', value: 'no' },
              ],
            },
          ],
        },
        {
          name: 'size',
          description: 'Set how many stories a digest carries (moderators)',
          options: [
            { name: 'count', description: 'From 1 to 10', type: 'integer', required: true, min: 1, max: 10 },
          ],
        },
      ],
      toInput: (v, sub) =>
        sub === 'timezone'
          ? { timezone: v.zone, move: v.move_subscriptions }
          : sub === 'size'
            ? { size: v.count }
            : {},
    },
    async handler(ctx, { timezone, size, move }) {
      const change = {
        ...(timezone === undefined ? {} : { timezone }),
        ...(size === undefined ? {} : { digestSize: size }),
      };
      const changed = Object.keys(change).length > 0;
      const settings = changed
        ? await ctx.store.chats.updateSettings(ctx.chat, change)
        : await ctx.store.chats.settings(ctx.chat);
      const text = describeSettings(settings);
      if (!changed) return textReply(`${text} Change with ${EXAMPLE}`);
      if (timezone === undefined) return textReply(`Saved. ${text}`);
      return followZone(ctx, `Saved. ${text}`, timezone, move);
    },
  },
  true,
);
