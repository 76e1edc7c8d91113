/** A country a story is about, as a briefing shows it. */
export interface CountryMark {
  /** ISO 3166-1 alpha-2 code (Kosovo: XK). */
  readonly code: string;
  /** The emoji flag, or null where clients show no flag (Kosovo's XK is not a Unicode region). */
  readonly flag: string | null;
  /** The English short name ("Kosovo"), shown where there is no flag. */
  readonly name: string;
}

/** The key quote of a story with who said it. */
export interface BriefingQuote {
  readonly text: string;
  readonly speaker: string | null;
  readonly role: string | null;
}

/**
 * One story, told briefly: the platform-neutral model every renderer draws from.
 * All strings are plain text straight from feeds: renderers must escape them.
 */
export interface Briefing {
  readonly headline: string;
  /** Where a reader can follow the story; null when it has no public address (a local file). */
  readonly url: string | null;
  readonly lede: string;
  /** Two or three key points: the summary without the lede. */
  readonly points: readonly string[];
  readonly quote: BriefingQuote | null;
  /** How many outlets carried the story. */
  readonly outlets: number;
  /** Their names (hosts), the lead's first, where known. */
  readonly outletNames: readonly string[];
  /** When the story was published (or first seen), if known. */
  readonly publishedAt: Date | null;
  /** "5 min ago", "3 h ago", "2 days ago"; null when the date is unknown. */
  readonly age: string | null;
  readonly countries: readonly CountryMark[];
  readonly regions: readonly string[];
}
