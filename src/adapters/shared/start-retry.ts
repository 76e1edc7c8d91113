// Starting a bot against a platform that may be down: bounded, logged retries, and a refused token
// said in one line (PlatformStartError) rather than a stack.
import type { Logger } from '../../log.js';
import { PlatformStartError } from '../../platform.js';

/** How a failed start-up call is taken: given up with a line for the operator, tried again, or a bug. */
export type StartFailure =
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'unreachable'; readonly reason: string }
  | { readonly kind: 'other' };

/** Start-up's waits between tries: 1 s doubling to 30 s, about two minutes in all. */
export const START_RETRY_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000, 30_000, 30_000];

/** What `startWithRetry` needs besides the call. */
export interface StartRetryOptions {
  readonly log: Logger;
  /** The platform's name in messages ("Telegram"). */
  readonly platform: string;
  /** Where it tried, and what the operator may check, for the final line. */
  readonly where: string;
  readonly hint: string;
  readonly classify: (error: unknown) => StartFailure;
  readonly signal?: AbortSignal;
  readonly waitsMs?: readonly number[];
}

/** Waits `ms`, or rejects as soon as `signal` is aborted. */
function pause(ms: number, what: string, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new PlatformStartError(`stopped while waiting for ${what}`));
      },
      { once: true },
    );
  });
}

/**
 * Runs `call` until it succeeds: a refused token fails at once with its line; an unreachable API is
 * tried again with a logged reason a bounded number of times, then fails with a line that says where
 * it tried; anything else is thrown as it is. A stop (the signal) ends the waiting at once.
 */
export async function startWithRetry<T>(call: () => Promise<T>, options: StartRetryOptions): Promise<T> {
  const waits = options.waitsMs ?? START_RETRY_MS;
  for (let attempt = 0; ; attempt++) {
    let reason: string;
    try {
      return await call();
    } catch (error) {
      if (options.signal?.aborted)
        throw new PlatformStartError(`stopped while connecting to ${options.platform}`);
      const failure = options.classify(error);
      if (failure.kind === 'refused') throw new PlatformStartError(failure.message, { cause: error });
      if (failure.kind === 'other') throw error;
      reason = failure.reason;
    }
    const wait = waits[attempt];
    if (wait === undefined)
      throw new PlatformStartError(
        `could not reach ${options.platform} at ${options.where} (${reason}) after ${attempt + 1} tries; ${options.hint}`,
      );
    options.log.warn(
      { reason, attempt: attempt + 1, retryInSeconds: wait / 1000, at: options.where },
      `${options.platform} unreachable at start, trying again`,
    );
    await pause(wait, options.platform, options.signal);
  }
}
