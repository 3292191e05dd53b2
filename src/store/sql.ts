// The small SQL port the event store is written against, so that one body of queries
// serves SQLite and PostgreSQL. Statements use `?` placeholders (the PostgreSQL
// adapter numbers them); unique and foreign-key violations surface as StoreError.

export type SqlDialect = 'sqlite' | 'postgres';
export type SqlValue = string | number | null;
export type SqlRow = Record<string, unknown>;

export interface SqlSession {
  readonly dialect: SqlDialect;
  all(sql: string, params?: readonly SqlValue[]): Promise<SqlRow[]>;
  /** Runs a statement that returns no rows; resolves to the number of rows changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Inserts rows (values in `columns` order); `suffix` follows the VALUES list (ON CONFLICT …). */
  insertMany(
    table: string,
    columns: readonly string[],
    rows: ReadonlyArray<readonly SqlValue[]>,
    suffix?: string,
  ): Promise<void>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlDatabase extends SqlSession {
  /**
   * Runs `fn` as one write transaction, committed when it resolves and rolled back when
   * it throws; transactions on one database never interleave their statements.
   */
  transaction<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
