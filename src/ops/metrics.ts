// Prometheus metrics (prom-client) for an operator's dashboard. Adapters report through the narrow
// Telemetry port; the composition root feeds in poll passes, digest events and analysis times.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { PlatformName } from '../platform.js';
import type { DigestEvent } from '../scheduler/digest-scheduler.js';
import type { PollSummary } from '../sources/poll/index.js';
import type { Store } from '../store/types.js';
import type { Telemetry } from '../telemetry.js';

/** The metrics of one process: what adapters report to, what main records, and the registry to serve. */
export interface Metrics {
  readonly registry: Registry;
  readonly telemetry: Telemetry;
  /** One polling pass finished. */
  pollPass(summary: PollSummary): void;
  /** An article was read and analysed (on a worker thread) in `seconds`. */
  articleAnalysed(seconds: number): void;
  /** Something the digest scheduler reported. */
  digestEvent(event: DigestEvent): void;
  /** A digest's delivery failed (it is retried or given up, as the ledger says), or its place is gone. */
  digestFailed(): void;
}

const PREFIX = 'newsdesk_';

/**
 * The process's metrics, in a registry of its own (with Node's process metrics: memory, CPU, event
 * loop lag). Feed and digest-ledger totals are read from the store when scraped.
 */
export function createMetrics(store: Store): Metrics {
  const registry = new Registry();
  const registers = [registry];
  collectDefaultMetrics({ register: registry, prefix: PREFIX });

  const feedPolls = new Counter({
    name: `${PREFIX}feed_polls_total`,
    help: 'Feed fetches by outcome (ok, not-modified, failed, disabled, deferred)',
    labelNames: ['status'] as const,
    registers,
  });
  new Gauge({
    name: `${PREFIX}feeds`,
    help: 'Feeds in the store: enabled and healthy, failing (enabled, last fetches failed), disabled',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      const feeds = await store.feeds.list();
      const failing = feeds.filter((f) => f.enabled && f.failures > 0).length;
      const disabled = feeds.filter((f) => !f.enabled).length;
      this.set({ state: 'ok' }, feeds.length - failing - disabled);
      this.set({ state: 'failing' }, failing);
      this.set({ state: 'disabled' }, disabled);
    },
  });
  const articles = new Counter({
    name: `${PREFIX}articles_stored_total`,
    help: 'New articles stored from feeds',
    registers,
  });
  const analysis = new Histogram({
    name: `${PREFIX}article_analysis_seconds`,
    help: 'Reading and analysing one article on a worker thread (items and their pages)',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  const stories = new Counter({
    name: `${PREFIX}stories_total`,
    help: 'New stories started by stored articles (the rest joined a story)',
    registers,
  });
  const digests = new Counter({
    name: `${PREFIX}digests_total`,
    help: 'Digest outcomes: sent, skipped (too late to send), retried, failed (attempts that failed)',
    labelNames: ['outcome'] as const,
    registers,
  });
  const lateness = new Histogram({
    name: `${PREFIX}digest_lateness_seconds`,
    help: 'How late a sent digest was after its due time',
    buckets: [1, 5, 15, 60, 300, 900, 3600, 10800],
    registers,
  });
  new Gauge({
    name: `${PREFIX}digest_slots`,
    help: 'Digest slots in the ledger by state (due: owed and not yet sent)',
    labelNames: ['state'] as const,
    registers,
    async collect() {
      for (const [state, n] of Object.entries(await store.digests.counts())) this.set({ state }, n);
    },
  });
  const messages = new Counter({
    name: `${PREFIX}messages_sent_total`,
    help: 'Messages the platform accepted',
    labelNames: ['platform'] as const,
    registers,
  });
  const limited = new Counter({
    name: `${PREFIX}rate_limited_total`,
    help: '429 (too many requests) answers from the platform, each waited out and retried',
    labelNames: ['platform'] as const,
    registers,
  });
  const queues = new Map<PlatformName, () => number>();
  new Gauge({
    name: `${PREFIX}send_queue_depth`,
    help: 'Messages waiting in the send queue',
    labelNames: ['platform'] as const,
    registers,
    collect() {
      for (const [platform, depth] of queues) this.set({ platform }, depth());
    },
  });
  const commands = new Histogram({
    name: `${PREFIX}command_seconds`,
    help: 'From a command arriving to its reply being ready, by platform and command',
    labelNames: ['platform', 'command'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers,
  });
  // Each label shows from the start (at 0), so a dashboard's rate() sees the first event.
  for (const status of ['ok', 'not-modified', 'failed', 'disabled', 'deferred']) feedPolls.inc({ status }, 0);
  for (const outcome of ['sent', 'skipped', 'retried', 'failed']) digests.inc({ outcome }, 0);

  return {
    registry,
    telemetry: {
      commandAnswered: (platform, command, seconds) => commands.observe({ platform, command }, seconds),
      messageSent: (platform) => messages.inc({ platform }),
      rateLimited: (platform) => limited.inc({ platform }),
      watchQueue: (platform, depth) => void queues.set(platform, depth),
    },
    pollPass(summary) {
      for (const outcome of summary.outcomes) feedPolls.inc({ status: outcome.status });
      articles.inc(summary.newArticles);
      stories.inc(summary.newStories);
    },
    articleAnalysed: (seconds) => analysis.observe(seconds),
    digestEvent(event) {
      if (event.kind === 'sent') {
        digests.inc({ outcome: 'sent' });
        lateness.observe(Math.max(0, event.lateMs) / 1000);
      } else if (event.kind === 'skipped') digests.inc({ outcome: 'skipped' });
      else if (event.kind === 'retry') digests.inc({ outcome: 'retried' });
    },
    digestFailed: () => digests.inc({ outcome: 'failed' }),
  };
}
