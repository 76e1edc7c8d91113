// A chat platform that accepts one message every `everyMs`, in arrival order, and notes when each
// destination got its message: for scheduler tests and the digest backlog bench.
import type { ChatPlatform, Destination, PlatformName } from '../../src/platform.js';
import type { Analysis } from '../../src/core/types.js';
import type { Store } from '../../src/store/types.js';

export function pacedPlatform(everyMs: number, name: PlatformName = 'telegram') {
  const delivered: { chatId: string; at: number }[] = [];
  let free = Date.now();
  const platform: ChatPlatform = {
    name,
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    async deliver(to: Destination) {
      free = Math.max(free, Date.now()) + everyMs;
      const wait = free - Date.now();
      if (wait >= 1) await new Promise((r) => setTimeout(r, wait));
      delivered.push({ chatId: to.chatId, at: Date.now() });
      return { messageIds: [String(delivered.length)] };
    },
    tellModerators: () => Promise.resolve(),
  };
  return { platform, delivered };
}

/** Stores one Balkan story published an hour before `at`, for digests due at `at` to carry. */
export async function storyBefore(store: Store, at: number, analysis: Analysis): Promise<void> {
  await store.articles.save(
    {
      url: `https://news.example/story-${at}`,
      guid: null,
      feedId: null,
      source: null,
      publishedAt: new Date(at - 3_600_000),
      fetchedAt: new Date(at - 3_600_000),
      analysis,
    },
    null,
  );
}
