// PostgreSQL behind the SQL port, with node-postgres (pg 8): a connection pool, one
// pooled client per transaction, and `?` placeholders numbered into `$n`. A `schema`
// other than public is created on open and put first on every connection's search
// path, so several stores (or test runs) can share one database.
import pg from 'pg';
import type { SqlDatabase, SqlRow, SqlSession, SqlValue } from './sql.ts';
import { StoreError } from './store-error.ts';

const POOL_SIZE = 10;
/** PostgreSQL allows 65,535 parameters per statement; stay well below. */
const MAX_PARAMS = 30_000;
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `?` → `$1`, `$2`, … (the store's statements hold no `?` inside literals). */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

function mapError(err: unknown): unknown {
  const e = err as { code?: unknown; detail?: unknown; message?: string };
  if (e.code === '23505') return new StoreError('conflict', `already stored (${e.detail ?? e.message})`);
  if (e.code === '23503')
    return new StoreError('not-found', `refers to a record that is not stored (${e.detail ?? e.message})`);
  return err;
}

type Queryable = Pick<pg.Pool, 'query'>;

function session(client: Queryable): SqlSession {
  const query = async (sql: string, params: readonly SqlValue[]) => {
    try {
      return await client.query(numbered(sql), params as SqlValue[]);
    } catch (err) {
      throw mapError(err);
    }
  };
  return {
    dialect: 'postgres',
    all: async (sql, params = []) => (await query(sql, params)).rows as SqlRow[],
    run: async (sql, params = []) => (await query(sql, params)).rowCount ?? 0,
    insertMany: async (table, columns, rows, suffix = '') => {
      // Many rows per statement: each statement is a round trip to the server.
      const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
      for (let start = 0; start < rows.length; start += perStatement) {
        const chunk = rows.slice(start, start + perStatement);
        const tuple = `(${columns.map(() => '?').join(', ')})`;
        const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${chunk.map(() => tuple).join(', ')} ${suffix}`;
        await query(sql, chunk.flat());
      }
    },
    exec: async (script) => {
      try {
        await client.query(script);
      } catch (err) {
        throw mapError(err);
      }
    },
  };
}

class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres';
  private readonly pool: pg.Pool;
  private readonly poolSession: SqlSession;
  private ended: Promise<void> | null = null;

  constructor(pool: pg.Pool) {
    this.pool = pool;
    this.poolSession = session(pool);
  }

  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.poolSession.all(sql, params);
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.poolSession.run(sql, params);
  }

  insertMany(
    table: string,
    columns: readonly string[],
    rows: ReadonlyArray<readonly SqlValue[]>,
    suffix?: string,
  ): Promise<void> {
    return this.poolSession.insertMany(table, columns, rows, suffix);
  }

  exec(script: string): Promise<void> {
    return this.poolSession.exec(script);
  }

  async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await fn(session(client));
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw err;
    } finally {
      // A client whose rollback failed may be mid-transaction: destroy it rather than reuse it.
      client.release(broken);
    }
  }

  close(): Promise<void> {
    this.ended ??= this.pool.end();
    return this.ended;
  }
}

/** Connects a pool to `url`, creating `schema` when it is not `public`. */
export async function openPostgresDatabase(url: string, schema = 'public'): Promise<SqlDatabase> {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`invalid schema name '${schema}': lower-case letters, digits and '_'`);
  if (schema !== 'public') {
    const setup = new pg.Client({ connectionString: url });
    await setup.connect();
    try {
      await setup.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
    } finally {
      await setup.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    ...(schema === 'public' ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client whose connection drops is removed from the pool and reported here;
  // without a listener the process would crash. The next query reconnects or fails itself.
  pool.on('error', () => undefined);
  return new PostgresDatabase(pool);
}
