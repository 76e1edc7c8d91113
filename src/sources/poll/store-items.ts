import { fileArticle, type FileResult } from '../../store/file-article.js';
import type { Feed, NewArticle } from '../../store/types.js';
import type { FeedItem, ParsedFeed } from '../feed/types.js';
import { DEFAULT_BUDGETS } from '../work/budgets.js';
import { createInlineWork } from '../work/work.js';
import { readItem } from './read-item.js';
import type { PollDeps } from './types.js';

/**
 * How long one store batch files articles before it commits and lets the event loop go. SQLite
 * files on this thread, so a batch holds the bot for as long as it runs: a fixed count of articles
 * held it for 50 ms and more with long articles on a busy machine; a time bound holds whatever the
 * articles, and still shares each commit among several.
 */
const FILE_SLICE_MS = 10;
/** Known-item look-ups between two turns of the event loop. */
const LOOKUPS_BETWEEN_YIELDS = 64;

/** What storing a feed's items came to. */
export interface StoredItems {
  readonly items: number;
  readonly newArticles: number;
  readonly newStories: number;
  readonly skipped: number;
  /** Why an item the store refused was refused (the first such), or null. */
  readonly unstored: string | null;
  /** False when a budget left items unread: the next pass must fetch the feed in full again. */
  readonly complete: boolean;
}

/** A store error's message, short: enough to tell a person what went wrong with the feed. */
export function storeMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return text.replace(/\s+/g, ' ').slice(0, 200);
}

/** Newest first; undated items after dated ones, in feed order. */
function newestFirst(items: readonly FeedItem[]): FeedItem[] {
  const time = (i: FeedItem) => i.publishedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
  return [...items].sort((a, b) => time(b) - time(a));
}

/** Runs `task` over `inputs` with at most `limit` at once; results in input order. */
async function mapLimited<I, O>(
  inputs: readonly I[],
  limit: number,
  task: (input: I) => Promise<O>,
): Promise<O[]> {
  const out = new Array<O>(inputs.length);
  let next = 0;
  const lane = async () => {
    while (next < inputs.length) {
      const i = next++;
      out[i] = await task(inputs[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, lane));
  return out;
}

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a feed's new items and files them. Reading (page fetches, analysis on the work's threads)
 * comes first, a few items at once within the feed's budgets; filing follows in short store
 * batches, one article after another so each is clustered against those filed before it. An
 * article the store refuses is skipped with its reason; the others are still filed.
 */
export async function storeItems(
  feed: Feed,
  parsed: ParsedFeed,
  deps: PollDeps,
  now: Date,
): Promise<StoredItems> {
  const budgets = { ...DEFAULT_BUDGETS, ...deps.budgets };
  const work = deps.work ?? createInlineWork(deps.extract);
  const signal = AbortSignal.timeout(budgets.feedPassMs);
  const source = feed.title ?? parsed.title;
  // The newest items not stored yet, up to the budget; known ones cost a look-up, no work.
  const fresh: FeedItem[] = [];
  let skipped = 0;
  let complete = true;
  let looked = 0;
  for (const item of newestFirst(parsed.items)) {
    if (fresh.length === budgets.itemsPerFeed) {
      complete = false;
      break;
    }
    // A SQLite look-up answers at once, so thousands in a row would hold the event loop.
    if (++looked % LOOKUPS_BETWEEN_YIELDS === 0) await yieldToLoop();
    if (!item.url) skipped++;
    // Known already (same canonical URL, or same GUID in this feed): no page fetch, no analysis.
    else if (!(await deps.store.articles.find(item.url, item.guid, feed.id))) fresh.push(item);
  }
  const reads = await mapLimited(fresh, budgets.teaserFetches, (item) =>
    signal.aborted
      ? Promise.resolve(null)
      : readItem(item, { fetch: deps.fetch, work, maxChars: budgets.itemChars, signal }),
  );
  const toFile: NewArticle[] = [];
  reads.forEach((read, i) => {
    const item = fresh[i]!;
    if (read === null || (!read.ok && signal.aborted)) complete = false;
    else if (!read.ok) skipped++;
    else
      toFile.push({
        url: item.url!,
        guid: item.guid,
        feedId: feed.id,
        source,
        publishedAt: item.publishedAt,
        fetchedAt: now,
        analysis: read.analysis,
      });
  });

  let unstored: string | null = null;
  const results: FileResult[] = [];
  let next = 0;
  const fileSlice = async () => {
    const started = performance.now();
    do {
      const article = toFile[next++]!;
      try {
        results.push(await fileArticle(deps.store, article));
      } catch (err) {
        unstored ??= `an item could not be stored: ${storeMessage(err)}`;
        results.push({ kind: 'invalid', reason: unstored });
      }
    } while (next < toFile.length && performance.now() - started < FILE_SLICE_MS);
  };
  while (next < toFile.length) {
    await (deps.store.batch ? deps.store.batch(fileSlice) : fileSlice());
    await yieldToLoop();
  }
  const stored = results.filter((r) => r.kind === 'stored');
  return {
    items: parsed.items.length,
    newArticles: stored.length,
    newStories: stored.filter((r) => !r.joined).length,
    skipped: skipped + results.filter((r) => r.kind === 'invalid').length,
    unstored,
    complete,
  };
}
