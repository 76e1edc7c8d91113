import { extractQuotes } from './quotes/extract.js';
import { tagPlaces } from './places/tag.js';
import { chooseLede } from './summary/lede.js';
import { summarize } from './summary/summarize.js';
import { cleanArticle } from './text/clean.js';
import { splitSentences } from './text/sentences.js';
import type { Analysis, AnalyzeOptions, ArticleInput } from './types.js';

export const DEFAULT_SUMMARY_SENTENCES = 3;

/**
 * The whole analysis of one article: clean, split, lede, summary, quotes, places.
 * Pure: the same input always gives the same analysis. Quote offsets index `input.text`.
 */
export function analyzeArticle(input: ArticleInput, options: AnalyzeOptions = {}): Analysis {
  const cleaned = cleanArticle(input.text, input.title);
  const sentences = cleaned.paragraphs.flatMap((p) => splitSentences(p));
  const sentenced = { title: cleaned.title, sentences };
  const lede = chooseLede(sentenced);
  const summary = summarize(sentenced, options.sentences ?? DEFAULT_SUMMARY_SENTENCES);
  const quotes = extractQuotes(input.text, { title: cleaned.title, lede });
  const places = tagPlaces({ title: cleaned.title, lede, sentences });
  return {
    title: cleaned.title,
    lede,
    summary,
    body: cleaned.paragraphs.join('\n\n'),
    sentences,
    quotes,
    countries: places.countries,
    regions: places.regions,
  };
}
