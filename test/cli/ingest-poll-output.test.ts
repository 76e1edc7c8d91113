import { describe, expect, it } from 'vitest';
import { formatSummary, progressReporter } from '../../src/cli/poll.js';
import { summarise, type FeedOutcome } from '../../src/sources/poll/index.js';

const outcome = (o: Partial<FeedOutcome> & Pick<FeedOutcome, 'feedId' | 'status'>): FeedOutcome => ({
  url: `https://feeds.example/${o.feedId}/rss?token=secret`,
  items: 0,
  newArticles: 0,
  newStories: 0,
  skipped: 0,
  ...o,
});

const PASS = [
  outcome({ feedId: 1, status: 'ok', items: 20, newArticles: 5, newStories: 3 }),
  outcome({ feedId: 2, status: 'not-modified' }),
  outcome({ feedId: 3, status: 'failed', error: 'https://feeds.example answered HTTP 500' }),
  outcome({
    feedId: 4,
    status: 'disabled',
    error: 'disabled after 10 failed fetches in a row (repeated errors)',
  }),
];

describe('newsdesk poll output', () => {
  it('GIVEN a pipe THEN one line per feed, without the feed path or its token', () => {
    const out: string[] = [];
    const report = progressReporter({ write: (s: string) => out.push(s), isTTY: false });
    PASS.forEach((o, i) => report(o, i + 1, PASS.length));
    expect(out).toHaveLength(4);
    expect(out[0]).toBe('[1/4] feed 1 https://feeds.example: 20 items, 5 new\n');
    expect(out.join('')).not.toContain('secret');
  });

  it('GIVEN a terminal THEN a single line is rewritten in place and cleared at the end', () => {
    const out: string[] = [];
    const report = progressReporter({ write: (s: string) => out.push(s), isTTY: true, columns: 30 });
    PASS.forEach((o, i) => report(o, i + 1, PASS.length));
    expect(out.join('')).not.toContain('\n');
    expect(out.every((s) => s.startsWith('\r\x1b[K'))).toBe(true);
    expect(Math.max(...out.map((s) => s.length))).toBeLessThanOrEqual(4 + 29);
    expect(out.at(-1)).toBe('\r\x1b[K');
  });

  it('GIVEN a pass with a disabled feed THEN the summary counts each kind and carries the notice', () => {
    const text = formatSummary(summarise(PASS));
    expect(text).toContain('polled 4 feeds: 1 ok, 1 not modified, 1 failed, 1 disabled');
    expect(text).toContain('5 new articles, 3 new stories');
    expect(text).toContain('notice: feed 4 was disabled: disabled after 10 failed fetches');
    expect(text).toContain('newsdesk feeds enable 4');
  });
});
