/** An expected outcome that may fail: the failure is a value, not an exception. */
export type Result<T, E> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** The article found in a web page. */
export interface ExtractedArticle {
  /** The headline, when the page names one. */
  readonly title: string | null;
  /** The article's text: paragraphs separated by a blank line, lines within one by a newline. */
  readonly text: string;
  readonly byline?: string;
  readonly siteName?: string;
}

/** Why no article came out of a page. */
export interface ExtractError {
  readonly code: 'too-large' | 'too-deep' | 'too-many-elements' | 'no-article';
  /** A sentence for a person: what was wrong with the page. */
  readonly message: string;
}
