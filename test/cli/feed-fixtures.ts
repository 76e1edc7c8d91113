// Invented feeds for the process tests: every word of them is made up.
import type { Store } from '../../src/store/types.js';
import { seedDefaultFeeds } from '../../src/sources/default-feeds.js';
import type { Handler } from '../helpers/http-server.js';

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ren',
  'tas',
  'vo',
  'du',
  'pel',
  'sor',
  'ni',
  'bra',
  'gu',
  'fen',
  'ti',
  'zo',
  'har',
];

/** A made-up word, its own for each number, so no two articles share vocabulary by chance. */
export function word(n: number): string {
  let s = '';
  let k = n + 4099;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s;
}

const sentence = (from: number, words: number) => {
  const text = Array.from({ length: words }, (_, i) => word(from + i)).join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
};

/** An article made of made-up words, drawn from the numbers at `seed`. */
export function madeUpArticle(seed: number): { title: string; html: string } {
  const title = sentence(seed, 6).slice(0, -1);
  const paragraphs = Array.from({ length: 5 }, (_, p) => sentence(seed + 20 + p * 12, 12));
  return { title, html: paragraphs.map((p) => `<p>${p}</p>`).join('') };
}

export interface FeedSet {
  /** Serves /feed/N.xml. */
  readonly handler: Handler;
  readonly feeds: number;
  readonly articles: number;
}

/**
 * `outlets` feeds of the same shape: each reports every one of `events` shared events (word for
 * word, as wire copy is) and `own` articles of its own. Each outlet links to its own host, so one
 * event reported by every outlet is one story of `outlets` sources.
 */
export function outletFeeds(outlets: number, events: number, own: number): FeedSet {
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const xml = (o: number) => {
    const items: string[] = [];
    const item = (key: string, seed: number) => {
      const a = madeUpArticle(seed);
      items.push(
        `<item><guid isPermaLink="false">o${o}-${key}</guid><link>https://outlet${o}.example/${key}</link>` +
          `<title>${esc(a.title)}</title><pubDate>Mon, 02 Mar 2026 07:00:00 GMT</pubDate>` +
          `<content:encoded>${esc(a.html)}</content:encoded></item>`,
      );
    };
    for (let e = 0; e < events; e++) item(`event-${e}`, 1_000_000 + e * 1000);
    for (let i = 0; i < own; i++) item(`own-${i}`, 2_000_000 + (o * own + i) * 1000);
    return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Outlet ${o}</title><link>https://outlet${o}.example/</link>${items.join('')}</channel></rss>`;
  };
  const cache = new Map<number, string>();
  return {
    feeds: outlets,
    articles: outlets * (events + own),
    handler: (req, res) => {
      const o = Number(/\/feed\/(\d+)\.xml/.exec(req.url ?? '')?.[1] ?? -1);
      if (!(o >= 0 && o < outlets)) return void res.writeHead(404).end();
      const body = cache.get(o) ?? xml(o);
      cache.set(o, body);
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' }).end(body);
    },
  };
}

/** Leaves the store with only these feeds: the defaults seeded (so a process does not add them) and removed. */
export async function onlyFeeds(store: Store, urls: readonly string[]): Promise<void> {
  const now = new Date();
  await seedDefaultFeeds(store, now);
  for (const f of await store.feeds.list()) await store.feeds.remove(f.id);
  for (const url of urls) await store.feeds.add({ url }, now);
}
