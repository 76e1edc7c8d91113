import type { FeedBodyParser, ParsedBody } from '../fetch/fetch-feed.js';
import { parseFeedBody } from '../fetch/fetch-feed.js';
import type { ExtractPage } from '../poll/types.js';
import { readItemText, readPageText, type ItemInput, type ItemReading, type PageInput } from './tasks.js';

/**
 * Where a poll does its CPU work: parsing feeds, reading items and pages, analysing. The pool runs
 * it on worker threads so that the event loop stays free for chat commands and sockets; the inline
 * version runs it here (tests, one-off commands). A task given an aborted signal is given up.
 */
export interface Work {
  readonly parseFeed: (
    bytes: Buffer,
    headerCharset: string | undefined,
    baseUrl: string,
  ) => Promise<ParsedBody>;
  readItem(item: ItemInput, maxChars: number, signal?: AbortSignal): Promise<ItemReading>;
  readPage(input: PageInput, signal?: AbortSignal): Promise<ItemReading>;
  close(): Promise<void>;
}

/** Work done on this thread, with the given page extractor. */
export function createInlineWork(extract: ExtractPage): Work {
  const parse: FeedBodyParser = parseFeedBody;
  return {
    parseFeed: (bytes, charset, baseUrl) => Promise.resolve(parse(bytes, charset, baseUrl)),
    readItem: (item, maxChars) => Promise.resolve(readItemText(item, maxChars)),
    readPage: (input) => Promise.resolve(readPageText(input, extract)),
    close: () => Promise.resolve(),
  };
}
