import type { Analysis } from '../core/types.js';
import { unpackAnalysis } from './stored-analysis.js';
import type { ChatRef, DigestSlot, DigestSlotState, Feed, StoredArticle, Subscription } from './types.js';

/**
 * How a backend stores the values SQL has no common form for: PostgreSQL has booleans,
 * timestamps and JSON; SQLite keeps 0/1, epoch milliseconds and JSON text. The rows below are
 * written once, generic in those forms, and each backend supplies its codec.
 */
export interface RowCodec<Bool, Time, Json> {
  readonly bool: (v: Bool) => boolean;
  readonly time: (v: Time) => Date;
  /** Only ever a value this store wrote from an Analysis, so its shape is known. */
  readonly analysis: (v: Json) => Analysis;
}

const timeOrNull = <T>(v: T | null, time: (v: T) => Date): Date | null => (v === null ? null : time(v));

/** A row of the articles table. */
export interface ArticleRowOf<Time, Json> {
  id: number;
  story_id: number;
  feed_id: number | null;
  url: string;
  canonical_url: string;
  outlet: string;
  guid: string | null;
  source: string | null;
  published_at: Time | null;
  fetched_at: Time;
  analysis: Json;
}

export function articleFromRow<Time, Json>(
  r: ArticleRowOf<Time, Json>,
  c: RowCodec<never, Time, Json>,
): StoredArticle {
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    outlet: r.outlet,
    guid: r.guid,
    feedId: r.feed_id,
    source: r.source,
    publishedAt: timeOrNull(r.published_at, c.time),
    fetchedAt: c.time(r.fetched_at),
    analysis: unpackAnalysis(c.analysis(r.analysis)),
    storyId: r.story_id,
  };
}

/** A row of the feeds table. */
export interface FeedRowOf<Bool, Time> {
  id: number;
  url: string;
  title: string | null;
  region: string | null;
  enabled: Bool;
  disabled_reason: string | null;
  failures: number;
  last_error: string | null;
  etag: string | null;
  last_modified: string | null;
  interval_seconds: number;
  last_fetched_at: Time | null;
  next_fetch_at: Time;
}

export function feedFromRow<Bool, Time>(r: FeedRowOf<Bool, Time>, c: RowCodec<Bool, Time, never>): Feed {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    region: r.region,
    enabled: c.bool(r.enabled),
    disabledReason: r.disabled_reason,
    failures: r.failures,
    lastError: r.last_error,
    etag: r.etag,
    lastModified: r.last_modified,
    intervalSeconds: r.interval_seconds,
    lastFetchedAt: timeOrNull(r.last_fetched_at, c.time),
    nextFetchAt: c.time(r.next_fetch_at),
  };
}

/** A row of the subscriptions table. */
export interface SubscriptionRowOf<Bool, Time> {
  id: number;
  platform: ChatRef['platform'];
  chat_id: string;
  thread_id: string;
  target_kind: 'region' | 'topic';
  target: string;
  schedule: string;
  timezone: string;
  paused: Bool;
  paused_reason: string | null;
  last_digest_at: Time | null;
  mention_role_id: string | null;
  publish: Bool;
  next_due_at: Time | null;
}

export function subscriptionFromRow<Bool, Time>(
  r: SubscriptionRowOf<Bool, Time>,
  c: RowCodec<Bool, Time, never>,
): Subscription {
  return {
    id: r.id,
    platform: r.platform,
    chatId: r.chat_id,
    threadId: r.thread_id === '' ? null : r.thread_id,
    target:
      r.target_kind === 'region' ? { kind: 'region', slug: r.target } : { kind: 'topic', name: r.target },
    schedule: r.schedule,
    timezone: r.timezone,
    paused: c.bool(r.paused),
    pausedReason: r.paused_reason,
    lastDigestAt: timeOrNull(r.last_digest_at, c.time),
    mentionRoleId: r.mention_role_id,
    publish: c.bool(r.publish),
    nextDueAt: timeOrNull(r.next_due_at, c.time),
  };
}

/** A row of the digest_slots table; id lists are JSON text on SQLite and arrays on PostgreSQL. */
export interface DigestSlotRowOf<Bool, Time> {
  id: number;
  subscription_id: number;
  due_at: Time;
  manual: Bool;
  state: DigestSlotState;
  holder: string | null;
  lease_until: Time | null;
  attempts: number;
  story_ids: string | number[] | null;
  message_ids: string | string[] | null;
  error: string | null;
  finished_at: Time | null;
}

const list = <T>(v: string | T[] | null): T[] =>
  v === null ? [] : typeof v === 'string' ? (JSON.parse(v) as T[]) : v;

export function digestSlotFromRow<Bool, Time>(
  r: DigestSlotRowOf<Bool, Time>,
  c: RowCodec<Bool, Time, never>,
): DigestSlot {
  return {
    id: Number(r.id),
    subscriptionId: r.subscription_id,
    dueAt: c.time(r.due_at),
    manual: c.bool(r.manual),
    state: r.state,
    holder: r.holder,
    leaseUntil: timeOrNull(r.lease_until, c.time),
    attempts: r.attempts,
    storyIds: list<number>(r.story_ids).map(Number),
    messageIds: list<string>(r.message_ids),
    error: r.error,
    finishedAt: timeOrNull(r.finished_at, c.time),
  };
}
