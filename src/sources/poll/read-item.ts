import type { Analysis } from '../../core/types.js';
import { fetchPage } from '../fetch/fetch-page.js';
import type { FetchContext } from '../fetch/context.js';
import type { FeedItem } from '../feed/types.js';
import type { ItemReading } from '../work/tasks.js';
import type { Work } from '../work/work.js';
import type { PollDeps } from './types.js';

/** The article an item leads to, analysed; or why it could not be read. */
export type ReadItem =
  | { readonly ok: true; readonly analysis: Analysis; readonly cut: boolean }
  | { readonly ok: false; readonly reason: string };

/** Reads a page's article: HTML through the extractor, plain text as it is. */
export function pageText(
  page: { text: string; mediaType: string; finalUrl: string },
  deps: Pick<PollDeps, 'extract'>,
): { title: string | null; text: string } | null {
  if (page.mediaType === 'text/plain') return { title: null, text: page.text };
  return deps.extract(page.text, page.finalUrl);
}

/** What reading an item needs: the fetch context for teaser pages, where the work runs, the budget. */
export interface ReadItemDeps {
  readonly fetch: FetchContext;
  readonly work: Work;
  /** Characters of text analysed at most (a longer article is cut at a sentence). */
  readonly maxChars: number;
  /** Aborted when the feed's pass runs out of time: the item is given up. */
  readonly signal?: AbortSignal;
}

/** `work`, or a rejection as soon as `signal` aborts, whichever comes first. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return work;
  if (signal.aborted) return Promise.reject(new Error('aborted'));
  return new Promise<T>((resolve, reject) => {
    const stop = () => reject(new Error('aborted'));
    signal.addEventListener('abort', stop, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', stop));
  });
}

const outcome = (r: ItemReading): ReadItem =>
  r.kind === 'analysed'
    ? { ok: true, analysis: r.analysis, cut: r.cut }
    : { ok: false, reason: r.kind === 'empty' ? r.reason : 'the item carries no text' };

/**
 * The full text of a feed item, analysed (on the work's threads). An item carrying only a teaser
 * has its page fetched (through the same SSRF guard and host limits) and extracted; when that fails,
 * the teaser is used if there is one, so a paywalled or broken page still gives the story its
 * headline. A worker that crashes or a budget that runs out makes the item unreadable, not the pass.
 */
export async function readItem(item: FeedItem, deps: ReadItemDeps): Promise<ReadItem> {
  const input = { title: item.title, url: item.url, summary: item.summary, contentHtml: item.contentHtml };
  try {
    const own = await deps.work.readItem(input, deps.maxChars, deps.signal);
    if (own.kind !== 'teaser' || !item.url) return outcome(own);
    // A page that hangs must not hold the feed past its budget: the pass moves on at the deadline.
    const page = await untilAborted(fetchPage(item.url, deps.fetch), deps.signal);
    const read = await deps.work.readPage(
      {
        item: input,
        ownText: own.text,
        page: page.ok ? { text: page.text, mediaType: page.mediaType, finalUrl: page.finalUrl } : null,
        pageProblem: page.ok ? null : page.error.message,
        maxChars: deps.maxChars,
      },
      deps.signal,
    );
    return outcome(read);
  } catch (err) {
    const why = deps.signal?.aborted ? "the feed's time budget ran out" : (err as Error).message;
    return { ok: false, reason: `the item could not be read: ${why}` };
  }
}
