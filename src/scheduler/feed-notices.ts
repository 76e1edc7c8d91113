import { textReply, type Reply } from '../core/briefing/index.js';
import { describeUrl } from '../sources/fetch/errors.js';
import type { FeedOutcome } from '../sources/poll/index.js';
import type { Store, Subscription } from '../store/types.js';

/** A notice to post in one chat (or forum topic) about feeds that were disabled. */
export interface FeedNotice {
  readonly subscription: Subscription;
  readonly reply: Reply;
}

/**
 * The notices for the feeds a poll pass disabled: each chat subscribed to a feed's region hears,
 * once per pass, which of its sources stopped and why. Feeds with no region concern no chat.
 */
export async function feedNotices(store: Store, disabled: readonly FeedOutcome[]): Promise<FeedNotice[]> {
  if (disabled.length === 0) return [];
  const lines = new Map<string, { subscription: Subscription; region: string; lines: string[] }>();
  const subscriptions = (await store.subscriptions.all()).filter((s) => !s.paused);
  for (const outcome of disabled) {
    const feed = await store.feeds.get(outcome.feedId);
    if (!feed?.region) continue;
    const name = feed.title ?? describeUrl(feed.url);
    const why = feed.disabledReason ?? outcome.error ?? 'repeated failures';
    for (const sub of subscriptions) {
      if (sub.target.kind !== 'region' || sub.target.slug !== feed.region) continue;
      const place = `${sub.platform}|${sub.chatId}|${sub.threadId ?? ''}`;
      const entry = lines.get(place) ?? { subscription: sub, region: feed.region, lines: [] };
      entry.lines.push(`• ${name}: ${why}`);
      lines.set(place, entry);
    }
  }
  return [...lines.values()].map(({ subscription, region, lines: found }) => ({
    subscription,
    reply: textReply(
      `A source of your ${region} digest stopped working and was paused:\n${found.join('\n')}\n` +
        'Digests go on with the other sources; the operator can re-enable it (newsdesk feeds enable).',
    ),
  }));
}
