import type Database from 'better-sqlite3';
import {
  BAND_SLICE_MS,
  BANDS_PRUNED_KEY,
  PRUNE_BATCH,
  type PruneCutoffs,
  type PruneReport,
} from '../retention.js';

/** Pages one incremental vacuum step gives back (4 MB of 4 KB pages). */
const VACUUM_PAGES = 1000;

const yieldToLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * `Store.prune` for SQLite: each delete is a short statement of its own (its own commit), with the
 * event loop let go in between, so the bot answers while a month's worth is deleted. Freed pages
 * are reused by later writes; a file created with incremental auto-vacuum also gives them back.
 */
export function createSqlitePrune(db: Database.Database) {
  const staleStories = db.prepare<[{ before: number; limit: number }]>(
    `DELETE FROM stories WHERE id IN (
       SELECT s.id FROM stories s WHERE s.published_at < @before
         AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id AND a.seen_at >= @before)
       ORDER BY s.published_at LIMIT @limit)`,
  );
  const oldestSeen = db.prepare<[], { at: number | null }>('SELECT MIN(seen_at) AS at FROM articles');
  const bandsPrunedBefore = db.prepare<[string], { value: string }>(
    'SELECT value FROM store_meta WHERE key = ?',
  );
  const recordBands = db.prepare<[string, string]>(
    'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const bandsIn = db.prepare<[number, number]>(
    `DELETE FROM article_bands WHERE article_id IN (
       SELECT id FROM articles WHERE seen_at >= ? AND seen_at < ?)`,
  );
  const expiredPending = db.prepare<[number, number]>(
    `DELETE FROM deliveries WHERE rowid IN (
       SELECT rowid FROM deliveries WHERE sent_at IS NULL AND queued_at < ? LIMIT ?)`,
  );
  const finishedSlots = db.prepare<[number, number]>(
    `DELETE FROM digest_slots WHERE id IN (
       SELECT id FROM digest_slots WHERE state IN ('sent', 'skipped', 'failed') AND due_at < ? LIMIT ?)`,
  );

  async function repeat(run: () => number): Promise<number> {
    let total = 0;
    for (;;) {
      const n = run();
      total += n;
      if (n < PRUNE_BATCH) return total;
      await yieldToLoop();
    }
  }

  async function pruneBands(before: number): Promise<number> {
    const recorded = bandsPrunedBefore.get(BANDS_PRUNED_KEY);
    let from = recorded ? Number(recorded.value) : (oldestSeen.get()?.at ?? before);
    let total = 0;
    while (from < before) {
      const to = Math.min(from + BAND_SLICE_MS, before);
      total += bandsIn.run(from, to).changes;
      recordBands.run(BANDS_PRUNED_KEY, String(to));
      from = to;
      await yieldToLoop();
    }
    return total;
  }

  // 1 for FULL, 2 for INCREMENTAL: only the latter can give pages back a few at a time.
  const incremental = db.pragma('auto_vacuum', { simple: true }) === 2;

  return async (cutoffs: PruneCutoffs): Promise<PruneReport> => {
    const stories = await repeat(
      () => staleStories.run({ before: cutoffs.stories.getTime(), limit: PRUNE_BATCH }).changes,
    );
    const bands = await pruneBands(cutoffs.bands.getTime());
    const pending = await repeat(() => expiredPending.run(cutoffs.pending.getTime(), PRUNE_BATCH).changes);
    const slots = await repeat(() => finishedSlots.run(cutoffs.slots.getTime(), PRUNE_BATCH).changes);
    // Gives freed pages back to the file system (a no-op unless the file uses incremental
    // auto-vacuum), and refreshes the planner's statistics where they drifted.
    while ((db.pragma('freelist_count', { simple: true }) as number) > 0) {
      db.pragma(`incremental_vacuum(${VACUUM_PAGES})`);
      if (!incremental) break;
      await yieldToLoop();
    }
    db.pragma('optimize');
    return { stories, bands, pending, slots };
  };
}
