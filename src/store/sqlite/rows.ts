import type { Analysis } from '../../core/types.js';
import type { StoredArticle } from '../types.js';

/** A row of the articles table. */
export interface ArticleRow {
  id: number;
  story_id: number;
  feed_id: number | null;
  url: string;
  canonical_url: string;
  outlet: string;
  guid: string | null;
  source: string | null;
  published_at: number | null;
  fetched_at: number;
  analysis: string;
}

export function toArticle(r: ArticleRow): StoredArticle {
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    outlet: r.outlet,
    guid: r.guid,
    feedId: r.feed_id,
    source: r.source,
    publishedAt: r.published_at === null ? null : new Date(r.published_at),
    fetchedAt: new Date(r.fetched_at),
    // Written by this store from an Analysis, so its shape is known.
    analysis: JSON.parse(r.analysis) as Analysis,
    storyId: r.story_id,
  };
}
