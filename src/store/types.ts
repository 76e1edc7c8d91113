import type { ClusterCandidate } from '../core/dedup/cluster.js';
import type { Analysis, Topic } from '../core/types.js';
import type { PruneCutoffs, PruneReport } from './retention.js';

export type { ClusterCandidate, PruneCutoffs, PruneReport };

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
  readonly digests: DigestRepo;
  readonly instances: InstanceRepo;
  /**
   * A named lock held by one process at a time across every instance sharing the store (PostgreSQL:
   * a session advisory lock, released when the process or its connection dies). Absent where one
   * process owns the store anyway (SQLite).
   */
  leadership?(name: string): Leadership;
  /**
   * Runs `work` (store calls only, no network waits) with its writes grouped into as few commits
   * as the backend can, and resolves to its result. A store that cannot group them runs `work` as
   * is. Callers must not rely on a rollback when `work` fails: what it wrote may stay.
   */
  batch?<T>(work: () => Promise<T>): Promise<T>;
  /**
   * Deletes what is older than the cutoffs (see `pruneCutoffs`), a few hundred rows a statement,
   * and lets the backend reclaim the space and refresh its statistics.
   */
  prune(cutoffs: PruneCutoffs): Promise<PruneReport>;
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
   * Takes up to `limit` due feeds for this instance: their next fetch moves to `leaseUntil`, so no
   * other instance polls them meanwhile, and a feed whose poller died is due again after it. The
   * poll itself then sets the real next fetch time. Most overdue first.
   */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<Feed[]>;
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

/** A story's lead as topic matching reads it: its text and regions, not the rest of its analysis. */
export type LeadText = Pick<Analysis, 'title' | 'lede' | 'summary' | 'body' | 'regions'>;

export interface FilteredStoryQuery extends StoryQuery {
  /** How many of the newest stories (in the regions, since) are looked through at most. */
  readonly scan: number;
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
  /**
   * The newest stories (at most `limit`) whose lead `keep` accepts, among the `scan` newest: `keep`
   * reads each lead's text only, and only the stories kept are read whole (a topic's stories).
   */
  storiesWhere(query: FilteredStoryQuery, keep: (lead: LeadText) => boolean): Promise<Story[]>;
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
  /** Why it was paused, when newsdesk paused it (a lost channel, a removed bot); null otherwise. */
  readonly pausedReason: string | null;
  readonly lastDigestAt: Date | null;
  /** When its next digest is due; null until the scheduler first reads its schedule. */
  readonly nextDueAt: Date | null;
  /** A Discord role the digest mentions, and only it; null for none. */
  readonly mentionRoleId: string | null;
  /** Whether a digest in a Discord announcement channel is crossposted to its followers. */
  readonly publish: boolean;
}

export type NewSubscription = Omit<
  Subscription,
  'id' | 'paused' | 'pausedReason' | 'lastDigestAt' | 'mentionRoleId' | 'publish' | 'nextDueAt'
> &
  Partial<Pick<Subscription, 'mentionRoleId' | 'publish' | 'nextDueAt'>>;

export interface SubscriptionRepo {
  /**
   * Subscribes a chat (thread) to a target. Subscribing again to the same target updates its schedule,
   * timezone and delivery options, resumes it if it was paused, and returns the same subscription,
   * so a repeated command never doubles a digest.
   */
  add(sub: NewSubscription): Promise<Subscription>;
  get(id: number): Promise<Subscription | undefined>;
  remove(id: number): Promise<boolean>;
  forChat(chat: ChatRef): Promise<Subscription[]>;
  all(): Promise<Subscription[]>;
  /**
   * Pauses (with the reason, when given) or resumes every subscription of a chat; returns how many
   * changed. Resuming clears the reason.
   */
  setPaused(chat: ChatRef, paused: boolean, reason?: string): Promise<number>;
  /**
   * Pauses the subscriptions that deliver to one place (a chat, or a thread or channel in it) with
   * the reason; returns how many were running.
   */
  pauseDestination(place: ChatRef & { readonly threadId: string | null }, reason: string): Promise<number>;
  /**
   * A Telegram group became a supergroup: its subscriptions, topics and settings follow it. Returns
   * how many subscriptions moved.
   */
  moveChat(from: ChatRef, to: ChatRef): Promise<number>;
  markDigest(id: number, at: Date): Promise<void>;
  /**
   * Moves a subscription to another time zone, with its next due time read there, but only if its
   * next due time is still `expected`: the scheduler may have moved it meanwhile. Returns whether
   * this call wrote.
   */
  retime(id: number, timezone: string, nextDueAt: Date | null, expected: Date | null): Promise<boolean>;
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

/** Where a digest slot is in its life. */
export type DigestSlotState = 'due' | 'sending' | 'sent' | 'skipped' | 'failed';

/**
 * One digest a subscription owes: its scheduled time, who is sending it and until when, and what
 * it carried. A slot is written before its digest is sent and marked right after the platform
 * accepts it, so a digest is neither lost across restarts nor sent twice by two instances.
 */
export interface DigestSlot {
  readonly id: number;
  readonly subscriptionId: number;
  /** The scheduled time (or when a moderator asked, for `/digest now`). */
  readonly dueAt: Date;
  /** Asked for with `/digest now` rather than scheduled. */
  readonly manual: boolean;
  readonly state: DigestSlotState;
  /** The instance holding it while 'sending'. */
  readonly holder: string | null;
  /** 'sending': until when the holder may keep it; 'due': not before (a retry waits). */
  readonly leaseUntil: Date | null;
  readonly attempts: number;
  readonly storyIds: readonly number[];
  readonly messageIds: readonly string[];
  /** Why it was skipped or failed, or what the last attempt hit. */
  readonly error: string | null;
  readonly finishedAt: Date | null;
}

/** What scheduling a subscription produced: a slot to send (or one skipped, with why). */
export interface ScheduledSlot {
  readonly dueAt: Date;
  readonly state: 'due' | 'skipped';
  readonly error?: string;
}

/** The digest ledger (see `DigestSlot`). */
export interface DigestRepo {
  /**
   * Subscriptions, not paused, whose next digest is due at `now` (or that were never scheduled),
   * oldest first (or newest first: a scheduler alternates, so that the next minute's subscriptions
   * are not scheduled only after a large batch of the minute before), whatever their platform: any
   * instance may schedule, each claims its own.
   */
  dueSubscriptions(now: Date, limit: number, newestFirst?: boolean): Promise<Subscription[]>;
  /**
   * Records a subscription's slot (if any) and moves its next due time to `next`, in one
   * transaction, but only if its next due time is still `expected`: another instance may have done
   * it first. Returns whether this call wrote.
   */
  schedule(
    subscriptionId: number,
    expected: Date | null,
    slot: ScheduledSlot | null,
    next: Date | null,
    now: Date,
  ): Promise<boolean>;
  /** A digest asked for now (`/digest now`): a due slot at `at`. */
  request(subscriptionId: number, at: Date): Promise<DigestSlot>;
  /**
   * Claims up to `limit` slots that are due (or whose holder's lease ran out) for `holder` until
   * `leaseUntil`: half the oldest and half the newest, so a new minute's digests never wait for a
   * large earlier batch to finish, and that batch still moves on.
   */
  claim(
    holder: string,
    now: Date,
    leaseUntil: Date,
    limit: number,
    platforms: readonly ChatRef['platform'][],
  ): Promise<DigestSlot[]>;
  /** Extends the lease of the slots `holder` still holds among `ids`; returns how many. */
  renew(holder: string, ids: readonly number[], leaseUntil: Date): Promise<number>;
  /** Before sending: the stories the digest carries. False when `holder` no longer holds the slot. */
  begin(id: number, holder: string, storyIds: readonly number[]): Promise<boolean>;
  /**
   * The platform accepted the digest: the slot is sent with its message ids, its stories are marked
   * sent to the subscription, and the subscription's last digest time moves to `at`, together.
   */
  complete(id: number, holder: string, messageIds: readonly string[], at: Date): Promise<boolean>;
  /** Ends a slot without a send: skipped (nothing new) or failed for good, with why. */
  finish(id: number, holder: string, state: 'skipped' | 'failed', error: string, at: Date): Promise<boolean>;
  /** Gives the slot back to be tried again from `notBefore`. */
  retry(id: number, holder: string, error: string, notBefore: Date): Promise<boolean>;
  /** Gives back every slot `holder` holds (a clean stop); returns how many. */
  releaseAll(holder: string): Promise<number>;
  get(id: number): Promise<DigestSlot | undefined>;
  forSubscription(subscriptionId: number): Promise<DigestSlot[]>;
  /** How many slots are in each state. */
  counts(): Promise<Record<DigestSlotState, number>>;
}

/** The instances sharing a store, by heartbeat: how a rate limit is shared out among them. */
export interface InstanceRepo {
  heartbeat(id: string, now: Date): Promise<void>;
  /** How many instances beat within `withinMs` of `now` (at least this one, once it has beaten). */
  live(now: Date, withinMs: number): Promise<number>;
  leave(id: string): Promise<void>;
}

/** A lock only one instance holds at a time (see `Store.leadership`). */
export interface Leadership {
  /** Takes the lock if it is free (or already ours); resolves to whether this instance holds it. */
  acquire(): Promise<boolean>;
  release(): Promise<void>;
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
