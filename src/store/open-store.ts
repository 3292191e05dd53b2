// Picks and opens the event store named by a database URL (`--db`, DESIGN.md §6):
//   (nothing)                  ./vigil-data/vigil.db, SQLite (the directory is created)
//   sqlite:PATH, sqlite://PATH a SQLite file (`sqlite::memory:` for a throwaway one)
//   PATH                       a SQLite file
//   postgres://… postgresql://…  PostgreSQL; `?schema=NAME` keeps the tables in that
//                              schema (created if absent) instead of `public`
// Migrations run before the store is returned.
import { InputError } from '../scenario/input-error.ts';
import type { EventStore } from './event-store.ts';
import { migrate } from './migration.ts';
import { openPostgresDatabase } from './postgres-database.ts';
import type { SqlDatabase } from './sql.ts';
import { SqlEventStore } from './sql-event-store.ts';
import { openSqliteDatabase } from './sqlite-database.ts';

export const DEFAULT_STORE_PATH = './vigil-data/vigil.db';

export type StoreLocation =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; schema: string };

function bad(url: string, message: string): InputError {
  return new InputError({ source: 'database URL', path: [], message: `${message} (got '${url}')` });
}

export function parseStoreUrl(url?: string): StoreLocation {
  if (url === undefined || url === '') return { kind: 'sqlite', path: DEFAULT_STORE_PATH };
  if (/^postgres(ql)?:\/\//i.test(url)) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw bad(url, 'not a valid postgres:// URL');
    }
    const schema = parsed.searchParams.get('schema') ?? 'public';
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema))
      throw bad(url, `schema '${schema}' must be lower-case letters, digits and '_'`);
    parsed.searchParams.delete('schema');
    return { kind: 'postgres', url: parsed.toString(), schema };
  }
  if (/^sqlite:/i.test(url)) {
    const path = url.slice('sqlite:'.length).replace(/^\/\//, '');
    if (path === '') throw bad(url, 'expected a file path after sqlite:');
    return { kind: 'sqlite', path };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url))
    throw bad(url, 'unknown database: expected a file path, sqlite:PATH or postgres://…');
  return { kind: 'sqlite', path: url };
}

export async function openStore(url?: string): Promise<EventStore> {
  const location = parseStoreUrl(url);
  const db: SqlDatabase =
    location.kind === 'sqlite'
      ? openSqliteDatabase(location.path)
      : await openPostgresDatabase(location.url, location.schema);
  try {
    await migrate(db);
  } catch (err) {
    await db.close();
    throw err;
  }
  return new SqlEventStore(db);
}
