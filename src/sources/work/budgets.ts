/** How much one feed and one item may cost a pass; every budget has a default. */
export interface IngestBudgets {
  /** Items read from one feed in one pass, newest first; the rest wait for the next pass. */
  readonly itemsPerFeed: number;
  /** Characters of an item's text analysed; a longer article is cut at a sentence, and says so. */
  readonly itemChars: number;
  /** Time one feed's pass may take (fetches of teaser pages included); items not read by then wait. */
  readonly feedPassMs: number;
  /** Teaser pages of one feed fetched at once (each host still gets its own politeness limit). */
  readonly teaserFetches: number;
}

export const DEFAULT_BUDGETS: IngestBudgets = {
  itemsPerFeed: 100,
  itemChars: 200_000,
  feedPassMs: 120_000,
  teaserFetches: 4,
};

/** The budgets the configuration sets (NEWSDESK_FEED_ITEMS and kin); the others keep their defaults. */
export function budgetsFromConfig(config: {
  readonly NEWSDESK_FEED_ITEMS?: number | undefined;
  readonly NEWSDESK_ITEM_CHARS?: number | undefined;
  readonly NEWSDESK_FEED_SECONDS?: number | undefined;
  readonly NEWSDESK_TEASER_FETCHES?: number | undefined;
}): IngestBudgets {
  return {
    itemsPerFeed: config.NEWSDESK_FEED_ITEMS ?? DEFAULT_BUDGETS.itemsPerFeed,
    itemChars: config.NEWSDESK_ITEM_CHARS ?? DEFAULT_BUDGETS.itemChars,
    feedPassMs: (config.NEWSDESK_FEED_SECONDS ?? DEFAULT_BUDGETS.feedPassMs / 1000) * 1000,
    teaserFetches: config.NEWSDESK_TEASER_FETCHES ?? DEFAULT_BUDGETS.teaserFetches,
  };
}
