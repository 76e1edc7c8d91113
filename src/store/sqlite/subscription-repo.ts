import type Database from 'better-sqlite3';
import type { ChatRef, SubscriptionRepo } from '../types.js';
import { promised } from './promised.js';
import { toSubscription, type SubscriptionRow } from './rows.js';

/** The subscriptions table of a SQLite store; moving a chat also moves its topics and settings. */
export function createSqliteSubscriptionRepo(db: Database.Database): SubscriptionRepo {
  const byId = db.prepare<[number], SubscriptionRow>('SELECT * FROM subscriptions WHERE id = ?');
  const upsert = db.prepare<Record<string, string | number | null>, { id: number }>(
    `INSERT INTO subscriptions
       (platform, chat_id, thread_id, target_kind, target, schedule, timezone, mention_role_id, publish,
        next_due_at)
     VALUES (@platform, @chatId, @threadId, @kind, @target, @schedule, @timezone, @mentionRoleId, @publish,
        @nextDueAt)
     ON CONFLICT (platform, chat_id, thread_id, target_kind, target)
     DO UPDATE SET schedule = excluded.schedule, timezone = excluded.timezone,
       mention_role_id = excluded.mention_role_id, publish = excluded.publish,
       paused = 0, paused_reason = NULL, next_due_at = excluded.next_due_at
     RETURNING id`,
  );

  const moveChat = db.transaction((from: ChatRef, to: ChatRef): number => {
    const args = [to.platform, to.chatId, from.platform, from.chatId];
    // UPDATE OR IGNORE leaves behind what the new chat already has; those leftovers are then dropped.
    const moved = db
      .prepare(
        'UPDATE OR IGNORE subscriptions SET platform = ?, chat_id = ? WHERE platform = ? AND chat_id = ?',
      )
      .run(...args).changes;
    db.prepare(
      'UPDATE OR IGNORE topics SET platform = ?, chat_id = ? WHERE platform = ? AND chat_id = ?',
    ).run(...args);
    db.prepare('UPDATE OR IGNORE chats SET platform = ?, chat_id = ? WHERE platform = ? AND chat_id = ?').run(
      ...args,
    );
    for (const table of ['subscriptions', 'topics', 'chats']) {
      db.prepare(`DELETE FROM ${table} WHERE platform = ? AND chat_id = ?`).run(from.platform, from.chatId);
    }
    return moved;
  });

  return promised<SubscriptionRepo>({
    add: (sub) => {
      const { id } = upsert.get({
        platform: sub.platform,
        chatId: sub.chatId,
        threadId: sub.threadId ?? '',
        kind: sub.target.kind,
        target: sub.target.kind === 'region' ? sub.target.slug : sub.target.name,
        schedule: sub.schedule,
        timezone: sub.timezone,
        mentionRoleId: sub.mentionRoleId ?? null,
        publish: sub.publish === true ? 1 : 0,
        nextDueAt: sub.nextDueAt?.getTime() ?? null,
      })!;
      return toSubscription(byId.get(id)!);
    },
    get: (id) => {
      const row = byId.get(id);
      return row && toSubscription(row);
    },
    remove: (id) => db.prepare('DELETE FROM subscriptions WHERE id = ?').run(id).changes > 0,
    forChat: (chat) =>
      db
        .prepare<[string, string], SubscriptionRow>(
          'SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? ORDER BY id',
        )
        .all(chat.platform, chat.chatId)
        .map(toSubscription),
    all: () =>
      db.prepare<[], SubscriptionRow>('SELECT * FROM subscriptions ORDER BY id').all().map(toSubscription),
    setPaused: (chat, paused, reason) =>
      db
        .prepare(
          // Resumed, its schedule is read afresh: the digests it missed while paused are not owed.
          `UPDATE subscriptions SET paused = ?, paused_reason = ?, next_due_at = NULL
           WHERE platform = ? AND chat_id = ? AND paused = ?`,
        )
        .run(paused ? 1 : 0, paused ? (reason ?? null) : null, chat.platform, chat.chatId, paused ? 0 : 1)
        .changes,
    pauseDestination: (place, reason) =>
      db
        .prepare(
          `UPDATE subscriptions SET paused = 1, paused_reason = ?
           WHERE platform = ? AND chat_id = ? AND thread_id = ? AND paused = 0`,
        )
        .run(reason, place.platform, place.chatId, place.threadId ?? '').changes,
    moveChat: (from, to) => moveChat(from, to),
    markDigest: (id, at) => {
      db.prepare('UPDATE subscriptions SET last_digest_at = ? WHERE id = ?').run(at.getTime(), id);
    },
    retime: (id, timezone, nextDueAt, expected) =>
      db
        .prepare('UPDATE subscriptions SET timezone = ?, next_due_at = ? WHERE id = ? AND next_due_at IS ?')
        .run(timezone, nextDueAt?.getTime() ?? null, id, expected?.getTime() ?? null).changes > 0,
  });
}
