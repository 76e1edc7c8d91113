import { Agent, type Dispatcher } from 'undici';
import { createAllowlist } from '../ssrf/allowlist.js';
import { createSsrfGuard, type ResolveHost, type SsrfGuard } from '../ssrf/guard.js';
import { createHostGate, type HostGate } from './host-gate.js';
import { DEFAULT_FETCH_LIMITS, DEFAULT_USER_AGENT, type FetchLimits } from './limits.js';

/** What a fetch context is built from; everything but the allowlist has a default. */
export interface FetchContextOptions {
  /** Hosts, addresses and CIDRs the SSRF guard lets through (config `NEWSDESK_ALLOW_HOSTS`). */
  readonly allowlist?: readonly string[];
  readonly limits?: Partial<FetchLimits>;
  /** DNS resolution; tests pass a fake so no real lookups happen. */
  readonly resolveHost?: ResolveHost;
  /** The clock, epoch ms. */
  readonly now?: () => number;
  readonly userAgent?: string;
}

/**
 * Everything a fetch needs, built once and shared by every fetch of a process: the connection
 * pool (whose sockets only reach addresses the guard checked), the per-host politeness gate and
 * the limits. Pass it to `fetchFeed` and `fetchPage`; `close()` it on shutdown.
 */
export interface FetchContext {
  readonly limits: FetchLimits;
  readonly userAgent: string;
  readonly guard: SsrfGuard;
  readonly gate: HostGate;
  readonly dispatcher: Dispatcher;
  now(): number;
  close(): Promise<void>;
}

export function createFetchContext(options: FetchContextOptions = {}): FetchContext {
  const limits: FetchLimits = { ...DEFAULT_FETCH_LIMITS, ...options.limits };
  const now = options.now ?? Date.now;
  const guard = createSsrfGuard(createAllowlist(options.allowlist ?? []), options.resolveHost);
  const dispatcher = new Agent({
    // The guarded lookup is what makes the socket connect only to a checked address.
    connect: { timeout: limits.connectTimeoutMs, lookup: guard.lookup },
    headersTimeout: limits.headersTimeoutMs,
    bodyTimeout: limits.totalTimeoutMs,
    connections: limits.perHostConcurrency,
  });
  return {
    limits,
    userAgent: options.userAgent ?? DEFAULT_USER_AGENT,
    guard,
    gate: createHostGate({ perHost: limits.perHostConcurrency, global: limits.globalConcurrency, now }),
    dispatcher,
    now,
    close: () => dispatcher.close(),
  };
}
