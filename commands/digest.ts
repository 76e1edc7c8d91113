import { z } from 'zod';
import { textReply, type Reply, type ReplyBlock } from '../src/core/briefing/index.js';
import type { Subscription } from '../src/store/types.js';
import { defineCommand } from './define.js';
import { briefingOf, storiesFor } from './stories.js';
import { describeTarget } from './target.js';
import type { CommandContext } from './types.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A digest ready to send: its blocks, and the stories to mark as sent once it is delivered. */
export interface PreparedDigest {
  readonly reply: Reply;
  readonly storyIds: readonly number[];
}

async function prepareDigest(ctx: CommandContext, sub: Subscription, size: number): Promise<PreparedDigest> {
  const label = describeTarget(sub.target);
  let target: { region: string } | { topic: NonNullable<Awaited<ReturnType<typeof findTopic>>> };
  if (sub.target.kind === 'region') target = { region: sub.target.slug };
  else {
    const topic = await findTopic(ctx, sub.target.name);
    if (!topic)
      return {
        reply: textReply(`${label}: the topic no longer exists; /unsubscribe ${sub.id}`),
        storyIds: [],
      };
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
  if (fresh.length === 0) return { reply: textReply(`${label}: nothing new.`), storyIds: [] };
  return {
    reply: {
      blocks: [
        { kind: 'text', text: `${label}: ${fresh.length} ${fresh.length === 1 ? 'story' : 'stories'}` },
        ...fresh.map((s): ReplyBlock => ({ kind: 'briefing', briefing: briefingOf(ctx, s) })),
      ],
    },
    storyIds: fresh.map((s) => s.id),
  };
}

/**
 * Records a delivered digest: its stories are sent and the subscription's clock moves on. Called
 * only after delivery, so a digest that fails to send stays pending and goes out next time.
 */
export async function commitDigest(
  ctx: Pick<CommandContext, 'store' | 'now'>,
  sub: Subscription,
  digest: PreparedDigest,
): Promise<void> {
  for (const id of digest.storyIds) await ctx.store.deliveries.markSent(sub.id, id, ctx.now);
  await ctx.store.subscriptions.markDigest(sub.id, ctx.now);
}

/**
 * One subscription's digest as of `ctx.now`: the stories it has not had yet. Nothing is marked as
 * sent here; the caller delivers it, then calls `commitDigest`.
 */
export async function digestForSubscription(ctx: CommandContext, sub: Subscription): Promise<PreparedDigest> {
  const { digestSize } = await ctx.store.chats.settings(ctx.chat);
  return prepareDigest(ctx, sub, digestSize);
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
  slash: {
    subcommands: [{ name: 'now', description: 'Send this channel’s digest now', options: [] }],
    toInput: (_v, sub) => ({ when: sub ?? 'now' }),
  },
  async handler(ctx) {
    const all = await ctx.store.subscriptions.forChat(ctx.chat);
    const here = all.filter((s) => s.threadId === ctx.chat.threadId && !s.paused);
    if (here.length === 0)
      return textReply('Nothing to digest: no subscriptions here. Try /subscribe balkans');
    const { digestSize } = await ctx.store.chats.settings(ctx.chat);
    const blocks: ReplyBlock[] = [];
    for (const sub of here) {
      const digest = await prepareDigest(ctx, sub, digestSize);
      blocks.push(...digest.reply.blocks);
      // A reply to a command is sent by the adapter right after this returns.
      await commitDigest(ctx, sub, digest);
    }
    return { blocks };
  },
});
