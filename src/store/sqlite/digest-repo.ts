import type Database from 'better-sqlite3';
import type { DigestRepo, DigestSlotState, InstanceRepo } from '../types.js';
import { promised } from './promised.js';
import { toDigestSlot, toSubscription, type DigestSlotRow, type SubscriptionRow } from './rows.js';

const STATES: readonly DigestSlotState[] = ['due', 'sending', 'sent', 'skipped', 'failed'];

// Which platforms' slots a claim takes, checked row by row on the subscription's primary key, so
// that the claim itself reads the slots by time from their own index.
const ON_PLATFORMS = `EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = digest_slots.subscription_id
  AND s.platform IN (SELECT value FROM json_each(@platforms)))`;
const DUE = `state = 'due' AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)`;

/** The digest ledger of a SQLite store. SQLite has one writer, so a claim is one transaction. */
export function createSqliteDigestRepo(db: Database.Database): DigestRepo {
  const take = (where: string, order: string) =>
    db.prepare<Record<string, string | number>, DigestSlotRow>(
      `UPDATE digest_slots SET state = 'sending', holder = @holder, lease_until = @lease, attempts = attempts + 1
       WHERE id IN (SELECT id FROM digest_slots WHERE ${where} AND ${ON_PLATFORMS} ORDER BY ${order} LIMIT @limit)
       RETURNING *`,
    );
  // Slots whose holder's lease ran out (a crashed instance's) first, then due ones.
  const takeLapsed = take(`state = 'sending' AND lease_until <= @now`, 'lease_until');
  const takeOldest = take(DUE, 'due_at ASC, id ASC');
  const takeNewest = take(DUE, 'due_at DESC, id DESC');
  const sql = {
    slot: db.prepare<[number], DigestSlotRow>('SELECT * FROM digest_slots WHERE id = ?'),
    slots: db.prepare<[number], DigestSlotRow>(
      'SELECT * FROM digest_slots WHERE subscription_id = ? ORDER BY due_at, id',
    ),
    due: db.prepare<[number, number], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE paused = 0 AND next_due_at <= ? ORDER BY next_due_at LIMIT ?',
    ),
    dueNewest: db.prepare<[number, number], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE paused = 0 AND next_due_at <= ? ORDER BY next_due_at DESC LIMIT ?',
    ),
    unscheduled: db.prepare<[number], SubscriptionRow>(
      'SELECT * FROM subscriptions WHERE paused = 0 AND next_due_at IS NULL LIMIT ?',
    ),
    moveNext: db.prepare('UPDATE subscriptions SET next_due_at = ? WHERE id = ? AND next_due_at IS ?'),
    insert: db.prepare(
      `INSERT INTO digest_slots (subscription_id, due_at, state, error, created_at, finished_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, due_at, manual) DO NOTHING`,
    ),
    request: db.prepare<[number, number, number], DigestSlotRow>(
      `INSERT INTO digest_slots (subscription_id, due_at, manual, state, created_at) VALUES (?, ?, 1, 'due', ?)
       ON CONFLICT (subscription_id, due_at, manual) DO UPDATE SET manual = excluded.manual RETURNING *`,
    ),
    sent: db.prepare<[string, number, number, string], DigestSlotRow>(
      `UPDATE digest_slots SET state = 'sent', message_ids = ?, finished_at = ?, lease_until = NULL, error = NULL
       WHERE id = ? AND holder = ? AND state = 'sending' RETURNING *`,
    ),
    storySent: db.prepare('UPDATE deliveries SET sent_at = ? WHERE subscription_id = ? AND story_id = ?'),
    lastDigest: db.prepare('UPDATE subscriptions SET last_digest_at = ? WHERE id = ?'),
    renew: db.prepare(
      `UPDATE digest_slots SET lease_until = ? WHERE id = ? AND holder = ? AND state = 'sending'`,
    ),
    begin: db.prepare(
      `UPDATE digest_slots SET story_ids = ? WHERE id = ? AND holder = ? AND state = 'sending'`,
    ),
    finish: db.prepare(
      `UPDATE digest_slots SET state = ?, error = ?, finished_at = ?, lease_until = NULL
       WHERE id = ? AND holder = ? AND state = 'sending'`,
    ),
    retry: db.prepare(
      `UPDATE digest_slots SET state = 'due', holder = NULL, error = ?, lease_until = ?
       WHERE id = ? AND holder = ? AND state = 'sending'`,
    ),
    release: db.prepare(
      `UPDATE digest_slots SET state = 'due', holder = NULL, lease_until = NULL, attempts = MAX(attempts - 1, 0)
       WHERE holder = ? AND state = 'sending'`,
    ),
    counts: db.prepare<[], { state: DigestSlotState; n: number }>(
      'SELECT state, COUNT(*) AS n FROM digest_slots GROUP BY state',
    ),
  };

  const schedule = db.transaction(
    (
      id: number,
      expected: number | null,
      at: number | null,
      state: string,
      error: string | null,
      next: number | null,
      now: number,
    ) => {
      if (sql.moveNext.run(next, id, expected).changes === 0) return false;
      if (at !== null) sql.insert.run(id, at, state, error, now, state === 'skipped' ? now : null);
      return true;
    },
  );
  const complete = db.transaction((id: number, holder: string, messageIds: readonly string[], at: number) => {
    const row = sql.sent.get(JSON.stringify(messageIds), at, id, holder);
    if (!row) return false;
    const done = toDigestSlot(row);
    for (const storyId of done.storyIds) sql.storySent.run(at, done.subscriptionId, storyId);
    sql.lastDigest.run(at, done.subscriptionId);
    return true;
  });
  const claim = db.transaction((args: Record<string, string | number>, limit: number) => {
    const lapsed = takeLapsed.all({ ...args, limit });
    const room = limit - lapsed.length;
    const oldest = room > 0 ? takeOldest.all({ ...args, limit: Math.ceil(room / 2) }) : [];
    const newest = room > 1 ? takeNewest.all({ ...args, limit: Math.floor(room / 2) }) : [];
    return [...lapsed, ...oldest, ...newest];
  });

  return promised<DigestRepo>({
    // Every platform's: scheduling needs no platform, and the claim keeps to this instance's ones.
    dueSubscriptions: (now, limit, newestFirst = false) =>
      [...sql.unscheduled.all(limit), ...(newestFirst ? sql.dueNewest : sql.due).all(now.getTime(), limit)]
        .slice(0, limit)
        .map(toSubscription),
    schedule: (id, expected, slot, next, now) =>
      schedule(
        id,
        expected?.getTime() ?? null,
        slot?.dueAt.getTime() ?? null,
        slot?.state ?? 'due',
        slot?.error ?? null,
        next?.getTime() ?? null,
        now.getTime(),
      ),
    request: (subscriptionId, at) =>
      toDigestSlot(sql.request.get(subscriptionId, at.getTime(), at.getTime())!),
    claim: (holder, now, leaseUntil, limit, platforms) =>
      claim(
        { holder, now: now.getTime(), lease: leaseUntil.getTime(), platforms: JSON.stringify(platforms) },
        limit,
      ).map(toDigestSlot),
    renew: (holder, ids, leaseUntil) =>
      ids.reduce((n, id) => n + sql.renew.run(leaseUntil.getTime(), id, holder).changes, 0),
    begin: (id, holder, storyIds) => sql.begin.run(JSON.stringify(storyIds), id, holder).changes > 0,
    complete: (id, holder, messageIds, at) => complete(id, holder, messageIds, at.getTime()),
    finish: (id, holder, state, error, at) =>
      sql.finish.run(state, error, at.getTime(), id, holder).changes > 0,
    retry: (id, holder, error, notBefore) =>
      sql.retry.run(error, notBefore.getTime(), id, holder).changes > 0,
    releaseAll: (holder) => sql.release.run(holder).changes,
    get: (id) => {
      const row = sql.slot.get(id);
      return row && toDigestSlot(row);
    },
    forSubscription: (subscriptionId) => sql.slots.all(subscriptionId).map(toDigestSlot),
    counts: () => {
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<DigestSlotState, number>;
      for (const r of sql.counts.all()) counts[r.state] = r.n;
      return counts;
    },
  });
}

/** The instances table of a SQLite store. */
export function createSqliteInstanceRepo(db: Database.Database): InstanceRepo {
  return promised<InstanceRepo>({
    heartbeat: (id, now) => {
      db.prepare(
        `INSERT INTO instances (id, started_at, heartbeat_at) VALUES (?, ?, ?)
         ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
      ).run(id, now.getTime(), now.getTime());
    },
    live: (now, withinMs) =>
      db
        .prepare<[number], { n: number }>('SELECT COUNT(*) AS n FROM instances WHERE heartbeat_at >= ?')
        .get(now.getTime() - withinMs)!.n,
    leave: (id) => {
      db.prepare('DELETE FROM instances WHERE id = ?').run(id);
    },
  });
}
