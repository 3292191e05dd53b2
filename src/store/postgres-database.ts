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

/** Tries of a read or a transaction whose connection dropped (each on a fresh connection). */
const ATTEMPTS = 3;

/** SQLSTATEs and socket errors that say the connection failed, not the statement. */
const LOST_CODES = new Set(['57P01', '57P02', '57P03', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED']);

function isConnectionLoss(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown };
  // Class 08: connection exceptions; 57P0x: the server shut the backend down.
  if (typeof e.code === 'string' && (e.code.startsWith('08') || LOST_CODES.has(e.code))) return true;
  // node-postgres's own, without a code.
  return typeof e.message === 'string' && /Connection terminated|not queryable/.test(e.message);
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

  /** Reads change nothing, so one whose connection dropped is simply asked again. */
  async all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.poolSession.all(sql, params);
      } catch (err) {
        if (!isConnectionLoss(err) || attempt >= ATTEMPTS) throw err;
      }
    }
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

  /**
   * A transaction whose connection drops before COMMIT was sent is rolled back by the
   * server, so it is run again on a fresh connection. One that drops while committing
   * may or may not be stored: that is an error saying so, never a silent retry.
   */
  async transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const outcome = await this.attempt(fn);
      if (outcome.ok) return outcome.value;
      if (!outcome.retry || attempt >= ATTEMPTS) throw outcome.error;
    }
  }

  private async attempt<T>(
    fn: (tx: SqlSession) => Promise<T>,
  ): Promise<{ ok: true; value: T } | { ok: false; error: unknown; retry: boolean }> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (err) {
      return { ok: false, error: err, retry: isConnectionLoss(err) };
    }
    // A checked-out client whose connection drops (the server restarted, or terminated
    // the backend) emits 'error' besides failing its query; the pool listens only to
    // idle clients, and an 'error' nobody listens to would end the process.
    let lost = false;
    const onLost = () => {
      lost = true;
    };
    client.on('error', onLost);
    let broken = false;
    let committing = false;
    try {
      await client.query('BEGIN');
      const value = await fn(session(client));
      committing = true;
      await client.query('COMMIT');
      return { ok: true, value };
    } catch (err) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      if (!(lost || isConnectionLoss(err))) return { ok: false, error: err, retry: false };
      if (!committing) return { ok: false, error: err, retry: true };
      return {
        ok: false,
        error: new Error(
          `the connection to PostgreSQL dropped while committing: the transaction may or may not be stored (${(err as Error).message})`,
        ),
        retry: false,
      };
    } finally {
      client.removeListener('error', onLost);
      // A client whose rollback failed may be mid-transaction, and one whose connection
      // dropped is useless: destroy either rather than reuse it.
      client.release(broken || lost);
    }
  }

  close(): Promise<void> {
    this.ended ??= this.pool.end();
    return this.ended;
  }
}

/** Connects a pool to `url`, creating `schema` when it is not `public`. */
/** Timeouts on every call to the server (issue 9: no outbound call without one). */
export interface PostgresTimeouts {
  /** Establishing a connection, ms. */
  connectMs: number;
  /** One query, ms (client-side: a server that stops answering mid-query). */
  queryMs: number;
}

export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = { connectMs: 10_000, queryMs: 60_000 };

export async function openPostgresDatabase(
  url: string,
  schema = 'public',
  timeouts: PostgresTimeouts = DEFAULT_POSTGRES_TIMEOUTS,
): Promise<SqlDatabase> {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`invalid schema name '${schema}': lower-case letters, digits and '_'`);
  if (schema !== 'public') {
    const setup = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeouts.connectMs,
      query_timeout: timeouts.queryMs,
    });
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
    connectionTimeoutMillis: timeouts.connectMs,
    query_timeout: timeouts.queryMs,
    ...(schema === 'public' ? {} : { options: `-c search_path=${schema}` }),
  });
  // An idle client whose connection drops is removed from the pool and reported here;
  // without a listener the process would crash. The next query reconnects or fails itself.
  pool.on('error', () => undefined);
  return new PostgresDatabase(pool);
}
