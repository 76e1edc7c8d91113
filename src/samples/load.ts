import { analyzeArticle } from '../core/analyze.js';
import { fileArticle } from '../store/file-article.js';
import type { Store } from '../store/types.js';
import { SAMPLE_ARTICLES, SAMPLE_SOURCE, SAMPLE_URL_BASE } from './articles.js';

const HOUR_MS = 3_600_000;

/**
 * Analyses the sample articles and stores them, but only into an empty store: once real articles
 * arrive (or the samples are there), nothing is added. Returns how many were stored.
 */
export async function loadSamplesIfEmpty(store: Store, now: Date): Promise<number> {
  if ((await store.articles.count()) > 0) return 0;
  let stored = 0;
  for (const sample of SAMPLE_ARTICLES) {
    const url = `${SAMPLE_URL_BASE}${sample.slug}`;
    const at = new Date(now.getTime() - sample.hoursAgo * HOUR_MS);
    const analysis = analyzeArticle({ text: sample.text, title: sample.title, url });
    const result = await fileArticle(store, {
      url,
      guid: null,
      feedId: null,
      source: SAMPLE_SOURCE,
      publishedAt: at,
      fetchedAt: at,
      analysis,
    });
    if (result.kind === 'stored') stored++;
  }
  return stored;
}
