import { describe, expect, it } from 'vitest';
import { CodeUnits } from '../../../src/core/text/code-units.js';

const unitsOf = (text: string): number[] => Array.from({ length: text.length }, (_, i) => text.charCodeAt(i));

describe('CodeUnits', () => {
  it('gives the UTF-16 code units of one-byte and two-byte text, surrogate pairs included', () => {
    const units = new CodeUnits();
    for (const text of ['Pristina, Kosovo', '“Priština” — 🇽🇰 Kosovo’s capital', '']) {
      expect(Array.from(units.load(text).subarray(0, text.length))).toEqual(unitsOf(text));
    }
  });

  it('grows for a text longer than its array, and a shorter text after it reads right', () => {
    const units = new CodeUnits();
    const long = 'Ω'.repeat(10_000) + ' end';
    expect(Array.from(units.load(long).subarray(0, long.length))).toEqual(unitsOf(long));
    const short = 'Sahel';
    expect(Array.from(units.load(short).subarray(0, short.length))).toEqual(unitsOf(short));
  });
});
