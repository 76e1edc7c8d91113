import type { Analysis } from '../../core/types.js';
import {
  articleFromRow,
  digestSlotFromRow,
  feedFromRow,
  subscriptionFromRow,
  type ArticleRowOf,
  type DigestSlotRowOf,
  type FeedRowOf,
  type RowCodec,
  type SubscriptionRowOf,
} from '../rows.js';
import type { DigestSlot, Feed, StoredArticle, Subscription } from '../types.js';

/** `pg` already gives booleans, Dates and parsed JSON: nothing to convert. */
const POSTGRES: RowCodec<boolean, Date, Analysis> = {
  bool: (v) => v,
  time: (v) => v,
  analysis: (v) => v,
};

export type PgArticleRow = ArticleRowOf<Date, Analysis>;
export type FeedRow = FeedRowOf<boolean, Date>;
export type SubscriptionRow = SubscriptionRowOf<boolean, Date>;

export const toArticle = (r: PgArticleRow): StoredArticle => articleFromRow(r, POSTGRES);
export const toFeed = (r: FeedRow): Feed => feedFromRow(r, POSTGRES);
export const toSubscription = (r: SubscriptionRow): Subscription => subscriptionFromRow(r, POSTGRES);
export type DigestSlotRow = DigestSlotRowOf<boolean, Date>;
export const toDigestSlot = (r: DigestSlotRow): DigestSlot => digestSlotFromRow(r, POSTGRES);
