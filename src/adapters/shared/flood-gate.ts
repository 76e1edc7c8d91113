// Flood control for commands, the same on every platform: a token bucket per member of a chat and
// one per chat. A member (or chat) over its allowance gets one short notice, then silence until its
// bucket is full again. Only answered commands count: ignored text and other bots' commands do not.
import { textReply, type Reply } from '../../core/briefing/index.js';

/** A bucket of `burst` commands that refills evenly over `windowMs`. */
export interface Allowance {
  readonly burst: number;
  readonly windowMs: number;
}

/** How many commands one member of a chat, and the whole chat, may send. */
export interface FloodPolicy {
  readonly member: Allowance;
  /** For groups (and servers' channels); a private chat is its one member. */
  readonly chat: Allowance;
}

/**
 * Five commands at once for a member, then one every 12 seconds; twenty for a whole group, then one
 * every 3 seconds, which is what Telegram lets a bot post to a group in a minute.
 */
export const FLOOD_POLICY: FloodPolicy = {
  member: { burst: 5, windowMs: 60_000 },
  chat: { burst: 20, windowMs: 60_000 },
};

/** What to do with one command. */
export type FloodVerdict =
  | { readonly kind: 'allow' }
  /** Over the allowance just now: say so once; everything else is dropped until `retryInMs` passes. */
  | { readonly kind: 'notice'; readonly scope: 'member' | 'chat'; readonly retryInMs: number }
  /** Over the allowance and already told: no answer at all. */
  | { readonly kind: 'drop' };

/** Decides, command by command, whether a member's command is answered. */
export interface FloodGate {
  /**
   * Counts one command of `member` in `chat` (null for a private chat). Keys are any stable
   * strings; a member key should include the chat, so a member's allowance is per chat.
   */
  check(member: string, chat: string | null): FloodVerdict;
}

interface Bucket {
  tokens: number;
  at: number;
  /** Over the allowance and told so: silent until then. */
  quietUntil: number;
}

const SWEEP_EVERY = 1000;

export function createFloodGate(
  policy: FloodPolicy = FLOOD_POLICY,
  now: () => number = () => Date.now(),
): FloodGate {
  const members = new Map<string, Bucket>();
  const chats = new Map<string, Bucket>();
  let checks = 0;

  function refilled(buckets: Map<string, Bucket>, key: string, allowance: Allowance, t: number): Bucket {
    const rate = allowance.burst / allowance.windowMs;
    const b = buckets.get(key) ?? { tokens: allowance.burst, at: t, quietUntil: 0 };
    b.tokens = Math.min(allowance.burst, b.tokens + (t - b.at) * rate);
    b.at = t;
    buckets.set(key, b);
    return b;
  }

  /** null when the bucket has a command to spare; otherwise the verdict for being over it. */
  function over(
    buckets: Map<string, Bucket>,
    key: string,
    allowance: Allowance,
    scope: 'member' | 'chat',
    t: number,
  ): FloodVerdict | null {
    const quiet = buckets.get(key)?.quietUntil ?? 0;
    if (t < quiet) return { kind: 'drop' };
    const b = refilled(buckets, key, allowance, t);
    if (b.tokens >= 1) return null;
    // The window passes when the bucket is full again: until then, this notice is the only answer.
    const retryInMs = Math.ceil(((allowance.burst - b.tokens) * allowance.windowMs) / allowance.burst);
    b.quietUntil = t + retryInMs;
    return { kind: 'notice', scope, retryInMs };
  }

  // Buckets that are full again hold nothing worth keeping.
  function sweep(buckets: Map<string, Bucket>, allowance: Allowance, t: number): void {
    for (const [key, b] of buckets)
      if (t >= b.quietUntil && t - b.at >= allowance.windowMs) buckets.delete(key);
  }

  return {
    check(member, chat) {
      const t = now();
      if (++checks % SWEEP_EVERY === 0) {
        sweep(members, policy.member, t);
        sweep(chats, policy.chat, t);
      }
      const memberVerdict = over(members, member, policy.member, 'member', t);
      if (memberVerdict) return memberVerdict;
      if (chat !== null) {
        const chatVerdict = over(chats, chat, policy.chat, 'chat', t);
        // A command the chat cannot take costs the member nothing.
        if (chatVerdict) return chatVerdict;
        refilled(chats, chat, policy.chat, t).tokens -= 1;
      }
      refilled(members, member, policy.member, t).tokens -= 1;
      return { kind: 'allow' };
    },
  };
}

/** The one short notice a member (or a chat) gets when over its allowance. */
export function floodNotice(verdict: Extract<FloodVerdict, { kind: 'notice' }>): Reply {
  const seconds = Math.max(1, Math.ceil(verdict.retryInMs / 1000));
  const wait = `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  return textReply(
    verdict.scope === 'member'
      ? `That is a lot of commands at once: I’ll answer yours again in ${wait}.`
      : `That is a lot of commands in this chat at once: I’ll answer again in ${wait}.`,
  );
}
