import { extractArticle } from '../extract/extract-article.js';
import type { ExtractPage } from './types.js';

/** The default extractor: `extractArticle`, its failure (no article, page too large) as null. */
export const extractPage: ExtractPage = (html, url) => {
  const result = extractArticle(html, url);
  return result.ok ? { title: result.value.title, text: result.value.text } : null;
};
