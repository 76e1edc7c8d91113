// The ingestion half of `npm run bench`: N feeds of M items served by a local server, polled once
// into a fresh SQLite store, then polled again with every feed answering 304.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { createFetchContext } from '../src/sources/fetch/index.js';
import { extractPage, pollOnce, type PollSummary } from '../src/sources/poll/index.js';
import { createWorkerPool } from '../src/sources/work/pool.js';
import { createSqliteStore } from '../src/store/sqlite/create-sqlite-store.js';

const SYLLABLES = [
  'va',
  'ko',
  'ri',
  'den',
  'mar',
  'tol',
  'si',
  'bre',
  'lun',
  'ga',
  'pe',
  'dor',
  'mi',
  'stra',
  'vel',
  'nu',
];
// Pools large enough that, as in real news, any one word turns up in only a small share of
// headlines and ledes (clustering looks these up, so a word in every article would cost quadratic time).
const pool = (words: string) => words.trim().split(/\s+/);
const THINGS = pool(`bridge school hospital harbour railway library market plant dam airport stadium museum
  tunnel factory mine brewery bakery theatre clinic prison barracks lighthouse quarry ferry orchard
  vineyard reservoir observatory cathedral monastery fortress embassy courthouse parliament mill depot`);
const DEEDS = pool(`reopens closes expands collapses floods burns relocates modernises privatises halts
  restarts doubles shrinks merges strikes protests celebrates inaugurates demolishes restores`);
const ADJECTIVES = pool(`old new northern southern eastern western coastal central rural historic disputed
  flooded abandoned crowded modern wooden municipal regional national private`);
const OFFICIALS = pool(`mayor governor minister spokeswoman chairman ombudsman prosecutor inspector
  director auditor ambassador commissioner prefect deputy senator rector curator admiral`);
const REASONS = [
  'safety concerns',
  'rising costs',
  'a court ruling',
  'a funding shortfall',
  'public pressure',
  'an engineering survey',
  'a labour dispute',
  'storm damage',
  'new regulations',
  'an audit report',
  'falling demand',
  'a petition',
];
const QUOTES = [
  'We have waited long enough',
  'This is a dark day for the town',
  'Nobody asked the people who live here',
  'It is the right choice at the right time',
  'We will appeal',
  'Our children deserve better',
  'Finally',
  'The numbers simply do not add up',
  'This was decided behind closed doors',
  'We are relieved',
];
const GROUPS = pool(`association union cooperative chamber council committee league guild alliance society`);
const FUNDERS = pool(`Brussels Vienna donors bondholders pensioners taxpayers investors the state`);
const VERDICTS = pool(`reckless rushed overdue wasteful timid vague unfair costly`);
/** Made-up words: the bulk of each headline and lede, so no one word is in a large share of them. */
export const VOCAB = Array.from({ length: 600 }, (_, k) => name(50_000 + k * 37).toLowerCase());
const MONTHS = pool(`January February March April May June July August September October November December`);

/** A deterministic pseudo-random generator (mulberry32), so every run serves the same items. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up proper name, unique per number, so every item has its own terms. */
export function name(n: number): string {
  let s = '';
  let k = n + 17;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s[0]!.toUpperCase() + s.slice(1);
}

/** A synthetic article, unique to (feed, item): five paragraphs from a few templates. */
export function article(feed: number, item: number): { title: string; html: string } {
  const n = feed * 1000 + item;
  const r = rng(n);
  const pick = (words: readonly string[]) => words[Math.floor(r() * words.length)]!;
  const town = name(n);
  const person = `${name(n * 7 + 3)} ${name(n * 13 + 5)}`;
  const [thing, deed, adj, official] = [pick(THINGS), pick(DEEDS), pick(ADJECTIVES), pick(OFFICIALS)];
  const title = `${town} ${pick(VOCAB)} ${thing} ${deed}`;
  const reason = pick(REASONS);
  const paragraphs = [
    `${town}'s ${thing} ${deed} after ${pick(VOCAB)} ${pick(VOCAB)} ${pick(VOCAB)}, ${official} ${name(n + 7)} said.`,
    `The ${adj} ${thing} had been in the news for months, with ${reason} cited by its critics.`,
    `"${pick(QUOTES)}," said ${person} of the ${name(n + 3)} ${pick(GROUPS)}, speaking outside the ${thing}.`,
    `${name(n + 11)} ${pick(GROUPS)} put the cost at ${(n % 40) + 5} million euros, ${(n % 30) + 10} percent of it from ${pick(FUNDERS)}.`,
    `Critics in ${name(n + 101)} called the plan ${pick(VERDICTS)}, but the ${official} defended it at a meeting in ${town}.`,
    `A decision on the ${pick(THINGS)} in ${name(n + 19)} is expected in ${pick(MONTHS)}, ${pick(OFFICIALS)} ${name(n + 23)} added.`,
    `Residents of ${name(n + 29)} plan a ${pick(VERDICTS)} protest, while the ${pick(GROUPS)} of ${name(n + 31)} backs the ${official}.`,
  ];
  return { title, html: paragraphs.map((p) => `<p>${p}</p>`).join('\n') };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function feedXml(feed: number, items: number): string {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    const a = article(feed, i);
    entries.push(
      `<item><guid>f${feed}-i${i}</guid><link>https://outlet${feed % 50}.example/f${feed}/i${i}</link><title>${esc(a.title)}</title><pubDate>Mon, 02 Mar 2026 07:00:00 GMT</pubDate><content:encoded>${esc(a.html)}</content:encoded></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench feed ${feed}</title><link>https://outlet${feed % 50}.example/</link>${entries.join('')}</channel></rss>`;
}

/** Serves /feed/N.xml, generated once per feed, with an ETag; a matching If-None-Match gets 304. */
export async function startFeedServer(
  feeds: number,
  items: number,
): Promise<{ server: Server; origin: string }> {
  const cache = new Map<number, string>();
  // The server shares the event loop with a busy poller: idle sockets must outlive its pauses.
  const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
    const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const id = m ? Number(m[1]) : -1;
    if (id < 0 || id >= feeds) return void res.writeHead(404).end();
    const etag = `"f${id}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    let body = cache.get(id);
    if (body === undefined) cache.set(id, (body = feedXml(id, items)));
    res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

function peakRss(): { stop(): number } {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
  return {
    stop() {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

function line(label: string, s: PollSummary, seconds: number): string {
  const rate = s.newArticles / seconds;
  return (
    `${label.padEnd(12)} ${seconds.toFixed(2).padStart(7)}s  ${s.ok} ok, ${s.notModified} not modified, ${s.failed} failed; ` +
    `${s.newArticles} new articles (${rate.toFixed(0)} articles/s), ${s.newStories} stories`
  );
}

/** Runs the ingestion benchmark; returns the exit status (1 when a pass did not do what it should). */
export async function runIngestBench(feeds = 1000, items = 20): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  const { server, origin } = await startFeedServer(feeds, items);
  const store = await createSqliteStore(join(dir, 'bench.sqlite'));
  // All feeds are on one host here; a real deployment keeps the polite default of 2.
  const fetch = createFetchContext({ allowlist: ['127.0.0.1'], limits: { perHostConcurrency: 16 } });
  // As the bot and `newsdesk poll` run it: parsing and analysis on worker threads.
  const work = createWorkerPool();
  try {
    const now = new Date();
    for (let i = 0; i < feeds; i++) await store.feeds.add({ url: `${origin}/feed/${i}.xml` }, now);
    console.log(`ingestion benchmark: ${feeds} feeds × ${items} items from a local server, SQLite in ${dir}`);
    const started = process.hrtime.bigint();
    // A line every tenth of the feeds, so a long run shows it is moving.
    const onFeed = (_: unknown, done: number, total: number) => {
      if (done % Math.max(1, Math.round(total / 10)) !== 0 || done === total) return;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      console.log(`  ${done}/${total} feeds, ${seconds.toFixed(1)}s since the start`);
    };
    const deps = { store, fetch, extract: extractPage, work, onFeed };
    const memory = peakRss();
    // The longest the event loop was held during the first pass: what a chat command would wait.
    const stall = monitorEventLoopDelay({ resolution: 5 });
    stall.enable();
    const cpu0 = process.cpuUsage();
    let t0 = process.hrtime.bigint();
    const first = await pollOnce(deps, now);
    const firstSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const cpu = process.cpuUsage(cpu0);
    stall.disable();
    t0 = process.hrtime.bigint();
    const second = await pollOnce(deps, now, { all: true });
    const secondSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const peak = memory.stop();
    console.log(line('first poll', first, firstSeconds));
    console.log(line('second poll', second, secondSeconds));
    console.log(`peak memory: ${(peak / 1024 / 1024).toFixed(0)} MB RSS`);
    // Process CPU covers every thread: the main thread's fetching and filing and the workers' analysis.
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(
      `first poll CPU: ${(cpuMs / Math.max(1, first.newArticles)).toFixed(2)} ms an article (all threads, empty store); ` +
        `longest event-loop stall ${(stall.max / 1e6).toFixed(0)} ms, p99 ${(stall.percentile(99) / 1e6).toFixed(0)} ms`,
    );
    const complete = first.newArticles === feeds * items && second.notModified === feeds;
    if (!complete) {
      console.log('ingestion benchmark: INCOMPLETE (see the counts above)');
      const errors = [...first.outcomes, ...second.outcomes].filter((o) => o.error).slice(0, 5);
      for (const o of errors) console.log(`  feed ${o.feedId}: ${o.error}`);
    }
    return complete ? 0 : 1;
  } finally {
    await work.close();
    await fetch.close();
    await store.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  }
}
