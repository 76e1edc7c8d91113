import { scoreSentences, type ArticleScores, type SentencedArticle } from './score.js';
import { countSteps } from '../work.js';

export type { SentencedArticle } from './score.js';

/** Per-sentence and per-word arrays reused from call to call (grown when an article needs more). */
let pool = new Int32Array(64);
let redundancy = new Float64Array(64);
let taken = new Uint8Array(64);
let marks = new Int32Array(1024);

/**
 * The `count` key sentences, in article order. Greedy maximal marginal relevance: each pick is
 * the sentence whose score, times the share of it that is new, is highest; a sentence that says
 * again what a chosen one said scores nothing. Redundancy is a candidate's largest overlap with any
 * one chosen sentence (shared topic words over the smaller sentence's count), updated after each
 * pick against that pick only. Captions are taken only when nothing else is left.
 */
export function summarize(article: SentencedArticle, count: number): string[] {
  return summarizeScored(article, scoreSentences(article), count);
}

/** `summarize` from the article's scores, for a caller that also reads them (the lede's word counts). */
export function summarizeScored(article: SentencedArticle, scores: ArticleScores, count: number): string[] {
  const { length, score, furniture, bagStart, ids, vocabulary } = scores;
  if (pool.length < length) {
    pool = new Int32Array(2 * length);
    redundancy = new Float64Array(2 * length);
    seen = new Int32Array(2 * length);
    taken = new Uint8Array(2 * length);
  }
  if (marks.length < vocabulary) marks = new Int32Array(2 * vocabulary);
  redundancy.fill(0, 0, length);
  seen.fill(0, 0, length);
  taken.fill(0, 0, length);
  // The candidates in the order they are weighed: sentences first, captions after them.
  let size = 0;
  for (let s = 0; s < length; s++) if (furniture[s] === 0) pool[size++] = s;
  for (let s = 0; s < length; s++) if (furniture[s] === 1) pool[size++] = s;
  // Redundancy is brought up to date lazily (see `catchUp`), which needs a bit per pick in `marks`;
  // past that many picks, every candidate's redundancy is updated after each pick (`addRedundancy`).
  const lazy = count <= MAX_LAZY_PICKS;
  let chosen = 0;
  while (chosen < count && chosen < length) {
    countSteps(length);
    let best = -1;
    let bestValue = -Infinity;
    for (let k = 0; k < length; k++) {
      const s = pool[k] ?? 0;
      if (taken[s]) continue;
      // Captions sit at the end of the pool: reached only when every other sentence is taken.
      if (furniture[s] && best >= 0) break;
      const plain = score[s] ?? 0;
      if (lazy) {
        // Scores are never negative and redundancy is at most 1, so a candidate's value is at most
        // its score: one no higher than the best so far cannot win (ties go to the earlier one), and
        // its redundancy is not needed yet.
        if (plain <= bestValue) continue;
        if ((seen[s] ?? 0) < chosen) catchUp(s, chosen, bagStart, ids);
      }
      const value = plain * (1 - (redundancy[s] ?? 0));
      if (value > bestValue) {
        bestValue = value;
        best = s;
      }
    }
    if (best < 0) break;
    taken[best] = 1;
    if (!lazy) {
      chosen++;
      addRedundancy(best, length, bagStart, ids);
      continue;
    }
    PICKS[chosen++] = best;
    // After the last pick no candidate is weighed again.
    if (chosen < count) markPick(best, chosen - 1, bagStart, ids, 1);
  }
  // Clearing a bit that was never set is harmless: every pick's bits go.
  if (lazy) for (let j = 0; j < chosen; j++) markPick(PICKS[j] ?? 0, j, bagStart, ids, 0);
  return inArticleOrder(article, length);
}

/** How many picks the lazy redundancy can tell apart: one bit each in an `Int32Array`. */
const MAX_LAZY_PICKS = 31;
/** The sentences picked so far, in pick order. */
const PICKS = new Int32Array(MAX_LAZY_PICKS);
/** How many picks each candidate's redundancy accounts for. */
let seen = new Int32Array(64);

/** Sets (or clears) pick `j`'s bit in `marks` for each of its words. */
function markPick(pick: number, j: number, bagStart: Int32Array, ids: Int32Array, on: number): void {
  const bit = 1 << j;
  const from = bagStart[pick] ?? 0;
  const to = bagStart[pick + 1] ?? 0;
  for (let w = from; w < to; w++) {
    const id = ids[w] ?? 0;
    marks[id] = on ? (marks[id] ?? 0) | bit : (marks[id] ?? 0) & ~bit;
  }
}

/**
 * Raises candidate `s`'s redundancy to its overlap with each pick it has not yet been compared with
 * (picks `seen[s]` to `chosen - 1`): the same overlaps, and so the same maximum, as comparing every
 * candidate with each pick as it is made, but only for the candidates that can still win.
 */
function catchUp(s: number, chosen: number, bagStart: Int32Array, ids: Int32Array): void {
  const from = bagStart[s] ?? 0;
  const to = bagStart[s + 1] ?? 0;
  const first = seen[s] ?? 0;
  seen[s] = chosen;
  if (to === from) return;
  let red = redundancy[s] ?? 0;
  for (let j = first; j < chosen; j++) {
    const pick = PICKS[j] ?? 0;
    const pickSize = (bagStart[pick + 1] ?? 0) - (bagStart[pick] ?? 0);
    if (pickSize === 0) continue;
    const bit = 1 << j;
    let hit = 0;
    for (let w = from; w < to; w++) if ((marks[ids[w] ?? 0] ?? 0) & bit) hit++;
    red = Math.max(red, hit / Math.min(to - from, pickSize));
  }
  redundancy[s] = red;
}

/** The taken sentences in article order: a walk over the flags, no sort (which allocates). */
function inArticleOrder(article: SentencedArticle, length: number): string[] {
  const summary: string[] = [];
  for (let s = 0; s < length; s++) if (taken[s] === 1) summary.push(article.sentences[s] ?? '');
  return summary;
}

/** Raises each candidate's redundancy to its overlap with the sentence just picked. */
function addRedundancy(pick: number, length: number, bagStart: Int32Array, ids: Int32Array): void {
  const pickFrom = bagStart[pick] ?? 0;
  const pickTo = bagStart[pick + 1] ?? 0;
  if (pickTo === pickFrom) return;
  for (let w = pickFrom; w < pickTo; w++) marks[ids[w] ?? 0] = 1;
  for (let s = 0; s < length; s++) {
    const from = bagStart[s] ?? 0;
    const to = bagStart[s + 1] ?? 0;
    if (taken[s] || to === from) continue;
    let hit = 0;
    for (let w = from; w < to; w++) hit += marks[ids[w] ?? 0] ?? 0;
    const overlap = hit / Math.min(to - from, pickTo - pickFrom);
    redundancy[s] = Math.max(redundancy[s] ?? 0, overlap);
  }
  for (let w = pickFrom; w < pickTo; w++) marks[ids[w] ?? 0] = 0;
}
