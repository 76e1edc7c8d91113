import type { Analysis, Topic } from '../core/types.js';

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

export type NewFeed = Pick<Feed, 'url'> & Partial<Pick<Feed, 'title' | 'region' | 'intervalSeconds'>>;
export type FeedUpdate = Partial<Omit<Feed, 'id' | 'url'>>;

export interface FeedRepo {
  add(feed: NewFeed, now: Date): Promise<Feed>;
  get(id: number): Promise<Feed | undefined>;
  byUrl(url: string): Promise<Feed | undefined>;
  list(): Promise<Feed[]>;
  update(id: number, change: FeedUpdate): Promise<Feed>;
  remove(id: number): Promise<boolean>;
  /** Enabled feeds whose next fetch is due at `now`. */
  due(now: Date, limit: number): Promise<Feed[]>;
}

/** An analysed article, as stored. */
export interface StoredArticle {
  readonly id: number;
  readonly url: string;
  readonly guid: string | null;
  readonly feedId: number | null;
  readonly source: string | null;
  readonly publishedAt: Date | null;
  readonly fetchedAt: Date;
  readonly analysis: Analysis;
  readonly storyId: number;
}

export type NewArticle = Omit<StoredArticle, 'id' | 'storyId'>;

/** Near-duplicate articles from several outlets, told once. */
export interface Story {
  readonly id: number;
  /** The article chosen to tell the story (the earliest, or the fullest). */
  readonly lead: StoredArticle;
  /** How many distinct outlets carried it. */
  readonly sources: number;
  readonly firstSeenAt: Date;
  readonly countries: readonly string[];
  readonly regions: readonly string[];
}

export interface StoryQuery {
  readonly regions?: readonly string[];
  readonly since?: Date;
  readonly limit: number;
}

export interface ArticleRepo {
  /** An article already stored under this canonical URL or feed GUID. */
  find(url: string, guid: string | null): Promise<StoredArticle | undefined>;
  /** Stores the article and files it under `storyId`, or under a new story when null. */
  save(article: NewArticle, storyId: number | null): Promise<StoredArticle>;
  /** Recent stories, newest first. */
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
  add(sub: NewSubscription): Promise<Subscription>;
  remove(id: number): Promise<boolean>;
  forChat(chat: ChatRef): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  setPaused(chat: ChatRef, paused: boolean): Promise<number>;
  /** A Telegram group became a supergroup: its subscriptions follow it. */
  moveChat(from: ChatRef, to: ChatRef): Promise<number>;
  markDigest(id: number, at: Date): Promise<void>;
}

export interface TopicRepo {
  upsert(chat: ChatRef, topic: Topic): Promise<void>;
  remove(chat: ChatRef, name: string): Promise<boolean>;
  list(chat: ChatRef): Promise<Topic[]>;
}

export interface ChatSettings {
  readonly timezone: string;
  readonly digestSize: number;
}

export interface ChatRepo {
  settings(chat: ChatRef): Promise<ChatSettings>;
  updateSettings(chat: ChatRef, change: Partial<ChatSettings>): Promise<ChatSettings>;
}

/** What was sent where: a story is never delivered twice to one subscription, and none is lost. */
export interface DeliveryRepo {
  /** Queue stories for a subscription; already queued or sent ones are skipped. Returns how many were queued. */
  enqueue(subscriptionId: number, storyIds: readonly number[], now: Date): Promise<number>;
  pending(subscriptionId: number): Promise<number[]>;
  markSent(subscriptionId: number, storyId: number, at: Date): Promise<void>;
}
