import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { ParsedBody } from '../fetch/fetch-feed.js';
import type { ItemInput, ItemReading, PageInput } from './tasks.js';
import type { Work } from './work.js';

/** A task for a worker thread. */
export type Task =
  | {
      readonly kind: 'parse-feed';
      readonly bytes: Uint8Array;
      readonly headerCharset: string | undefined;
      readonly baseUrl: string;
    }
  | { readonly kind: 'read-item'; readonly item: ItemInput; readonly maxChars: number }
  | { readonly kind: 'read-page'; readonly input: PageInput };

/** Options of the pool; the defaults suit the bot. */
export interface PoolOptions {
  /** Worker threads (default: one a core). */
  readonly threads?: number;
  /** The worker's entry (tests give one of their own); it must export the task function as default. */
  readonly filename?: string;
}

// A plain JavaScript entry: worker threads do not inherit the main thread's TypeScript loader.
const ENTRY = fileURLToPath(new URL('../../../bin/analysis-worker.js', import.meta.url));

/**
 * A pool of worker threads for a poll's CPU work (Piscina), sized to the cores. A worker that dies
 * mid-task fails that task only (the caller counts the item unreadable) and is replaced. A task
 * aborted while it runs ends its worker, so a runaway item cannot outlive its feed's budget.
 */
export function createWorkerPool(options: PoolOptions = {}): Work {
  const threads = Math.max(1, options.threads ?? availableParallelism());
  const pool = new Piscina<Task, unknown>({
    filename: options.filename ?? ENTRY,
    // Workers start with the first poll, not with the process (a bot starts answering sooner), and
    // then stay: loading the analysis's tables again costs more than keeping them.
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  const run = <T>(task: Task, signal?: AbortSignal) => pool.run(task, signal ? { signal } : {}) as Promise<T>;
  return {
    parseFeed: (bytes, headerCharset, baseUrl) =>
      run<ParsedBody>({ kind: 'parse-feed', bytes, headerCharset, baseUrl }),
    readItem: (item, maxChars, signal) => run<ItemReading>({ kind: 'read-item', item, maxChars }, signal),
    readPage: (input, signal) => run<ItemReading>({ kind: 'read-page', input }, signal),
    close: () => pool.destroy(),
  };
}
