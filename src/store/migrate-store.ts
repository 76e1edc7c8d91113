// Moving to PostgreSQL: every row of an SQLite store copied into an empty PostgreSQL store, ids kept,
// in one transaction (all or nothing). Each column takes the target's type: times (milliseconds) to
// timestamptz, 0/1 to boolean, JSON text to arrays and jsonb.
import Database from 'better-sqlite3';
import pg from 'pg';
import { createPostgresStore } from './postgres/create-postgres-store.js';
import { createSqliteStore } from './sqlite/create-sqlite-store.js';

/**
 * The tables copied, parents before children. `instances` is left out: it says which processes are
 * alive now, and the new store's processes will say so themselves.
 */
const TABLES = [
  'store_meta',
  'feeds',
  'stories',
  'articles',
  'article_bands',
  'story_places',
  'subscriptions',
  'topics',
  'chats',
  'deliveries',
  'digest_slots',
] as const;

/** Rows copied, by table. */
export type CopiedRows = Record<(typeof TABLES)[number], number>;

/** The target already holds data, or the source is not a newsdesk store: nothing was copied. */
export class MigrateStoreError extends Error {
  override readonly name = 'MigrateStoreError';
}

interface TargetColumn {
  readonly name: string;
  readonly type: string;
  readonly identity: 'ALWAYS' | 'BY DEFAULT' | null;
  readonly nullableOrDefault: boolean;
}

const BATCH = 500;

/** One SQLite value as the PostgreSQL column wants it. */
function convert(value: unknown, column: TargetColumn): unknown {
  if (value === null || value === undefined) return null;
  switch (column.type) {
    case 'timestamp with time zone':
      return new Date(typeof value === 'string' && !/^\d+$/.test(value) ? value : Number(value));
    case 'boolean':
      return value === 1 || value === '1' || value === true;
    case 'ARRAY':
      return typeof value === 'string' ? (JSON.parse(value) as unknown[]) : value;
    case 'jsonb':
    case 'json':
      // Sent as text: PostgreSQL parses it into the column's JSON.
      return typeof value === 'string' ? value : JSON.stringify(value);
    default:
      return value;
  }
}

async function targetColumns(client: pg.PoolClient, schema: string, table: string): Promise<TargetColumn[]> {
  const { rows } = await client.query<{
    column_name: string;
    data_type: string;
    identity_generation: 'ALWAYS' | 'BY DEFAULT' | null;
    is_nullable: string;
    column_default: string | null;
  }>(
    `SELECT column_name, data_type, identity_generation, is_nullable, column_default
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
    [schema, table],
  );
  return rows.map((r) => ({
    name: r.column_name,
    type: r.data_type,
    identity: r.identity_generation,
    nullableOrDefault: r.is_nullable === 'YES' || r.column_default !== null,
  }));
}

/** Copies one table's rows; a story's lead article is set once the articles are there. */
async function copyTable(
  source: Database.Database,
  client: pg.PoolClient,
  schema: string,
  table: string,
): Promise<number> {
  const target = new Map((await targetColumns(client, schema, table)).map((c) => [c.name, c]));
  const sourceNames = (
    source.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[]
  ).map((c) => c.name);
  const columns = sourceNames.flatMap((name) => {
    const column = target.get(name);
    return column ? [column] : [];
  });
  const overriding = columns.some((c) => c.identity !== null) ? ' OVERRIDING SYSTEM VALUE' : '';
  const list = columns.map((c) => `"${c.name}"`).join(', ');
  let copied = 0;
  const insert = async (rows: Record<string, unknown>[]): Promise<void> => {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const tuples = rows.map(
      (row) =>
        `(${columns
          .map((c) => {
            let value = convert(row[c.name], c);
            // A NULL the target does not take (a column SQLite left empty): its default.
            if (value === null && !c.nullableOrDefault) value = c.type === 'text' ? '' : value;
            if (table === 'stories' && c.name === 'lead_article_id') value = null;
            params.push(value);
            return `$${params.length}`;
          })
          .join(', ')})`,
    );
    await client.query(`INSERT INTO "${table}" (${list})${overriding} VALUES ${tuples.join(', ')}`, params);
    copied += rows.length;
  };
  let batch: Record<string, unknown>[] = [];
  for (const row of source.prepare(`SELECT * FROM "${table}"`).iterate() as Iterable<
    Record<string, unknown>
  >) {
    batch.push(row);
    if (batch.length >= BATCH) {
      await insert(batch);
      batch = [];
    }
  }
  await insert(batch);
  return copied;
}

/** Identity columns continue after the copied ids, so new rows never collide with them. */
async function resetIdentities(client: pg.PoolClient, schema: string): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = $1 AND identity_generation IS NOT NULL`,
    [schema],
  );
  for (const { table_name: table, column_name: column } of rows)
    await client.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX("${column}") FROM "${table}"), 0) + 1, false)`,
      [`"${schema}"."${table}"`, column],
    );
}

/**
 * Copies the SQLite store at `sqlitePath` into the PostgreSQL database at `databaseUrl` (its schema
 * created or brought up to date first). The target must hold no feeds, articles or subscriptions.
 */
export async function migrateStore(sqlitePath: string, databaseUrl: string): Promise<CopiedRows> {
  // Both brought to the current schema by their own stores first.
  await (await createSqliteStore(sqlitePath)).close();
  await (await createPostgresStore(databaseUrl)).close();
  const source = new Database(sqlitePath, { readonly: true, fileMustExist: true });
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const client = await pool.connect();
  try {
    const schema = (await client.query<{ s: string }>('SELECT current_schema() AS s')).rows[0]?.s ?? 'public';
    const held = await client.query<{ n: string }>(
      'SELECT (SELECT COUNT(*) FROM feeds) + (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM subscriptions) AS n',
    );
    if (Number(held.rows[0]?.n ?? 0) > 0)
      throw new MigrateStoreError(
        'the PostgreSQL database already holds feeds, articles or subscriptions; migrate into an empty one',
      );
    await client.query('BEGIN');
    // What a new store wrote on opening (its meta rows) gives way to the copied store's.
    await client.query('DELETE FROM store_meta');
    const copied = {} as CopiedRows;
    for (const table of TABLES) copied[table] = await copyTable(source, client, schema, table);
    const leads = source
      .prepare('SELECT id, lead_article_id FROM stories WHERE lead_article_id IS NOT NULL')
      .all() as {
      id: number;
      lead_article_id: number;
    }[];
    for (let i = 0; i < leads.length; i += BATCH) {
      const part = leads.slice(i, i + BATCH);
      await client.query(
        `UPDATE stories SET lead_article_id = v.lead FROM unnest($1::int[], $2::int[]) AS v(id, lead) WHERE stories.id = v.id`,
        [part.map((l) => l.id), part.map((l) => l.lead_article_id)],
      );
    }
    await resetIdentities(client, schema);
    await client.query('COMMIT');
    return copied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
    await pool.end();
    source.close();
  }
}
