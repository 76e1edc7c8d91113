// The ingestion half of `npm run bench`: N feeds of M items served by a local server, polled once
// into a fresh SQLite store, then polled again with every feed answering 304; then the same feeds
// polled into a store of 100,000 articles. Each first poll is reported as CPU an article, against
// the analysis alone of the same items, and as the longest the event loop was held.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeArticle } from '../src/core/analyze.js';
import type { FeedItem } from '../src/sources/feed/types.js';
import { createFetchContext } from '../src/sources/fetch/index.js';
import { extractPage, pollOnce, type PollDeps, type PollSummary } from '../src/sources/poll/index.js';
import { itemText } from '../src/sources/poll/item-text.js';
import { createWorkerPool } from '../src/sources/work/pool.js';
import { pruneCutoffs } from '../src/store/retention.js';
import { createSqliteStore } from '../src/store/sqlite/create-sqlite-store.js';
import type { Store } from '../src/store/types.js';

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

/** Reports a feed item's article is made of: about 3,600 characters of text, the length of common news. */
const REPORTS_AN_ITEM = 5;

/** A feed item's article: the headline of one generated report over the text of several. */
export function feedArticle(feed: number, item: number): { title: string; html: string } {
  const parts = Array.from({ length: REPORTS_AN_ITEM }, (_, k) => article(feed, item * REPORTS_AN_ITEM + k));
  return { title: parts[0]!.title, html: parts.map((p) => p.html).join('\n') };
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const HOUR_MS = 3_600_000;
/** When the measured feeds' items were published; the filled store's news comes before it. */
const MEASURED_AT = new Date(Date.UTC(2026, 2, 2, 7));

const itemUrl = (feed: number, item: number) => `https://outlet${feed % 50}.example/f${feed}/i${item}`;

function feedXml(feed: number, items: number, published: Date): string {
  const entries: string[] = [];
  for (let i = 0; i < items; i++) {
    const a = feedArticle(feed, i);
    entries.push(
      `<item><guid>f${feed}-i${i}</guid><link>${itemUrl(feed, i)}</link><title>${esc(a.title)}</title><pubDate>${published.toUTCString()}</pubDate><content:encoded>${esc(a.html)}</content:encoded></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Bench feed ${feed}</title><link>https://outlet${feed % 50}.example/</link>${entries.join('')}</channel></rss>`;
}

/**
 * Serves /feed/N.xml for N below `feeds`, generated on each request (so a big run holds no feed
 * in memory), with an ETag; a matching If-None-Match gets 304. Feed N's items were published at
 * `published(N)` (by default all at one morning's time).
 */
export async function startFeedServer(
  feeds: number,
  items: number,
  published: (feed: number) => Date = () => MEASURED_AT,
): Promise<{ server: Server; origin: string }> {
  // The server shares the event loop with a busy poller: idle sockets must outlive its pauses.
  const server = createServer({ keepAliveTimeout: 120_000 }, (req, res) => {
    const m = /^\/feed\/(\d+)\.xml$/.exec(req.url ?? '');
    const id = m ? Number(m[1]) : -1;
    if (id < 0 || id >= feeds) return void res.writeHead(404).end();
    const etag = `"f${id}"`;
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    res
      .writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag })
      .end(feedXml(id, items, published(id)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** The bench's web: its feeds, and when each one's items were published. */
export interface FeedWeb {
  readonly feeds: number;
  readonly items: number;
  /** Feeds from this one on fill the store: published a day apart, `feedsPerDay` a day, before the others. */
  readonly fillFrom: number;
  readonly feedsPerDay: number;
}

/** When feed `id` of the web published its items. */
export function publishedIn(web: FeedWeb): (id: number) => Date {
  return (id) =>
    id < web.fillFrom
      ? MEASURED_AT
      : new Date(
          MEASURED_AT.getTime() - (1 + Math.floor((id - web.fillFrom) / web.feedsPerDay)) * 24 * HOUR_MS,
        );
}

/**
 * Serves the web from a process of its own (bench/feed-server-process.ts), as the feeds' sites are
 * other machines: generating and serving them then costs the measured process no CPU and never
 * holds its event loop.
 */
async function spawnFeedServer(web: FeedWeb): Promise<{ origin: string; stop(): void }> {
  const entry = fileURLToPath(new URL('./feed-server-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', entry, JSON.stringify(web)], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve(out.trim());
    });
    child.once('exit', (code) => reject(new Error(`the feed server exited (${code}) before it listened`)));
  });
  // Closing its stdin ends it, also when this process dies first.
  return { origin, stop: () => child.stdin.end() };
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

/** A pass and what it cost: wall time, CPU of every thread, the main thread's busy time, stalls. */
interface Measured {
  readonly summary: PollSummary;
  readonly seconds: number;
  /** Process CPU (all threads: fetching and filing on this one, parsing and analysis on the workers). */
  readonly cpuMs: number;
  /** Time the event loop was busy: this thread's share of the work. */
  readonly mainMs: number;
  /** The longest the event loop was held: what a chat command would wait, at worst. */
  readonly stallMs: number;
  readonly stallP99Ms: number;
}

async function measuredPoll(deps: PollDeps, all: boolean): Promise<Measured> {
  const stall = monitorEventLoopDelay({ resolution: 5 });
  stall.enable();
  const cpu0 = process.cpuUsage();
  const elu0 = performance.eventLoopUtilization();
  const t0 = performance.now();
  const summary = await pollOnce(deps, new Date(), { all });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const mainMs = performance.eventLoopUtilization(elu0).active;
  stall.disable();
  return {
    summary,
    seconds,
    cpuMs: (cpu.user + cpu.system) / 1000,
    mainMs,
    stallMs: stall.max / 1e6,
    stallP99Ms: stall.percentile(99) / 1e6,
  };
}

function line(label: string, m: Measured): string {
  const s = m.summary;
  const rate = s.newArticles / m.seconds;
  return (
    `${label.padEnd(12)} ${m.seconds.toFixed(2).padStart(7)}s  ${s.ok} ok, ${s.notModified} not modified, ${s.failed} failed; ` +
    `${s.newArticles} new articles (${rate.toFixed(0)} articles/s), ${s.newStories} stories`
  );
}

/** CPU and stalls of a first poll, an article at a time. */
function cost(m: Measured, analysisMs: number): string {
  const n = Math.max(1, m.summary.newArticles);
  const cpu = m.cpuMs / n;
  return (
    `CPU ${cpu.toFixed(2)} ms an article (all threads), ${(cpu / analysisMs).toFixed(1)}x the analysis alone; ` +
    `main thread busy ${(m.mainMs / n).toFixed(2)} ms an article; ` +
    `longest event-loop stall ${m.stallMs.toFixed(0)} ms, p99 ${m.stallP99Ms.toFixed(0)} ms`
  );
}

/**
 * The analysis alone of the measured feeds' items, in this thread, in ms an article: the item's
 * text analysed (quotes, places, summary) with no fetching, parsing or storing. A first pass warms
 * the code up, as the workers are warm when they are measured.
 */
function analysisAlone(feeds: number, items: number): number {
  const texts: { text: string; title: string; url: string }[] = [];
  for (let f = 0; f < feeds; f++)
    for (let i = 0; i < items; i++) {
      const a = feedArticle(f, i);
      const item = { title: a.title, url: itemUrl(f, i), contentHtml: a.html } as FeedItem;
      texts.push({ text: itemText(item).text, title: a.title, url: item.url! });
    }
  for (const t of texts) analyzeArticle(t);
  const cpu0 = process.cpuUsage();
  for (const t of texts) analyzeArticle(t);
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / 1000 / texts.length;
}

async function addFeeds(store: Store, origin: string, from: number, to: number): Promise<void> {
  const now = new Date();
  for (let i = from; i < to; i++) await store.feeds.add({ url: `${origin}/feed/${i}.xml` }, now);
}

/** Options of the ingestion benchmark. */
export interface IngestBenchOptions {
  /** Feeds polled and measured (default 200). */
  readonly feeds?: number;
  readonly items?: number;
  /** Articles in the store the feeds are polled into the second time (default 100,000; 0 skips it). */
  readonly storeArticles?: number;
}

/** Warm-up passes at most, and feeds a pass. */
const WARM_PASSES = 12;
const WARM_FEEDS = 40;

/** Runs the ingestion benchmark; returns the exit status (1 when a pass did not do what it should). */
export async function runIngestBench(options: IngestBenchOptions = {}): Promise<number> {
  const { feeds = 200, items = 20, storeArticles = 100_000 } = options;
  // Feed ids: the measured feeds, then those that warm the workers up, then those that fill the store.
  const warmFeeds = WARM_PASSES * WARM_FEEDS;
  const fillFeeds = Math.ceil(storeArticles / items);
  const fillFrom = feeds + warmFeeds;
  // The filled store holds the news of the days before, at the rate of the measured feeds (each
  // brings its items once a day): what the same bot's store holds after running that long.
  const feedsPerDay = feeds;
  const dir = mkdtempSync(join(tmpdir(), 'newsdesk-bench-'));
  const web = await spawnFeedServer({ feeds: fillFrom + fillFeeds, items, fillFrom, feedsPerDay });
  const origin = web.origin;
  // All feeds are on one host here; a real deployment keeps the polite default of 2.
  const fetch = createFetchContext({ allowlist: ['127.0.0.1'], limits: { perHostConcurrency: 16 } });
  // As the bot and `newsdesk poll` run it: parsing and analysis on worker threads.
  const work = createWorkerPool();
  const stores: Store[] = [];
  const open = async (name: string) => {
    const store = await createSqliteStore(join(dir, name));
    stores.push(store);
    return store;
  };
  const deps = (store: Store, onFeed?: PollDeps['onFeed']): PollDeps => ({
    store,
    fetch,
    extract: extractPage,
    work,
    ...(onFeed ? { onFeed } : {}),
  });
  try {
    console.log(
      `ingestion benchmark: ${feeds} feeds × ${items} items from a local server into SQLite (${dir}), ` +
        `on an empty store` +
        (storeArticles > 0 ? ` and on one of ${storeArticles.toLocaleString('en')} articles` : ''),
    );
    // The workers start, load the analysis and warm up on other feeds: a bot's workers live for
    // months, so their start and the JIT's tiering are no part of what an article costs once they
    // run. Passes of other feeds until their cost an article stops falling.
    const warm = await open('warm.sqlite');
    const warmCpu0 = process.cpuUsage();
    let last = Number.POSITIVE_INFINITY;
    for (let pass = 0; pass < WARM_PASSES; pass++) {
      const from = feeds + pass * WARM_FEEDS;
      await addFeeds(warm, origin, from, from + WARM_FEEDS);
      const m = await measuredPoll(deps(warm), false);
      const perArticle = m.cpuMs / Math.max(1, m.summary.newArticles);
      if (perArticle > last * 0.97) break;
      last = perArticle;
    }
    const warmCpu = process.cpuUsage(warmCpu0);
    console.log(
      `warm-up: ${((warmCpu.user + warmCpu.system) / 1e6).toFixed(1)} CPU seconds on other feeds, until the cost an article stopped falling`,
    );

    const store = await open('bench.sqlite');
    await addFeeds(store, origin, 0, feeds);
    const memory = peakRss();
    const first = await measuredPoll(deps(store), false);
    const second = await measuredPoll(deps(store), true);
    const peak = memory.stop();
    const analysisMs = analysisAlone(feeds, items);
    console.log(line('first poll', first));
    console.log(line('second poll', second));
    console.log(`peak memory: ${(peak / 1024 / 1024).toFixed(0)} MB RSS`);
    console.log(`analysis alone: ${analysisMs.toFixed(3)} ms an article (one thread, the same items)`);
    console.log(`empty store: ${cost(first, analysisMs)}`);
    let complete = first.summary.newArticles === feeds * items && second.summary.notModified === feeds;
    const passes = [first, second];

    if (storeArticles > 0) {
      const big = await open('big.sqlite');
      await addFeeds(big, origin, fillFrom, fillFrom + fillFeeds);
      const started = performance.now();
      // A line every tenth of the fill, so a long run shows it is moving.
      const onFeed = (_: unknown, done: number, total: number) => {
        if (done % Math.max(1, Math.round(total / 10)) !== 0 || done === total) return;
        const seconds = (performance.now() - started) / 1000;
        console.log(`  filling: ${done}/${total} feeds, ${seconds.toFixed(0)} s`);
      };
      const fill = await pollOnce(deps(big, onFeed), new Date());
      // As the bot's hourly prune leaves it: the near-duplicate index holds the last four days.
      await big.prune(pruneCutoffs(MEASURED_AT, 30));
      const stored = await big.articles.count();
      console.log(
        `filled: ${stored.toLocaleString('en')} articles over ${Math.ceil(fillFeeds / feedsPerDay)} days ` +
          `in ${((performance.now() - started) / 1000).toFixed(0)} s`,
      );
      await addFeeds(big, origin, 0, feeds);
      const onBig = await measuredPoll(deps(big), false);
      console.log(line('first poll', onBig));
      const growth =
        onBig.cpuMs / Math.max(1, onBig.summary.newArticles) / (first.cpuMs / first.summary.newArticles);
      console.log(
        `store of ${stored.toLocaleString('en')}: ${cost(onBig, analysisMs)}; ` +
          `CPU an article ${growth >= 1 ? '+' : ''}${((growth - 1) * 100).toFixed(0)}% on the empty store`,
      );
      complete &&= fill.newArticles === fillFeeds * items && onBig.summary.newArticles === feeds * items;
      passes.push(onBig);
    }
    if (!complete) {
      console.log('ingestion benchmark: INCOMPLETE (see the counts above)');
      const errors = passes.flatMap((p) => p.summary.outcomes).filter((o) => o.error);
      for (const o of errors.slice(0, 5)) console.log(`  feed ${o.feedId}: ${o.error}`);
    }
    return complete ? 0 : 1;
  } finally {
    await work.close();
    await fetch.close();
    for (const store of stores) await store.close();
    web.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
