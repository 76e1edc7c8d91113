import type { Analysis } from '../../core/types.js';
import type { StoredArticle } from '../types.js';

/** A row of the articles table. */
export interface PgArticleRow {
  id: number;
  story_id: number;
  feed_id: number | null;
  url: string;
  canonical_url: string;
  outlet: string;
  guid: string | null;
  source: string | null;
  published_at: Date | null;
  fetched_at: Date;
  analysis: Analysis;
}

export function toArticle(r: PgArticleRow): StoredArticle {
  return {
    id: r.id,
    url: r.url,
    canonicalUrl: r.canonical_url,
    outlet: r.outlet,
    guid: r.guid,
    feedId: r.feed_id,
    source: r.source,
    publishedAt: r.published_at,
    fetchedAt: r.fetched_at,
    analysis: r.analysis,
    storyId: r.story_id,
  };
}
