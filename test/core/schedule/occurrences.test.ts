import { describe, expect, it } from 'vitest';
import { readSchedule, shortestInterval } from '../../../src/core/schedule/occurrences.js';

const next = (cron: string, tz: string, from: string, n: number): string[] => {
  const s = readSchedule(cron, tz);
  const out: string[] = [];
  let at: Date | null = new Date(from);
  for (let i = 0; i < n && at; i++) {
    at = s.next(at);
    if (at) out.push(at.toISOString());
  }
  return out;
};

describe('schedule occurrences in a time zone', () => {
  it('GIVEN daily 08:00 in Belgrade THEN 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(next('0 8 * * *', 'Europe/Belgrade', '2026-03-27T12:00:00Z', 3)).toEqual([
      '2026-03-28T07:00:00.000Z',
      '2026-03-29T06:00:00.000Z',
      '2026-03-30T06:00:00.000Z',
    ]);
  });

  it('GIVEN 02:30 daily across the spring change (02:00 → 03:00) THEN the digest comes once that day, not never', () => {
    const times = next('30 2 * * *', 'Europe/Belgrade', '2026-03-28T00:00:00Z', 3);
    expect(times).toHaveLength(3);
    expect(times[0]).toBe('2026-03-28T01:30:00.000Z');
    // 29 March has no 02:30: the digest comes at 03:00 local time that day.
    expect(times[1]!.startsWith('2026-03-29')).toBe(true);
    expect(times[2]).toBe('2026-03-30T00:30:00.000Z');
  });

  it('GIVEN 02:30 daily across the autumn change (03:00 → 02:00) THEN the repeated 02:30 gives one digest, not two', () => {
    expect(next('30 2 * * *', 'Europe/Belgrade', '2026-10-24T12:00:00Z', 3)).toEqual([
      '2026-10-25T00:30:00.000Z',
      '2026-10-26T01:30:00.000Z',
      '2026-10-27T01:30:00.000Z',
    ]);
  });

  it('GIVEN an hourly schedule across the autumn change THEN each local hour is one slot', () => {
    const times = next('0 * * * *', 'Europe/Belgrade', '2026-10-24T23:30:00Z', 4);
    // 02:00 CEST (00:00Z) then 02:00 again in CET (01:00Z, skipped), 03:00 CET (02:00Z), 04:00...
    expect(times).toEqual([
      '2026-10-25T00:00:00.000Z',
      '2026-10-25T02:00:00.000Z',
      '2026-10-25T03:00:00.000Z',
      '2026-10-25T04:00:00.000Z',
    ]);
  });

  it('GIVEN New York and weekdays THEN its own zone and its own days', () => {
    expect(next('30 7 * * 1-5', 'America/New_York', '2026-03-06T15:00:00Z', 3)).toEqual([
      '2026-03-09T11:30:00.000Z', // Monday, already daylight time (EDT, UTC-4)
      '2026-03-10T11:30:00.000Z',
      '2026-03-11T11:30:00.000Z',
    ]);
  });

  it('GIVEN schedules THEN their shortest interval is measured', () => {
    expect(shortestInterval('0 8,18 * * *', 'UTC', new Date('2026-01-05T00:00:00Z'))).toBe(10 * 3_600_000);
    expect(shortestInterval('*/10 * * * *', 'UTC', new Date('2026-01-05T00:00:00Z'))).toBe(600_000);
    expect(shortestInterval('0 8 1 * *', 'UTC', new Date('2026-01-05T00:00:00Z'))).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});
