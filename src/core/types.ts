/** An article as it comes in: scraped text, optionally with its headline and address. */
export interface ArticleInput {
  readonly text: string;
  readonly title?: string | undefined;
  readonly url?: string | undefined;
}

/** A span of a text: JavaScript string indices, end exclusive. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** Who said a quote, resolved to a full name where the article allows. */
export interface Speaker {
  /** Full name ("Jens Stoltenberg") or group ("U.S. national security officials"); null when unknown. */
  readonly name: string | null;
  /** The speaker's role as the article gives it ("NATO secretary general"). */
  readonly role: string | null;
  /** Where the quote is attributed: "he", "Stoltenberg", "the mayor". */
  readonly mention: Span | null;
}

/** A direct quotation and its speaker. */
export interface Quote extends Span {
  /** The quoted words, without the quotation marks. */
  readonly text: string;
  readonly speaker: Speaker;
  /** One of the article's one or two key quotes, chosen for a briefing. */
  readonly key: boolean;
}

/** The full analysis of one article: the JSON-lines contract of `newsdesk analyze --jsonl`. */
export interface Analysis {
  readonly title: string | null;
  readonly lede: string;
  readonly summary: readonly string[];
  readonly body: string;
  readonly sentences: readonly string[];
  readonly quotes: readonly Quote[];
  /** ISO 3166-1 alpha-2 codes (Kosovo: XK), most central first. */
  readonly countries: readonly string[];
  /** Region slugs from the region table. */
  readonly regions: readonly string[];
}

export interface AnalyzeOptions {
  /** How many key sentences the summary holds (default 3). */
  readonly sentences?: number;
}

/** What a channel wants to follow, as configured by its moderators. */
export interface Topic {
  readonly name: string;
  /** Words or phrases, any of which makes an article match (`elect*` is a prefix wildcard). */
  readonly include: readonly string[];
  /** Words or phrases, any of which rules an article out. */
  readonly exclude: readonly string[];
  /** Region slugs; when not empty, the article must be in one of them. */
  readonly regions: readonly string[];
}

/** A row of the region table. */
export interface Region {
  readonly slug: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** ISO 3166-1 alpha-2 codes of the member countries. */
  readonly countries: readonly string[];
  /** Place names that belong to the region without naming a member country. */
  readonly places: readonly string[];
}
