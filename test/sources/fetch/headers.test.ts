import { describe, expect, it } from 'vitest';
import { parseContentType, parseMaxAge, parseRetryAfter } from '../../../src/sources/fetch/headers.js';

describe('response header helpers', () => {
  const now = Date.parse('2026-11-02T10:00:00Z');

  it('GIVEN Retry-After in seconds or as a date THEN the time to come back', () => {
    expect(parseRetryAfter('90', now)).toBe(now + 90_000);
    expect(parseRetryAfter('Mon, 02 Nov 2026 10:05:00 GMT', now)).toBe(Date.parse('2026-11-02T10:05:00Z'));
    // A date in the past means "now", and junk means nothing.
    expect(parseRetryAfter('Mon, 02 Nov 2026 09:00:00 GMT', now)).toBe(now);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('GIVEN Cache-Control THEN max-age unless caching is forbidden', () => {
    expect(parseMaxAge('public, max-age=600')).toBe(600);
    expect(parseMaxAge('max-age="300", must-revalidate')).toBe(300);
    expect(parseMaxAge('no-cache, max-age=600')).toBeUndefined();
    expect(parseMaxAge('private')).toBeUndefined();
    expect(parseMaxAge(undefined)).toBeUndefined();
  });

  it('GIVEN a Content-Type THEN media type and charset in lower case', () => {
    expect(parseContentType('Text/XML; Charset="Windows-1250"')).toEqual({
      mediaType: 'text/xml',
      charset: 'windows-1250',
    });
    expect(parseContentType('application/rss+xml')).toEqual({
      mediaType: 'application/rss+xml',
      charset: undefined,
    });
  });
});
