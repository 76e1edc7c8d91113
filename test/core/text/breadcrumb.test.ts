import { describe, expect, it } from 'vitest';
import { breadcrumbTail, isBreadcrumb } from '../../../src/core/text/boilerplate-lines.js';

/** The rules as they read with `split`: the reference the in-place walk must agree with. */
const SEPARATOR = /\s(?:»|›|>|\/|\|)\s/;
const countWords = (p: string): number => p.split(/\s+/).filter((w) => w.length > 0).length;
const endsWithStop = (p: string): boolean => /[.!?]$/.test(p);
function referenceIsBreadcrumb(line: string): boolean {
  if (line.length > 320 || !/[»›>/|]/.test(line) || !SEPARATOR.test(line)) return false;
  const parts = line.split(SEPARATOR);
  return /^home\b/i.test(line) || parts.every((p) => countWords(p) <= 6 && !endsWithStop(p.trim()));
}
const referenceTail = (line: string): string => {
  const parts = line.split(SEPARATOR);
  return (parts[parts.length - 1] ?? '').trim();
};

describe('breadcrumbs walked in place', () => {
  it('GIVEN random lines of words and separators THEN they agree with splitting the line', () => {
    const pieces = [
      'Home',
      'News',
      'a',
      'b.',
      ' ',
      '  ',
      '»',
      '›',
      '>',
      '/',
      '|',
      '\t',
      'x!',
      'Long words here',
    ];
    let seed = 11;
    const random = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let n = 0; n < 5000; n++) {
      const line = Array.from(
        { length: Math.floor(random() * 12) },
        () => pieces[Math.floor(random() * pieces.length)],
      ).join(random() < 0.7 ? ' ' : '');
      expect(isBreadcrumb(line), line).toBe(referenceIsBreadcrumb(line));
      expect(breadcrumbTail(line), line).toBe(referenceTail(line));
    }
  });
});
