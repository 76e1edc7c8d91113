import type { SentenceSpans } from '../text/sentences.js';
import { isCaption, isQuestion, isQuotation, opensWithQuote } from '../text/sentence-kinds.js';
import { CodeUnits } from '../text/code-units.js';
import { MARK_COLON, MARK_PAREN, MARK_QUOTE, scanCodes, scanWords } from './tokens.js';
import { WordIds } from './word-ids.js';
import { countSteps } from '../work.js';

/** The sentences of an article, in order, with its headline. */
export interface SentencedArticle {
  readonly title: string | null;
  readonly sentences: readonly string[];
  /**
   * Optionally, a flat text holding every sentence and their spans in it (see `SentenceSpans`):
   * the scan then reads that one string rather than each sentence's slice, which is faster.
   */
  readonly source?: { readonly text: string; readonly spans: SentenceSpans };
}

/**
 * Every sentence's claim to a place in the summary, in flat arrays indexed by sentence number.
 * The arrays are scratch reused by the next call (and may be longer than `length`): read them
 * before scoring another article.
 */
export interface ArticleScores {
  /** How many sentences were scored. */
  readonly length: number;
  /** Each sentence's word count (`wordCount`), counted by the same scan: the lede reads it too. */
  readonly words: Int32Array;
  /** Position prior x length fit x (1 + centrality + headline overlap), discounted by kind. */
  readonly score: Float64Array;
  /** 1 for a caption: never chosen while another sentence is left. */
  readonly furniture: Uint8Array;
  /**
   * Sentence k's topic words, each once, as ids unique within the article (for redundancy checks):
   * `ids[bagStart[k] .. bagStart[k + 1])`.
   */
  readonly bagStart: Int32Array;
  readonly ids: Int32Array;
  /** One more than the largest id. */
  readonly vocabulary: number;
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

const WORD_IDS = new WordIds();
/** The body's code units, for the scan of its sentences' spans. */
const BODY_UNITS = new CodeUnits();

/**
 * Arrays reused from article to article, grown when one needs more: a typed array outside the
 * young heap costs more to allocate than a whole article takes to score.
 */
const scratch = {
  counts: new Int32Array(64),
  marks: new Uint8Array(64),
  bagStart: new Int32Array(65),
  score: new Float64Array(64),
  furniture: new Uint8Array(64),
  ids: new Int32Array(1024),
  df: new Int32Array(1024),
  headline: new Uint8Array(1024),
};

/** Room for `sentences` sentences in the per-sentence arrays. */
function fitSentences(sentences: number): void {
  if (scratch.bagStart.length > sentences) return;
  const size = 2 * sentences + 1;
  scratch.counts = new Int32Array(size);
  scratch.marks = new Uint8Array(size);
  scratch.bagStart = new Int32Array(size + 1);
  scratch.score = new Float64Array(size);
  scratch.furniture = new Uint8Array(size);
}

function grow(array: Int32Array, needed: number): Int32Array<ArrayBuffer> {
  const bigger = new Int32Array(Math.max(needed, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/**
 * Each sentence's word count, `MARK_*` bits and topic words as dense ids (each once per sentence,
 * in order of first use), and in how many sentences each id occurs. Each sentence is scanned once;
 * ids index flat arrays, so scoring needs no maps or sets. Returns the vocabulary size.
 */
function bagsOf(article: SentencedArticle): number {
  const sentences = article.sentences;
  const source = article.source;
  // read once: optimised code re-reads a module binding, and checks it, at every use
  const wordIds = WORD_IDS;
  wordIds.reset();
  const { counts, marks, bagStart } = scratch;
  let used = 0;
  // Each sentence is scanned where it is, in the body's code units (copied once: see CodeUnits).
  const codes = source ? BODY_UNITS.load(source.text) : null;
  for (let s = 0; s < sentences.length; s++) {
    bagStart[s] = used;
    const scan =
      source && codes
        ? scanCodes(codes, source.spans.starts[s] ?? 0, source.spans.ends[s] ?? 0)
        : scanWords(sentences[s] ?? '');
    counts[s] = scan.count;
    marks[s] = scan.marks;
    if (used + scan.content > scratch.ids.length) scratch.ids = grow(scratch.ids, used + scan.content);
    const vocabulary = wordIds.size;
    if (vocabulary + scan.content > scratch.df.length)
      scratch.df = grow(scratch.df, vocabulary + scan.content);
    used = wordIds.addSentence(scan.hashes, scan.content, s, scratch.ids, used, scratch.df);
  }
  bagStart[sentences.length] = used;
  return wordIds.size;
}

/** Marks the headline's topic words in `scratch.headline`; returns how many there are. */
function markHeadline(title: string | null, vocabulary: number): number {
  if (scratch.headline.length < vocabulary) scratch.headline = new Uint8Array(2 * vocabulary);
  const headline = scratch.headline;
  headline.fill(0, 0, vocabulary);
  if (!title) return 0;
  let size = 0;
  const scan = scanWords(title);
  for (let k = 0; k < scan.content; k++) {
    const id = WORD_IDS.find(scan.hashes[k] ?? 0);
    if (id >= 0 && headline[id] === 0) {
      headline[id] = 1;
      size++;
    }
  }
  return size;
}

/**
 * Scores every sentence in O(total words). Centrality is how many other sentences repeat each
 * of its topic words, normalised by the square root of its word count so that long sentences do
 * not win by size alone.
 */
export function scoreSentences(article: SentencedArticle): ArticleScores {
  const sentences = article.sentences;
  const length = sentences.length;
  fitSentences(length);
  const vocabulary = bagsOf(article);
  const headlineSize = markHeadline(article.title, vocabulary);
  const { counts, marks, bagStart, ids, df, headline, score, furniture } = scratch;
  for (let index = 0; index < length; index++) {
    const sentence = sentences[index] ?? '';
    const from = bagStart[index] ?? 0;
    const to = bagStart[index + 1] ?? 0;
    let repeats = 0;
    let shared = 0;
    for (let w = from; w < to; w++) {
      const id = ids[w] ?? 0;
      repeats += (df[id] ?? 1) - 1;
      if (headlineSize > 0 && headline[id] === 1) shared++;
    }
    const size = to - from;
    const centrality = size > 0 ? repeats / Math.sqrt(size) : 0;
    const n = counts[index] ?? 0;
    const lengthFit =
      n < SCORING.shortWords ? n / SCORING.shortWords : n > SCORING.longWords ? SCORING.longWords / n : 1;
    const position = SCORING.positionHalfLife / (SCORING.positionHalfLife + index);
    let value = position * lengthFit * (1 + centrality + SCORING.headline * shared);
    const mark = marks[index] ?? 0;
    if (isQuestion(sentence)) value *= SCORING.questionFactor;
    // The kinds search a sentence only when the scan saw the marks they need.
    if (mark & MARK_QUOTE ? isQuotation(sentence) : opensWithQuote(sentence))
      value *= SCORING.quotationFactor;
    score[index] = value;
    furniture[index] = mark & (MARK_PAREN | MARK_COLON) && isCaption(sentence) ? 1 : 0;
  }
  countSteps(length + (bagStart[length] ?? 0));
  return { length, words: counts, score, furniture, bagStart, ids, vocabulary };
}
