import { describe, expect, it } from 'vitest';
import { feedNotices } from '../../src/scheduler/feed-notices.js';
import type { FeedOutcome } from '../../src/sources/poll/index.js';
import { NOW } from '../commands/helpers/fixtures.js';
import { createTestStore } from '../commands/helpers/test-store.js';

const disabledOutcome = (feedId: number, url: string): FeedOutcome => ({
  feedId,
  url,
  status: 'disabled',
  items: 0,
  newArticles: 0,
  newStories: 0,
  skipped: 0,
  error: 'HTTP 410 from https://news.example',
});

describe('notices for disabled feeds', () => {
  it('GIVEN a Balkan feed disabled THEN each chat following the Balkans hears it once, and others do not', async () => {
    const store = await createTestStore();
    const feed = await store.feeds.add(
      { url: 'https://news.example/balkans.xml', title: 'Example Balkan Wire', region: 'balkans' },
      NOW,
    );
    await store.feeds.update(feed.id, { enabled: false, disabledReason: 'gone (HTTP 410)' });
    const base = { platform: 'telegram' as const, schedule: '0 8 * * *', timezone: 'UTC' };
    await store.subscriptions.add({
      ...base,
      chatId: '-1',
      threadId: '7',
      target: { kind: 'region', slug: 'balkans' },
    });
    await store.subscriptions.add({
      ...base,
      chatId: '-2',
      threadId: null,
      target: { kind: 'region', slug: 'sahel' },
    });
    await store.subscriptions.add({
      ...base,
      chatId: '-3',
      threadId: null,
      target: { kind: 'region', slug: 'balkans' },
    });

    const notices = await feedNotices(store, [disabledOutcome(feed.id, feed.url)]);

    expect(notices.map((n) => [n.subscription.chatId, n.subscription.threadId])).toEqual([
      ['-1', '7'],
      ['-3', null],
    ]);
    const text = notices[0]!.reply.blocks.map((b) => (b.kind === 'text' ? b.text : '')).join('');
    expect(text).toContain('Example Balkan Wire');
    expect(text).toContain('gone (HTTP 410)');
  });

  it('GIVEN no feed disabled THEN there is nothing to say', async () => {
    expect(await feedNotices(await createTestStore(), [])).toEqual([]);
  });
});
