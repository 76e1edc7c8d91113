import type { Topic } from '../../core/types.js';
import { DEFAULT_CHAT_SETTINGS, type ChatRepo, type DeliveryRepo, type TopicRepo } from '../types.js';
import type { Db } from './db.js';

interface TopicRow {
  name: string;
  include_terms: string[];
  exclude_terms: string[];
  regions: string[];
}

function toTopic(r: TopicRow): Topic {
  return { name: r.name, include: r.include_terms, exclude: r.exclude_terms, regions: r.regions };
}

/** The topics table of a PostgreSQL store. */
export function createPgTopicRepo(db: Db): TopicRepo {
  return {
    async upsert(chat, topic) {
      await db.query(
        `INSERT INTO topics (platform, chat_id, name_key, name, include_terms, exclude_terms, regions)
         VALUES ($1, $2, $3, $4, $5, $6, $7)
         ON CONFLICT (platform, chat_id, name_key) DO UPDATE SET name = excluded.name,
           include_terms = excluded.include_terms, exclude_terms = excluded.exclude_terms, regions = excluded.regions`,
        [
          chat.platform,
          chat.chatId,
          topic.name.toLowerCase(),
          topic.name,
          JSON.stringify(topic.include),
          JSON.stringify(topic.exclude),
          JSON.stringify(topic.regions),
        ],
      );
    },
    remove: async (chat, name) =>
      ((
        await db.query('DELETE FROM topics WHERE platform = $1 AND chat_id = $2 AND name_key = $3', [
          chat.platform,
          chat.chatId,
          name.toLowerCase(),
        ])
      ).rowCount ?? 0) > 0,
    list: async (chat) =>
      (
        await db.query<TopicRow>(
          'SELECT * FROM topics WHERE platform = $1 AND chat_id = $2 ORDER BY name_key COLLATE "C"',
          [chat.platform, chat.chatId],
        )
      ).rows.map(toTopic),
  };
}

/** The per-chat settings of a PostgreSQL store. */
export function createPgChatRepo(db: Db): ChatRepo {
  return {
    async settings(chat) {
      const row = (
        await db.query<{ timezone: string; digest_size: number }>(
          'SELECT timezone, digest_size FROM chats WHERE platform = $1 AND chat_id = $2',
          [chat.platform, chat.chatId],
        )
      ).rows[0];
      return row ? { timezone: row.timezone, digestSize: row.digest_size } : DEFAULT_CHAT_SETTINGS;
    },
    async updateSettings(chat, change) {
      // One statement, so two concurrent partial updates cannot undo each other.
      const row = (
        await db.query<{ timezone: string; digest_size: number }>(
          `INSERT INTO chats (platform, chat_id, timezone, digest_size)
           VALUES ($1, $2, COALESCE($3::text, $5::text), COALESCE($4::integer, $6::integer))
           ON CONFLICT (platform, chat_id) DO UPDATE SET
             timezone = COALESCE($3, chats.timezone), digest_size = COALESCE($4, chats.digest_size)
           RETURNING timezone, digest_size`,
          [
            chat.platform,
            chat.chatId,
            change.timezone ?? null,
            change.digestSize ?? null,
            DEFAULT_CHAT_SETTINGS.timezone,
            DEFAULT_CHAT_SETTINGS.digestSize,
          ],
        )
      ).rows[0]!;
      return { timezone: row.timezone, digestSize: row.digest_size };
    },
  };
}

/** The delivery queue of a PostgreSQL store: one row per (subscription, story), ever. */
export function createPgDeliveryRepo(db: Db): DeliveryRepo {
  return {
    async enqueue(subscriptionId, storyIds, now) {
      if (storyIds.length === 0) return 0;
      const result = await db.query(
        `INSERT INTO deliveries (subscription_id, story_id, queued_at)
         SELECT $1::integer, story_id, $3::timestamptz FROM unnest($2::integer[]) WITH ORDINALITY AS q (story_id, n) ORDER BY n
         ON CONFLICT DO NOTHING`,
        [subscriptionId, storyIds, now],
      );
      return result.rowCount ?? 0;
    },
    pending: async (subscriptionId) =>
      (
        await db.query<{ story_id: number }>(
          'SELECT story_id FROM deliveries WHERE subscription_id = $1 AND sent_at IS NULL ORDER BY queued_at, seq',
          [subscriptionId],
        )
      ).rows.map((r) => r.story_id),
    async markSent(subscriptionId, storyId, at) {
      await db.query(
        'UPDATE deliveries SET sent_at = $1 WHERE subscription_id = $2 AND story_id = $3 AND sent_at IS NULL',
        [at, subscriptionId, storyId],
      );
    },
  };
}
