import { isCaption, isQuestion, isQuotation } from '../text/sentence-kinds.js';
import { contentWords, tokenize, type Tokens } from './tokens.js';

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
  /** Its topic words as ids unique within the article, each once: for redundancy checks. */
  readonly bag: readonly number[];
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

/**
 * The topic words of each sentence as dense ids (each word once per sentence), and in how many
 * sentences each id occurs. Word hashes go into an open-addressing table (they are hashes already,
 * so a mask picks the slot); ids index flat arrays, so scoring needs no maps or sets.
 */
function bagsOf(tokens: readonly Tokens[]): {
  bags: number[][];
  df: number[];
  idOf: (hash: number) => number;
} {
  let total = 0;
  for (const t of tokens) total += t.content.length;
  let size = 64;
  while (size < 2 * total) size *= 2;
  const mask = size - 1;
  // Slots hold hash + 1 so that 0 means empty.
  const keys = new Int32Array(size);
  const ids = new Int32Array(size);
  const slotOf = (hash: number): number => {
    let slot = hash & mask;
    while (keys[slot] !== 0 && keys[slot] !== hash + 1) slot = (slot + 1) & mask;
    return slot;
  };
  const df: number[] = [];
  const lastSeen: number[] = [];
  const bags = tokens.map((t, s) => {
    const bag: number[] = [];
    for (const hash of t.content) {
      const slot = slotOf(hash);
      let id = ids[slot] ?? 0;
      if (keys[slot] === 0) {
        keys[slot] = hash + 1;
        id = df.length;
        ids[slot] = id;
        df.push(0);
        lastSeen.push(-1);
      }
      if (lastSeen[id] === s) continue;
      lastSeen[id] = s;
      df[id] = (df[id] ?? 0) + 1;
      bag.push(id);
    }
    return bag;
  });
  const idOf = (hash: number): number => {
    const slot = slotOf(hash);
    return keys[slot] === 0 ? -1 : (ids[slot] ?? -1);
  };
  return { bags, df, idOf };
}

/**
 * Scores every sentence in O(total words). Centrality is how many other sentences repeat each
 * of its topic words, normalised by the square root of its word count so that long sentences do
 * not win by size alone.
 */
export function scoreSentences(article: SentencedArticle): ScoredSentence[] {
  const tokens = article.sentences.map(tokenize);
  const { bags, df, idOf } = bagsOf(tokens);
  const headline = new Set<number>();
  for (const hash of article.title ? contentWords(article.title) : []) {
    const id = idOf(hash);
    if (id >= 0) headline.add(id);
  }
  return article.sentences.map((sentence, index) => {
    const bag = bags[index] ?? [];
    let repeats = 0;
    let shared = 0;
    for (const id of bag) {
      repeats += (df[id] ?? 1) - 1;
      if (headline.size > 0 && headline.has(id)) shared++;
    }
    const centrality = bag.length > 0 ? repeats / Math.sqrt(bag.length) : 0;
    const n = tokens[index]?.count ?? 0;
    const lengthFit =
      n < SCORING.shortWords ? n / SCORING.shortWords : n > SCORING.longWords ? SCORING.longWords / n : 1;
    const position = SCORING.positionHalfLife / (SCORING.positionHalfLife + index);
    let score = position * lengthFit * (1 + centrality + SCORING.headline * shared);
    if (isQuestion(sentence)) score *= SCORING.questionFactor;
    if (isQuotation(sentence)) score *= SCORING.quotationFactor;
    return { index, score, bag, furniture: isCaption(sentence) };
  });
}
