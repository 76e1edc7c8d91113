import type { FetchContext } from '../fetch/context.js';
import type { Store } from '../../store/types.js';
import type { IngestBudgets } from '../work/budgets.js';
import type { Work } from '../work/work.js';
import type { Random, ScheduleOptions } from './schedule.js';

/** Turns a fetched page into article text; null when the page holds no article. */
export type ExtractPage = (html: string, url: string) => { title: string | null; text: string } | null;

/** What a poll needs: the store, a fetch context, an extractor and a random source (for jitter). */
export interface PollDeps {
  readonly store: Store;
  readonly fetch: FetchContext;
  readonly extract: ExtractPage;
  /**
   * Where parsing and analysis run: a worker pool (src/sources/work/pool.ts) keeps the event loop
   * free; without one they run on this thread, with `extract`.
   */
  readonly work?: Work;
  /** Per-feed and per-item budgets; each one not given has its default. */
  readonly budgets?: Partial<IngestBudgets>;
  readonly random?: Random;
  readonly schedule?: ScheduleOptions;
  /** Feeds fetched at once (the fetch context still limits each host); default: its global limit. */
  readonly concurrency?: number;
  /** Called as each feed finishes, for a progress display. */
  readonly onFeed?: (outcome: FeedOutcome, done: number, total: number) => void;
}

/** How one feed's fetch ended. */
export type FeedStatus = 'ok' | 'not-modified' | 'failed' | 'disabled' | 'deferred';

/**
 * One feed's part of a pass. A `disabled` outcome is the notice for the chats that read the feed:
 * there is no feed→chat link, so the pass returns these and the chat layer (or `newsdesk poll`)
 * shows them; the reason also stays on the feed (`disabledReason`, shown by `newsdesk feeds list`).
 */
export interface FeedOutcome {
  readonly feedId: number;
  readonly url: string;
  readonly status: FeedStatus;
  /** Items the feed listed (0 for a 304 or a failure). */
  readonly items: number;
  /** Articles stored (new to the store). */
  readonly newArticles: number;
  /** Of those, how many started a new story (the rest joined one). */
  readonly newStories: number;
  /** Items skipped because they could not be read (page fetch or extraction failed, no text). */
  readonly skipped: number;
  /** The fetch error, or why the feed was disabled. */
  readonly error?: string;
  readonly nextFetchAt?: Date;
}

/** The totals of a pass, and each feed's outcome. */
export interface PollSummary {
  readonly feeds: number;
  readonly ok: number;
  readonly notModified: number;
  readonly failed: number;
  /** Feeds disabled by this pass: their outcomes carry the reason (the notice to show). */
  readonly disabled: readonly FeedOutcome[];
  readonly deferred: number;
  readonly newArticles: number;
  readonly newStories: number;
  readonly skipped: number;
  readonly outcomes: readonly FeedOutcome[];
}
