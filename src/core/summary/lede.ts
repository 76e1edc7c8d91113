import { isCaption, isDependent, isQuestion, isQuotation } from '../text/sentence-kinds.js';
import type { SentencedArticle } from './score.js';
import { wordCount } from './tokens.js';

/** A lede tells a whole event: shorter sentences are teasers or fragments. */
const LEDE_MIN_WORDS = 8;

function isLedeShaped(sentence: string, title: string | null, words: number): boolean {
  if (words < LEDE_MIN_WORDS) return false;
  if (isQuestion(sentence) || isQuotation(sentence) || isCaption(sentence)) return false;
  // A headline left in the body is not the lede even when it is long enough.
  return title === null || !isHeadlineCopy(sentence, title);
}

/** `sentence` and `title` are the same text but for case and surrounding space. */
function isHeadlineCopy(sentence: string, title: string): boolean {
  const s = sentence.trim();
  const t = title.trim();
  // Lower-casing keeps a string's length but for İ (U+0130, which becomes two code units), so
  // texts of different lengths without it differ: no lower-cased copies needed.
  if (s.length !== t.length && !s.includes('\u0130') && !t.includes('\u0130')) return false;
  return s.toLowerCase() === t.toLowerCase();
}

/** How many lede-shaped sentences to look through for one that names its own subject. */
const LEDE_WINDOW = 3;

/**
 * The one sentence that says what happened: the first sentence of the body that is a statement
 * of some length, not a question, quotation, caption or leftover headline. A teaser that leans on
 * what follows ("He's been accused of ...", "This is the moment ...") gives way to one of the next
 * few that stands on its own. Falls back to the first sentence when none qualifies (a very short text).
 * `wordCounts`, when given, holds each sentence's `wordCount` (as `scoreSentences` counts them).
 */
export function chooseLede(article: SentencedArticle, wordCounts?: Int32Array): string {
  const shaped: string[] = [];
  const sentences = article.sentences;
  for (let k = 0; k < sentences.length; k++) {
    const s = sentences[k] ?? '';
    // The scoring scan counted the words already when its counts are given: no second pass.
    const words = wordCounts ? (wordCounts[k] ?? 0) : wordCount(s);
    if (!isLedeShaped(s, article.title, words)) continue;
    if (!isDependent(s)) return s;
    shaped.push(s);
    if (shaped.length >= LEDE_WINDOW) break;
  }
  return shaped[0] ?? article.sentences[0] ?? '';
}
