import { describe, expect, it } from 'vitest';
import { createHostGate } from '../../../src/sources/fetch/host-gate.js';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('createHostGate', () => {
  it('GIVEN a per-host limit of 2 THEN a third request to that host waits for a release', async () => {
    const gate = createHostGate({ perHost: 2, global: 10, now: () => 0 });
    const a = await gate.acquire('a.example');
    await gate.acquire('a.example');
    let third = false;
    const pending = gate.acquire('a.example').then((release) => {
      third = true;
      return release;
    });
    // Another host is not held up by the busy one.
    await gate.acquire('b.example');
    await tick();
    expect(third).toBe(false);
    a();
    await pending;
    expect(third).toBe(true);
  });

  it('GIVEN a global limit THEN requests to different hosts share it', async () => {
    const gate = createHostGate({ perHost: 2, global: 2, now: () => 0 });
    const first = await gate.acquire('a.example');
    await gate.acquire('b.example');
    let got = false;
    const pending = gate.acquire('c.example').then(() => (got = true));
    await tick();
    expect(got).toBe(false);
    first();
    first(); // A second release of the same slot is ignored.
    await pending;
    expect(got).toBe(true);
    let fourth = false;
    void gate.acquire('d.example').then(() => (fourth = true));
    await tick();
    expect(fourth).toBe(false);
  });

  it('GIVEN deferrals THEN the later time holds and it lapses when the clock passes it', () => {
    let now = 1_000;
    const gate = createHostGate({ perHost: 2, global: 2, now: () => now });
    expect(gate.notBefore('a.example')).toBeUndefined();
    gate.deferUntil('a.example', 5_000);
    gate.deferUntil('a.example', 3_000);
    expect(gate.notBefore('a.example')).toBe(5_000);
    expect(gate.notBefore('b.example')).toBeUndefined();
    now = 5_000;
    expect(gate.notBefore('a.example')).toBeUndefined();
  });
});
