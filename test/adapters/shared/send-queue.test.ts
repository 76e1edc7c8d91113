import { describe, expect, it } from 'vitest';
import { createSendQueue } from '../../../src/adapters/shared/send-queue.js';
import { TELEGRAM_LIMITS } from '../../../src/adapters/telegram/index.js';

/** A clock that only moves when the queue sleeps, so limits are checked without waiting. */
function fakeClock() {
  let t = 0;
  return { now: () => t, sleep: (ms: number) => ((t += ms), Promise.resolve()) };
}

describe('send queue', () => {
  it('GIVEN 25 messages for one group THEN the 21st waits for the minute window, and all go in order', async () => {
    const clock = fakeClock();
    const sent: [number, number][] = [];
    const queue = createSendQueue(TELEGRAM_LIMITS, clock);
    for (let i = 0; i < 25; i++)
      void queue.send('-100', true, () => (sent.push([i, clock.now()]), Promise.resolve()));
    await queue.idle();
    expect(sent.map(([i]) => i)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(sent[19]![1]).toBe(19_000);
    expect(sent[20]![1]).toBe(60_000);
  });

  it('GIVEN a private chat THEN only the per-second interval applies; GIVEN a failure THEN the next message still goes', async () => {
    const clock = fakeClock();
    const failures: unknown[] = [];
    const sent: number[] = [];
    const queue = createSendQueue(TELEGRAM_LIMITS, clock);
    for (let i = 0; i < 25; i++) {
      queue
        .send('42', false, () =>
          i === 3 ? Promise.reject(new Error('blocked')) : (sent.push(clock.now()), Promise.resolve()),
        )
        .catch((e: unknown) => failures.push(e));
    }
    await queue.idle();
    expect(sent).toHaveLength(24);
    expect(sent.at(-1)).toBe(24_000);
    expect(failures).toHaveLength(1);
  });

  it('GIVEN many chats at once THEN no second carries more than 30 messages', async () => {
    const clock = fakeClock();
    const times: number[] = [];
    const queue = createSendQueue(TELEGRAM_LIMITS, clock);
    for (let c = 0; c < 100; c++)
      void queue.send(String(c), false, () => (times.push(clock.now()), Promise.resolve()));
    await queue.idle();
    expect(times).toHaveLength(100);
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(30);
  });
});

describe('send queue shared by instances', () => {
  it('GIVEN three instances of one bot THEN this one keeps to a third of the global limit', async () => {
    const clock = fakeClock();
    const times: number[] = [];
    const queue = createSendQueue(TELEGRAM_LIMITS, clock);
    queue.share(3);
    for (let c = 0; c < 60; c++)
      void queue.send(String(c), false, () => (times.push(clock.now()), Promise.resolve()));
    await queue.idle();
    for (const t of times) expect(times.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10);
    expect(times.at(-1)).toBeGreaterThanOrEqual(5000);
  });
});
