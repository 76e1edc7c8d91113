import { readSchedule, type Schedule } from '../core/schedule/occurrences.js';
import type { ScheduledSlot, Subscription } from '../store/types.js';

/** What scheduling one subscription at `now` comes to. */
export interface SlotPlan {
  /** The digest it owes now, or one it missed for good; null when nothing is owed yet. */
  readonly slot: ScheduledSlot | null;
  /** When it is next due; null when its schedule never fires again (or cannot be read). */
  readonly next: Date | null;
  /** Occurrences folded into the slot or skipped: a digest carries all their stories at once. */
  readonly missed: number;
  /** Set when the schedule cannot be read at all. */
  readonly invalid?: string;
}

// The most occurrences looked at in one catch-up: a minutely schedule over the default 3 hours.
const MAX_LOOKED_AT = 10_000;

const cache = new Map<string, Schedule>();

/** The reader of a schedule in a zone, kept: 100,000 subscriptions share a few dozen of them. */
export function scheduleOf(cron: string, timezone: string): Schedule {
  const key = `${cron}|${timezone}`;
  let schedule = cache.get(key);
  if (!schedule) {
    schedule = readSchedule(cron, timezone);
    if (cache.size > 5000) cache.delete(cache.keys().next().value ?? key);
    cache.set(key, schedule);
  }
  return schedule;
}

/**
 * The slot a subscription owes at `now`, and its next due time. A subscription never scheduled
 * starts from now. One that fell due while no instance ran owes the latest occurrence within
 * `maxLatenessMs` (earlier ones fold into it: the digest carries their stories); when even that one
 * is too late, the occurrence is recorded as skipped, and the next digest carries its stories.
 */
export function planSlot(sub: Subscription, now: Date, maxLatenessMs: number): SlotPlan {
  // A batch of subscriptions with the same schedule, zone and due time has the same plan: 100,000
  // digests due at 08:00 are planned once, not 100,000 times.
  const key = `${sub.schedule}|${sub.timezone}|${sub.nextDueAt?.getTime()}|${now.getTime()}|${maxLatenessMs}`;
  let plan = plans.get(key);
  if (!plan) {
    plan = planFresh(sub, now, maxLatenessMs);
    if (plans.size >= 1000) plans.clear();
    plans.set(key, plan);
  }
  return plan;
}

const plans = new Map<string, SlotPlan>();

function planFresh(sub: Subscription, now: Date, maxLatenessMs: number): SlotPlan {
  let schedule: Schedule;
  try {
    schedule = scheduleOf(sub.schedule, sub.timezone);
  } catch (error) {
    return {
      slot: null,
      next: null,
      missed: 0,
      invalid: error instanceof Error ? error.message : String(error),
    };
  }
  const due = sub.nextDueAt;
  if (due === null || due > now) return { slot: null, next: schedule.next(now), missed: 0 };
  const lateFrom = new Date(now.getTime() - maxLatenessMs);
  const recent =
    due >= lateFrom
      ? [due, ...schedule.between(due, now, MAX_LOOKED_AT)]
      : schedule.between(new Date(lateFrom.getTime() - 1), now, MAX_LOOKED_AT);
  const latest = recent.at(-1);
  const next = schedule.next(now);
  if (latest === undefined) {
    const late = Math.round((now.getTime() - due.getTime()) / 60_000);
    return {
      slot: {
        dueAt: due,
        state: 'skipped',
        error: `missed by ${late} min, more than the ${Math.round(maxLatenessMs / 60_000)} min allowed`,
      },
      next,
      missed: 1,
    };
  }
  return {
    slot: { dueAt: latest, state: 'due' },
    next,
    missed: recent.length - 1 + (due < lateFrom ? 1 : 0),
  };
}
