// Numbered schema migrations, applied in order when a store opens and recorded in
// `schema_migrations`. Each runs in its own transaction (PostgreSQL DDL is
// transactional, SQLite's too) under a lock, so two processes opening the same
// database at once apply each migration exactly once.
import { initial } from './migrations/001-initial.ts';
import { auditAppendOnly } from './migrations/002-audit-append-only.ts';
import type { SqlDatabase, SqlDialect } from './sql.ts';

export interface Migration {
  version: number;
  name: string;
  /** The same text for both dialects wherever the SQL allows. */
  sql: Record<SqlDialect, string>;
}

export const MIGRATIONS: readonly Migration[] = [initial, auditAppendOnly];

/** Arbitrary constant naming the migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK = 7_361_552;

/** Brings the schema up to the newest migration; returns the versions applied now. */
export async function migrate(
  db: SqlDatabase,
  migrations: readonly Migration[] = MIGRATIONS,
): Promise<number[]> {
  const newest = migrations.reduce((m, x) => Math.max(m, x.version), 0);
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    const done = await db.transaction(async (tx) => {
      if (tx.dialect === 'postgres') await tx.all('SELECT pg_advisory_xact_lock(?)', [MIGRATION_LOCK]);
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
      );
      const rows = await tx.all('SELECT MAX(version) AS v FROM schema_migrations');
      const current = Number(rows[0]?.['v'] ?? 0);
      if (current > newest)
        throw new Error(
          `the database schema is at version ${current}, newer than this vigil knows (${newest}): upgrade vigil`,
        );
      if (current >= migration.version) return false;
      await tx.exec(migration.sql[tx.dialect]);
      await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
        migration.version,
        migration.name,
        new Date().toISOString(),
      ]);
      return true;
    });
    if (done) applied.push(migration.version);
  }
  return applied;
}
