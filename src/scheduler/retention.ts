import { pruneCutoffs, type PruneReport } from '../store/retention.js';
import type { Store } from '../store/types.js';

/** How often the store is pruned; the first prune runs a minute after start. */
const PRUNE_EVERY_MS = 60 * 60_000;
const FIRST_PRUNE_MS = 60_000;

/**
 * Keeps the store to `days` of news (NEWSDESK_RETENTION_DAYS): prunes it every hour. A prune that
 * fails is reported and tried again at the next hour; a stop waits for one under way.
 */
export function startRetention(
  store: Store,
  days: number,
  onPruned: (report: PruneReport) => void,
  onError: (error: unknown) => void,
  now: () => Date = () => new Date(),
): { stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const prune = () => {
    running = store.prune(pruneCutoffs(now(), days)).then(onPruned, onError);
  };
  const first = setTimeout(prune, FIRST_PRUNE_MS);
  const timer = setInterval(prune, PRUNE_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    async stop() {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
