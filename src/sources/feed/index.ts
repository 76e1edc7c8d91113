export { discoverFeedLinks } from './discover.js';
export { parseFeedText } from './parse-feed.js';
export type { FeedFormat, FeedItem, FeedParseErrorCode, FeedParseResult, ParsedFeed } from './types.js';
