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
import type { GrowthWatch } from './analyze.js';
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

/** The columns every filing statement takes, $1 to $12, then its own. */
const ARTICLE_COLUMNS = `feed_id, url, canonical_url, outlet, guid, source, published_at, fetched_at, seen_at,
  terms, countries, analysis`;
const ARTICLE_VALUES = '$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12';
/** A filing's bands ($13) and its story's places ($11 countries, $14 regions), from `a` and `s`. */
const BANDS_AND_PLACES = `
  b AS (
    INSERT INTO article_bands (band_key, seen_at, article_id)
    SELECT DISTINCT unnest($13::bigint[]), a.seen_at, a.id FROM a),
  places AS (
    INSERT INTO story_places (story_id, kind, code, published_at)
    SELECT s.id, 'country', unnest($11::text[]), s.published_at FROM s
    UNION SELECT s.id, 'region', unnest($14::text[]), s.published_at FROM s
    ON CONFLICT DO NOTHING)`;

/**
 * An article filed under a new story, in one statement: the article (unless its canonical URL is
 * stored already: then nothing at all is written and no row returned), its story led by it, its
 * bands and its story's places. The ids are drawn first so that the story can name its lead.
 */
const SAVE_IN_NEW_STORY = `WITH ids AS (
      SELECT nextval(pg_get_serial_sequence('articles', 'id'))::integer AS article,
             nextval(pg_get_serial_sequence('stories', 'id'))::integer AS story),
    a AS (
      INSERT INTO articles (id, story_id, ${ARTICLE_COLUMNS})
      SELECT ids.article, ids.story, ${ARTICLE_VALUES} FROM ids
      ON CONFLICT (canonical_url) DO NOTHING RETURNING id, story_id, seen_at),
    s AS (
      INSERT INTO stories (id, lead_article_id, published_at, first_seen_at)
      SELECT a.story_id, a.id, a.seen_at, $8 FROM a RETURNING id, published_at),
    ${BANDS_AND_PLACES}
    SELECT id, story_id FROM a`;

/**
 * An article filed under an existing story ($15), in one statement: the article (unless its URL is
 * stored already or the story is not: then nothing is written), the story widened to its times
 * (and the story's places with it), its bands, and places the story did not have yet.
 */
const SAVE_IN_STORY = `WITH a AS (
      INSERT INTO articles (story_id, ${ARTICLE_COLUMNS})
      SELECT id, ${ARTICLE_VALUES} FROM stories WHERE id = $15
      ON CONFLICT (canonical_url) DO NOTHING RETURNING id, story_id, seen_at),
    s AS (
      UPDATE stories SET published_at = LEAST(published_at, $9), first_seen_at = LEAST(first_seen_at, $8)
      FROM a WHERE stories.id = a.story_id RETURNING stories.id, stories.published_at),
    widened AS (
      UPDATE story_places sp SET published_at = s.published_at FROM s
      WHERE sp.story_id = s.id AND sp.published_at > s.published_at),
    ${BANDS_AND_PLACES}
    SELECT id, story_id FROM a`;

/** Saves an article (already storable) on `q`, which runs inside a transaction. */
async function saveOn(q: Query, article: NewArticle, storyId: number | null): Promise<StoredArticle> {
  const canonical = canonicalUrl(article.url);
  if (!canonical) throw new StoreError('invalid', `not an http(s) address: ${article.url}`);
  const fetchedAt = article.fetchedAt;
  const seenAt = new Date(Math.min((article.publishedAt ?? fetchedAt).getTime(), fetchedAt.getTime()));
  const terms = storyTerms(article.analysis.title, article.analysis.lede);
  const outlet = outletOf(canonical);
  const params = [
    article.feedId,
    article.url,
    canonical,
    outlet,
    article.guid,
    article.source,
    article.publishedAt,
    fetchedAt,
    seenAt,
    terms,
    article.analysis.countries,
    packAnalysis(article.analysis),
    bandKeys(terms),
    article.analysis.regions,
  ];
  const inserted =
    storyId === null
      ? await q.query<{ id: number; story_id: number }>(SAVE_IN_NEW_STORY, params)
      : await q.query<{ id: number; story_id: number }>(SAVE_IN_STORY, [...params, storyId]);
  const row = inserted.rows[0];
  if (!row) {
    const known =
      storyId === null || (await q.query('SELECT 1 FROM stories WHERE id = $1', [storyId])).rowCount;
    if (!known) throw new StoreError('not-found', `no story with id ${storyId}`);
    throw new StoreError('conflict', `an article with the URL ${canonical} exists`);
  }
  // What was written, as a read would give it back (a read unpacks the analysis to the same).
  return {
    id: row.id,
    url: article.url,
    canonicalUrl: canonical,
    outlet,
    guid: article.guid,
    feedId: article.feedId,
    source: article.source,
    publishedAt: article.publishedAt,
    fetchedAt,
    analysis: article.analysis,
    storyId: row.story_id,
  };
}

interface CandidateRow {
  id: number;
  story_id: number;
  outlet: string;
  terms: string[];
  countries: string[];
}

/**
 * The articles sharing a band with `keys` in the time range, the most bands in common first. It
 * holds only numbers and times, written into the statement (no parameters), so that a filing can
 * send it in the same round trip as its savepoint.
 */
function candidatesSql(keys: readonly number[], from: Date, to: Date): string {
  if (!keys.every(Number.isSafeInteger)) throw new Error('band keys must be integers');
  // The candidates' ids as an array, then their rows by id: probes of the primary key however few
  // statistics the planner has (a join, planned before the first ANALYZE, scanned all articles).
  return `SELECT a.id, a.story_id, a.outlet, a.terms, a.countries FROM articles a
    WHERE a.id = ANY(ARRAY(
      SELECT article_id FROM article_bands
      WHERE band_key = ANY('{${keys.join(',')}}'::bigint[])
        AND seen_at BETWEEN '${from.toISOString()}' AND '${to.toISOString()}'
      GROUP BY article_id ORDER BY COUNT(*) DESC, article_id LIMIT ${MAX_BAND_CANDIDATES}))`;
}

const checked = (s: SimilarQuery, rows: readonly CandidateRow[]): ClusterCandidate[] =>
  checkCandidates(
    s.terms,
    rows.map((r) => ({ ...r, storyId: r.story_id })),
    s.minShared,
    s.limit,
  );

/**
 * A stored article under this canonical URL or else (when `guid` is not null) this GUID, of this
 * feed when `feed` is not null: one look-up, the URL's match first.
 */
const FIND = `SELECT * FROM (
      SELECT 0 AS rank, * FROM articles WHERE canonical_url = $1
      UNION ALL (
        SELECT 1, * FROM articles WHERE guid = $2 AND ($3::integer IS NULL OR feed_id = $3)
        ORDER BY id LIMIT 1)) found
    ORDER BY rank LIMIT 1`;

/** The articles and stories tables of a PostgreSQL store. */
export function createPgArticleRepo(db: Db, growth: GrowthWatch): ArticleRepo {
  const stories = createPgStoryReader(db);
  /** `work` as a filing: counted, and outside a batch followed by a look at the statistics. */
  async function filing<T>(work: () => Promise<T>): Promise<T> {
    const done = await work();
    growth.filed();
    if (!db.inBatch()) await growth.settle();
    return done;
  }
  return {
    async find(url, rawGuid, feedId) {
      // GUIDs are stored storable, so they are looked up in the same form.
      const guid = rawGuid === null ? null : storableText(rawGuid);
      const canonical = canonicalUrl(storableText(url)) ?? null;
      if (canonical === null && guid === null) return undefined;
      const row = (await db.query<PgArticleRow>(FIND, [canonical, guid, feedId ?? null])).rows[0];
      return row && toArticle(row);
    },

    save: (article, storyId) =>
      filing(() => db.transaction((q) => saveOn(q, storableArticle(article), storyId))),

    fileNear(article, query, choose) {
      const keys = bandKeys(query.terms);
      // The candidates are read in the round trip that takes the savepoint (or begins the
      // transaction, the filing lock first: a batch took it when it began).
      const look = keys.length === 0 ? [] : [candidatesSql(keys, query.from, query.to)];
      const opening = db.inBatch() ? look : [`SELECT pg_advisory_xact_lock(${FILING_LOCK})`, ...look];
      return filing(() =>
        db.transaction(async (q, opened) => {
          const rows = keys.length === 0 ? [] : (opened.at(-1)!.rows as CandidateRow[]);
          const storyId = choose(checked(query, rows));
          return { article: await saveOn(q, storableArticle(article), storyId), joined: storyId !== null };
        }, opening),
      );
    },

    async similar(query) {
      const keys = bandKeys(query.terms);
      if (keys.length === 0) return [];
      const rows = await db.query<CandidateRow>(candidatesSql(keys, query.from, query.to));
      return checked(query, rows.rows);
    },
    stories: (query) => stories.list(query),
    storiesWhere: (query, keep) => stories.where(query, keep),
    story: (id) => stories.get(id),
    count: async () =>
      (await db.query<{ n: number }>('SELECT COUNT(*)::integer AS n FROM articles')).rows[0]!.n,
  };
}
