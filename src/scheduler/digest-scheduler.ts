import { describeTarget, digestForSubscription, type CommandServices } from '../../commands/index.js';
import type { DigestSlot, Store, Subscription } from '../store/types.js';
import { deliverToSubscription, type DeliveryOutcome, type Platforms } from './deliver.js';
import { planSlot } from './plan.js';
import { withStoryCache } from './story-cache.js';

/** What running digests needs. */
export interface DigestDeps {
  readonly store: Store;
  readonly services: CommandServices;
  /** The platforms this process runs; other subscriptions wait for an instance that runs theirs. */
  readonly platforms: Platforms;
  /** A digest failed (for good, or for this attempt); the slot says which. */
  readonly onError: (error: unknown, sub: Subscription) => void;
  /** A subscription was paused because its destination is gone. */
  readonly onPaused?: (sub: Subscription, reason: string) => void;
  /** Something worth a log line: digests skipped, folded or taken over. */
  readonly onEvent?: (event: DigestEvent) => void;
}

/** What the scheduler reports besides errors. */
export type DigestEvent =
  | {
      readonly kind: 'sent';
      readonly slot: DigestSlot;
      readonly lateMs: number;
      readonly messages: number;
      /** From the platform's acceptance to the ledger's record: the only window for a repeat. */
      readonly ledgerMs: number;
    }
  | {
      readonly kind: 'skipped';
      readonly subscriptionId: number;
      readonly dueAt: Date;
      readonly reason: string;
    }
  | { readonly kind: 'folded'; readonly subscriptionId: number; readonly missed: number }
  | { readonly kind: 'retry'; readonly slot: DigestSlot; readonly error: string };

/** How the scheduler runs; every field has a default. */
export interface DigestOptions {
  /** Who this instance is in the ledger (claims carry it). */
  readonly instanceId?: string;
  /** A digest later than this after its time is skipped (default 3 hours). */
  readonly maxLatenessMs?: number;
  /** How long a claim holds a slot before another instance may take it over (default 60 s). */
  readonly leaseMs?: number;
  /**
   * Digests claimed and in delivery at once, for each platform (default 100, a few seconds of the
   * platforms' rates): the platforms' queues pace them, and claiming more only holds leases longer.
   */
  readonly maxInFlight?: number;
  /** Attempts before a digest is given up as failed (default 5). */
  readonly maxAttempts?: number;
  /** How often the ledger is read when nothing wakes the scheduler (default 1 s). */
  readonly tickMs?: number;
  /** How long a stop waits for digests in flight before stopping the rest (default 6 s; then 2 s more for sends under way). */
  readonly stopGraceMs?: number;
  readonly now?: () => Date;
}

export const DEFAULT_MAX_LATENESS_MS = 3 * 60 * 60 * 1000;
const BATCH = 100;

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The title of a digest where a place needs one (a Discord forum post): "The Balkans, 6 Dec 2026". */
export function digestTitle(sub: Subscription, now: Date): string {
  let format = dateFormats.get(sub.timezone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: sub.timezone,
    });
    dateFormats.set(sub.timezone, format);
  }
  return `${describeTarget(sub.target)}, ${format.format(now)}`;
}

/**
 * Runs at most `n` compositions at a time. When one may start, it is the oldest waiting one of the
 * platform with the fewest digests composed and not yet sent (`ready`). Composing is what a busy
 * machine runs short of first, so it goes where a platform's queue is about to run dry rather than
 * to digests that would only wait behind hundreds composed before them: in the order they came,
 * Telegram's claims (its queue at 30 a second holds seconds of digests) kept Discord's queue (50 a
 * second) empty for a second and more at a time.
 */
function createComposer(n: number, ready: (platform: string) => number) {
  let active = 0;
  let seq = 0;
  const waiting = new Map<string, { seq: number; start: () => void }[]>();
  const startNext = (): void => {
    while (active < n) {
      let best: { platform: string; ready: number; seq: number } | undefined;
      for (const [platform, queue] of waiting) {
        const head = queue[0];
        if (head === undefined) continue;
        const r = ready(platform);
        if (!best || r < best.ready || (r === best.ready && head.seq < best.seq))
          best = { platform, ready: r, seq: head.seq };
      }
      if (!best) return;
      active++;
      waiting.get(best.platform)?.shift()?.start();
    }
  };
  return async <T>(platform: string, task: () => Promise<T>): Promise<T> => {
    await new Promise<void>((start) => {
      const queue = waiting.get(platform) ?? [];
      queue.push({ seq: seq++, start });
      waiting.set(platform, queue);
      startNext();
    });
    try {
      return await task();
    } finally {
      active--;
      startNext();
    }
  };
}

const message = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).slice(0, 500);

/**
 * Digests through the ledger: due subscriptions become slots, slots are claimed in batches with a
 * lease, and delivered concurrently through each platform's paced queue. A slot is written before
 * its send and marked right after the platform accepts it: a restart resumes what was due, a
 * crashed instance's slots are taken over when its lease runs out, and several instances on one
 * PostgreSQL database share the work without sending a digest twice.
 */
export function createDigestScheduler(deps: DigestDeps, options: DigestOptions = {}) {
  const { store, platforms } = deps;
  const holder = options.instanceId ?? `instance-${process.pid}`;
  const maxLateness = options.maxLatenessMs ?? DEFAULT_MAX_LATENESS_MS;
  const leaseMs = options.leaseMs ?? 60_000;
  const maxInFlight = options.maxInFlight ?? 100;
  // Digests composed and not yet through their platform's queue, by platform.
  const ready = new Map<string, number>();
  const readyAdd = (platform: string, n: number): void =>
    void ready.set(platform, (ready.get(platform) ?? 0) + n);
  // Composing a digest reads the store: sixteen at a time keep both platforms' queues fed (four left
  // Discord at 89% of its rate beside Telegram) and leave the store room for ledger writes.
  const composing = createComposer(16, (platform) => ready.get(platform) ?? 0);
  const maxAttempts = options.maxAttempts ?? 5;
  const clock = options.now ?? (() => new Date());
  const names = [...platforms.keys()];
  // Digests composed at about the same time for the same region share their story reads.
  const reading = withStoryCache(store, 5_000, () => clock().getTime());
  const inFlight = new Map<number, Promise<void>>();
  const abort = new AbortController();
  let stopped = false;
  let sent = 0;

  /** Turns due subscriptions into slots (and moves their next due time), in batches. */
  /**
   * Writes the ledger rows of up to 500 due subscriptions; true if more may be due. A pass
   * alternates this with claiming, so the first digests of a batch of 100,000 leave as soon as
   * their rows exist rather than after the whole batch is scheduled.
   */
  let newestFirst = false;
  async function scheduleSome(now: Date): Promise<boolean> {
    newestFirst = !newestFirst;
    const subs = await store.digests.dueSubscriptions(now, 500, newestFirst);
    for (const [i, sub] of subs.entries()) {
      // SQLite writes without leaving the event loop: five hundred back to back held up the sends
      // already let through for tens of milliseconds at a time (they then catch up in a bunch).
      if (i % 100 === 99) await new Promise((resolve) => setImmediate(resolve));
      const plan = planSlot(sub, now, maxLateness);
      if (plan.invalid !== undefined) {
        await store.subscriptions.pauseDestination(sub, `its schedule cannot be read: ${plan.invalid}`);
        continue;
      }
      const wrote = await store.digests.schedule(sub.id, sub.nextDueAt, plan.slot, plan.next, now);
      if (!wrote) continue;
      if (plan.slot?.state === 'skipped')
        deps.onEvent?.({
          kind: 'skipped',
          subscriptionId: sub.id,
          dueAt: plan.slot.dueAt,
          reason: plan.slot.error ?? '',
        });
      else if (plan.missed > 0)
        deps.onEvent?.({ kind: 'folded', subscriptionId: sub.id, missed: plan.missed });
    }
    return subs.length === 500;
  }

  /**
   * From when a digest's stories count: since the last digest sent; for a subscription that has
   * sent none, a day before its first digest owed, so a skipped one's stories still come.
   */
  async function digestSince(sub: Subscription, now: Date): Promise<Date> {
    if (sub.lastDigestAt) return sub.lastDigestAt;
    const skipped = (await store.digests.forSubscription(sub.id)).find((s) => s.state === 'skipped');
    const first = Math.min(now.getTime(), skipped?.dueAt.getTime() ?? now.getTime());
    return new Date(first - 24 * 60 * 60 * 1000);
  }

  async function deliver(slot: DigestSlot): Promise<void> {
    const sub = await store.subscriptions.get(slot.subscriptionId);
    const now = clock();
    if (!sub || sub.paused) {
      await store.digests.finish(slot.id, holder, 'skipped', 'the subscription is paused or gone', now);
      return;
    }
    const late = now.getTime() - slot.dueAt.getTime();
    if (!slot.manual && late > maxLateness) {
      const reason = `${Math.round(late / 60_000)} min late, more than the ${Math.round(maxLateness / 60_000)} min allowed`;
      await store.digests.finish(slot.id, holder, 'skipped', reason, now);
      deps.onEvent?.({ kind: 'skipped', subscriptionId: sub.id, dueAt: slot.dueAt, reason });
      return;
    }
    try {
      const chat = { platform: sub.platform, chatId: sub.chatId, threadId: sub.threadId };
      const ctx = {
        store: reading,
        now,
        chat,
        isModerator: () => Promise.resolve(true),
        services: deps.services,
      };
      const digest = await composing(sub.platform, async () => {
        // One composition, then the event loop: SQLite answers without leaving it, and a batch of
        // a hundred digests composed back to back would hold up the sends already let through
        // (they would then reach the platform bunched, and earn 429s).
        await new Promise((resolve) => setImmediate(resolve));
        return digestForSubscription(ctx, sub, await digestSince(sub, now));
      });
      // A scheduled digest with nothing new stays silent; one a moderator asked for says so.
      if (digest.storyIds.length === 0 && !slot.manual) {
        await store.digests.finish(slot.id, holder, 'skipped', 'nothing new', now);
        return;
      }
      let outcome: DeliveryOutcome;
      readyAdd(sub.platform, 1);
      try {
        if (!(await store.digests.begin(slot.id, holder, digest.storyIds))) return;
        outcome = await deliverToSubscription(platforms, store, sub, digest.reply, {
          key: `digest:${slot.id}`,
          title: digestTitle(sub, slot.dueAt),
          mentionRoleId: sub.mentionRoleId,
          publish: sub.publish,
          signal: abort.signal,
        });
      } finally {
        readyAdd(sub.platform, -1);
      }
      if (outcome.kind === 'delivered') {
        const accepted = performance.now();
        if (await store.digests.complete(slot.id, holder, outcome.delivered.messageIds, clock())) {
          sent++;
          const ledgerMs = performance.now() - accepted;
          deps.onEvent?.({
            kind: 'sent',
            slot,
            lateMs: late,
            messages: outcome.delivered.messageIds.length,
            ledgerMs,
          });
        }
      } else if (outcome.kind === 'lost') {
        await store.digests.finish(slot.id, holder, 'failed', outcome.reason, clock());
        deps.onPaused?.(sub, outcome.reason);
      } else if (outcome.kind === 'no-platform') {
        await store.digests.retry(
          slot.id,
          holder,
          'no instance runs its platform',
          new Date(clock().getTime() + 60_000),
        );
      } else {
        throw outcome.error;
      }
    } catch (error) {
      if (abort.signal.aborted) return; // given back by stop()
      deps.onError(error, sub);
      const text = message(error);
      if (slot.attempts >= maxAttempts) {
        await store.digests.finish(slot.id, holder, 'failed', text, clock());
      } else {
        // 30 s, 2 min, 8 min, 32 min: a platform outage is waited out, not hammered.
        const wait = 30_000 * 4 ** (slot.attempts - 1);
        await store.digests.retry(slot.id, holder, text, new Date(clock().getTime() + wait));
        deps.onEvent?.({ kind: 'retry', slot, error: text });
      }
    }
  }

  /** Digests in delivery, by platform: each platform has its own room. */
  const flying = new Map<string, number>(names.map((name) => [name, 0]));

  /**
   * Claims what fits in flight and starts delivering it; resolves once the claims are made. Each
   * platform claims for its own room, so a platform with a long queue (Telegram's 30 a second
   * against Discord's 50, or one that is down and retrying) never holds up another's digests.
   */
  async function fill(): Promise<number> {
    let started = 0;
    for (const name of names) {
      while (!stopped && (flying.get(name) ?? 0) < maxInFlight) {
        const room = Math.min(BATCH, maxInFlight - (flying.get(name) ?? 0));
        // The lease runs from the claim itself: scheduling a large batch first may have taken seconds.
        const now = clock();
        const slots = await store.digests.claim(holder, now, new Date(now.getTime() + leaseMs), room, [name]);
        for (const slot of slots) {
          flying.set(name, (flying.get(name) ?? 0) + 1);
          const work = deliver(slot)
            .catch((error: unknown) => deps.onEvent?.({ kind: 'retry', slot, error: message(error) }))
            .finally(() => {
              inFlight.delete(slot.id);
              const left = (flying.get(name) ?? 1) - 1;
              flying.set(name, left);
              // Claim again once a quarter of the room is free, not after every digest.
              if (left <= (maxInFlight * 3) / 4) wake();
            });
          inFlight.set(slot.id, work);
          started++;
        }
        if (slots.length < room) break;
      }
    }
    return started;
  }

  let running: Promise<void> | null = null;
  let again = false;
  /** One pass: schedule, then claim. Passes never overlap; a wake during one runs another after. */
  function pass(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        let more = true;
        while (more && !stopped) {
          more = await scheduleSome(clock());
          await fill();
          // SQLite answers without ever leaving the event loop: let the sends, timers and chat
          // updates waiting behind this batch run before the next one.
          await new Promise((resolve) => setImmediate(resolve));
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
    return running;
  }

  let timer: NodeJS.Timeout | undefined;
  let renewer: NodeJS.Timeout | undefined;
  let onPassError: (error: unknown) => void = () => undefined;
  function wake(): void {
    if (stopped || timer === undefined) return;
    pass().catch(onPassError);
  }

  return {
    holder,
    /** Delivered digests since start. */
    sent: () => sent,
    inFlight: () => inFlight.size,
    /**
     * Runs passes until nothing is due at the clock's time and nothing is in flight: what a test
     * with a fixed clock, or the terminal chat before it exits, calls.
     */
    async drain(): Promise<number> {
      const before = sent;
      for (;;) {
        await pass();
        if (inFlight.size === 0) break;
        await Promise.all(inFlight.values());
      }
      return sent - before;
    },
    /** Reads the ledger every `tickMs` (and at once when a digest finishes) until stopped. */
    start(onError: (error: unknown) => void): void {
      onPassError = onError;
      const tick = options.tickMs ?? 1000;
      timer = setInterval(() => void pass().catch(onError), tick);
      // Claims outlive a slow send (a long 429 wait): the holder keeps renewing them.
      renewer = setInterval(() => {
        const ids = [...inFlight.keys()];
        if (ids.length === 0) return;
        store.digests.renew(holder, ids, new Date(clock().getTime() + leaseMs)).catch(onError);
      }, leaseMs / 3);
      pass().catch(onError);
    },
    /**
     * Stops claiming, lets digests in flight finish for up to `stopGraceMs`, then stops the rest
     * and gives their slots back to the ledger for another instance (or the next start).
     */
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(timer);
      clearInterval(renewer);
      timer = undefined;
      await running?.catch(() => undefined);
      const settled = (ms: number): Promise<unknown> => {
        let timeout: NodeJS.Timeout | undefined;
        return Promise.race([
          Promise.all(inFlight.values()),
          new Promise((resolve) => (timeout = setTimeout(resolve, ms))),
        ]).finally(() => clearTimeout(timeout));
      };
      await settled(options.stopGraceMs ?? 6_000);
      // What has not gone yet does not go; a message already on its way is let arrive and recorded,
      // so that what is given back below was really not sent.
      abort.abort();
      await settled(2_000);
      await store.digests.releaseAll(holder);
    },
  };
}

export type DigestScheduler = ReturnType<typeof createDigestScheduler>;

/** Delivers every digest due at `now` and waits for them; returns how many were sent. (Tests.) */
export async function runDueDigests(
  deps: DigestDeps,
  now: Date,
  options: DigestOptions = {},
): Promise<number> {
  return createDigestScheduler(deps, { instanceId: 'once', ...options, now: () => now }).drain();
}
