import type pg from 'pg';

/** What the repositories need of PostgreSQL: a query, and a transaction that runs several. */
export interface Db {
  query<R extends pg.QueryResultRow>(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult<R>>;
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (q: Pick<Db, 'query'>) => Promise<T>): Promise<T>;
}

/** A `Db` over a pool. */
export function createDb(pool: pg.Pool): Db {
  return {
    query: (sql, params) => pool.query(sql, params as unknown[]),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: (sql, params) => client.query(sql, params as unknown[]) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}
