import type Database from 'better-sqlite3';

/**
 * `Store.batch` for SQLite: one BEGIN … COMMIT around the work, so a feed's articles cost one
 * commit instead of one each (the commit, not the inserts, dominated filing). Batches queue behind
 * each other, since one connection holds one transaction. The repos' own transactions nest inside
 * as savepoints. Anything else written on this connection meanwhile joins the batch's commit; on a
 * failure the batch rolls back, which is why `work` must be store calls only.
 */
export function createSqliteBatch(db: Database.Database) {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = async (): Promise<T> => {
      // Some other code already holds a transaction on this connection: join it rather than nest.
      if (db.inTransaction) return work();
      db.exec('BEGIN');
      try {
        const result = await work();
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  };
}
