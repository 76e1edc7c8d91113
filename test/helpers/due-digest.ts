// A store with one Balkan story from an hour ago and Telegram subscriptions whose digest fell due a
// minute ago: what the process tests start a bot on when they need a digest to go out at once.
import type { Store, Subscription } from '../../src/store/types.js';
import { makeAnalysis } from '../commands/helpers/fixtures.js';

export async function storyAnHourAgo(store: Store, now: Date, title: string): Promise<void> {
  await store.articles.save(
    {
      url: `https://news.example/${encodeURIComponent(title)}`,
      guid: null,
      feedId: null,
      source: null,
      publishedAt: new Date(now.getTime() - 3_600_000),
      fetchedAt: new Date(now.getTime() - 3_600_000),
      analysis: makeAnalysis({ title }),
    },
    null,
  );
}

export function dueBalkansDigest(store: Store, chatId: string, now: Date): Promise<Subscription> {
  return store.subscriptions.add({
    platform: 'telegram',
    chatId,
    threadId: null,
    target: { kind: 'region', slug: 'balkans' },
    schedule: '0 8 * * *',
    timezone: 'UTC',
    nextDueAt: new Date(now.getTime() - 60_000),
  });
}
