import { z } from 'zod';
import { errorReply, type ReplyBlock } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { briefingOf, storiesFor } from './stories.js';
import { resolveTarget, TARGET_SLASH_OPTION, targetOption, unknownTargetMessage } from './target.js';

const MAX_COUNT = 10;

const MAX_PAGE = 10;

const options = z.object({
  target: targetOption,
  count: z.coerce
    .number({ error: 'The count must be a number' })
    .int({ error: 'The count must be a whole number' })
    .min(1, { error: 'The count must be at least 1' })
    .max(MAX_COUNT, { error: `The count can be at most ${MAX_COUNT}` })
    .default(3),
  // Pages after the first come from a "More" button, not from typing.
  page: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE, { error: `That is as far back as /latest goes` })
    .default(1),
});

/** `/latest <region|topic> [count]`: the newest stories, as briefings. */
export const latestCommand = defineCommand({
  name: 'latest',
  description: 'The latest stories for a region or topic',
  usage: '/latest <region|topic> [count]',
  example: '/latest balkans 3',
  access: 'everyone',
  options,
  fromWords(words) {
    // A trailing number is the count; the rest names the target ("western balkans 5").
    const last = words.at(-1);
    const hasCount = words.length > 1 && last !== undefined && /^[-+]?\d+(\.\d+)?$/.test(last);
    const target = (hasCount ? words.slice(0, -1) : words).join(' ');
    return { target: target === '' ? undefined : target, count: hasCount ? last : undefined };
  },
  slash: {
    options: [
      TARGET_SLASH_OPTION,
      { name: 'count', description: 'How many stories (1-10, default 3)', type: 'integer', min: 1, max: 10 },
    ],
    toInput: (v) => ({ target: v.region, count: v.count }),
  },
  async handler(ctx, { target, count, page }) {
    const resolved = await resolveTarget(ctx, target);
    if (resolved.kind === 'unknown') {
      return errorReply(unknownTargetMessage(target, resolved.suggestions), '/latest balkans');
    }
    // One more than the pages asked for tells whether there is a next page to offer.
    const wanted = count * page;
    const found = await storiesFor(
      ctx,
      resolved.kind === 'region' ? { region: resolved.region.slug } : { topic: resolved.topic },
      wanted + 1,
    );
    const stories = found.slice(wanted - count, wanted);
    const label = resolved.kind === 'region' ? resolved.region.name : `topic ${resolved.topic.name}`;
    if (stories.length === 0) {
      const text = page === 1 ? `No stories for ${label} yet.` : `No more stories for ${label}.`;
      return { blocks: [{ kind: 'text', text }] };
    }
    const blocks: ReplyBlock[] = stories.map((s) => ({ kind: 'briefing', briefing: briefingOf(ctx, s) }));
    const more = found.length > wanted && page < MAX_PAGE;
    return more
      ? { blocks, next: { command: 'latest', input: { target, count, page: page + 1 } } }
      : { blocks };
  },
});
