import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRetention } from '../../src/scheduler/retention.js';
import type { PruneCutoffs, Store } from '../../src/store/types.js';

describe('retention schedule', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('GIVEN a 30-day window THEN the store is pruned a minute after start and every hour, with its cutoffs, until stopped', async () => {
    const calls: PruneCutoffs[] = [];
    const store = {
      prune: (c: PruneCutoffs) => {
        calls.push(c);
        return Promise.resolve({ stories: 0, bands: 0, pending: 0, slots: 0 });
      },
    } as unknown as Store;
    const now = new Date('2026-03-31T00:00:00Z');
    const errors: unknown[] = [];
    const retention = startRetention(
      store,
      30,
      () => undefined,
      (e) => errors.push(e),
      () => now,
    );
    await vi.advanceTimersByTimeAsync(59_000);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(calls).toHaveLength(1);
    expect(calls[0]!.stories).toEqual(new Date('2026-03-01T00:00:00Z'));
    expect(calls[0]!.bands).toEqual(new Date('2026-03-27T00:00:00Z'));
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(calls).toHaveLength(2);
    await retention.stop();
    await vi.advanceTimersByTimeAsync(3 * 3_600_000);
    expect(calls).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it('GIVEN a prune that fails THEN the failure is reported and the next hour tries again', async () => {
    let n = 0;
    const store = {
      prune: () => (++n === 1 ? Promise.reject(new Error('database is locked')) : Promise.resolve({})),
    } as unknown as Store;
    const errors: unknown[] = [];
    const retention = startRetention(
      store,
      30,
      () => undefined,
      (e) => errors.push(e),
    );
    await vi.advanceTimersByTimeAsync(61_000 + 3_600_000);
    expect(errors).toHaveLength(1);
    expect(n).toBe(2);
    await retention.stop();
  });
});
