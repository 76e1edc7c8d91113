import { schedule } from 'node-cron';
import { pollOnce, type PollDeps, type PollSummary } from '../sources/poll/index.js';

/**
 * Polls the due feeds at the start of every minute until stopped; each feed's own schedule (interval,
 * TTL, backoff) decides whether it is fetched. A pass never overlaps the previous one, and one that
 * throws (a bug: feed failures are values) is reported without stopping the next.
 */
export function startFeedPoller(
  deps: PollDeps,
  onPass: (summary: PollSummary) => void | Promise<void>,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  const task = schedule(
    '* * * * *',
    async (ctx) => {
      try {
        await onPass(await pollOnce(deps, ctx.date));
      } catch (error) {
        onError(error);
      }
    },
    { noOverlap: true, name: 'feeds' },
  );
  return { stop: async () => void (await task.destroy()) };
}
