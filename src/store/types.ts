import type { ClusterCandidate } from '../core/dedup/cluster.js';
import type { Analysis, Topic } from '../core/types.js';

export type { ClusterCandidate };

/**
 * The store port: everything newsdesk keeps. SQLite is the default implementation, PostgreSQL the
 * one for several instances. All methods are async so that either can implement them.
 * Draft shared by the Sources and Commands issues; extend it rather than going around it.
 */
export interface Store {
  readonly feeds: FeedRepo;
  readonly articles: ArticleRepo;
  readonly subscriptions: SubscriptionRepo;
  readonly topics: TopicRepo;
  readonly chats: ChatRepo;
  readonly deliveries: DeliveryRepo;
  /**
   * Runs `work` (store calls only, no network waits) with its writes grouped into as few commits
   * as the backend can, and resolves to its result. A store that cannot group them runs `work` as
   * is. Callers must not rely on a rollback when `work` fails: what it wrote may stay.
   */
  batch?<T>(work: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A chat on one platform; `threadId` is a Discord thread or a Telegram forum topic. */
export interface ChatRef {
  readonly platform: 'telegram' | 'discord' | 'console';
  readonly chatId: string;
}

export interface Feed {
  readonly id: number;
  readonly url: string;
  readonly title: string | null;
  /** The region this feed is known to cover, if any (a hint, not a filter). */
  readonly region: string | null;
  readonly enabled: boolean;
  readonly disabledReason: string | null;
  readonly failures: number;
  readonly lastError: string | null;
  readonly etag: string | null;
  readonly lastModified: string | null;
  readonly intervalSeconds: number;
  readonly lastFetchedAt: Date | null;
  readonly nextFetchAt: Date;
}

/** A feed to add; a new feed is due at once and polled every 10 minutes unless told otherwise. */
export type NewFeed = Pick<Feed, 'url'> & Partial<Pick<Feed, 'title' | 'region' | 'intervalSeconds'>>;
export type FeedUpdate = Partial<Omit<Feed, 'id' | 'url'>>;

/** The polling interval of a feed that does not say otherwise. */
export const DEFAULT_FEED_INTERVAL_SECONDS = 600;

export interface FeedRepo {
  /** Adds a feed; throws `StoreError` ('conflict') when one with this URL exists (check `byUrl` first). */
  add(feed: NewFeed, now: Date): Promise<Feed>;
  get(id: number): Promise<Feed | undefined>;
  byUrl(url: string): Promise<Feed | undefined>;
  /** Every feed, by id. */
  list(): Promise<Feed[]>;
  /** Throws `StoreError` ('not-found') for an unknown id (check `get` first). */
  update(id: number, change: FeedUpdate): Promise<Feed>;
  remove(id: number): Promise<boolean>;
  /** Enabled feeds whose next fetch is due at `now`, most overdue first. */
  due(now: Date, limit: number): Promise<Feed[]>;
  /**
   * Adds the default feeds the first time a store is used, and never again (a user who removes
   * them keeps them removed). Returns how many were added.
   */
  seed(feeds: readonly NewFeed[], now: Date): Promise<number>;
}

/** An analysed article, as stored. */
export interface StoredArticle {
  readonly id: number;
  /** The address as the feed gave it: what a reader follows. */
  readonly url: string;
  /** The address that identifies it (see `canonicalUrl` in src/core/dedup). */
  readonly canonicalUrl: string;
  /** The outlet's host, without "www." (see `outletOf`). */
  readonly outlet: string;
  readonly guid: string | null;
  readonly feedId: number | null;
  readonly source: string | null;
  readonly publishedAt: Date | null;
  readonly fetchedAt: Date;
  readonly analysis: Analysis;
  readonly storyId: number;
}

/** An article to save; the store derives its canonical URL, outlet and clustering terms. */
export type NewArticle = Omit<StoredArticle, 'id' | 'storyId' | 'canonicalUrl' | 'outlet'>;

/** An article filed by `ArticleRepo.fileNear`; `joined` when it became another source of a story. */
export interface Filed {
  readonly article: StoredArticle;
  readonly joined: boolean;
}

/** Near-duplicate articles from several outlets, told once. */
export interface Story {
  readonly id: number;
  /** The article chosen to tell the story: the first one stored. */
  readonly lead: StoredArticle;
  /** How many distinct outlets (hosts) carried it. */
  readonly sources: number;
  /** Those outlets, the lead's first. */
  readonly outlets: readonly string[];
  /** When the story broke: the earliest publication time of its articles (never later than fetched). */
  readonly publishedAt: Date;
  /** When the first of its articles was fetched. */
  readonly firstSeenAt: Date;
  /** Countries and regions of all its articles, the lead's first. */
  readonly countries: readonly string[];
  readonly regions: readonly string[];
}

export interface StoryQuery {
  /** Stories in any of these regions; all stories when absent or empty. */
  readonly regions?: readonly string[];
  /** Stories published at or after this time. */
  readonly since?: Date;
  readonly limit: number;
}

/** A stored article that shares clustering terms with a new one (see `pickStory` in src/core/dedup). */
export interface SimilarQuery {
  readonly terms: readonly string[];
  /** Only articles with at least this many of the terms. */
  readonly minShared: number;
  /** Only articles published (or fetched) within this time range. */
  readonly from: Date;
  readonly to: Date;
  readonly limit: number;
}

export interface ArticleRepo {
  /**
   * An article already stored under this URL (compared in canonical form) or this GUID. A GUID is
   * unique within its feed, so with a `feedId` only that feed's articles are searched for it.
   */
  find(url: string, guid: string | null, feedId?: number | null): Promise<StoredArticle | undefined>;
  /**
   * Stores the article and files it under `storyId`, or under a new story when null. Throws
   * `StoreError` ('conflict') when its canonical URL is stored already, ('invalid') when its URL is
   * not http(s), ('not-found') for an unknown story.
   */
  save(article: NewArticle, storyId: number | null): Promise<StoredArticle>;
  /** Candidates for near-duplicate clustering, most shared terms first. */
  similar(query: SimilarQuery): Promise<ClusterCandidate[]>;
  /**
   * Stores the article under the story `choose` picks from its near duplicates (`similar(query)`),
   * or under a new story when it picks none. The candidates are read and the article saved as one
   * step: no other filing, in this process or another, comes in between, so two reports of one
   * event filed at once never open two stories. Throws like `save`.
   */
  fileNear(
    article: NewArticle,
    query: SimilarQuery,
    choose: (candidates: ClusterCandidate[]) => number | null,
  ): Promise<Filed>;
  /** Stories, newest first. */
  stories(query: StoryQuery): Promise<Story[]>;
  story(id: number): Promise<Story | undefined>;
  count(): Promise<number>;
}

export type SubscriptionTarget =
  { readonly kind: 'region'; readonly slug: string } | { readonly kind: 'topic'; readonly name: string };

export interface Subscription extends ChatRef {
  readonly id: number;
  readonly threadId: string | null;
  readonly target: SubscriptionTarget;
  /** A cron expression (node-cron syntax). */
  readonly schedule: string;
  readonly timezone: string;
  readonly paused: boolean;
  readonly lastDigestAt: Date | null;
}

export type NewSubscription = Omit<Subscription, 'id' | 'paused' | 'lastDigestAt'>;

export interface SubscriptionRepo {
  /**
   * Subscribes a chat (thread) to a target. Subscribing again to the same target updates its schedule
   * and timezone and returns the same subscription, so a repeated command never doubles a digest.
   */
  add(sub: NewSubscription): Promise<Subscription>;
  get(id: number): Promise<Subscription | undefined>;
  remove(id: number): Promise<boolean>;
  forChat(chat: ChatRef): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  setPaused(chat: ChatRef, paused: boolean): Promise<number>;
  /**
   * A Telegram group became a supergroup: its subscriptions, topics and settings follow it. Returns
   * how many subscriptions moved.
   */
  moveChat(from: ChatRef, to: ChatRef): Promise<number>;
  markDigest(id: number, at: Date): Promise<void>;
}

/** A chat's topics; names are compared without regard to case. */
export interface TopicRepo {
  upsert(chat: ChatRef, topic: Topic): Promise<void>;
  remove(chat: ChatRef, name: string): Promise<boolean>;
  list(chat: ChatRef): Promise<Topic[]>;
}

export interface ChatSettings {
  readonly timezone: string;
  readonly digestSize: number;
}

export const DEFAULT_CHAT_SETTINGS: ChatSettings = { timezone: 'UTC', digestSize: 5 };

export interface ChatRepo {
  /** The chat's settings, `DEFAULT_CHAT_SETTINGS` until changed. */
  settings(chat: ChatRef): Promise<ChatSettings>;
  updateSettings(chat: ChatRef, change: Partial<ChatSettings>): Promise<ChatSettings>;
}

/**
 * What was sent where: a story is queued for a subscription once, ever, and stays pending (across
 * restarts) until marked sent. Delivery is at-least-once for the last message in flight: a crash
 * between sending and `markSent` sends that one story again, never loses it.
 */
export interface DeliveryRepo {
  /** Queue stories for a subscription; already queued or sent ones are skipped. Returns how many were queued. */
  enqueue(subscriptionId: number, storyIds: readonly number[], now: Date): Promise<number>;
  /** Story ids queued and not yet sent, in the order they were queued. */
  pending(subscriptionId: number): Promise<number[]>;
  markSent(subscriptionId: number, storyId: number, at: Date): Promise<void>;
}

/** Why a store call failed: a stable code, for callers that must tell a conflict from a bug. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: 'conflict' | 'not-found' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}
