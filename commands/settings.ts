import { z } from 'zod';
import { textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { timezoneOption } from './timezone.js';

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
    unknown: z.never({ error: 'Settings are "timezone" and "size"' }).optional(),
  })
  .transform(({ timezone, size }) => ({ timezone, size }));

/** `/settings [timezone Z] [size N]`: shows or changes this chat's settings. */
export const settingsCommand = defineCommand(
  {
    name: 'settings',
    description: 'Show or change the time zone and digest size',
    usage: '/settings [timezone <zone>] [size <1-10>]',
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
        else raw.unknown = key;
      }
      return raw;
    },
    slash: {
      subcommands: [
        { name: 'show', description: 'The time zone and digest size', options: [] },
        {
          name: 'timezone',
          description: 'Set the time zone for new subscriptions (moderators)',
          options: [
            {
              name: 'zone',
              description: 'An IANA time zone, e.g. Europe/Belgrade',
              type: 'string',
              required: true,
              maxLength: 64,
              autocomplete: 'timezone',
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
        sub === 'timezone' ? { timezone: v.zone } : sub === 'size' ? { size: v.count } : {},
    },
    async handler(ctx, { timezone, size }) {
      const change = {
        ...(timezone === undefined ? {} : { timezone }),
        ...(size === undefined ? {} : { digestSize: size }),
      };
      const changed = Object.keys(change).length > 0;
      const settings = changed
        ? await ctx.store.chats.updateSettings(ctx.chat, change)
        : await ctx.store.chats.settings(ctx.chat);
      const text = `Time zone ${settings.timezone}, ${settings.digestSize} stories a digest.`;
      return textReply(changed ? `Saved. ${text}` : `${text} Change with ${EXAMPLE}`);
    },
  },
  true,
);
