import type Database from 'better-sqlite3';
import { canonicalUrl, outletOf } from '../../core/dedup/canonical-url.js';
import { bandKeys } from '../../core/dedup/minhash.js';
import { storyTerms } from '../../core/dedup/terms.js';
import { MAX_BAND_CANDIDATES, checkCandidates } from '../candidates.js';
import {
  StoreError,
  type ArticleRepo,
  type ClusterCandidate,
  type NewArticle,
  type SimilarQuery,
  type StoredArticle,
} from '../types.js';
import { storableArticle, storableText } from '../storable.js';
import { packAnalysis } from '../stored-analysis.js';
import { promised } from './promised.js';
import { toArticle, type ArticleRow } from './rows.js';
import { createStoryReader } from './story-reader.js';

interface CandidateRow {
  id: number;
  story_id: number;
  outlet: string;
  terms: string;
  countries: string;
}

/** The articles and stories tables of a SQLite store. */
export function createSqliteArticleRepo(db: Database.Database): ArticleRepo {
  const stories = createStoryReader(db);
  const byId = db.prepare<[number], ArticleRow>('SELECT * FROM articles WHERE id = ?');
  const byCanonical = db.prepare<[string], ArticleRow>('SELECT * FROM articles WHERE canonical_url = ?');
  const byGuid = db.prepare<[string], ArticleRow>(
    'SELECT * FROM articles WHERE guid = ? ORDER BY id LIMIT 1',
  );
  const byFeedGuid = db.prepare<[string, number], ArticleRow>(
    'SELECT * FROM articles WHERE guid = ? AND feed_id = ? ORDER BY id LIMIT 1',
  );
  const storyExists = db.prepare<[number], { id: number }>('SELECT id FROM stories WHERE id = ?');
  const newStory = db.prepare('INSERT INTO stories (published_at, first_seen_at) VALUES (?, ?)');
  const widenStory = db.prepare(
    'UPDATE stories SET published_at = MIN(published_at, ?), first_seen_at = MIN(first_seen_at, ?) WHERE id = ?',
  );
  const setLead = db.prepare('UPDATE stories SET lead_article_id = ? WHERE id = ?');
  const insertArticle = db.prepare(
    `INSERT INTO articles (story_id, feed_id, url, canonical_url, outlet, guid, source, published_at,
       fetched_at, seen_at, terms, countries, analysis)
     VALUES (@storyId, @feedId, @url, @canonical, @outlet, @guid, @source, @publishedAt, @fetchedAt, @seenAt,
       @terms, @countries, @analysis)`,
  );
  const insertBand = db.prepare(
    'INSERT OR IGNORE INTO article_bands (band_key, seen_at, article_id) VALUES (?, ?, ?)',
  );
  // A story's places keep its publication time, so that a region's latest is one index range.
  const insertPlace = db.prepare(
    `INSERT OR IGNORE INTO story_places (story_id, kind, code, published_at)
     VALUES (@story, @kind, @code, (SELECT published_at FROM stories WHERE id = @story))`,
  );
  const widenPlaces = db.prepare(
    'UPDATE story_places SET published_at = @seenAt WHERE story_id = @story AND published_at > @seenAt',
  );

  const save = db.transaction((article: NewArticle, storyId: number | null): StoredArticle => {
    const canonical = canonicalUrl(article.url);
    if (!canonical) throw new StoreError('invalid', `not an http(s) address: ${article.url}`);
    if (byCanonical.get(canonical))
      throw new StoreError('conflict', `an article with the URL ${canonical} exists`);
    const fetchedAt = article.fetchedAt.getTime();
    // A feed's date in the future is a lie or a time zone slip; the fetch time bounds it.
    const seenAt = Math.min(article.publishedAt?.getTime() ?? fetchedAt, fetchedAt);
    let story = storyId;
    if (story === null) {
      story = Number(newStory.run(seenAt, fetchedAt).lastInsertRowid);
    } else {
      if (!storyExists.get(story)) throw new StoreError('not-found', `no story with id ${story}`);
      widenStory.run(seenAt, fetchedAt, story);
      widenPlaces.run({ seenAt, story });
    }
    const terms = storyTerms(article.analysis.title, article.analysis.lede);
    const id = Number(
      insertArticle.run({
        storyId: story,
        feedId: article.feedId,
        url: article.url,
        canonical,
        outlet: outletOf(canonical),
        guid: article.guid,
        source: article.source,
        publishedAt: article.publishedAt?.getTime() ?? null,
        fetchedAt,
        seenAt,
        terms: JSON.stringify(terms),
        countries: JSON.stringify(article.analysis.countries),
        analysis: packAnalysis(article.analysis),
      }).lastInsertRowid,
    );
    for (const key of bandKeys(terms)) insertBand.run(key, seenAt, id);
    if (storyId === null) setLead.run(id, story);
    for (const code of article.analysis.countries) insertPlace.run({ story, kind: 'country', code });
    for (const code of article.analysis.regions) insertPlace.run({ story, kind: 'region', code });
    return toArticle(byId.get(id)!);
  });

  const bandMatches = db.prepare<[string, number, number, number], { id: number }>(
    `SELECT article_id AS id FROM article_bands
     WHERE band_key IN (SELECT value FROM json_each(?)) AND seen_at BETWEEN ? AND ?
     GROUP BY article_id ORDER BY COUNT(*) DESC, article_id LIMIT ?`,
  );
  const candidateRows = db.prepare<[string], CandidateRow>(
    'SELECT id, story_id, outlet, terms, countries FROM articles WHERE id IN (SELECT value FROM json_each(?))',
  );

  function similar(q: SimilarQuery): ClusterCandidate[] {
    const keys = bandKeys(q.terms);
    if (keys.length === 0) return [];
    const ids = bandMatches.all(JSON.stringify(keys), q.from.getTime(), q.to.getTime(), MAX_BAND_CANDIDATES);
    if (ids.length === 0) return [];
    const rows = candidateRows.all(JSON.stringify(ids.map((r) => r.id)));
    const candidates = rows.map((r) => ({
      id: r.id,
      storyId: r.story_id,
      outlet: r.outlet,
      terms: JSON.parse(r.terms) as string[],
      countries: JSON.parse(r.countries) as string[],
    }));
    return checkCandidates(q.terms, candidates, q.minShared, q.limit);
  }

  /**
   * Candidates read and the article saved in one write transaction. IMMEDIATE takes the write lock
   * first: a deferred transaction that read and then wrote would fail outright (SQLITE_BUSY, no
   * wait) if another process committed in between. Inside a batch, the batch holds the lock.
   */
  const fileNear = db.transaction(
    (article: NewArticle, query: SimilarQuery, choose: (c: ClusterCandidate[]) => number | null) => {
      const storyId = choose(similar(query));
      return { article: save(article, storyId), joined: storyId !== null };
    },
  );

  return promised<ArticleRepo>({
    find: (url, rawGuid, feedId) => {
      // GUIDs are stored storable, so they are looked up in the same form.
      const guid = rawGuid === null ? null : storableText(rawGuid);
      const canonical = canonicalUrl(storableText(url));
      const row =
        (canonical === undefined ? undefined : byCanonical.get(canonical)) ??
        (guid === null ? undefined : feedId == null ? byGuid.get(guid) : byFeedGuid.get(guid, feedId));
      return row && toArticle(row);
    },
    save: (article, storyId) => save.immediate(storableArticle(article), storyId),
    fileNear: (article, query, choose) => fileNear.immediate(storableArticle(article), query, choose),
    similar,
    stories: (q) => stories.list(q),
    storiesWhere: (q, keep) => stories.where(q, keep),
    story: (id) => stories.get(id),
    count: () => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles').get()!.n,
  });
}
