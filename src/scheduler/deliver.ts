import { textReply, type Reply } from '../core/briefing/index.js';
import {
  DestinationLostError,
  type ChatPlatform,
  type Delivered,
  type DeliveryOptions,
  type Destination,
  type PlatformName,
} from '../platform.js';
import type { Store, Subscription } from '../store/types.js';

/** The chat platforms this process runs, by name. */
export type Platforms = ReadonlyMap<PlatformName, ChatPlatform>;

/** Where a subscription's messages go. */
export function destinationOf(sub: Subscription): Destination {
  return { platform: sub.platform, chatId: sub.chatId, threadId: sub.threadId };
}

/** What happened to one delivery; only 'failed' is worth a retry. */
export type DeliveryOutcome =
  | { readonly kind: 'delivered'; readonly delivered: Delivered }
  | { readonly kind: 'no-platform' }
  | { readonly kind: 'lost'; readonly reason: string; readonly paused: number }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Delivers a reply to a subscription's place through its platform. A destination that is gone
 * (deleted channel, lost access, bot removed) pauses every subscription that delivers there, with
 * the reason, and its moderators are told where the platform can: nothing calls it again until a
 * moderator acts, since platforms punish bots that keep calling what they cannot reach.
 */
export async function deliverToSubscription(
  platforms: Platforms,
  store: Store,
  sub: Subscription,
  reply: Reply,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const platform = platforms.get(sub.platform);
  if (!platform) return { kind: 'no-platform' };
  const to = destinationOf(sub);
  try {
    return { kind: 'delivered', delivered: await platform.deliver(to, reply, options) };
  } catch (error) {
    if (!(error instanceof DestinationLostError)) return { kind: 'failed', error };
    const paused = await store.subscriptions.pauseDestination(to, error.reason);
    await platform.tellModerators(
      to,
      textReply(
        `newsdesk paused ${paused === 1 ? 'a subscription' : `${paused} subscriptions`} (#${sub.id}) ` +
          `because it can no longer post there: ${error.reason}. Fix it, then subscribe again.`,
      ),
    );
    return { kind: 'lost', reason: error.reason, paused };
  }
}
