import { z } from 'zod';
import { errorReply, textReply } from '../src/core/briefing/index.js';
import { findRegion } from '../src/core/places/regions.js';
import { defineCommand } from './define.js';
import { readTopicWords } from './topic-words.js';

const ADD_EXAMPLE = '/topics add elections include elect*, vote, ballot exclude sport';
const MAX_TOPICS = 50;

// Letters, digits, spaces, hyphens and apostrophes, with an optional trailing * (prefix wildcard).
// Nothing a user types here is ever used as a regular expression.
const phrase = z
  .string()
  .max(60, { error: 'A phrase can be at most 60 characters' })
  .regex(/^[\p{L}\p{N}][\p{L}\p{N}\p{M} '’.-]*\*?$/u, {
    error: 'Phrases use letters, digits, spaces and hyphens, with an optional * at the end',
  });

const name = z.string({ error: 'Give the topic a name' }).regex(/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,31}$/u, {
  error: 'A topic name is one word of up to 32 letters, digits, - or _',
});

const options = z.discriminatedUnion(
  'action',
  [
    z.object({
      action: z.literal('add'),
      name,
      include: z
        .array(phrase)
        .min(1, { error: 'Give at least one phrase to include' })
        .max(30, { error: 'At most 30 phrases' }),
      exclude: z.array(phrase).max(30, { error: 'At most 30 phrases to exclude' }),
      regions: z.array(z.string().max(64)).max(10, { error: 'At most 10 regions' }),
    }),
    z.object({ action: z.literal('remove'), name }),
    z.object({ action: z.literal('list') }),
  ],
  { error: 'Say add, remove or list' },
);

/** `/topics add|remove|list`: the phrases this chat follows, defined by its moderators. */
export const topicsCommand = defineCommand(
  {
    name: 'topics',
    description: 'List, add or remove this chat’s topics',
    usage:
      '/topics list | /topics add <name> include <phrases> [exclude <phrases>] [regions <regions>] | /topics remove <name>',
    example: ADD_EXAMPLE,
    access: (o) => (o.action === 'list' ? 'everyone' : 'moderator'),
    options,
    fromWords(words) {
      const [action = 'list', ...rest] = words;
      const a = action.toLowerCase();
      if (a === 'add') return { action: a, ...readTopicWords(rest) };
      return { action: a, name: rest[0] };
    },
    async handler(ctx, o) {
      if (o.action === 'list') {
        const topics = await ctx.store.topics.list(ctx.chat);
        if (topics.length === 0) return textReply(`No topics yet. A moderator can add one: ${ADD_EXAMPLE}`);
        const items = topics.map((t) => {
          const parts = [`${t.name}: ${t.include.join(', ')}`];
          if (t.exclude.length) parts.push(`not ${t.exclude.join(', ')}`);
          if (t.regions.length) parts.push(`in ${t.regions.join(', ')}`);
          return parts.join('; ');
        });
        return { blocks: [{ kind: 'list', title: 'Topics', items }] };
      }
      if (o.action === 'remove') {
        const removed = await ctx.store.topics.remove(ctx.chat, o.name.toLowerCase());
        return removed
          ? textReply(`Removed topic ${o.name}.`)
          : errorReply(`There is no topic ${o.name}.`, '/topics list');
      }
      const topicName = o.name.toLowerCase();
      // A topic named like a region would make /latest ambiguous.
      if (findRegion(topicName))
        return errorReply(`${o.name} is already a region; choose another name.`, ADD_EXAMPLE);
      const regions: string[] = [];
      for (const r of o.regions) {
        const region = findRegion(r);
        if (!region)
          return errorReply(`Unknown region "${r.slice(0, 40)}". /regions lists them.`, ADD_EXAMPLE);
        regions.push(region.slug);
      }
      const existing = await ctx.store.topics.list(ctx.chat);
      if (existing.length >= MAX_TOPICS && !existing.some((t) => t.name === topicName)) {
        return errorReply(`A chat can have at most ${MAX_TOPICS} topics.`, '/topics remove <name>');
      }
      await ctx.store.topics.upsert(ctx.chat, {
        name: topicName,
        include: o.include.map((p) => p.toLowerCase()),
        exclude: o.exclude.map((p) => p.toLowerCase()),
        regions,
      });
      return textReply(`Topic ${topicName} saved. /latest ${topicName} shows its stories.`);
    },
  },
  true,
);
