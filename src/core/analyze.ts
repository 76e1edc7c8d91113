import { extractQuotes } from './quotes/extract.js';
import { tagPlaces } from './places/tag.js';
import { chooseLede } from './summary/lede.js';
import { scoreSentences } from './summary/score.js';
import { summarizeScored } from './summary/summarize.js';
import { cleanArticle } from './text/clean.js';
import { appendSentences, SentenceSpans } from './text/sentences.js';
import type { Analysis, AnalyzeOptions, ArticleInput } from './types.js';

export const DEFAULT_SUMMARY_SENTENCES = 3;

/** Where each sentence lies in the body: scratch, rewritten by the next article. */
const SPANS = new SentenceSpans();

/** The text half of the analysis: the cleaned body, its sentences, the lede and the summary. */
export type TextAnalysis = Pick<Analysis, 'title' | 'lede' | 'summary' | 'body' | 'sentences'>;

/** Cleans the article, splits it into sentences, and picks its lede and key sentences. Pure. */
export function analyzeText(input: ArticleInput, options: AnalyzeOptions = {}): TextAnalysis {
  const cleaned = cleanArticle(input.text, input.title);
  // One array filled in place: `flatMap` makes an array per paragraph and then copies them.
  const sentences: string[] = [];
  // The body is one flat string: the scoring scan reads the sentences there, by their spans,
  // faster than it reads the sentences' own (sliced) strings.
  const body = cleaned.paragraphs.join('\n\n');
  let base = 0;
  for (const paragraph of cleaned.paragraphs) {
    appendSentences(paragraph, sentences, SPANS, base);
    base += paragraph.length + 2;
  }
  const sentenced = { title: cleaned.title, sentences, source: { text: body, spans: SPANS } };
  // One scan of the sentences serves the lede (word counts) and the summary (scores).
  const scores = scoreSentences(sentenced);
  return {
    title: cleaned.title,
    lede: chooseLede(sentenced, scores.words),
    summary: summarizeScored(sentenced, scores, options.sentences ?? DEFAULT_SUMMARY_SENTENCES),
    body,
    sentences,
  };
}

/**
 * The whole analysis of one article: clean, split, lede, summary, quotes, places.
 * Pure: the same input always gives the same analysis. Quote offsets index `input.text`.
 */
export function analyzeArticle(input: ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const text = analyzeText(input, options);
  const quotes = extractQuotes(input.text, { title: text.title, lede: text.lede });
  const places = tagPlaces({ title: text.title, lede: text.lede, sentences: text.sentences });
  // One literal in the fields' order, rather than a spread that copies `text` and then extends it.
  return {
    title: text.title,
    lede: text.lede,
    summary: text.summary,
    body: text.body,
    sentences: text.sentences,
    quotes,
    countries: places.countries,
    regions: places.regions,
  };
}
