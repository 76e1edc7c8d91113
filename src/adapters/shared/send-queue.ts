/** A platform's published limits, as a send queue honours them. */
export interface SendLimits {
  /** Least time between two messages to one chat (about 1 per second). */
  readonly perChatIntervalMs: number;
  /** Messages a group may receive in one minute (20). */
  readonly groupPerMinute: number;
  /** Messages the bot may send in one second across all chats (about 30). */
  readonly globalPerSecond: number;
}

/** What a queue needs from the world: a clock and a way to wait (both injectable for tests). */
export interface QueueClock {
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
}

/**
 * Sends in order per chat and within a platform's rate limits by waiting, never by dropping: each
 * chat's messages form a chain; a message waits for its chat's interval, its group's minute window
 * and the global second window.
 */
export interface SendQueue {
  /**
   * Runs `task` when the limits allow; resolves to its result, or rejects with its error. A failed
   * task never holds up the chat's later messages.
   */
  send<T>(chatKey: string, isGroup: boolean, task: () => Promise<T>): Promise<T>;
  /** Resolves when every queued message has been sent (or has failed for good). */
  idle(): Promise<void>;
  /**
   * `instances` processes send for the same bot: this one keeps to its share of the global limit
   * (at least one message a second).
   */
  share(instances: number): void;
}

const realClock: QueueClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export function createSendQueue(limits: SendLimits, clock: QueueClock = realClock): SendQueue {
  const chains = new Map<string, Promise<unknown>>();
  const lastSent = new Map<string, number>();
  const groupWindows = new Map<string, number[]>();
  const globalWindow: number[] = [];
  let globalPerSecond = limits.globalPerSecond;

  function waitFor(chatKey: string, isGroup: boolean): number {
    const now = clock.now();
    let until = (lastSent.get(chatKey) ?? -Infinity) + limits.perChatIntervalMs;
    const group = (groupWindows.get(chatKey) ?? []).filter((t) => t > now - 60_000);
    groupWindows.set(chatKey, group);
    if (isGroup && group.length >= limits.groupPerMinute) until = Math.max(until, (group[0] ?? now) + 60_000);
    while (globalWindow.length && (globalWindow[0] ?? 0) <= now - 1000) globalWindow.shift();
    if (globalWindow.length >= globalPerSecond) until = Math.max(until, (globalWindow[0] ?? now) + 1000);
    // Spread evenly rather than in bursts at the start of each second: kinder to the platform, and
    // fewer messages in flight at any moment (so fewer caught by a crash between send and record).
    until = Math.max(until, (globalWindow.at(-1) ?? -Infinity) + 1000 / globalPerSecond);
    return Math.max(0, until - now);
  }

  async function runOne<T>(chatKey: string, isGroup: boolean, task: () => Promise<T>): Promise<T> {
    // Re-check after each wait: other chats may have used the global window meanwhile.
    for (let wait = waitFor(chatKey, isGroup); wait > 0; wait = waitFor(chatKey, isGroup))
      await clock.sleep(wait);
    const at = clock.now();
    lastSent.set(chatKey, at);
    groupWindows.get(chatKey)?.push(at);
    globalWindow.push(at);
    return task();
  }

  return {
    send(chatKey, isGroup, task) {
      const previous = chains.get(chatKey) ?? Promise.resolve();
      const result = previous.then(() => runOne(chatKey, isGroup, task));
      // The chain waits for this message whether it succeeds or fails; the caller sees which.
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      chains.set(chatKey, settled);
      void settled.then(() => {
        if (chains.get(chatKey) === settled) chains.delete(chatKey);
      });
      return result;
    },
    async idle() {
      while (chains.size > 0) await Promise.all([...chains.values()]);
    },
    share(instances) {
      globalPerSecond = Math.max(1, Math.floor(limits.globalPerSecond / Math.max(1, instances)));
    },
  };
}
