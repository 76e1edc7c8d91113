import { z } from 'zod';
import type { Reply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { latestCommand } from './latest.js';
import { NO_OPTIONS } from './slash.js';
import { resolveTarget } from './target.js';

/**
 * What someone who has just found the bot reads: what it does in three lines, and the three
 * commands a newcomer wants, as buttons (the lines name them too, for a chat without buttons).
 */
export const WELCOME: Reply = {
  blocks: [
    {
      kind: 'text',
      text: [
        'newsdesk turns regional news into short briefings: the lede, the key points and who said what.',
        'Ask for a region’s latest stories any time (/latest balkans), or have a digest sent here on a schedule (/subscribe).',
        'Start with the regions you can follow, how to subscribe, or every command (/help).',
      ].join('\n'),
    },
  ],
  actions: [
    { label: 'Regions', run: '/regions' },
    { label: 'How to subscribe', run: '/help subscribe' },
    { label: 'All commands', run: '/help' },
  ],
};

/**
 * `/start [payload]`: Telegram sends it when someone opens the bot, with the payload of a deep link
 * (t.me/ourbot?start=balkans). A payload naming a region (or one of the chat's topics) opens its
 * latest stories; anything else gets the welcome.
 */
export const startCommand = defineCommand({
  name: 'start',
  description: 'What newsdesk is, or a region from a link',
  usage: '/start [region]',
  example: '/start balkans',
  access: 'everyone',
  // A deep link's payload is at most 64 characters of A-Z, a-z, 0-9, _ and -; anything else is
  // not a payload we made, and gets the welcome.
  options: z.object({ payload: z.string().optional().catch(undefined) }),
  fromWords: (words) => ({ payload: words.join(' ') }),
  slash: NO_OPTIONS,
  async handler(ctx, { payload }) {
    const words = (payload ?? '').replace(/[_-]+/g, ' ').trim();
    if (words === '' || words.length > 64) return WELCOME;
    const found = await resolveTarget(ctx, words);
    if (found.kind === 'unknown') return WELCOME;
    const latest = latestCommand.prepare([words]);
    return latest.ok ? latest.run(ctx) : WELCOME;
  },
});
