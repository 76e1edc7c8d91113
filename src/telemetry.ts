// The telemetry port: what adapters report for the operator's metrics. The composition root gives
// them an implementation (src/ops/metrics.ts, Prometheus) or none; core never sees it.
import type { PlatformName } from './platform.js';

/** What the chat adapters report; every method is cheap and never throws. */
export interface Telemetry {
  /** A chat command was answered, `seconds` after it arrived. */
  commandAnswered(platform: PlatformName, command: string, seconds: number): void;
  /** The platform accepted a message the bot sent (a reply, a digest's part, a notice). */
  messageSent(platform: PlatformName): void;
  /** The platform answered 429 (too many requests); the client waits it out and retries. */
  rateLimited(platform: PlatformName): void;
  /** Where to read how many messages wait in the platform's send queue. */
  watchQueue(platform: PlatformName, depth: () => number): void;
}

/** Telemetry that records nothing (tests, one-off commands, a bot without HTTP_PORT). */
export const NO_TELEMETRY: Telemetry = {
  commandAnswered: () => undefined,
  messageSent: () => undefined,
  rateLimited: () => undefined,
  watchQueue: () => undefined,
};
