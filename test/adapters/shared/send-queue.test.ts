import { describe, expect, it } from 'vitest';
import { createSendQueue } from '../../../src/adapters/shared/send-queue.js';
import { TELEGRAM_LIMITS } from '../../../src/adapters/telegram/index.js';

/**
 * Virtual time: a sleep wakes at its time, and time moves on to the next wake-up only when
 * everything else is waiting, so limits are checked without waiting for real.
 */
function fakeClock() {
  let t = 0;
  const timers: { at: number; wake: () => void }[] = [];
  let ticking = false;
  const tick = (): void => {
    ticking = false;
    timers.sort((a, b) => a.at - b.at);
    const next = timers.shift();
    if (!next) return;
    t = Math.max(t, next.at);
    next.wake();
    if (timers.length) schedule();
  };
  const schedule = (): void => {
    if (ticking) return;
    ticking = true;
    setImmediate(tick);
  };
  return {
    now: () => t,
    sleep: (ms: number) =>
      new Promise<void>((wake) => {
        timers.push({ at: t + ms, wake });
        schedule();
      }),
  };
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

describe('send queue: what the platform counts', () => {
  it('GIVEN the first second’s requests held up on the way THEN no second of the platform’s sees more than the limit', async () => {
    const clock = fakeClock();
    const queue = createSendQueue({ perChatIntervalMs: 0, groupPerMinute: 20, globalPerSecond: 10 }, clock);
    // A request reaches the platform some time after it left and before its answer comes back:
    // here the first second's are held up on the way (a new connection, a busy event loop) and
    // arrive together with the next second's, which go straight through.
    const arrivals: number[] = [];
    const sends = Array.from({ length: 60 }, (_, i) =>
      queue.send(`chat${i}`, false, async () => {
        if (i < 9) await clock.sleep(900 - clock.now());
        arrivals.push(clock.now());
      }),
    );
    await Promise.all(sends);
    expect(arrivals).toHaveLength(60);
    for (const t of arrivals)
      expect(arrivals.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10);
    // Still close to the limit: 60 messages in well under 8 seconds.
    expect(Math.max(...arrivals)).toBeLessThan(8000);
  });
});

describe('send queue: a busy event loop', () => {
  it('GIVEN every tenth wait of the gate ends 250 ms late THEN the queue catches up, never more than the limit in a second', async () => {
    const clock = fakeClock();
    let waits = 0;
    // A timer that fires late: the event loop was busy (composing, writing the ledger).
    const late = { now: clock.now, sleep: (ms: number) => clock.sleep(++waits % 10 === 0 ? ms + 250 : ms) };
    const queue = createSendQueue({ perChatIntervalMs: 0, groupPerMinute: 20, globalPerSecond: 20 }, late);
    const left: number[] = [];
    await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        queue.send(`chat${i}`, false, () => Promise.resolve(left.push(clock.now()))),
      ),
    );
    for (const t of left) expect(left.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(20);
    // 199 intervals at 19.4 a second take 10.3 s: the twenty late timers cost half a second in all
    // (with a tenth of a second to catch up they cost 3.5 s).
    expect(Math.max(...left)).toBeLessThan(11_500);
  });
});

describe('send queue: catching up on Telegram', () => {
  it('GIVEN Telegram’s limits and a gate held up a quarter second THEN no more than two messages leave at once', async () => {
    const clock = fakeClock();
    let waits = 0;
    const late = { now: clock.now, sleep: (ms: number) => clock.sleep(++waits % 10 === 0 ? ms + 250 : ms) };
    const queue = createSendQueue(TELEGRAM_LIMITS, late);
    const left: number[] = [];
    await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        queue.send(`chat${i}`, false, () => Promise.resolve(left.push(clock.now()))),
      ),
    );
    // A crash before the ledger records what was answered together sends it all again, and
    // Telegram has no key to stop that: a twentieth of a second's worth at most.
    const together = Math.max(...left.map((t) => left.filter((u) => u === t).length));
    expect(together).toBeLessThanOrEqual(2);
  });
});

describe('send queue: after a lull', () => {
  it('GIVEN a queue quiet for a while THEN the next messages go at the pace, not in a burst', async () => {
    const clock = fakeClock();
    const queue = createSendQueue({ perChatIntervalMs: 0, groupPerMinute: 20, globalPerSecond: 20 }, clock);
    await queue.send('first', false, () => Promise.resolve());
    await clock.sleep(5000);
    const left: number[] = [];
    await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        queue.send(`chat${i}`, false, () => Promise.resolve(left.push(clock.now()))),
      ),
    );
    // One at once, then one every 1/19.4 s: the bucket saved up nothing while nothing waited.
    expect(left[4]! - left[0]!).toBeGreaterThanOrEqual(200);
  });
});

describe('send queue: a platform far away', () => {
  it('GIVEN every answer takes 300 ms THEN the queue still sends at nearly the limit, and no second of the platform’s sees more', async () => {
    const clock = fakeClock();
    const queue = createSendQueue({ perChatIntervalMs: 0, groupPerMinute: 20, globalPerSecond: 10 }, clock);
    const left: number[] = [];
    const arrivals: number[] = [];
    const sends = Array.from({ length: 60 }, (_, i) =>
      queue.send(`chat${i}`, false, async () => {
        left.push(clock.now());
        // The way there, the platform's work and the way back; and the first second's held up
        // 600 ms more on the way, arriving together with the next second's.
        await clock.sleep(i < 9 ? 900 : 300);
        arrivals.push(clock.now());
      }),
    );
    await Promise.all(sends);
    // Wherever a request arrived on its way (here: the latest it could), never more than the limit.
    for (const t of arrivals)
      expect(arrivals.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10);
    // The round trip every request takes costs no pace: 9.7 a second from the second second on
    // (counting each message until its answer came would allow 10 in 1.3 s, 7.7 a second).
    const later = left.filter((t) => t >= 1000);
    const rate = ((later.length - 1) * 1000) / (Math.max(...later) - Math.min(...later));
    expect(rate).toBeGreaterThan(9);
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

describe('send queue: lanes and members take turns', () => {
  const group = '-100';
  /** Queues a message that records its label and when it went. */
  function recorder(clock: ReturnType<typeof fakeClock>) {
    const sent: { label: string; at: number }[] = [];
    const queue = createSendQueue(TELEGRAM_LIMITS, clock);
    const send = (label: string, options?: Parameters<typeof queue.send>[3]) =>
      void queue.send(group, true, () => (sent.push({ label, at: clock.now() }), Promise.resolve()), options);
    return { sent, queue, send };
  }

  it('GIVEN one member’s 10 replies queued THEN another member’s reply queued after them goes second, not eleventh', async () => {
    const clock = fakeClock();
    const { sent, queue, send } = recorder(clock);
    for (let i = 0; i < 10; i++) send(`a${i}`, { lane: 'command', member: 'alice' });
    send('b0', { lane: 'command', member: 'bob' });
    await queue.idle();
    expect(sent.map((s) => s.label)).toEqual([
      'a0',
      'b0',
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      'a6',
      'a7',
      'a8',
      'a9',
    ]);
    // Turns still respect the chat's one message a second.
    expect(sent.map((s) => s.at)).toEqual(Array.from({ length: 11 }, (_, i) => i * 1000));
  });

  it('GIVEN several members with bursts THEN they take turns one message each, each in its own order', async () => {
    const clock = fakeClock();
    const { sent, queue, send } = recorder(clock);
    for (let i = 0; i < 3; i++) send(`a${i}`, { lane: 'command', member: 'alice' });
    for (let i = 0; i < 3; i++) send(`b${i}`, { lane: 'command', member: 'bob' });
    for (let i = 0; i < 2; i++) send(`c${i}`, { lane: 'command', member: 'carol' });
    await queue.idle();
    expect(sent.map((s) => s.label)).toEqual(['a0', 'b0', 'c0', 'a1', 'b1', 'c1', 'a2', 'b2']);
  });

  it('GIVEN command replies waiting THEN a digest queued after them goes at the next turn, and the lanes alternate', async () => {
    const clock = fakeClock();
    const { sent, queue, send } = recorder(clock);
    for (let i = 0; i < 6; i++) send(`a${i}`, { lane: 'command', member: 'alice' });
    for (let i = 0; i < 3; i++) send(`digest${i}`);
    await queue.idle();
    expect(sent.map((s) => s.label)).toEqual([
      'a0',
      'digest0',
      'a1',
      'digest1',
      'a2',
      'digest2',
      'a3',
      'a4',
      'a5',
    ]);
  });

  it('GIVEN a long digest waiting THEN a command reply queued after it is not held until the digest ends', async () => {
    const clock = fakeClock();
    const { sent, queue, send } = recorder(clock);
    for (let i = 0; i < 8; i++) send(`digest${i}`, { lane: 'digest' });
    await Promise.resolve();
    send('help', { lane: 'command', member: 'bob' });
    await queue.idle();
    expect(sent.map((s) => s.label).indexOf('help')).toBeLessThanOrEqual(1);
    expect(sent.filter((s) => s.label.startsWith('digest')).map((s) => s.label)).toEqual(
      Array.from({ length: 8 }, (_, i) => `digest${i}`),
    );
  });

  it('GIVEN a member whose message was sent while another member waited THEN a newcomer still gets the next turn before the first member’s rest', async () => {
    const clock = fakeClock();
    const { sent, queue, send } = recorder(clock);
    send('a0', { lane: 'command', member: 'alice' });
    send('a1', { lane: 'command', member: 'alice' });
    await Promise.resolve();
    send('b0', { lane: 'command', member: 'bob' });
    send('a2', { lane: 'command', member: 'alice' });
    await queue.idle();
    expect(sent.map((s) => s.label)).toEqual(['a0', 'b0', 'a1', 'a2']);
  });

  it('GIVEN a digest and a member’s first answer waiting together THEN the answer goes first, and the member’s later answers alternate with the digest', async () => {
    const clock = fakeClock();
    const { sent, queue, send } = recorder(clock);
    send('a0', { lane: 'command', member: 'alice' });
    for (let i = 0; i < 3; i++) send(`a${i + 1}`, { lane: 'command', member: 'alice' });
    await Promise.resolve();
    await Promise.resolve();
    for (let i = 0; i < 3; i++) send(`digest${i}`);
    send('b0', { lane: 'command', member: 'bob' });
    await queue.idle();
    expect(sent.map((s) => s.label)).toEqual(['a0', 'b0', 'digest0', 'a1', 'digest1', 'a2', 'digest2', 'a3']);
  });
});

describe('send queue: a 429 for the whole bot', () => {
  it('GIVEN the platform asks to wait 5 s THEN no chat sends before then, and the pace then starts from nothing', async () => {
    const clock = fakeClock();
    const queue = createSendQueue({ perChatIntervalMs: 0, groupPerMinute: 20, globalPerSecond: 10 }, clock);
    const at: number[] = [];
    const sends = Array.from({ length: 30 }, (_, i) =>
      queue.send(`chat${i}`, false, () => {
        at.push(clock.now());
        if (i === 2) queue.pause(5000);
        return Promise.resolve();
      }),
    );
    await Promise.all(sends);
    expect(at.slice(0, 3).every((t) => t < 1000)).toBe(true);
    const after = at.slice(3);
    expect(Math.min(...after)).toBeGreaterThanOrEqual(at[2]! + 5000);
    // After the wait, no more than the limit in any second: no burst of what queued meanwhile.
    for (const t of after) expect(after.filter((u) => u >= t && u < t + 1000).length).toBeLessThanOrEqual(10);
  });
});

describe('send queue: a pause ended early', () => {
  it('GIVEN a 60 s pause THEN resume lets the waiting messages go within a quarter second', async () => {
    const clock = fakeClock();
    const queue = createSendQueue({ perChatIntervalMs: 0, groupPerMinute: 20, globalPerSecond: 10 }, clock);
    queue.pause(60_000);
    const at: number[] = [];
    const sent = queue.send('chat', false, () => Promise.resolve(at.push(clock.now())));
    await clock.sleep(1000);
    queue.resume();
    await sent;
    expect(at[0]).toBeLessThanOrEqual(1250);
  });
});
