// What an operator meets when the Telegram bot starts or loses its connection: a refused token or an
// unreachable API said in one line, retries bounded and logged, and every raw call counted.
import { GrammyError, HttpError, type Transformer } from 'grammy';
import type { Logger } from '../../log.js';
import type { Telemetry } from '../../telemetry.js';
import type { StartFailure } from '../shared/start-retry.js';

/** Why a request did not reach Telegram, without the URL (it holds the token): "ECONNREFUSED". */
export function networkReason(error: HttpError): string {
  let cause: unknown = error.error;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (typeof code === 'string' && code !== '') return code;
    if ('type' in cause && cause.type === 'request-timeout') return 'timed out';
    cause = cause.cause;
  }
  return /\((\d{3}: [^)]*)\)/.exec(error.message)?.[1] ?? 'network error';
}

/** How the connection to Telegram looks from the calls made so far. */
export interface ConnectionState {
  /** The last getUpdates failed to reach Telegram (the runner retries it). */
  unreachable: boolean;
}

/**
 * The innermost API transformer (installed before auto-retry, so it sees every attempt): counts
 * accepted messages and 429s, notes and logs when Telegram cannot be reached, and keeps a stop from
 * cutting a request that is already on its way (the abort signal still ends auto-retry's waits).
 */
export function observeCalls(telemetry: Telemetry, log: Logger, state: ConnectionState): Transformer {
  let lastWarned = 0;
  return async (prev, method, payload, signal) => {
    try {
      // A long poll is cut by a stop (nothing is lost); a send under way is let finish.
      const result = await prev(method, payload, method === 'getUpdates' ? signal : undefined);
      if (method === 'getUpdates' && state.unreachable) {
        state.unreachable = false;
        log.info('telegram reachable again');
      }
      if (result.ok && method === 'sendMessage') telemetry.messageSent('telegram');
      if (!result.ok && result.error_code === 429) telemetry.rateLimited('telegram');
      return result;
    } catch (error) {
      if (error instanceof HttpError) {
        if (method === 'getUpdates') state.unreachable = true;
        // Once a minute at most: an outage must show in the log without flooding it.
        if (Date.now() - lastWarned > 60_000) {
          lastWarned = Date.now();
          log.warn({ method, reason: networkReason(error) }, 'telegram unreachable');
        }
      }
      throw error;
    }
  };
}

/** How a failed getMe at start is taken (see startWithRetry). */
export function classifyStartError(error: unknown): StartFailure {
  if (error instanceof GrammyError && (error.error_code === 401 || error.error_code === 404))
    return {
      kind: 'refused',
      message: `Telegram refused TELEGRAM_BOT_TOKEN (${error.error_code} ${error.description}); copy the token again from @BotFather`,
    };
  if (error instanceof HttpError) return { kind: 'unreachable', reason: networkReason(error) };
  if (error instanceof GrammyError && (error.error_code >= 500 || error.error_code === 429))
    return { kind: 'unreachable', reason: `${error.error_code} ${error.description}` };
  return { kind: 'other' };
}
