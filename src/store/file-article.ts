import { canonicalUrl, outletOf } from '../core/dedup/canonical-url.js';
import {
  DEFAULT_CLUSTER_OPTIONS,
  minSharedTerms,
  pickStory,
  type ClusterOptions,
} from '../core/dedup/cluster.js';
import { storyTerms } from '../core/dedup/terms.js';
import { StoreError, type NewArticle, type Store, type StoredArticle } from './types.js';

/** What became of an incoming article. */
export type FileResult =
  /** Stored already, under the same canonical URL or feed GUID: nothing was written. */
  | { readonly kind: 'duplicate'; readonly article: StoredArticle }
  /** Stored; `joined` when it became another source of an existing story. */
  | { readonly kind: 'stored'; readonly article: StoredArticle; readonly joined: boolean }
  /** Not storable: its address is not http(s). */
  | { readonly kind: 'invalid'; readonly reason: string };

const HOUR_MS = 3_600_000;
const MAX_CANDIDATES = 50;

/**
 * Files an analysed article: skips it when it is stored already (canonical URL or GUID), otherwise
 * stores it under the story of its nearest duplicate from the last `windowHours`, or a new story.
 */
export async function fileArticle(
  store: Store,
  article: NewArticle,
  options: ClusterOptions = DEFAULT_CLUSTER_OPTIONS,
): Promise<FileResult> {
  const canonical = canonicalUrl(article.url);
  if (!canonical) return { kind: 'invalid', reason: `not an http(s) address: ${article.url}` };
  const existing = await store.articles.find(canonical, article.guid, article.feedId);
  if (existing) return { kind: 'duplicate', article: existing };

  const terms = storyTerms(article.analysis.title, article.analysis.lede);
  const at = Math.min((article.publishedAt ?? article.fetchedAt).getTime(), article.fetchedAt.getTime());
  const window = options.windowHours * HOUR_MS;
  const query = {
    terms,
    minShared: minSharedTerms(terms.length, options),
    from: new Date(at - window),
    to: new Date(at + window),
    limit: MAX_CANDIDATES,
  };
  const own = { termCount: terms.length, outlet: outletOf(canonical), countries: article.analysis.countries };
  try {
    const filed = await store.articles.fileNear(article, query, (candidates) =>
      pickStory(own, candidates, options),
    );
    return { kind: 'stored', ...filed };
  } catch (err) {
    // Another poll stored the same article between our find and save: it is a duplicate after all.
    if (err instanceof StoreError && err.code === 'conflict') {
      const winner = await store.articles.find(canonical, article.guid, article.feedId);
      if (winner) return { kind: 'duplicate', article: winner };
    }
    throw err;
  }
}
