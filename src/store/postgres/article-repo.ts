import { canonicalUrl, outletOf } from '../../core/dedup/canonical-url.js';
import { bandKeys } from '../../core/dedup/minhash.js';
import { storyTerms } from '../../core/dedup/terms.js';
import { MAX_BAND_CANDIDATES, checkCandidates } from '../candidates.js';
import { storableArticle, storableText } from '../storable.js';
import { packAnalysis } from '../stored-analysis.js';
import {
  StoreError,
  type ArticleRepo,
  type ClusterCandidate,
  type NewArticle,
  type SimilarQuery,
  type StoredArticle,
} from '../types.js';
import type { Db } from './db.js';
import { toArticle, type PgArticleRow } from './rows.js';
import { createPgStoryReader } from './story-reader.js';

type Query = Pick<Db, 'query'>;

/**
 * The advisory lock every filing takes for its transaction (any constant: it only has to be the
 * same in every newsdesk process). Filing is a few statements, so one lock for all costs little,
 * and it makes concurrent workers and processes cluster exactly as one would in sequence.
 */
export const FILING_LOCK = 0x6e657774;

/** Saves an article (already storable) on `q`, which runs inside a transaction. */
async function saveOn(q: Query, article: NewArticle, storyId: number | null): Promise<StoredArticle> {
  const canonical = canonicalUrl(article.url);
  if (!canonical) throw new StoreError('invalid', `not an http(s) address: ${article.url}`);
  const fetchedAt = article.fetchedAt;
  const seenAt = new Date(Math.min((article.publishedAt ?? fetchedAt).getTime(), fetchedAt.getTime()));
  // The story, created or widened to this article's times (its places keep its publication
  // time), and the article, in one statement.
  const story =
    storyId === null
      ? `s AS (INSERT INTO stories (published_at, first_seen_at) VALUES ($9, $8) RETURNING id, published_at)`
      : `s AS (
           UPDATE stories SET published_at = LEAST(published_at, $9), first_seen_at = LEAST(first_seen_at, $8)
           WHERE id = $13 RETURNING id, published_at),
         p AS (
           UPDATE story_places sp SET published_at = s.published_at FROM s
           WHERE sp.story_id = s.id AND sp.published_at > s.published_at)`;
  const terms = storyTerms(article.analysis.title, article.analysis.lede);
  const inserted = await q.query<PgArticleRow & { story_published_at: Date }>(
    `WITH ${story}
     INSERT INTO articles (story_id, feed_id, url, canonical_url, outlet, guid, source, published_at,
       fetched_at, seen_at, terms, countries, analysis)
     SELECT s.id, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12 FROM s
     ON CONFLICT (canonical_url) DO NOTHING
     RETURNING *, (SELECT published_at FROM s) AS story_published_at`,
    [
      article.feedId,
      article.url,
      canonical,
      outletOf(canonical),
      article.guid,
      article.source,
      article.publishedAt,
      fetchedAt,
      seenAt,
      terms,
      article.analysis.countries,
      packAnalysis(article.analysis),
      ...(storyId === null ? [] : [storyId]),
    ],
  );
  const row = inserted.rows[0];
  if (!row) {
    const known =
      storyId === null || (await q.query('SELECT 1 FROM stories WHERE id = $1', [storyId])).rowCount;
    if (!known) throw new StoreError('not-found', `no story with id ${storyId}`);
    throw new StoreError('conflict', `an article with the URL ${canonical} exists`);
  }
  // Bands, the lead of a new story and the story's places: one statement, one round trip.
  await q.query(
    `WITH bands AS (
       INSERT INTO article_bands (band_key, seen_at, article_id)
       SELECT DISTINCT unnest($1::bigint[]), $2::timestamptz, $3::integer ON CONFLICT DO NOTHING),
     lead AS (UPDATE stories SET lead_article_id = $3 WHERE id = $4 AND $5::boolean)
     INSERT INTO story_places (story_id, kind, code, published_at)
     SELECT $4::integer, 'country', unnest($6::text[]), $7::timestamptz
     UNION SELECT $4::integer, 'region', unnest($8::text[]), $7::timestamptz
     ON CONFLICT DO NOTHING`,
    [
      bandKeys(terms),
      seenAt,
      row.id,
      row.story_id,
      storyId === null,
      article.analysis.countries,
      row.story_published_at,
      article.analysis.regions,
    ],
  );
  return toArticle(row);
}

async function similarOn(q: Query, s: SimilarQuery): Promise<ClusterCandidate[]> {
  const keys = bandKeys(s.terms);
  if (keys.length === 0) return [];
  const rows = await q.query<{
    id: number;
    story_id: number;
    outlet: string;
    terms: string[];
    countries: string[];
  }>(
    `SELECT a.id, a.story_id, a.outlet, a.terms, a.countries FROM articles a JOIN (
       SELECT article_id, COUNT(*) AS bands FROM article_bands
       WHERE band_key = ANY($1::bigint[]) AND seen_at BETWEEN $2 AND $3
       GROUP BY article_id ORDER BY bands DESC, article_id LIMIT $4) c ON c.article_id = a.id`,
    [keys, s.from, s.to, MAX_BAND_CANDIDATES],
  );
  const candidates = rows.rows.map((r) => ({ ...r, storyId: r.story_id }));
  return checkCandidates(s.terms, candidates, s.minShared, s.limit);
}

/** The articles and stories tables of a PostgreSQL store. */
export function createPgArticleRepo(db: Db): ArticleRepo {
  const stories = createPgStoryReader(db);
  const first = async (sql: string, params: unknown[]) => {
    const row = (await db.query<PgArticleRow>(sql, params)).rows[0];
    return row && toArticle(row);
  };
  return {
    async find(url, rawGuid, feedId) {
      // GUIDs are stored storable, so they are looked up in the same form.
      const guid = rawGuid === null ? null : storableText(rawGuid);
      const canonical = canonicalUrl(storableText(url));
      const byUrl =
        canonical && (await first('SELECT * FROM articles WHERE canonical_url = $1', [canonical]));
      if (byUrl || guid === null) return byUrl || undefined;
      return feedId == null
        ? first('SELECT * FROM articles WHERE guid = $1 ORDER BY id LIMIT 1', [guid])
        : first('SELECT * FROM articles WHERE guid = $1 AND feed_id = $2 ORDER BY id LIMIT 1', [
            guid,
            feedId,
          ]);
    },

    save: (article, storyId) => db.transaction((q) => saveOn(q, storableArticle(article), storyId)),

    fileNear: (article, query, choose) =>
      db.transaction(async (q) => {
        // Held to the commit: another filing waits here, then sees this one's article. A batch
        // took it when it began (see the store's batch).
        if (!db.inBatch()) await q.query('SELECT pg_advisory_xact_lock($1)', [FILING_LOCK]);
        const storyId = choose(await similarOn(q, query));
        return { article: await saveOn(q, storableArticle(article), storyId), joined: storyId !== null };
      }),

    similar: (query) => similarOn(db, query),
    stories: (query) => stories.list(query),
    storiesWhere: (query, keep) => stories.where(query, keep),
    story: (id) => stories.get(id),
    count: async () =>
      (await db.query<{ n: number }>('SELECT COUNT(*)::integer AS n FROM articles')).rows[0]!.n,
  };
}
