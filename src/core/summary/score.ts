import { isCaption, isQuestion, isQuotation } from '../text/sentence-kinds.js';
import { contentWords, words } from './tokens.js';

/** The sentences of an article, in order, with its headline. */
export interface SentencedArticle {
  readonly title: string | null;
  readonly sentences: readonly string[];
}

/** One sentence's claim to a place in the summary. */
export interface ScoredSentence {
  readonly index: number;
  /** Position prior x length fit x (1 + centrality + headline overlap), discounted by kind. */
  readonly score: number;
  /** Its topic words, for redundancy checks. */
  readonly bag: ReadonlySet<string>;
  /** A caption: never chosen while another sentence is left. */
  readonly furniture: boolean;
}

/**
 * The few weights of the scoring, each with its reason:
 * - `positionHalfLife`: news puts what happened first; sentence k weighs h / (h + k), so the
 *   fourth sentence counts half as much as the first.
 * - `shortWords`/`longWords`: fragments and run-on sentences make poor key points; outside this
 *   range the score falls in proportion.
 * - `headline`: each topic word shared with the headline counts like one other sentence that
 *   repeats a word (see centrality).
 * - `questionFactor`/`quotationFactor`: a question asks rather than tells; a bare quotation
 *   lacks its context.
 */
export const SCORING = {
  positionHalfLife: 3,
  shortWords: 8,
  longWords: 35,
  headline: 0.5,
  questionFactor: 0.3,
  quotationFactor: 0.6,
} as const;

/** In how many sentences each topic word occurs: one pass over the tokens. */
function sentenceFrequency(bags: readonly ReadonlySet<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const bag of bags) for (const w of bag) df.set(w, (df.get(w) ?? 0) + 1);
  return df;
}

/**
 * Scores every sentence in O(total words). Centrality is how many other sentences repeat each
 * of its topic words, normalised by the square root of its word count so that long sentences do
 * not win by size alone.
 */
export function scoreSentences(article: SentencedArticle): ScoredSentence[] {
  const bags = article.sentences.map((s) => new Set(contentWords(s)));
  const df = sentenceFrequency(bags);
  const headline = new Set(article.title ? contentWords(article.title) : []);
  return article.sentences.map((sentence, index) => {
    const bag = bags[index] ?? new Set<string>();
    let repeats = 0;
    let shared = 0;
    for (const w of bag) {
      repeats += (df.get(w) ?? 1) - 1;
      if (headline.has(w)) shared++;
    }
    const centrality = bag.size > 0 ? repeats / Math.sqrt(bag.size) : 0;
    const n = words(sentence).length;
    const lengthFit =
      n < SCORING.shortWords ? n / SCORING.shortWords : n > SCORING.longWords ? SCORING.longWords / n : 1;
    const position = SCORING.positionHalfLife / (SCORING.positionHalfLife + index);
    let score = position * lengthFit * (1 + centrality + SCORING.headline * shared);
    if (isQuestion(sentence)) score *= SCORING.questionFactor;
    if (isQuotation(sentence)) score *= SCORING.quotationFactor;
    return { index, score, bag, furniture: isCaption(sentence) };
  });
}
