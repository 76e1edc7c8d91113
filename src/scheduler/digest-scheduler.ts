import { createTask, schedule, type ScheduledTask } from 'node-cron';
import {
  commitDigest,
  describeTarget,
  digestForSubscription,
  type CommandServices,
} from '../../commands/index.js';
import type { Store, Subscription } from '../store/types.js';
import { deliverToSubscription, type Platforms } from './deliver.js';

/** What running digests needs. */
export interface DigestDeps {
  readonly store: Store;
  readonly services: CommandServices;
  /** The platforms this process runs; other subscriptions wait for a process that runs theirs. */
  readonly platforms: Platforms;
  readonly onError: (error: unknown, sub: Subscription) => void;
  /** A subscription was paused because its destination is gone. */
  readonly onPaused?: (sub: Subscription, reason: string) => void;
}

/** The title of a digest where a place needs one (a Discord forum post): "The Balkans, 6 Dec 2026". */
export function digestTitle(sub: Subscription, now: Date): string {
  const date = new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: sub.timezone,
  }).format(now);
  return `${describeTarget(sub.target)}, ${date}`;
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
    if (sub.paused || !deps.platforms.has(sub.platform) || !isDue(sub, minute)) continue;
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
      const outcome = await deliverToSubscription(deps.platforms, deps.store, sub, digest.reply, {
        title: digestTitle(sub, now),
        mentionRoleId: sub.mentionRoleId,
        publish: sub.publish,
      });
      if (outcome.kind === 'failed') throw outcome.error;
      if (outcome.kind === 'lost') deps.onPaused?.(sub, outcome.reason);
      if (outcome.kind !== 'delivered') continue;
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
