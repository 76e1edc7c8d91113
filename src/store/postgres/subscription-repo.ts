import type { SubscriptionRepo } from '../types.js';
import type { Db } from './db.js';
import { toSubscription, type SubscriptionRow } from './rows.js';

/** The subscriptions table of a PostgreSQL store; moving a chat also moves its topics and settings. */
export function createPgSubscriptionRepo(db: Db): SubscriptionRepo {
  const many = async (sql: string, params: unknown[] = []) =>
    (await db.query<SubscriptionRow>(sql, params)).rows.map(toSubscription);
  return {
    async add(sub) {
      const rows = await many(
        `INSERT INTO subscriptions
           (platform, chat_id, thread_id, target_kind, target, schedule, timezone, mention_role_id, publish,
            next_due_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (platform, chat_id, thread_id, target_kind, target)
         DO UPDATE SET schedule = excluded.schedule, timezone = excluded.timezone,
           mention_role_id = excluded.mention_role_id, publish = excluded.publish,
           paused = false, paused_reason = NULL, next_due_at = excluded.next_due_at
         RETURNING *`,
        [
          sub.platform,
          sub.chatId,
          sub.threadId ?? '',
          sub.target.kind,
          sub.target.kind === 'region' ? sub.target.slug : sub.target.name,
          sub.schedule,
          sub.timezone,
          sub.mentionRoleId ?? null,
          sub.publish === true,
          sub.nextDueAt ?? null,
        ],
      );
      return rows[0]!;
    },
    get: async (id) => (await many('SELECT * FROM subscriptions WHERE id = $1', [id]))[0],
    remove: async (id) =>
      ((await db.query('DELETE FROM subscriptions WHERE id = $1', [id])).rowCount ?? 0) > 0,
    forChat: (chat) =>
      many('SELECT * FROM subscriptions WHERE platform = $1 AND chat_id = $2 ORDER BY id', [
        chat.platform,
        chat.chatId,
      ]),
    all: () => many('SELECT * FROM subscriptions ORDER BY id'),
    setPaused: async (chat, paused, reason) =>
      (
        await db.query(
          // Resumed, its schedule is read afresh: the digests it missed while paused are not owed.
          `UPDATE subscriptions SET paused = $1, paused_reason = $2, next_due_at = NULL
           WHERE platform = $3 AND chat_id = $4 AND paused <> $1`,
          [paused, paused ? (reason ?? null) : null, chat.platform, chat.chatId],
        )
      ).rowCount ?? 0,
    pauseDestination: async (place, reason) =>
      (
        await db.query(
          `UPDATE subscriptions SET paused = true, paused_reason = $1
           WHERE platform = $2 AND chat_id = $3 AND thread_id = $4 AND NOT paused`,
          [reason, place.platform, place.chatId, place.threadId ?? ''],
        )
      ).rowCount ?? 0,
    moveChat: (from, to) =>
      db.transaction(async (q) => {
        const args = [to.platform, to.chatId, from.platform, from.chatId];
        // What the new chat already has wins; the old chat's copies of it are dropped below.
        const moved = await q.query(
          `UPDATE subscriptions s SET platform = $1, chat_id = $2 WHERE platform = $3 AND chat_id = $4
           AND NOT EXISTS (SELECT 1 FROM subscriptions t WHERE t.platform = $1 AND t.chat_id = $2
             AND t.thread_id = s.thread_id AND t.target_kind = s.target_kind AND t.target = s.target)`,
          args,
        );
        await q.query(
          `UPDATE topics s SET platform = $1, chat_id = $2 WHERE platform = $3 AND chat_id = $4
           AND NOT EXISTS (SELECT 1 FROM topics t WHERE t.platform = $1 AND t.chat_id = $2 AND t.name_key = s.name_key)`,
          args,
        );
        await q.query(
          `UPDATE chats SET platform = $1, chat_id = $2 WHERE platform = $3 AND chat_id = $4
           AND NOT EXISTS (SELECT 1 FROM chats t WHERE t.platform = $1 AND t.chat_id = $2)`,
          args,
        );
        for (const table of ['subscriptions', 'topics', 'chats']) {
          await q.query(`DELETE FROM ${table} WHERE platform = $1 AND chat_id = $2`, [
            from.platform,
            from.chatId,
          ]);
        }
        return moved.rowCount ?? 0;
      }),
    async markDigest(id, at) {
      await db.query('UPDATE subscriptions SET last_digest_at = $1 WHERE id = $2', [at, id]);
    },
    retime: async (id, timezone, nextDueAt, expected) =>
      ((
        await db.query(
          `UPDATE subscriptions SET timezone = $1, next_due_at = $2
             WHERE id = $3 AND next_due_at IS NOT DISTINCT FROM $4`,
          [timezone, nextDueAt, id, expected],
        )
      ).rowCount ?? 0) > 0,
  };
}
