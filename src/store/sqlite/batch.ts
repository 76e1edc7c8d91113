import type Database from 'better-sqlite3';

/** How long a batch waits for another process's write lock before giving up. */
export const WRITE_LOCK_WAIT_MS = 60_000;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown }).code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED';
}

/**
 * Takes the write lock (BEGIN IMMEDIATE) without blocking the event loop: the connection's busy
 * timeout is set aside for this one statement, and while another process writes, the attempt is
 * repeated after short pauses. A deferred BEGIN would read first and upgrade to a write later,
 * which fails at once (SQLITE_BUSY, no wait) when another process committed in between.
 */
async function beginImmediate(db: Database.Database, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  const timeout = db.pragma('busy_timeout', { simple: true }) as number;
  for (let attempt = 0; ; attempt++) {
    db.pragma('busy_timeout = 0');
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      if (!isBusy(err) || Date.now() >= deadline) throw err;
    } finally {
      db.pragma(`busy_timeout = ${timeout}`);
    }
    await sleep(Math.min(2 ** attempt, 50) + Math.random() * 5);
  }
}

/**
 * `Store.batch` for SQLite: one BEGIN IMMEDIATE … COMMIT around the work, so a feed's articles
 * cost one commit instead of one each (the commit, not the inserts, dominated filing), and the
 * reads that pick an article's story and its save see no other process's writes in between.
 * Batches queue behind each other, since one connection holds one transaction. The repos' own
 * transactions nest inside as savepoints. Anything else written on this connection meanwhile
 * joins the batch's commit; on a failure the batch rolls back, which is why `work` must be store
 * calls only.
 */
export function createSqliteBatch(db: Database.Database, waitMs = WRITE_LOCK_WAIT_MS) {
  let queue: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = async (): Promise<T> => {
      // Some other code already holds a transaction on this connection: join it rather than nest.
      if (db.inTransaction) return work();
      // Batches queued behind each other would otherwise run back to back in one turn of the event
      // loop (each starts as a promise callback of the last): a turn per batch keeps the bot answering.
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (db.inTransaction) return work();
      await beginImmediate(db, waitMs);
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
