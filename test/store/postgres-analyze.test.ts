import { describe, expect, it } from 'vitest';
import { createGrowthWatch } from '../../src/store/postgres/analyze.js';

/** A database that says every table it is asked about changed, and records what it was sent. */
function fakeDb() {
  const sent: string[] = [];
  return {
    sent,
    query: (sql: string, params?: readonly unknown[]) => {
      sent.push(sql.trim().split(/\s+/).slice(0, 2).join(' '));
      const rows = sql.includes('pg_stat_user_tables')
        ? (params![0] as string[]).map((name) => ({ name }))
        : [];
      return Promise.resolve({ rows, rowCount: rows.length } as never);
    },
  };
}

describe('PostgreSQL statistics on a growing store (autovacuum may be off)', () => {
  it('GIVEN 499 filings THEN nothing is asked; GIVEN the 500th THEN the grown filing tables are analysed, once', async () => {
    const db = fakeDb();
    const growth = createGrowthWatch(db);
    for (let i = 0; i < 499; i++) growth.filed();
    await growth.settle();
    expect(db.sent).toEqual([]);
    growth.filed();
    await Promise.all([growth.settle(), growth.settle()]);
    expect(db.sent).toEqual(['SELECT quote_ident(relname)', 'ANALYZE articles,']);
    await growth.settle();
    expect(db.sent).toHaveLength(2);
  });
});
