import { z } from 'zod';
import { textReply } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { NO_OPTIONS } from './slash.js';

const SHOWN = 30;

/** `/sources`: the feeds newsdesk reads, and any that are switched off. */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'The feeds newsdesk reads',
  usage: '/sources',
  example: '/sources',
  access: 'everyone',
  options: z.object({}),
  fromWords: () => ({}),
  slash: NO_OPTIONS,
  async handler(ctx) {
    const feeds = await ctx.store.feeds.list();
    if (feeds.length === 0) return textReply('No feeds configured yet.');
    const disabled = feeds.filter((f) => !f.enabled).length;
    const items = feeds.slice(0, SHOWN).map((f) => {
      const label = f.title ? `${f.title} (${f.url})` : f.url;
      const region = f.region ? ` [${f.region}]` : '';
      const off = f.enabled ? '' : ` (off: ${f.disabledReason ?? 'disabled'})`;
      return `${label}${region}${off}`;
    });
    if (feeds.length > SHOWN) items.push(`…and ${feeds.length - SHOWN} more`);
    return { blocks: [{ kind: 'list', title: `Sources: ${feeds.length} feeds, ${disabled} off`, items }] };
  },
});
