import type Database from 'better-sqlite3';
import { canonicalUrl, outletOf } from '../../core/dedup/canonical-url.js';
import { storyTerms } from '../../core/dedup/terms.js';
import {
  StoreError,
  type ArticleRepo,
  type ClusterCandidate,
  type NewArticle,
  type StoredArticle,
} from '../types.js';
import { promised } from './promised.js';
import { toArticle, type ArticleRow } from './rows.js';
import { createStoryReader } from './story-reader.js';

interface CandidateRow {
  id: number;
  story_id: number;
  outlet: string;
  term_count: number;
  countries: string | null;
  shared: number;
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
       fetched_at, seen_at, term_count, analysis)
     VALUES (@storyId, @feedId, @url, @canonical, @outlet, @guid, @source, @publishedAt, @fetchedAt, @seenAt,
       @termCount, @analysis)`,
  );
  const insertTerm = db.prepare('INSERT OR IGNORE INTO article_terms (term, article_id) VALUES (?, ?)');
  const insertPlace = db.prepare(
    'INSERT OR IGNORE INTO story_places (story_id, kind, code) VALUES (?, ?, ?)',
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
        termCount: terms.length,
        analysis: JSON.stringify(article.analysis),
      }).lastInsertRowid,
    );
    for (const term of terms) insertTerm.run(term, id);
    if (storyId === null) setLead.run(id, story);
    for (const code of article.analysis.countries) insertPlace.run(story, 'country', code);
    for (const code of article.analysis.regions) insertPlace.run(story, 'region', code);
    return toArticle(byId.get(id)!);
  });

  const similar = db.prepare<[string, number, number, number, number], CandidateRow>(
    `SELECT a.id, a.story_id, a.outlet, a.term_count, json_extract(a.analysis, '$.countries') AS countries,
       COUNT(*) AS shared
     FROM article_terms t JOIN articles a ON a.id = t.article_id
     WHERE t.term IN (SELECT value FROM json_each(?)) AND a.seen_at BETWEEN ? AND ?
     GROUP BY a.id HAVING COUNT(*) >= ?
     ORDER BY shared DESC, a.id LIMIT ?`,
  );

  return promised<ArticleRepo>({
    find: (url, guid, feedId) => {
      const canonical = canonicalUrl(url);
      const row =
        (canonical === undefined ? undefined : byCanonical.get(canonical)) ??
        (guid === null ? undefined : feedId == null ? byGuid.get(guid) : byFeedGuid.get(guid, feedId));
      return row && toArticle(row);
    },
    save: (article, storyId) => save(article, storyId),
    similar: (q) =>
      similar
        .all(JSON.stringify(q.terms), q.from.getTime(), q.to.getTime(), Math.max(1, q.minShared), q.limit)
        .map((r): ClusterCandidate => ({
          articleId: r.id,
          storyId: r.story_id,
          outlet: r.outlet,
          shared: r.shared,
          termCount: r.term_count,
          countries: r.countries === null ? [] : (JSON.parse(r.countries) as string[]),
        })),
    stories: (q) => stories.list(q),
    story: (id) => stories.get(id),
    count: () => db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM articles').get()!.n,
  });
}
