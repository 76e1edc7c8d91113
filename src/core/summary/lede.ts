import { isCaption, isQuestion, isQuotation } from '../text/sentence-kinds.js';
import type { SentencedArticle } from './score.js';
import { wordCount } from './tokens.js';

/** A lede tells a whole event: shorter sentences are teasers or fragments. */
const LEDE_MIN_WORDS = 8;

function isLedeShaped(sentence: string, title: string | null): boolean {
  if (wordCount(sentence) < LEDE_MIN_WORDS) return false;
  if (isQuestion(sentence) || isQuotation(sentence) || isCaption(sentence)) return false;
  // A headline left in the body is not the lede even when it is long enough.
  return title === null || sentence.trim().toLowerCase() !== title.trim().toLowerCase();
}

/**
 * The one sentence that says what happened: the first sentence of the body that is a statement
 * of some length, not a question, quotation, caption or leftover headline. Falls back to the first
 * sentence when none qualifies (a very short text).
 */
export function chooseLede(article: SentencedArticle): string {
  return article.sentences.find((s) => isLedeShaped(s, article.title)) ?? article.sentences[0] ?? '';
}
