// When a cron schedule falls due, in a subscription's own IANA time zone (daylight-saving changes
// included): croner reads the expression, and a local time that a clock change repeats counts once.
import { Cron } from 'croner';

const MINUTE_MS = 60_000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The wall-clock time of an instant in a zone, to the minute ("2026-10-25, 02:30"). */
function wallClock(at: Date, timezone: string): string {
  let format = formatters.get(timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timezone, format);
  }
  return format.format(at);
}

/** A reader of one schedule in one zone. Throws on an expression croner cannot read. */
export interface Schedule {
  /** The first occurrence strictly after `after`, or null when the expression never fires again. */
  next(after: Date): Date | null;
  /** Every occurrence in (from, to], oldest first, at most `max` of them. */
  between(from: Date, to: Date, max: number): Date[];
}

export function readSchedule(cron: string, timezone: string): Schedule {
  const job = new Cron(cron, { timezone, paused: true });
  function next(after: Date): Date | null {
    let at = job.nextRun(after);
    // When clocks go back an hour, 02:30 happens twice; the second is the same slot again.
    while (at && wallClock(at, timezone) === wallClock(new Date(at.getTime() - 60 * MINUTE_MS), timezone)) {
      const earlier = new Date(at.getTime() - 60 * MINUTE_MS);
      if (job.nextRun(new Date(earlier.getTime() - 1))?.getTime() !== earlier.getTime()) break;
      at = job.nextRun(at);
    }
    return at;
  }
  return {
    next,
    between(from, to, max) {
      const found: Date[] = [];
      for (let at = next(from); at && at <= to && found.length < max; at = next(at)) found.push(at);
      return found;
    },
  };
}

/**
 * The shortest time between two occurrences over the next `days` days (a schedule's pace): how a
 * minimum interval is enforced. Infinity for a schedule that fires at most once in that time.
 */
export function shortestInterval(cron: string, timezone: string, from: Date, days = 8): number {
  const times = readSchedule(cron, timezone).between(
    from,
    new Date(from.getTime() + days * 86_400_000),
    2000,
  );
  let shortest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < times.length; i++)
    shortest = Math.min(shortest, times[i]!.getTime() - times[i - 1]!.getTime());
  return shortest;
}
