/** A scraped article with its boilerplate removed. */
export interface CleanedArticle {
  /** The headline, when the text carries one (or the one given). */
  readonly title: string | null;
  /** The article's paragraphs, in order, boilerplate removed. */
  readonly paragraphs: readonly string[];
}

/** Splits scraped text into paragraphs. (First cut: boilerplate rules land with the Foundation issue.) */
export function cleanArticle(text: string, title?: string): CleanedArticle {
  const paragraphs = text
    .split(/\n\s*\n|\r\n\s*\r\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return { title: title?.trim() || null, paragraphs };
}
