import { describe, expect, it } from 'vitest';
import { DEFAULT_FEEDS, seedDefaultFeeds } from '../../src/sources/default-feeds.js';
import { createSqliteStore } from '../../src/store/sqlite/create-sqlite-store.js';

describe('default feeds', () => {
  it('GIVEN the default feed list THEN it holds distinct https feeds covering many regions', () => {
    const urls = DEFAULT_FEEDS.map((f) => f.url);
    expect(new Set(urls).size).toBe(urls.length);
    expect(urls.every((u) => u.startsWith('https://'))).toBe(true);
    const regions = new Set(DEFAULT_FEEDS.map((f) => f.region));
    for (const r of [
      'balkans',
      'africa',
      'west-africa',
      'east-africa',
      'middle-east',
      'asia',
      'americas',
      'europe',
    ]) {
      expect(regions).toContain(r);
    }
    expect(DEFAULT_FEEDS.every((f) => f.title && f.region)).toBe(true);
  });

  it('GIVEN a new store THEN the defaults are loaded on first use only', async () => {
    const store = await createSqliteStore(':memory:');
    const now = new Date('2026-03-02T08:00:00Z');
    expect(await seedDefaultFeeds(store, now)).toBe(DEFAULT_FEEDS.length);
    expect(await seedDefaultFeeds(store, now)).toBe(0);
    const feeds = await store.feeds.list();
    expect(feeds).toHaveLength(DEFAULT_FEEDS.length);
    expect(feeds.find((f) => f.url === 'https://balkaninsight.com/feed/')?.region).toBe('balkans');
    expect(await store.feeds.due(now, 1000)).toHaveLength(DEFAULT_FEEDS.length);
    await store.close();
  });
});
