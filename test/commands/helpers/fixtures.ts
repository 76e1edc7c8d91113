import type { CommandContext, CommandServices } from '../../../commands/index.js';
import type { Analysis, Quote } from '../../../src/core/types.js';
import type { Store } from '../../../src/store/types.js';

export const NOW = new Date('2026-03-10T12:00:00Z');

/** An invented article's analysis; only what a test names differs from the defaults. */
export function makeAnalysis(over: Partial<Analysis> = {}): Analysis {
  const lede = over.lede ?? 'The river port of Dunavac reopened on Monday after three weeks of repairs.';
  return {
    title: 'Dunavac port reopens',
    lede,
    summary: [
      lede,
      'Barges queued along the bank overnight.',
      'Officials expect traffic to recover within days.',
    ],
    body: '',
    sentences: [],
    quotes: [],
    countries: ['RS'],
    regions: ['balkans'],
    ...over,
  };
}

/** A key quote with its speaker. */
export function keyQuote(text: string, name: string | null, role: string | null): Quote {
  return { text, start: 0, end: text.length + 2, speaker: { name, role, mention: null }, key: true };
}

/** Saves an invented story published `hoursAgo` before NOW. */
export async function seedStory(
  store: Store,
  analysis: Analysis,
  hoursAgo = 2,
  url = `https://news.example/${encodeURIComponent(analysis.title ?? 'story')}`,
): Promise<void> {
  const at = new Date(NOW.getTime() - hoursAgo * 3_600_000);
  await store.articles.save(
    { url, guid: null, feedId: null, source: 'Example News', publishedAt: at, fetchedAt: at, analysis },
    null,
  );
}

/** A simple word matcher standing in for the Places issue's matchTopic in command tests. */
export const wordMatch: CommandServices['matchTopic'] = (a, topic) => {
  const text = `${a.title ?? ''} ${a.lede} ${a.summary.join(' ')}`.toLowerCase();
  const hit = (p: string): boolean =>
    p.endsWith('*') ? new RegExp(`\\b${p.slice(0, -1)}`).test(text) : text.includes(p);
  return topic.include.some(hit) && !topic.exclude.some(hit);
};

export function makeContext(store: Store, over: Partial<CommandContext> = {}): CommandContext {
  return {
    store,
    now: NOW,
    chat: { platform: 'telegram', chatId: '-100200', threadId: null },
    isModerator: () => Promise.resolve(true),
    services: { matchTopic: wordMatch },
    ...over,
  };
}
