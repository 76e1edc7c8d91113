import type pg from 'pg';
import type { DigestRepo, DigestSlotState, InstanceRepo, Leadership } from '../types.js';
import type { Db } from './db.js';
import { toDigestSlot, toSubscription, type DigestSlotRow, type SubscriptionRow } from './rows.js';

const STATES: readonly DigestSlotState[] = ['due', 'sending', 'sent', 'skipped', 'failed'];

// Which platforms' slots a claim takes, checked row by row on the subscription's primary key, so
// that the claim itself reads the slots by time from their own index.
const ON_PLATFORMS = `EXISTS (SELECT 1 FROM subscriptions s WHERE s.id = digest_slots.subscription_id
  AND s.platform = ANY($5))`;
const DUE = `state = 'due' AND due_at <= $2 AND (lease_until IS NULL OR lease_until <= $2)`;
const take = (where: string, order: string): string =>
  `UPDATE digest_slots SET state = 'sending', holder = $1, lease_until = $3, attempts = attempts + 1
   WHERE id IN (SELECT id FROM digest_slots WHERE ${where} AND ${ON_PLATFORMS}
                ORDER BY ${order} LIMIT $4 FOR UPDATE SKIP LOCKED)
   RETURNING *`;
// Slots whose holder's lease ran out (a crashed instance's) first, then due ones.
const TAKE_LAPSED = take(`state = 'sending' AND lease_until <= $2`, 'lease_until');
const TAKE_OLDEST = take(DUE, 'due_at ASC, id ASC');
const TAKE_NEWEST = take(DUE, 'due_at DESC, id DESC');

/**
 * The digest ledger of a PostgreSQL store. Instances claim with FOR UPDATE SKIP LOCKED, so two
 * never take the same slot and none waits for another's claim.
 */
export function createPgDigestRepo(db: Db): DigestRepo {
  const one = async (sql: string, params: unknown[]) => {
    const row = (await db.query<DigestSlotRow>(sql, params)).rows[0];
    return row && toDigestSlot(row);
  };
  const changed = async (sql: string, params: unknown[]) => ((await db.query(sql, params)).rowCount ?? 0) > 0;

  return {
    // Every platform's: scheduling needs no platform, and the claim keeps to this instance's ones.
    async dueSubscriptions(now, limit, newestFirst = false) {
      const unscheduled = await db.query<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE NOT paused AND next_due_at IS NULL LIMIT $1',
        [limit],
      );
      const due = await db.query<SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE NOT paused AND next_due_at <= $1
         ORDER BY next_due_at ${newestFirst ? 'DESC' : 'ASC'} LIMIT $2`,
        [now, limit],
      );
      return [...unscheduled.rows, ...due.rows].slice(0, limit).map(toSubscription);
    },
    schedule: (id, expected, slot, next, now) =>
      db.transaction(async (q) => {
        const moved = await q.query(
          'UPDATE subscriptions SET next_due_at = $1 WHERE id = $2 AND next_due_at IS NOT DISTINCT FROM $3',
          [next, id, expected],
        );
        if (!moved.rowCount) return false;
        if (slot) {
          await q.query(
            `INSERT INTO digest_slots (subscription_id, due_at, state, error, created_at, finished_at)
             VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (subscription_id, due_at, manual) DO NOTHING`,
            [id, slot.dueAt, slot.state, slot.error ?? null, now, slot.state === 'skipped' ? now : null],
          );
        }
        return true;
      }),
    request: async (subscriptionId, at) =>
      (await one(
        `INSERT INTO digest_slots (subscription_id, due_at, manual, state, created_at) VALUES ($1, $2, true, 'due', $2)
         ON CONFLICT (subscription_id, due_at, manual) DO UPDATE SET manual = excluded.manual RETURNING *`,
        [subscriptionId, at],
      ))!,
    async claim(holder, now, leaseUntil, limit, platforms) {
      const args = (n: number) => [holder, now, leaseUntil, n, platforms];
      const lapsed = (await db.query<DigestSlotRow>(TAKE_LAPSED, args(limit))).rows;
      const room = limit - lapsed.length;
      const oldest =
        room > 0 ? (await db.query<DigestSlotRow>(TAKE_OLDEST, args(Math.ceil(room / 2)))).rows : [];
      const newest =
        room > 1 ? (await db.query<DigestSlotRow>(TAKE_NEWEST, args(Math.floor(room / 2)))).rows : [];
      return [...lapsed, ...oldest, ...newest].map(toDigestSlot);
    },
    renew: async (holder, ids, leaseUntil) =>
      (
        await db.query(
          `UPDATE digest_slots SET lease_until = $1 WHERE id = ANY($2) AND holder = $3 AND state = 'sending'`,
          [leaseUntil, ids, holder],
        )
      ).rowCount ?? 0,
    begin: (id, holder, storyIds) =>
      changed(`UPDATE digest_slots SET story_ids = $1 WHERE id = $2 AND holder = $3 AND state = 'sending'`, [
        storyIds,
        id,
        holder,
      ]),
    // One statement, one round trip: until it commits, a crash would send the digest again.
    complete: async (id, holder, messageIds, at) =>
      Number(
        (
          await db.query<{ n: string }>(
            `WITH done AS (
               UPDATE digest_slots SET state = 'sent', message_ids = $1, finished_at = $2, lease_until = NULL, error = NULL
               WHERE id = $3 AND holder = $4 AND state = 'sending' RETURNING subscription_id, story_ids),
             stories AS (
               UPDATE deliveries d SET sent_at = $2 FROM done
               WHERE d.subscription_id = done.subscription_id AND d.story_id = ANY(done.story_ids)),
             subscription AS (
               UPDATE subscriptions s SET last_digest_at = $2 FROM done WHERE s.id = done.subscription_id)
             SELECT COUNT(*) AS n FROM done`,
            [messageIds, at, id, holder],
          )
        ).rows[0]?.n ?? 0,
      ) > 0,
    finish: (id, holder, state, error, at) =>
      changed(
        `UPDATE digest_slots SET state = $1, error = $2, finished_at = $3, lease_until = NULL
         WHERE id = $4 AND holder = $5 AND state = 'sending'`,
        [state, error, at, id, holder],
      ),
    retry: (id, holder, error, notBefore) =>
      changed(
        `UPDATE digest_slots SET state = 'due', holder = NULL, error = $1, lease_until = $2
         WHERE id = $3 AND holder = $4 AND state = 'sending'`,
        [error, notBefore, id, holder],
      ),
    releaseAll: async (holder) =>
      (
        await db.query(
          `UPDATE digest_slots SET state = 'due', holder = NULL, lease_until = NULL, attempts = GREATEST(attempts - 1, 0)
           WHERE holder = $1 AND state = 'sending'`,
          [holder],
        )
      ).rowCount ?? 0,
    get: (id) => one('SELECT * FROM digest_slots WHERE id = $1', [id]),
    forSubscription: async (subscriptionId) =>
      (
        await db.query<DigestSlotRow>(
          'SELECT * FROM digest_slots WHERE subscription_id = $1 ORDER BY due_at, id',
          [subscriptionId],
        )
      ).rows.map(toDigestSlot),
    async counts() {
      const counts = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<DigestSlotState, number>;
      const rows = await db.query<{ state: DigestSlotState; n: string }>(
        'SELECT state, COUNT(*) AS n FROM digest_slots GROUP BY state',
      );
      for (const r of rows.rows) counts[r.state] = Number(r.n);
      return counts;
    },
  };
}

/** The instances table of a PostgreSQL store. */
export function createPgInstanceRepo(db: Db): InstanceRepo {
  return {
    async heartbeat(id, now) {
      await db.query(
        `INSERT INTO instances (id, started_at, heartbeat_at) VALUES ($1, $2, $2)
         ON CONFLICT (id) DO UPDATE SET heartbeat_at = excluded.heartbeat_at`,
        [id, now],
      );
    },
    live: async (now, withinMs) =>
      Number(
        (
          await db.query<{ n: string }>('SELECT COUNT(*) AS n FROM instances WHERE heartbeat_at >= $1', [
            new Date(now.getTime() - withinMs),
          ])
        ).rows[0]?.n ?? 0,
      ),
    async leave(id) {
      await db.query('DELETE FROM instances WHERE id = $1', [id]);
    },
  };
}

/** A stable 32-bit key for a lock name. */
function lockKey(name: string): number {
  let h = 0x6e657773;
  for (const ch of name) h = (Math.imul(h, 31) + (ch.codePointAt(0) ?? 0)) | 0;
  return h;
}

/**
 * A session advisory lock on a connection of its own, held until released or until the process
 * (and so its connection) dies: then another instance can take it.
 */
export function createPgLeadership(pool: pg.Pool, name: string, schema?: string): Leadership {
  const key = lockKey(`${schema ?? 'public'}:${name}`);
  let client: pg.PoolClient | null = null;
  return {
    async acquire() {
      if (client) return true;
      const candidate = await pool.connect();
      try {
        const got = await candidate.query<{ ok: boolean }>('SELECT pg_try_advisory_lock($1) AS ok', [key]);
        if (got.rows[0]?.ok) {
          client = candidate;
          // A dropped connection loses the lock: forget it, so the next acquire asks again.
          candidate.on('error', () => {
            if (client === candidate) client = null;
          });
          return true;
        }
      } catch {
        // Unreachable database: not the leader.
      }
      candidate.release();
      return false;
    },
    async release() {
      const held = client;
      client = null;
      if (!held) return;
      await held.query('SELECT pg_advisory_unlock($1)', [key]).catch(() => undefined);
      held.release();
    },
  };
}
