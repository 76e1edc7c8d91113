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

async function prepareDigest(
  ctx: CommandContext,
  sub: Subscription,
  size: number,
  since: Date,
): Promise<PreparedDigest> {
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
 * One subscription's digest as of `ctx.now`: the stories it has not had yet. Nothing is marked as
 * sent here: the digest ledger does that once the platform accepted the digest.
 */
export async function digestForSubscription(
  ctx: CommandContext,
  sub: Subscription,
  /** From when stories count: default since the last digest sent, or a day. */
  since: Date = sub.lastDigestAt ?? new Date(ctx.now.getTime() - DAY_MS),
): Promise<PreparedDigest> {
  const { digestSize } = await ctx.store.chats.settings(ctx.chat);
  return prepareDigest(ctx, sub, digestSize, since);
}

async function findTopic(ctx: CommandContext, name: string) {
  return (await ctx.store.topics.list(ctx.chat)).find((t) => t.name === name);
}

/** `/digest now`: this chat's (or forum topic's) digests, straight away, through the digest ledger. */
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
    // Sent like a scheduled digest: its stories count as sent only once the platform took them.
    for (const sub of here) await ctx.store.digests.request(sub.id, ctx.now);
    const what = here.map((s) => describeTarget(s.target)).join(', ');
    return textReply(`Sending the digest now: ${what}.`);
  },
});
