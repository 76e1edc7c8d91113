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

/** SQLite keeps booleans as 0/1, times as epoch milliseconds and the analysis as JSON text. */
const SQLITE: RowCodec<number, number, string> = {
  bool: (v) => v === 1,
  time: (v) => new Date(v),
  analysis: (v) => JSON.parse(v) as Analysis,
};

export type ArticleRow = ArticleRowOf<number, string>;
export type FeedRow = FeedRowOf<number, number>;
export type SubscriptionRow = SubscriptionRowOf<number, number>;

export const toArticle = (r: ArticleRow): StoredArticle => articleFromRow(r, SQLITE);
export const toFeed = (r: FeedRow): Feed => feedFromRow(r, SQLITE);
export const toSubscription = (r: SubscriptionRow): Subscription => subscriptionFromRow(r, SQLITE);
export type DigestSlotRow = DigestSlotRowOf<number, number>;
export const toDigestSlot = (r: DigestSlotRow): DigestSlot => digestSlotFromRow(r, SQLITE);
