export { pollOnce, summarise, type PollOptions } from './poll-once.js';
export { pollFeed } from './poll-feed.js';
export { readItem, pageText, type ReadItem } from './read-item.js';
export { htmlToText, itemText, TEASER_CHARS } from './item-text.js';
export {
  afterFailure,
  afterSuccess,
  DEFAULT_SCHEDULE,
  isPermanent,
  successDelaySeconds,
  type CacheHints,
  type Random,
  type ScheduleOptions,
} from './schedule.js';
export { extractPage } from './extract-page.js';
export type { ExtractPage, FeedOutcome, FeedStatus, PollDeps, PollSummary } from './types.js';
