/** The sentences of an article, grouped by paragraph, with its headline. */
export interface SentencedArticle {
  readonly title: string | null;
  readonly sentences: readonly string[];
}

/** The one sentence that says what happened. */
export function chooseLede(article: SentencedArticle): string {
  return article.sentences[0] ?? '';
}

/** The `count` key sentences, in article order. */
export function summarize(article: SentencedArticle, count: number): string[] {
  return article.sentences.slice(0, count);
}
