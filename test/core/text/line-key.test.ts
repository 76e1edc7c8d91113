import { describe, expect, it } from 'vitest';
import { lineKey, sameKey } from '../../../src/core/text/line-key.js';

describe('sameKey', () => {
  it('GIVEN headline copies that differ in case and punctuation THEN they have the same key', () => {
    expect(sameKey('Storm Closes Schools!', 'storm closes  schools')).toBe(true);
    expect(sameKey('  "Storm" -- Closes: Schools ', 'Storm Closes Schools')).toBe(true);
    expect(sameKey('Storm Closes Schools', 'Storm Closes School')).toBe(false);
    expect(sameKey('StormCloses Schools', 'Storm Closes Schools')).toBe(false);
    expect(sameKey('', '...')).toBe(true);
  });

  it('GIVEN any pair of lines THEN it agrees with comparing their keys', () => {
    const alphabet = ['a', 'B', 'z', '0', ' ', '-', '!', 'é', 'İ', 'Σ', 'K', '’', '\u2014', 'ß'];
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const line = (): string =>
      Array.from(
        { length: Math.floor(random() * 8) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
    for (let n = 0; n < 5000; n++) {
      const a = line();
      const b = random() < 0.5 ? line() : a.toUpperCase();
      expect(sameKey(a, b), `${a} | ${b}`).toBe(lineKey(a) === lineKey(b));
    }
  });
});
