import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** What the repositories need of PostgreSQL: a query, and a transaction that runs several. */
export interface Db {
  query<R extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when
   * it throws. Inside a batch it is a savepoint of the batch's transaction instead. `opening` are
   * statements without parameters run in the same round trip as the transaction (or savepoint)
   * begins, each with a snapshot of its own; `work` gets their results, in order.
   */
  transaction<T>(
    work: (q: Pick<Db, 'query'>, opened: pg.QueryResult[]) => Promise<T>,
    opening?: readonly string[],
  ): Promise<T>;
  /**
   * Runs `work` with every query and transaction it makes (through this `Db`) on one connection in
   * one transaction, committed at the end: a feed's articles cost one commit rather than one each.
   * `work` must make its calls one after another, and a batch started inside a batch joins it.
   * With `lock`, the transaction takes that advisory lock (held to the commit) as it begins.
   */
  batch<T>(work: () => Promise<T>, lock?: number): Promise<T>;
  /** Whether the current call chain runs inside a batch. */
  inBatch(): boolean;
}

interface Batch {
  readonly client: pg.PoolClient;
  savepoints: number;
  /** The savepoint of the last transaction, not released yet: the next one's savepoint does it. */
  unreleased: string | null;
}

type Runner = pg.PoolClient | pg.Pool;

const run = (client: Runner) => (sql: string, params?: readonly unknown[]) =>
  client.query(sql, params as unknown[]);

/**
 * Statements without parameters sent as one query: one round trip, each statement still with a
 * snapshot of its own. Their results, in order.
 */
async function runAll(client: pg.PoolClient, statements: readonly string[]): Promise<pg.QueryResult[]> {
  const results = (await client.query(statements.join('; '))) as pg.QueryResult | pg.QueryResult[];
  return Array.isArray(results) ? results : [results];
}

/** A `Db` over a pool. */
export function createDb(pool: pg.Pool): Db {
  // The batch the current async call chain runs in, if any: its queries go to the batch's connection.
  const current = new AsyncLocalStorage<Batch>();
  /**
   * `work` in one transaction on a connection of its own, committed or rolled back, then returned.
   * `begin` are the statements that start it (BEGIN first), sent in one round trip; `work` gets
   * the results of those after BEGIN.
   */
  async function onOwnConnection<T>(
    work: (client: pg.PoolClient, opened: pg.QueryResult[]) => Promise<T>,
    begin: readonly string[],
  ): Promise<T> {
    const client = await pool.connect();
    try {
      const opened = await runAll(client, begin);
      const result = await work(client, opened.slice(1));
      // A transaction in which a statement failed (and was not rolled back to a savepoint) is
      // rolled back by COMMIT, without an error: that must not pass for success.
      const end = await client.query('COMMIT');
      if (end.command === 'ROLLBACK') throw new Error('the transaction failed and was rolled back');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return {
    query: (sql, params) => run(current.getStore()?.client ?? pool)(sql, params),
    async transaction(work, opening = []) {
      const batch = current.getStore();
      if (batch) {
        // A failed filing must not undo the rest of the batch: it rolls back to its savepoint. The
        // previous filing's savepoint is released in the same round trip as this one is taken.
        const name = `sp${++batch.savepoints}`;
        const release = batch.unreleased ? [`RELEASE SAVEPOINT ${batch.unreleased}`] : [];
        batch.unreleased = name;
        try {
          const opened = await runAll(batch.client, [...release, `SAVEPOINT ${name}`, ...opening]);
          return await work({ query: run(batch.client) }, opened.slice(release.length + 1));
        } catch (err) {
          // Back to the savepoint (it stays, released later). Had it not been taken, the batch's
          // transaction is broken and its commit fails, as it should.
          await batch.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
          throw err;
        }
      }
      return onOwnConnection((client, opened) => work({ query: run(client) }, opened), ['BEGIN', ...opening]);
    },
    inBatch: () => current.getStore() !== undefined,
    async batch(work, lock) {
      if (current.getStore()) return work();
      if (lock !== undefined && !Number.isSafeInteger(lock)) throw new Error(`invalid lock ${lock}`);
      return onOwnConnection(
        (client) => current.run({ client, savepoints: 0, unreleased: null }, work),
        lock === undefined ? ['BEGIN'] : ['BEGIN', `SELECT pg_advisory_xact_lock(${lock})`],
      );
    },
  };
}
