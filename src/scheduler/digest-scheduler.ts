import { createTask, schedule, type ScheduledTask } from 'node-cron';
import { commitDigest, digestForSubscription, type CommandServices } from '../../commands/index.js';
import type { Reply } from '../core/briefing/index.js';
import type { Store, Subscription } from '../store/types.js';

/** What running digests needs; `deliver` is the adapter of the subscription's platform. */
export interface DigestDeps {
  readonly store: Store;
  readonly services: CommandServices;
  /** The platforms this process has an adapter for; other subscriptions wait for their own process. */
  readonly platforms: readonly Subscription['platform'][];
  /** Sends a digest through the adapter of the subscription's platform. */
  readonly deliver: (sub: Subscription, reply: Reply) => Promise<void>;
  readonly onError: (error: unknown, sub: Subscription) => void;
}

const MINUTE_MS = 60_000;

/** Answers "is this cron expression due at this minute in this time zone?", one matcher per pair. */
function createDueCheck(): (sub: Subscription, minute: Date) => boolean {
  const matchers = new Map<string, ScheduledTask | null>();
  return (sub, minute) => {
    const key = `${sub.schedule}|${sub.timezone}`;
    if (!matchers.has(key)) {
      try {
        // A task that is never started: only its matcher (which honours the time zone) is used.
        matchers.set(
          key,
          createTask(sub.schedule, () => undefined, { timezone: sub.timezone }),
        );
      } catch {
        matchers.set(key, null);
      }
    }
    return matchers.get(key)?.match(minute) ?? false;
  };
}

/**
 * Sends every digest due at the minute of `now`, one subscription after another; one failing
 * subscription never stops the others. Returns how many digests were sent.
 */
export async function runDueDigests(
  deps: DigestDeps,
  now: Date,
  isDue: (sub: Subscription, minute: Date) => boolean = createDueCheck(),
): Promise<number> {
  const minute = new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
  let sent = 0;
  for (const sub of await deps.store.subscriptions.all()) {
    if (sub.paused || !deps.platforms.includes(sub.platform) || !isDue(sub, minute)) continue;
    try {
      const digest = await digestForSubscription(
        {
          store: deps.store,
          now,
          chat: { platform: sub.platform, chatId: sub.chatId, threadId: sub.threadId },
          isModerator: () => Promise.resolve(true),
          services: deps.services,
        },
        sub,
      );
      // A scheduled digest with nothing new stays silent rather than posting "nothing new".
      if (digest.storyIds.length === 0) continue;
      await deps.deliver(sub, digest.reply);
      // Only a delivered digest counts: a failed one stays pending for the next run.
      await commitDigest({ store: deps.store, now }, sub, digest);
      sent++;
    } catch (error) {
      deps.onError(error, sub);
    }
  }
  return sent;
}

/** Checks for due digests at the start of every minute until stopped. */
export function startDigestScheduler(
  deps: DigestDeps,
  onTickError: (error: unknown) => void,
): { stop(): Promise<void> } {
  const isDue = createDueCheck();
  const task = schedule(
    '* * * * *',
    async (ctx) => {
      try {
        await runDueDigests(deps, ctx.date, isDue);
      } catch (error) {
        onTickError(error);
      }
    },
    { noOverlap: true, name: 'digests' },
  );
  return { stop: async () => void (await task.destroy()) };
}
