import { validate } from 'node-cron';
import { shortestInterval } from '../src/core/schedule/occurrences.js';

/** The shortest time between two digests of one subscription: a chat is not a feed reader. */
export const MIN_DIGEST_INTERVAL_MS = 60 * 60 * 1000;
// Any fixed week will do: a cron expression's pace does not depend on the date (UTC has no DST).
const REFERENCE_WEEK = new Date('2026-01-05T00:00:00Z');

/** Whether a cron expression fires no more than once an hour. */
export function paceAllowed(cron: string): boolean {
  try {
    return shortestInterval(cron, 'UTC', REFERENCE_WEEK) >= MIN_DIGEST_INTERVAL_MS;
  } catch {
    return false;
  }
}

/** A schedule as typed, read into a cron expression; null when it is not one. */
export function parseSchedule(input: string): string | null {
  const s = input.trim().toLowerCase();
  if (s === 'hourly') return '0 * * * *';
  if (s === 'daily') return '0 8 * * *';
  if (s === 'twice-daily') return '0 8,18 * * *';
  if (s === 'weekdays') return '0 8 * * 1-5';
  if (s === 'weekly') return '0 8 * * 1';
  const at = /^(?:(daily|weekdays|weekly)@)?([01]?\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (at) {
    const [, kind = 'daily', hour = '0', minute = '0'] = at;
    const days = kind === 'weekdays' ? '1-5' : kind === 'weekly' ? '1' : '*';
    return `${Number(minute)} ${Number(hour)} * * ${days}`;
  }
  // A raw cron expression: five fields, nothing else (no seconds field, no names beyond cron's own).
  const fields = s.split(/\s+/);
  if (fields.length === 5 && /^[\d*,/\- a-z]+$/.test(s) && s.length <= 64 && validate(s)) return s;
  return null;
}

/** Whether a word looks like a schedule rather than a target name. */
export function looksLikeSchedule(word: string): boolean {
  // Shape as well as validity: "25:00" should get the schedule error, not join the target's name.
  return parseSchedule(word) !== null || /^(\w+@)?\d{1,2}:\d{2}$/.test(word) || word.includes('*');
}

/** How a cron expression reads in a reply ("daily at 08:00"). */
export function describeSchedule(cron: string): string {
  if (cron === '0 * * * *') return 'hourly';
  const m = /^(\d+) ([\d,]+) \* \* (\*|1-5|1)$/.exec(cron);
  if (!m) return `cron "${cron}"`;
  const [, minute = '0', hours = '0', days = '*'] = m;
  const times = hours
    .split(',')
    .map((h) => `${h.padStart(2, '0')}:${minute.padStart(2, '0')}`)
    .join(' and ');
  const when = days === '*' ? 'daily' : days === '1-5' ? 'weekdays' : 'Mondays';
  return `${when} at ${times}`;
}
