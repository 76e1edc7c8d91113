// A hand-written in-memory Store for command and adapter tests (the SQLite store has its own contract suite).
import type { Topic } from '../../../src/core/types.js';
import type {
  ChatRef,
  ChatSettings,
  Feed,
  NewArticle,
  Store,
  StoredArticle,
  Story,
  Subscription,
} from '../../../src/store/types.js';

const key = (c: ChatRef): string => `${c.platform}:${c.chatId}`;

export function createMemoryStore(): Store & { stories: Story[]; subs: Subscription[] } {
  const articles: StoredArticle[] = [];
  const stories: Story[] = [];
  let subs: Subscription[] = [];
  const topics = new Map<string, Topic[]>();
  const settings = new Map<string, ChatSettings>();
  const queued = new Map<number, Map<number, boolean>>();
  const feeds: Feed[] = [];
  let nextId = 1;

  const store: Store & { stories: Story[]; subs: Subscription[] } = {
    stories,
    get subs() {
      return subs;
    },
    feeds: {
      add: (f, now) => {
        const feed: Feed = {
          id: nextId++,
          url: f.url,
          title: f.title ?? null,
          region: f.region ?? null,
          enabled: true,
          disabledReason: null,
          failures: 0,
          lastError: null,
          etag: null,
          lastModified: null,
          intervalSeconds: f.intervalSeconds ?? 600,
          lastFetchedAt: null,
          nextFetchAt: now,
        };
        feeds.push(feed);
        return Promise.resolve(feed);
      },
      get: (id) => Promise.resolve(feeds.find((f) => f.id === id)),
      byUrl: (url) => Promise.resolve(feeds.find((f) => f.url === url)),
      list: () => Promise.resolve([...feeds]),
      update: (id, change) => {
        const i = feeds.findIndex((f) => f.id === id);
        const feed: Feed = { ...feeds[i]!, ...change };
        feeds[i] = feed;
        return Promise.resolve(feed);
      },
      remove: (id) =>
        Promise.resolve(
          feeds.splice(
            feeds.findIndex((f) => f.id === id),
            1,
          ).length > 0,
        ),
      due: () => Promise.resolve([]),
    },
    articles: {
      find: (url) => Promise.resolve(articles.find((a) => a.url === url)),
      save(a: NewArticle, storyId) {
        const stored: StoredArticle = { ...a, id: nextId++, storyId: storyId ?? nextId++ };
        articles.push(stored);
        const existing = stories.findIndex((s) => s.id === stored.storyId);
        if (existing >= 0) {
          const s = stories[existing]!;
          stories[existing] = { ...s, sources: s.sources + 1 };
        } else {
          stories.push({
            id: stored.storyId,
            lead: stored,
            sources: 1,
            firstSeenAt: stored.fetchedAt,
            countries: stored.analysis.countries,
            regions: stored.analysis.regions,
          });
        }
        return Promise.resolve(stored);
      },
      stories(q) {
        const found = stories
          .filter((s) => !q.regions || s.regions.some((r) => q.regions!.includes(r)))
          .filter((s) => !q.since || s.firstSeenAt >= q.since)
          .sort((a, b) => b.firstSeenAt.getTime() - a.firstSeenAt.getTime());
        return Promise.resolve(found.slice(0, q.limit));
      },
      story: (id) => Promise.resolve(stories.find((s) => s.id === id)),
      count: () => Promise.resolve(articles.length),
    },
    subscriptions: {
      add(s) {
        const sub: Subscription = { ...s, id: nextId++, paused: false, lastDigestAt: null };
        subs.push(sub);
        return Promise.resolve(sub);
      },
      remove(id) {
        const before = subs.length;
        subs = subs.filter((s) => s.id !== id);
        return Promise.resolve(subs.length < before);
      },
      forChat: (c) => Promise.resolve(subs.filter((s) => key(s) === key(c))),
      all: () => Promise.resolve([...subs]),
      setPaused(c, paused) {
        let n = 0;
        subs = subs.map((s) => (key(s) === key(c) ? (n++, { ...s, paused }) : s));
        return Promise.resolve(n);
      },
      moveChat(from, to) {
        let n = 0;
        subs = subs.map((s) => (key(s) === key(from) ? (n++, { ...s, chatId: to.chatId }) : s));
        return Promise.resolve(n);
      },
      markDigest(id, at) {
        subs = subs.map((s) => (s.id === id ? { ...s, lastDigestAt: at } : s));
        return Promise.resolve();
      },
    },
    topics: {
      upsert(c, t) {
        const list = (topics.get(key(c)) ?? []).filter((x) => x.name !== t.name);
        topics.set(key(c), [...list, t]);
        return Promise.resolve();
      },
      remove(c, name) {
        const list = topics.get(key(c)) ?? [];
        topics.set(
          key(c),
          list.filter((t) => t.name !== name),
        );
        return Promise.resolve(list.some((t) => t.name === name));
      },
      list: (c) => Promise.resolve([...(topics.get(key(c)) ?? [])]),
    },
    chats: {
      settings: (c) => Promise.resolve(settings.get(key(c)) ?? { timezone: 'UTC', digestSize: 5 }),
      updateSettings(c, change) {
        const next = { ...(settings.get(key(c)) ?? { timezone: 'UTC', digestSize: 5 }), ...change };
        settings.set(key(c), next);
        return Promise.resolve(next);
      },
    },
    deliveries: {
      enqueue(subId, ids) {
        const m = queued.get(subId) ?? new Map<number, boolean>();
        queued.set(subId, m);
        let n = 0;
        for (const id of ids) {
          if (m.has(id)) continue;
          m.set(id, false);
          n++;
        }
        return Promise.resolve(n);
      },
      pending: (subId) =>
        Promise.resolve(
          [...(queued.get(subId) ?? new Map<number, boolean>())]
            .filter(([, sent]) => !sent)
            .map(([id]) => id),
        ),
      markSent(subId, storyId) {
        queued.get(subId)?.set(storyId, true);
        return Promise.resolve();
      },
    },
    close: () => Promise.resolve(),
  };
  return store;
}
