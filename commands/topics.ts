import { z } from 'zod';
import { errorReply, textReply } from '../src/core/briefing/index.js';
import { findRegion } from '../src/core/places/regions.js';
import { validateTopic } from '../src/core/topics/validate.js';
import { defineCommand } from './define.js';
import { commaList } from './slash.js';
import { readTopicWords } from './topic-words.js';

const ADD_EXAMPLE = '/topics add elections include elect*, vote, ballot exclude sport';
const MAX_TOPICS = 50;

// Only the shape is checked here; what a phrase may hold is the Places issue's `validateTopic`.
// Nothing a user types here is ever used as a regular expression.
const phrase = z.string().max(200, { error: 'A phrase can be at most 60 characters' });

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
    slash: {
      subcommands: [
        { name: 'list', description: 'This server’s topics', options: [] },
        {
          name: 'add',
          description: 'Add or change a topic (moderators)',
          options: [
            {
              name: 'name',
              description: 'One word, e.g. elections',
              type: 'string',
              required: true,
              maxLength: 32,
            },
            {
              name: 'include',
              description: 'Phrases it follows, comma-separated; * ends a prefix: elect*, vote',
              type: 'string',
              required: true,
              maxLength: 1000,
            },
            {
              name: 'exclude',
              description: 'Phrases it leaves out, comma-separated',
              type: 'string',
              maxLength: 1000,
            },
            {
              name: 'regions',
              description: 'Only in these regions, comma-separated',
              type: 'string',
              maxLength: 300,
            },
          ],
        },
        {
          name: 'remove',
          description: 'Remove a topic (moderators)',
          options: [
            {
              name: 'name',
              description: 'The topic to remove',
              type: 'string',
              required: true,
              maxLength: 32,
              autocomplete: 'topic',
            },
          ],
        },
      ],
      toInput: (v, sub) =>
        sub === 'add'
          ? {
              action: 'add',
              name: v.name,
              include: commaList(v.include),
              exclude: commaList(v.exclude),
              regions: commaList(v.regions),
            }
          : { action: sub ?? 'list', name: v.name },
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
      const checked = validateTopic({
        name: topicName,
        include: o.include.map((p) => p.toLowerCase()),
        exclude: o.exclude.map((p) => p.toLowerCase()),
        regions: o.regions,
      });
      if (!checked.ok) {
        const { message } = checked.error;
        return errorReply(`${message.charAt(0).toUpperCase()}${message.slice(1)}.`, ADD_EXAMPLE);
      }
      const existing = await ctx.store.topics.list(ctx.chat);
      if (existing.length >= MAX_TOPICS && !existing.some((t) => t.name === topicName)) {
        return errorReply(`A chat can have at most ${MAX_TOPICS} topics.`, '/topics remove <name>');
      }
      await ctx.store.topics.upsert(ctx.chat, checked.topic);
      return textReply(`Topic ${topicName} saved. /latest ${topicName} shows its stories.`);
    },
  },
  true,
);
