import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { seedDefaultFeeds } from '../sources/default-feeds.js';
import { describeUrl } from '../sources/fetch/errors.js';
import { createFetchContext } from '../sources/fetch/index.js';
import {
  extractPage,
  pollOnce,
  type FeedOutcome,
  type PollDeps,
  type PollSummary,
} from '../sources/poll/index.js';
import { budgetsFromConfig } from '../sources/work/budgets.js';
import { createWorkerPool } from '../sources/work/pool.js';
import { openStore } from '../store/open-store.js';
import { pruneCutoffs } from '../store/retention.js';

/** Where progress goes: a terminal gets one updating line, anything else one line per feed. */
export interface ProgressOut {
  write(s: string): unknown;
  readonly isTTY?: boolean;
  readonly columns?: number;
}

function describeOutcome(o: FeedOutcome): string {
  const where = `feed ${o.feedId} ${describeUrl(o.url)}`;
  switch (o.status) {
    case 'ok':
      return `${where}: ${o.items} items, ${o.newArticles} new${o.skipped ? `, ${o.skipped} unreadable` : ''}`;
    case 'not-modified':
      return `${where}: not modified`;
    case 'deferred':
      return `${where}: host asked us to wait`;
    case 'failed':
      return `${where}: failed: ${o.error ?? 'unknown error'}`;
    case 'disabled':
      return `${where}: DISABLED: ${o.error ?? ''}`;
  }
}

/** The progress callback for a pass. */
export function progressReporter(out: ProgressOut): NonNullable<PollDeps['onFeed']> {
  return (outcome, done, total) => {
    const line = `[${done}/${total}] ${describeOutcome(outcome)}`;
    if (!out.isTTY) {
      out.write(line + '\n');
      return;
    }
    // One line rewritten in place, cut to the terminal width so it never wraps.
    const width = Math.max(20, (out.columns ?? 80) - 1);
    out.write(`\r\x1b[K${line.slice(0, width)}`);
    if (done === total) out.write('\r\x1b[K');
  };
}

/** The end-of-pass summary, and a notice for each feed the pass disabled. */
export function formatSummary(s: PollSummary): string {
  const lines = [
    `polled ${s.feeds} feed${s.feeds === 1 ? '' : 's'}: ${s.ok} ok, ${s.notModified} not modified, ` +
      `${s.failed} failed, ${s.disabled.length} disabled${s.deferred ? `, ${s.deferred} deferred` : ''}`,
    `${s.newArticles} new article${s.newArticles === 1 ? '' : 's'}, ${s.newStories} new stor${s.newStories === 1 ? 'y' : 'ies'}` +
      (s.skipped ? `, ${s.skipped} item${s.skipped === 1 ? '' : 's'} unreadable` : ''),
  ];
  for (const d of s.disabled) {
    lines.push(
      `notice: feed ${d.feedId} was disabled: ${d.error ?? ''}; re-enable with "newsdesk feeds enable ${d.feedId}"`,
    );
  }
  return lines.join('\n') + '\n';
}

/**
 * `newsdesk poll [--all]`: one pass over the due feeds (all enabled ones with --all), then a prune
 * of what is older than the retention window.
 */
export async function pollCommand(args: readonly string[], out: ProgressOut): Promise<number> {
  const { values } = parseArgs({ args: [...args], options: { all: { type: 'boolean' } } });
  const config = loadConfig();
  const store = await openStore(config);
  const fetch = createFetchContext({ allowlist: config.NEWSDESK_ALLOW_HOSTS });
  // Parsing and analysis on every core; the main thread fetches and files.
  const work = createWorkerPool(config.NEWSDESK_WORKERS ? { threads: config.NEWSDESK_WORKERS } : {});
  try {
    const now = new Date();
    await seedDefaultFeeds(store, now);
    const summary = await pollOnce(
      {
        store,
        fetch,
        extract: extractPage,
        work,
        budgets: budgetsFromConfig(config),
        onFeed: progressReporter(out),
      },
      now,
      { all: values.all ?? false },
    );
    out.write(formatSummary(summary));
    // Polled from cron, with no bot running to prune every hour, the pass keeps the store to its
    // window itself (several processes may prune at once: they share the work).
    const pruned = await store.prune(pruneCutoffs(new Date(), config.NEWSDESK_RETENTION_DAYS));
    if (pruned.stories + pruned.pending + pruned.slots > 0) {
      const n = (k: number, one: string, many: string) => `${k} ${k === 1 ? one : many}`;
      out.write(
        `pruned beyond ${config.NEWSDESK_RETENTION_DAYS} days: ${n(pruned.stories, 'story', 'stories')}, ` +
          `${n(pruned.pending, 'queued delivery', 'queued deliveries')}, ` +
          `${n(pruned.slots, 'digest slot', 'digest slots')}\n`,
      );
    }
    return 0;
  } finally {
    await work.close();
    await fetch.close();
    await store.close();
  }
}
