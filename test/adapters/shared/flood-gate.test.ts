import { describe, expect, it } from 'vitest';
import { createFloodGate, floodNotice, FLOOD_POLICY } from '../../../src/adapters/shared/flood-gate.js';

function clock() {
  let t = 1_000_000;
  return { now: () => t, advance: (ms: number) => void (t += ms) };
}

describe('flood gate', () => {
  it('GIVEN 200 commands at once from one member THEN five are answered, one notice, and the rest dropped until the window passes', () => {
    const c = clock();
    const gate = createFloodGate(FLOOD_POLICY, c.now);
    const verdicts = Array.from({ length: 200 }, () => gate.check('g:alice', 'g'));
    expect(verdicts.filter((v) => v.kind === 'allow')).toHaveLength(5);
    expect(verdicts.filter((v) => v.kind === 'notice')).toEqual([
      { kind: 'notice', scope: 'member', retryInMs: 60_000 },
    ]);
    expect(verdicts[5]!.kind).toBe('notice');
    c.advance(59_000);
    expect(gate.check('g:alice', 'g').kind).toBe('drop');
    c.advance(1_000);
    expect(Array.from({ length: 6 }, () => gate.check('g:alice', 'g').kind)).toEqual([
      'allow',
      'allow',
      'allow',
      'allow',
      'allow',
      'notice',
    ]);
  });

  it('GIVEN one member over the limit THEN another member of the same chat is answered as usual', () => {
    const c = clock();
    const gate = createFloodGate(FLOOD_POLICY, c.now);
    for (let i = 0; i < 50; i++) gate.check('g:alice', 'g');
    expect(gate.check('g:bob', 'g')).toEqual({ kind: 'allow' });
  });

  it('GIVEN steady use below the rate THEN nothing is ever refused', () => {
    const c = clock();
    const gate = createFloodGate(FLOOD_POLICY, c.now);
    for (let i = 0; i < 100; i++) {
      expect(gate.check('p:carol', null).kind).toBe('allow');
      c.advance(12_000);
    }
  });

  it('GIVEN many members together over the chat’s allowance THEN the chat gets one notice, then silence, and the refused member keeps its commands', () => {
    const c = clock();
    const gate = createFloodGate(FLOOD_POLICY, c.now);
    const members = ['a', 'b', 'c', 'd'];
    for (const m of members) for (let i = 0; i < 5; i++) expect(gate.check(`g:${m}`, 'g').kind).toBe('allow');
    expect(gate.check('g:e', 'g')).toEqual({ kind: 'notice', scope: 'chat', retryInMs: 60_000 });
    expect(gate.check('g:f', 'g').kind).toBe('drop');
    // Elsewhere nothing changed.
    expect(gate.check('h:a', 'h').kind).toBe('allow');
    c.advance(60_000);
    for (let i = 0; i < 5; i++) expect(gate.check('g:e', 'g').kind).toBe('allow');
  });

  it('GIVEN a private chat THEN only the member’s allowance applies', () => {
    const gate = createFloodGate({
      member: { burst: 30, windowMs: 60_000 },
      chat: { burst: 1, windowMs: 60_000 },
    });
    expect(Array.from({ length: 30 }, () => gate.check('p:dan', null).kind).every((k) => k === 'allow')).toBe(
      true,
    );
  });

  it('GIVEN a notice THEN it says how long to wait, briefly', () => {
    expect(floodNotice({ kind: 'notice', scope: 'member', retryInMs: 47_200 })).toEqual({
      blocks: [
        { kind: 'text', text: 'That is a lot of commands at once: I’ll answer yours again in 48 seconds.' },
      ],
    });
  });
});
