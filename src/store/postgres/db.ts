import { AsyncLocalStorage } from 'node:async_hooks';
import type pg from 'pg';

/** What the repositories need of PostgreSQL: a query, and a transaction that runs several. */
export interface Db {
  query<R extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /**
   * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when
   * it throws. Inside a batch it is a savepoint of the batch's transaction instead.
   */
  transaction<T>(work: (q: Pick<Db, 'query'>) => Promise<T>): Promise<T>;
  /**
   * Runs `work` with every query and transaction it makes (through this `Db`) on one connection in
   * one transaction, committed at the end: a feed's articles cost one commit rather than one each.
   * `work` must make its calls one after another, and a batch started inside a batch joins it.
   */
  batch<T>(work: () => Promise<T>): Promise<T>;
  /** Whether the current call chain runs inside a batch. */
  inBatch(): boolean;
}

interface Batch {
  readonly client: pg.PoolClient;
  savepoints: number;
}

/** A `Db` over a pool. */
export function createDb(pool: pg.Pool): Db {
  // The batch the current async call chain runs in, if any: its queries go to the batch's connection.
  const current = new AsyncLocalStorage<Batch>();
  const run = (client: pg.PoolClient | pg.Pool) => (sql: string, params?: readonly unknown[]) =>
    client.query(sql, params as unknown[]);
  /** `work` in one transaction on a connection of its own, committed or rolled back, then returned. */
  async function onOwnConnection<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    } finally {
      client.release();
    }
  }
  return {
    query: (sql, params) => {
      const batch = current.getStore();
      return (batch ? batch.client : pool).query(sql, params as unknown[]);
    },
    async transaction(work) {
      const batch = current.getStore();
      if (batch) {
        // A failed filing must not undo the rest of the batch: it rolls back to its savepoint.
        const name = `sp${++batch.savepoints}`;
        await batch.client.query(`SAVEPOINT ${name}`);
        try {
          const result = await work({ query: run(batch.client) });
          await batch.client.query(`RELEASE SAVEPOINT ${name}`);
          return result;
        } catch (err) {
          await batch.client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
          throw err;
        }
      }
      return onOwnConnection((client) => work({ query: run(client) }));
    },
    inBatch: () => current.getStore() !== undefined,
    async batch(work) {
      if (current.getStore()) return work();
      return onOwnConnection((client) => current.run({ client, savepoints: 0 }, work));
    },
  };
}
