// SQLite behind the SQL port, with better-sqlite3 12 (13 does not run on Node 20).
// WAL journal, so readers never block the writer and a killed process leaves the last
// committed transaction intact; synchronous=FULL, so a committed step also survives a
// power cut. better-sqlite3 is synchronous, so an async transaction body must not let
// another caller's statements in between: every call on one connection goes through a
// queue, and one process opens one connection per file (shared and reference-counted),
// since a second connection waiting for the write lock would block the event loop the
// first needs to finish.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { SqlDatabase, SqlRow, SqlSession, SqlValue } from './sql.ts';
import { StoreError } from './store-error.ts';

/** Milliseconds a writer in another process waits for the lock before failing. */
const BUSY_TIMEOUT_MS = 10_000;

interface Shared {
  db: Database.Database;
  statements: Map<string, Database.Statement>;
  /** Tail of the queue of calls on this connection. */
  tail: Promise<unknown>;
  users: number;
}

const openFiles = new Map<string, Shared>();

/** Opens (or shares) the database file at `path`, creating its directory; `:memory:` for a private in-memory one. */
export function openSqliteDatabase(path: string): SqlDatabase {
  const memory = path === ':memory:';
  const key = memory ? '' : resolve(path);
  let shared = memory ? undefined : openFiles.get(key);
  if (!shared) {
    if (!memory) mkdirSync(dirname(key), { recursive: true });
    const db = new Database(memory ? ':memory:' : key, { timeout: BUSY_TIMEOUT_MS });
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    shared = { db, statements: new Map(), tail: Promise.resolve(), users: 0 };
    if (!memory) openFiles.set(key, shared);
  }
  shared.users++;
  return new SqliteDatabase(shared, key);
}

function statement(shared: Shared, sql: string): Database.Statement {
  let s = shared.statements.get(sql);
  if (!s) {
    s = shared.db.prepare(sql);
    shared.statements.set(sql, s);
  }
  return s;
}

function mapError(err: unknown): unknown {
  const code = (err as { code?: unknown }).code;
  if (typeof code !== 'string') return err;
  const message = (err as Error).message;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE')
    return new StoreError('conflict', `already stored (${message})`);
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY')
    return new StoreError('not-found', 'refers to a record that is not stored');
  return err;
}

/** Synchronous statements wrapped as the port's promises; callers hold the queue. */
function directSession(shared: Shared): SqlSession {
  const attempt = <T>(fn: () => T): Promise<T> => {
    try {
      return Promise.resolve(fn());
    } catch (err) {
      return Promise.reject(mapError(err));
    }
  };
  return {
    dialect: 'sqlite',
    all: (sql, params = []) => attempt(() => statement(shared, sql).all(...params) as SqlRow[]),
    run: (sql, params = []) => attempt(() => statement(shared, sql).run(...params).changes),
    insertMany: (table, columns, rows, suffix = '') =>
      attempt(() => {
        // One prepared single-row statement run per row: SQLite has no round trips to save.
        const s = statement(
          shared,
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')}) ${suffix}`,
        );
        for (const row of rows) s.run(...row);
      }),
    exec: (script) => attempt(() => void shared.db.exec(script)),
  };
}

class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite';
  private readonly shared: Shared;
  private readonly key: string;
  private readonly direct: SqlSession;
  private closed = false;

  constructor(shared: Shared, key: string) {
    this.shared = shared;
    this.key = key;
    this.direct = directSession(shared);
  }

  private queued<T>(fn: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('the store is closed'));
    const result = this.shared.tail.then(fn);
    this.shared.tail = result.catch(() => undefined);
    return result;
  }

  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]> {
    return this.queued(() => this.direct.all(sql, params));
  }

  run(sql: string, params?: readonly SqlValue[]): Promise<number> {
    return this.queued(() => this.direct.run(sql, params));
  }

  insertMany(
    table: string,
    columns: readonly string[],
    rows: ReadonlyArray<readonly SqlValue[]>,
    suffix?: string,
  ): Promise<void> {
    return this.queued(() => this.direct.insertMany(table, columns, rows, suffix));
  }

  exec(script: string): Promise<void> {
    return this.queued(() => this.direct.exec(script));
  }

  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T> {
    return this.queued(async () => {
      const db = this.shared.db;
      // IMMEDIATE takes the write lock now, so another process cannot slip in between our reads and writes.
      db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn(this.direct);
        db.exec('COMMIT');
        return result;
      } catch (err) {
        if (db.inTransaction) db.exec('ROLLBACK');
        throw err;
      }
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await this.queued(async () => undefined);
    this.closed = true;
    if (--this.shared.users > 0) return;
    if (this.key !== '') openFiles.delete(this.key);
    this.shared.db.close();
  }
}
