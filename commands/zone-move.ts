// A chat's subscriptions in their own time zones: how each reads with its next digest, and moving
// them to another zone with their next due time read there.
import { readSchedule } from '../src/core/schedule/occurrences.js';
import type { Subscription } from '../src/store/types.js';
import { describeSchedule } from './schedule.js';
import { describeTarget } from './target.js';
import type { CommandContext } from './types.js';

const formats = new Map<string, Intl.DateTimeFormat>();

/** A time as a reader in `timezone` reads it: "Mon 7 Dec, 08:00". */
function localTime(at: Date, timezone: string): string {
  let format = formats.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: timezone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formats.set(timezone, format);
  }
  return format.format(at);
}

/** The next time a schedule fires after `now` in a zone; null when it never does or cannot be read. */
function nextIn(cron: string, timezone: string, now: Date): Date | null {
  try {
    return readSchedule(cron, timezone).next(now);
  } catch {
    return null;
  }
}

/** When a subscription's next digest is due: the scheduler's time, or its schedule's next one. */
export function nextDigest(sub: Subscription, now: Date): Date | null {
  if (sub.paused) return null;
  return sub.nextDueAt !== null && sub.nextDueAt > now
    ? sub.nextDueAt
    : nextIn(sub.schedule, sub.timezone, now);
}

/** "#3 The Balkans, daily at 08:00 Europe/Belgrade, next Mon 7 Dec, 08:00": all in its own zone. */
export function describeSubscription(ctx: CommandContext, sub: Subscription): string {
  const where =
    sub.threadId === null ? '' : ` in ${ctx.describePlace?.(sub.threadId) ?? `topic ${sub.threadId}`}`;
  const next = nextDigest(sub, ctx.now);
  const when = sub.paused ? ' (paused)' : next === null ? '' : `, next ${localTime(next, sub.timezone)}`;
  return `#${sub.id} ${describeTarget(sub.target)}, ${describeSchedule(sub.schedule)} ${sub.timezone}${where}${when}`;
}

/**
 * Moves a subscription to `timezone`: its schedule keeps its local times, read in the new zone, and
 * its next due time follows. A digest already owed (due, not yet sent) still goes; one never
 * scheduled stays for the scheduler to read in the new zone. Null if it is gone meanwhile.
 */
export async function moveToZone(
  ctx: CommandContext,
  sub: Subscription,
  timezone: string,
): Promise<Subscription | null> {
  let current = sub;
  // The scheduler may move the due time between our read and our write: then read again.
  for (let attempt = 0; attempt < 5; attempt++) {
    const due = current.nextDueAt;
    const next = due === null || due <= ctx.now ? due : nextIn(current.schedule, timezone, ctx.now);
    if (await ctx.store.subscriptions.retime(current.id, timezone, next, due))
      return { ...current, timezone, nextDueAt: next };
    const fresh = await ctx.store.subscriptions.get(current.id);
    if (!fresh) return null;
    current = fresh;
  }
  throw new Error(`subscription ${sub.id}: its due time kept moving while its zone was changed`);
}
