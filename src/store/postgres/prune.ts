import {
  BAND_SLICE_MS,
  BANDS_PRUNED_KEY,
  PRUNE_BATCH,
  type PruneCutoffs,
  type PruneReport,
} from '../retention.js';
import { analyzeChanged } from './analyze.js';
import type { Db } from './db.js';

/** The tables a prune looks after: vacuumed and analysed afterwards (autovacuum may be off). */
const PRUNED_TABLES = ['stories', 'articles', 'article_bands', 'story_places', 'deliveries', 'digest_slots'];
/** What deleting stories deletes from (by cascade). */
const CASCADE_FROM_STORIES = ['stories', 'articles', 'article_bands', 'story_places', 'deliveries'];

/**
 * `Store.prune` for PostgreSQL: short deletes, each its own transaction, so no lock is held long.
 * Several instances may prune at once; they then share the work.
 */
export function createPgPrune(db: Db) {
  async function repeat(sql: string, params: unknown[]): Promise<number> {
    let total = 0;
    for (;;) {
      const n = (await db.query(sql, [...params, PRUNE_BATCH])).rowCount ?? 0;
      total += n;
      if (n < PRUNE_BATCH) return total;
    }
  }

  async function pruneBands(before: Date): Promise<number> {
    const recorded = await db.query<{ value: string }>('SELECT value FROM store_meta WHERE key = $1', [
      BANDS_PRUNED_KEY,
    ]);
    const oldest = await db.query<{ at: Date | null }>('SELECT MIN(seen_at) AS at FROM articles');
    let from = recorded.rows[0]
      ? Number(recorded.rows[0].value)
      : (oldest.rows[0]?.at?.getTime() ?? before.getTime());
    let total = 0;
    while (from < before.getTime()) {
      const to = Math.min(from + BAND_SLICE_MS, before.getTime());
      // The slice's bands and the mark of how far pruning got, in one statement.
      const deleted = await db.query(
        `WITH gone AS (
           DELETE FROM article_bands WHERE article_id IN (
             SELECT id FROM articles WHERE seen_at >= $1 AND seen_at < $2) RETURNING 1),
         mark AS (
           INSERT INTO store_meta (key, value) VALUES ($3, $4)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value)
         SELECT COUNT(*)::integer AS n FROM gone`,
        [new Date(from), new Date(to), BANDS_PRUNED_KEY, String(to)],
      );
      total += (deleted.rows[0] as { n: number }).n;
      from = to;
    }
    return total;
  }

  return async (cutoffs: PruneCutoffs): Promise<PruneReport> => {
    const stories = await repeat(
      `DELETE FROM stories WHERE id IN (
         SELECT s.id FROM stories s WHERE s.published_at < $1
           AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.seen_at >= $1)
         ORDER BY s.published_at LIMIT $2)`,
      [cutoffs.stories],
    );
    const bands = await pruneBands(cutoffs.bands);
    const pending = await repeat(
      `DELETE FROM deliveries WHERE (subscription_id, story_id) IN (
         SELECT subscription_id, story_id FROM deliveries WHERE sent_at IS NULL AND queued_at < $1 LIMIT $2)`,
      [cutoffs.pending],
    );
    const slots = await repeat(
      `DELETE FROM digest_slots WHERE id IN (
         SELECT id FROM digest_slots WHERE state IN ('sent', 'skipped', 'failed') AND due_at < $1 LIMIT $2)`,
      [cutoffs.slots],
    );
    // VACUUM makes the deleted rows' space reusable at once, so the store stops growing even where
    // autovacuum is off or behind: the tables deleted from (a story takes its articles, bands,
    // places and deliveries with it). ANALYZE keeps plans right: the tables that changed by more
    // than a tenth since their last analysis (autovacuum's rule), so a prune every few minutes
    // (newsdesk poll from cron) does not sample large tables that barely moved.
    const deletedFrom = new Set<string>([
      ...(stories > 0 ? CASCADE_FROM_STORIES : []),
      ...(bands > 0 ? ['article_bands'] : []),
      ...(pending > 0 ? ['deliveries'] : []),
      ...(slots > 0 ? ['digest_slots'] : []),
    ]);
    if (deletedFrom.size > 0) await db.query(`VACUUM ${[...deletedFrom].join(', ')}`);
    await analyzeChanged(db, PRUNED_TABLES);
    return { stories, bands, pending, slots };
  };
}
