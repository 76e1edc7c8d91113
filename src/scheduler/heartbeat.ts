import type { Store } from '../store/types.js';

const BEAT_MS = 10_000;
/** An instance that has not beaten for this long is taken for dead. */
export const LIVE_WITHIN_MS = 30_000;

/**
 * Keeps this instance's heartbeat row fresh and reports how many instances are alive, so that
 * each can take its share of a platform's rate limit. Stopping removes the row at once.
 */
export function startHeartbeat(
  store: Store,
  instanceId: string,
  onLive: (instances: number) => void,
  onError: (error: unknown) => void,
): { stop(): Promise<void> } {
  let last = 0;
  const beat = async (): Promise<void> => {
    const now = new Date();
    await store.instances.heartbeat(instanceId, now);
    const live = Math.max(1, await store.instances.live(now, LIVE_WITHIN_MS));
    if (live !== last) onLive(live);
    last = live;
  };
  beat().catch(onError);
  const timer = setInterval(() => void beat().catch(onError), BEAT_MS);
  return {
    async stop() {
      clearInterval(timer);
      await store.instances.leave(instanceId).catch(onError);
    },
  };
}
