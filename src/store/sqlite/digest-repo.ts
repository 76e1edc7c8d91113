import type Database from 'better-sqlite3';
import type { DigestRepo, DigestSlotState, InstanceRepo } from '../types.js';
import { promised } from './promised.js';
import { toDigestSlot, toSubscription, type DigestSlotRow, type SubscriptionRow } from './rows.js';

const STATES: readonly DigestSlotState[] = ['due', 'sending', 'sent', 'skipped', 'failed'];

// A slot anyone may take: due and not waiting for a retry, or sending with a lapsed lease; and for
// a platform the claiming instance runs.
const CLAIMABLE = `state IN ('due', 'sending') AND due_at <= @now AND (lease_until IS NULL OR lease_until <= @now)
  AND subscription_id IN (SELECT id FROM subscriptions WHERE platform IN (SELECT value FROM json_each(@platforms)))`;

/** The digest ledger of a SQLite store. SQLite has one writer, so a claim is one UPDATE. */
export function createSqliteDigestRepo(db: Database.Database): DigestRepo {
  const slot = db.prepare<[number], DigestSlotRow>('SELECT * FROM digest_slots WHERE id = ?');

  const claimWhere = (order: 'ASC' | 'DESC') =>
    db.prepare<Record<string, string | number>, DigestSlotRow>(
      `UPDATE digest_slots SET state = 'sending', holder = @holder, lease_until = @lease, attempts = attempts + 1
       WHERE id IN (SELECT id FROM digest_slots WHERE ${CLAIMABLE} ORDER BY due_at ${order}, id ${order} LIMIT @limit)
       RETURNING *`,
    );
  const claimOldest = claimWhere('ASC');
  const claimNewest = claimWhere('DESC');

  const schedule = db.transaction(
    (
      id: number,
      expected: number | null,
      slotAt: number | null,
      state: string,
      error: string | null,
      next: number | null,
      now: number,
    ) => {
      const moved = db
        .prepare('UPDATE subscriptions SET next_due_at = ? WHERE id = ? AND next_due_at IS ?')
        .run(next, id, expected).changes;
      if (moved === 0) return false;
      if (slotAt !== null) {
        db.prepare(
          `INSERT INTO digest_slots (subscription_id, due_at, state, error, created_at, finished_at)
           VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (subscription_id, due_at, manual) DO NOTHING`,
        ).run(id, slotAt, state, error, now, state === 'skipped' ? now : null);
      }
      return true;
    },
  );

  const complete = db.transaction((id: number, holder: string, messageIds: readonly string[], at: number) => {
    const row = db
      .prepare<[string, number, number, string], DigestSlotRow>(
        `UPDATE digest_slots SET state = 'sent', message_ids = ?, finished_at = ?, lease_until = NULL, error = NULL
         WHERE id = ? AND holder = ? AND state = 'sending' RETURNING *`,
      )
      .get(JSON.stringify(messageIds), at, id, holder);
    if (!row) return false;
    const done = toDigestSlot(row);
    const mark = db.prepare('UPDATE deliveries SET sent_at = ? WHERE subscription_id = ? AND story_id = ?');
    for (const storyId of done.storyIds) mark.run(at, done.subscriptionId, storyId);
    db.prepare('UPDATE subscriptions SET last_digest_at = ? WHERE id = ?').run(at, done.subscriptionId);
    return true;
  });

  return promised<DigestRepo>({
    dueSubscriptions: (now, limit, platforms) =>
      db
        .prepare<[number, string, number], SubscriptionRow>(
          `SELECT * FROM subscriptions WHERE paused = 0 AND (next_due_at <= ? OR next_due_at IS NULL)
             AND platform IN (SELECT value FROM json_each(?))
           ORDER BY next_due_at LIMIT ?`,
        )
        .all(now.getTime(), JSON.stringify(platforms), limit)
        .map(toSubscription),
    schedule: (id, expected, s, next, now) =>
      schedule(
        id,
        expected?.getTime() ?? null,
        s?.dueAt.getTime() ?? null,
        s?.state ?? 'due',
        s?.error ?? null,
        next?.getTime() ?? null,
        now.getTime(),
      ),
    request: (subscriptionId, at) =>
      toDigestSlot(
        db
          .prepare<[number, number, number], DigestSlotRow>(
            `INSERT INTO digest_slots (subscription_id, due_at, manual, state, created_at) VALUES (?, ?, 1, 'due', ?)
             ON CONFLICT (subscription_id, due_at, manual) DO UPDATE SET manual = excluded.manual RETURNING *`,
          )
          .get(subscriptionId, at.getTime(), at.getTime())!,
      ),
    claim: (holder, now, leaseUntil, limit, platforms) => {
      const args = {
        holder,
        now: now.getTime(),
        lease: leaseUntil.getTime(),
        platforms: JSON.stringify(platforms),
      };
      const oldest = claimOldest.all({ ...args, limit: Math.ceil(limit / 2) });
      const newest = claimNewest.all({ ...args, limit: Math.floor(limit / 2) });
      return [...oldest, ...newest].map(toDigestSlot);
    },
    renew: (holder, ids, leaseUntil) => {
      const renew = db.prepare(
        `UPDATE digest_slots SET lease_until = ? WHERE id = ? AND holder = ? AND state = 'sending'`,
      );
      return ids.reduce((n, id) => n + renew.run(leaseUntil.getTime(), id, holder).changes, 0);
    },
    begin: (id, holder, storyIds) =>
      db
        .prepare(`UPDATE digest_slots SET story_ids = ? WHERE id = ? AND holder = ? AND state = 'sending'`)
        .run(JSON.stringify(storyIds), id, holder).changes > 0,
    complete: (id, holder, messageIds, at) => complete(id, holder, messageIds, at.getTime()),
    finish: (id, holder, state, error, at) =>
      db
        .prepare(
          `UPDATE digest_slots SET state = ?, error = ?, finished_at = ?, lease_until = NULL
           WHERE id = ? AND holder = ? AND state = 'sending'`,
        )
        .run(state, error, at.getTime(), id, holder).changes > 0,
    retry: (id, holder, error, notBefore) =>
      db
        .prepare(
          `UPDATE digest_slots SET state = 'due', holder = NULL, error = ?, lease_until = ?
           WHERE id = ? AND holder = ? AND state = 'sending'`,
        )
        .run(error, notBefore.getTime(), id, holder).changes > 0,
    releaseAll: (holder) =>
      db
        .prepare(
          `UPDATE digest_slots SET state = 'due', holder = NULL, lease_until = NULL, attempts = MAX(attempts - 1, 0)
           WHERE holder = ? AND state = 'sending'`,
        )
        .run(holder).changes,
    get: (id) => {
      const row = slot.get(id);
      return row && toDigestSlot(row);
    },
    forSubscription: (subscriptionId) =>
      db
        .prepare<[number], DigestSlotRow>(
          'SELECT * FROM digest_slots WHERE subscription_id = ? ORDER BY due_at, id',
        )
        .all(subscriptionId)
        .map(toDigestSlot),
    counts: () => {
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<DigestSlotState, number>;
      for (const r of db
        .prepare<[], { state: DigestSlotState; n: number }>(
          'SELECT state, COUNT(*) AS n FROM digest_slots GROUP BY state',
        )
        .all())
        counts[r.state] = r.n;
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
