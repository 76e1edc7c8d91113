import { z } from 'zod';
import { textReply, type ReplyBlock } from '../src/core/briefing/index.js';
import type { Subscription } from '../src/store/types.js';
import { defineCommand } from './define.js';
import { briefingOf, storiesFor } from './stories.js';
import { describeTarget } from './target.js';
import type { CommandContext } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

async function digestBlocks(ctx: CommandContext, sub: Subscription, size: number): Promise<ReplyBlock[]> {
  const label = describeTarget(sub.target);
  let target: { region: string } | { topic: NonNullable<Awaited<ReturnType<typeof findTopic>>> };
  if (sub.target.kind === 'region') target = { region: sub.target.slug };
  else {
    const topic = await findTopic(ctx, sub.target.name);
    if (!topic)
      return [{ kind: 'text', text: `${label}: the topic no longer exists; /unsubscribe ${sub.id}` }];
    target = { topic };
  }
  const since = sub.lastDigestAt ?? new Date(ctx.now.getTime() - DAY_MS);
  const stories = await storiesFor(ctx, target, size * 3, since);
  // The delivery log keeps a story from reaching the same subscription twice.
  await ctx.store.deliveries.enqueue(
    sub.id,
    stories.map((s) => s.id),
    ctx.now,
  );
  const pending = new Set(await ctx.store.deliveries.pending(sub.id));
  const fresh = stories.filter((s) => pending.has(s.id)).slice(0, size);
  for (const s of fresh) await ctx.store.deliveries.markSent(sub.id, s.id, ctx.now);
  await ctx.store.subscriptions.markDigest(sub.id, ctx.now);
  if (fresh.length === 0) return [{ kind: 'text', text: `${label}: nothing new.` }];
  return [
    { kind: 'text', text: `${label}: ${fresh.length} ${fresh.length === 1 ? 'story' : 'stories'}` },
    ...fresh.map((s): ReplyBlock => ({ kind: 'briefing', briefing: briefingOf(ctx, s) })),
  ];
}

async function findTopic(ctx: CommandContext, name: string) {
  return (await ctx.store.topics.list(ctx.chat)).find((t) => t.name === name);
}

/** `/digest now`: this chat's (or forum topic's) digest, straight away. */
export const digestCommand = defineCommand({
  name: 'digest',
  description: 'Send this chat’s digest now',
  usage: '/digest now',
  example: '/digest now',
  access: 'moderator',
  options: z.object({ when: z.literal('now', { error: 'Only "now" is supported' }) }),
  fromWords: (words) => ({ when: (words[0] ?? 'now').toLowerCase() }),
  async handler(ctx) {
    const all = await ctx.store.subscriptions.forChat(ctx.chat);
    const here = all.filter((s) => s.threadId === ctx.chat.threadId && !s.paused);
    if (here.length === 0)
      return textReply('Nothing to digest: no subscriptions here. Try /subscribe balkans');
    const { digestSize } = await ctx.store.chats.settings(ctx.chat);
    const blocks: ReplyBlock[] = [];
    for (const sub of here) blocks.push(...(await digestBlocks(ctx, sub, digestSize)));
    return { blocks };
  },
});
