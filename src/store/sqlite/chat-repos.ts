import type Database from 'better-sqlite3';
import type { Topic } from '../../core/types.js';
import {
  DEFAULT_CHAT_SETTINGS,
  type ChatRepo,
  type ChatSettings,
  type DeliveryRepo,
  type TopicRepo,
} from '../types.js';
import { promised } from './promised.js';

interface TopicRow {
  name: string;
  include_terms: string;
  exclude_terms: string;
  regions: string;
}

function toTopic(r: TopicRow): Topic {
  return {
    name: r.name,
    include: JSON.parse(r.include_terms) as string[],
    exclude: JSON.parse(r.exclude_terms) as string[],
    regions: JSON.parse(r.regions) as string[],
  };
}

/** The topics table of a SQLite store. */
export function createSqliteTopicRepo(db: Database.Database): TopicRepo {
  const upsert = db.prepare(
    `INSERT INTO topics (platform, chat_id, name_key, name, include_terms, exclude_terms, regions)
     VALUES (@platform, @chatId, @key, @name, @include, @exclude, @regions)
     ON CONFLICT (platform, chat_id, name_key) DO UPDATE SET name = excluded.name,
       include_terms = excluded.include_terms, exclude_terms = excluded.exclude_terms, regions = excluded.regions`,
  );
  return promised<TopicRepo>({
    upsert: (chat, topic) => {
      upsert.run({
        platform: chat.platform,
        chatId: chat.chatId,
        key: topic.name.toLowerCase(),
        name: topic.name,
        include: JSON.stringify(topic.include),
        exclude: JSON.stringify(topic.exclude),
        regions: JSON.stringify(topic.regions),
      });
    },
    remove: (chat, name) =>
      db
        .prepare('DELETE FROM topics WHERE platform = ? AND chat_id = ? AND name_key = ?')
        .run(chat.platform, chat.chatId, name.toLowerCase()).changes > 0,
    list: (chat) =>
      db
        .prepare<[string, string], TopicRow>(
          'SELECT * FROM topics WHERE platform = ? AND chat_id = ? ORDER BY name_key',
        )
        .all(chat.platform, chat.chatId)
        .map(toTopic),
  });
}

/** The per-chat settings of a SQLite store. */
export function createSqliteChatRepo(db: Database.Database): ChatRepo {
  const get = db.prepare<[string, string], { timezone: string; digest_size: number }>(
    'SELECT timezone, digest_size FROM chats WHERE platform = ? AND chat_id = ?',
  );
  const read = (platform: string, chatId: string): ChatSettings => {
    const row = get.get(platform, chatId);
    return row ? { timezone: row.timezone, digestSize: row.digest_size } : DEFAULT_CHAT_SETTINGS;
  };
  return promised<ChatRepo>({
    settings: (chat) => read(chat.platform, chat.chatId),
    updateSettings: (chat, change) => {
      const next = { ...read(chat.platform, chat.chatId), ...definedOnly(change) };
      db.prepare(
        `INSERT INTO chats (platform, chat_id, timezone, digest_size) VALUES (?, ?, ?, ?)
         ON CONFLICT (platform, chat_id) DO UPDATE SET timezone = excluded.timezone, digest_size = excluded.digest_size`,
      ).run(chat.platform, chat.chatId, next.timezone, next.digestSize);
      return next;
    },
  });
}

function definedOnly(change: Partial<ChatSettings>): Partial<ChatSettings> {
  return Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined));
}

/** The delivery queue of a SQLite store: one row per (subscription, story), ever. */
export function createSqliteDeliveryRepo(db: Database.Database): DeliveryRepo {
  const queue = db.prepare(
    'INSERT OR IGNORE INTO deliveries (subscription_id, story_id, queued_at) VALUES (?, ?, ?)',
  );
  const enqueue = db.transaction((subscriptionId: number, storyIds: readonly number[], now: Date) => {
    let queued = 0;
    for (const storyId of storyIds) queued += queue.run(subscriptionId, storyId, now.getTime()).changes;
    return queued;
  });
  return promised<DeliveryRepo>({
    enqueue: (subscriptionId, storyIds, now) => enqueue(subscriptionId, storyIds, now),
    pending: (subscriptionId) =>
      db
        .prepare<[number], { story_id: number }>(
          'SELECT story_id FROM deliveries WHERE subscription_id = ? AND sent_at IS NULL ORDER BY queued_at, rowid',
        )
        .all(subscriptionId)
        .map((r) => r.story_id),
    markSent: (subscriptionId, storyId, at) => {
      db.prepare(
        'UPDATE deliveries SET sent_at = ? WHERE subscription_id = ? AND story_id = ? AND sent_at IS NULL',
      ).run(at.getTime(), subscriptionId, storyId);
    },
  });
}
