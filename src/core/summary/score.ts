import { isCaption, isQuestion, isQuotation } from '../text/sentence-kinds.js';
import { scanWords } from './tokens.js';

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
 * Word hash -> dense id, in an open-addressing table reused across articles (hashes are hashes
 * already, so a mask picks the slot). A slot belongs to the current article only when its stamp
 * is the current generation, so nothing is cleared between articles.
 */
class WordIds {
  private mask = 1023;
  private keys = new Int32Array(1024);
  private ids = new Int32Array(1024);
  private stamps = new Int32Array(1024);
  /** The last sentence each word was seen in (+1), so that a word counts once per sentence. */
  private seen = new Int32Array(1024);
  private generation = 0;
  /** How many ids the current article has. */
  private count = 0;

  reset(): void {
    this.generation++;
    this.count = 0;
  }

  get size(): number {
    return this.count;
  }

  private slotOf(hash: number): number {
    const { keys, stamps, mask, generation } = this;
    let slot = hash & mask;
    while (stamps[slot] === generation && keys[slot] !== hash) slot = (slot + 1) & mask;
    return slot;
  }

  /** The id of `hash`, or -1 when the article has no such word. */
  find(hash: number): number {
    const slot = this.slotOf(hash);
    return this.stamps[slot] === this.generation ? (this.ids[slot] ?? -1) : -1;
  }

  /**
   * The id of `hash` (a new one, the next dense id, when it is not there yet), or -1 when the
   * word was already seen in `sentence`.
   */
  intern(hash: number, sentence: number): number {
    const slot = this.slotOf(hash);
    if (this.stamps[slot] === this.generation) {
      if (this.seen[slot] === sentence + 1) return -1;
      this.seen[slot] = sentence + 1;
      return this.ids[slot] ?? -1;
    }
    const id = this.count++;
    this.stamps[slot] = this.generation;
    this.keys[slot] = hash;
    this.ids[slot] = id;
    this.seen[slot] = sentence + 1;
    if (2 * this.count > this.mask) this.grow();
    return id;
  }

  private grow(): void {
    const { keys, ids, stamps, seen, generation } = this;
    const size = 2 * (this.mask + 1);
    this.mask = size - 1;
    this.keys = new Int32Array(size);
    this.ids = new Int32Array(size);
    this.stamps = new Int32Array(size);
    this.seen = new Int32Array(size);
    this.generation = 1;
    for (let old = 0; old < stamps.length; old++) {
      if (stamps[old] !== generation) continue;
      const hash = keys[old] ?? 0;
      const slot = this.slotOf(hash);
      this.stamps[slot] = 1;
      this.keys[slot] = hash;
      this.ids[slot] = ids[old] ?? 0;
      this.seen[slot] = seen[old] ?? 0;
    }
  }
}

const WORD_IDS = new WordIds();

/**
 * The topic words of each sentence as dense ids (each word once per sentence, in order of first
 * use), and in how many sentences each id occurs. Ids index flat arrays, so scoring needs no maps
 * or sets. Each sentence is scanned once; `counts` gets its word count.
 */
function bagsOf(sentences: readonly string[], counts: Int32Array): { bags: number[][]; df: number[] } {
  WORD_IDS.reset();
  const df: number[] = [];
  const bags: number[][] = [];
  for (let s = 0; s < sentences.length; s++) {
    const scan = scanWords(sentences[s] ?? '');
    counts[s] = scan.count;
    const bag: number[] = [];
    const hashes = scan.hashes;
    for (let k = 0; k < scan.content; k++) {
      const id = WORD_IDS.intern(hashes[k] ?? 0, s);
      if (id < 0) continue;
      if (id === df.length) df.push(1);
      else df[id] = (df[id] ?? 0) + 1;
      bag.push(id);
    }
    bags.push(bag);
  }
  return { bags, df };
}

/**
 * Scores every sentence in O(total words). Centrality is how many other sentences repeat each
 * of its topic words, normalised by the square root of its word count so that long sentences do
 * not win by size alone.
 */
export function scoreSentences(article: SentencedArticle): ScoredSentence[] {
  const counts = new Int32Array(article.sentences.length);
  const { bags, df } = bagsOf(article.sentences, counts);
  const headline = new Uint8Array(df.length);
  let headlineSize = 0;
  if (article.title) {
    const scan = scanWords(article.title);
    for (let k = 0; k < scan.content; k++) {
      const id = WORD_IDS.find(scan.hashes[k] ?? 0);
      if (id >= 0 && headline[id] === 0) {
        headline[id] = 1;
        headlineSize++;
      }
    }
  }
  const scored: ScoredSentence[] = [];
  for (let index = 0; index < article.sentences.length; index++) {
    const sentence = article.sentences[index] ?? '';
    const bag = bags[index] ?? [];
    let repeats = 0;
    let shared = 0;
    for (const id of bag) {
      repeats += (df[id] ?? 1) - 1;
      if (headlineSize > 0 && headline[id] === 1) shared++;
    }
    const centrality = bag.length > 0 ? repeats / Math.sqrt(bag.length) : 0;
    const n = counts[index] ?? 0;
    const lengthFit =
      n < SCORING.shortWords ? n / SCORING.shortWords : n > SCORING.longWords ? SCORING.longWords / n : 1;
    const position = SCORING.positionHalfLife / (SCORING.positionHalfLife + index);
    let score = position * lengthFit * (1 + centrality + SCORING.headline * shared);
    if (isQuestion(sentence)) score *= SCORING.questionFactor;
    if (isQuotation(sentence)) score *= SCORING.quotationFactor;
    scored.push({ index, score, bag, furniture: isCaption(sentence) });
  }
  return scored;
}
