import { z } from 'zod';
import { errorReply, type ReplyBlock } from '../src/core/briefing/index.js';
import { defineCommand } from './define.js';
import { briefingOf, storiesFor } from './stories.js';
import { resolveTarget, targetOption, unknownTargetMessage } from './target.js';

const MAX_COUNT = 10;

const options = z.object({
  target: targetOption,
  count: z.coerce
    .number({ error: 'The count must be a number' })
    .int({ error: 'The count must be a whole number' })
    .min(1, { error: 'The count must be at least 1' })
    .max(MAX_COUNT, { error: `The count can be at most ${MAX_COUNT}` })
    .default(3),
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
  async handler(ctx, { target, count }) {
    const resolved = await resolveTarget(ctx, target);
    if (resolved.kind === 'unknown') {
      return errorReply(unknownTargetMessage(target, resolved.suggestions), '/latest balkans');
    }
    const stories = await storiesFor(
      ctx,
      resolved.kind === 'region' ? { region: resolved.region.slug } : { topic: resolved.topic },
      count,
    );
    const label = resolved.kind === 'region' ? resolved.region.name : `topic ${resolved.topic.name}`;
    if (stories.length === 0) {
      return { blocks: [{ kind: 'text', text: `No stories for ${label} yet.` }] };
    }
    const blocks: ReplyBlock[] = stories.map((s) => ({ kind: 'briefing', briefing: briefingOf(ctx, s) }));
    return { blocks };
  },
});
