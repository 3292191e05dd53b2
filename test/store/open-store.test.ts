// Which store a database URL names (DESIGN.md §6: SQLite file by default, PostgreSQL
// with --db postgres://…), and what opening a SQLite file sets up.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/input-error.ts';
import { DEFAULT_STORE_PATH, openStore, parseStoreUrl } from '../../src/store/open-store.ts';

describe('parseStoreUrl', () => {
  it('no URL is the SQLite file ./vigil-data/vigil.db', () => {
    expect(parseStoreUrl()).toEqual({ kind: 'sqlite', path: './vigil-data/vigil.db' });
    expect(DEFAULT_STORE_PATH).toBe('./vigil-data/vigil.db');
  });

  it('sqlite:PATH, sqlite://PATH and a bare path are SQLite files', () => {
    expect(parseStoreUrl('sqlite:data/x.db')).toEqual({ kind: 'sqlite', path: 'data/x.db' });
    expect(parseStoreUrl('sqlite:///var/lib/vigil.db')).toEqual({
      kind: 'sqlite',
      path: '/var/lib/vigil.db',
    });
    expect(parseStoreUrl('sqlite::memory:')).toEqual({ kind: 'sqlite', path: ':memory:' });
    expect(parseStoreUrl('/tmp/v.db')).toEqual({ kind: 'sqlite', path: '/tmp/v.db' });
  });

  it('postgres:// and postgresql:// are PostgreSQL, with the schema taken out of the URL', () => {
    expect(parseStoreUrl('postgres://u@db:5432/vigil')).toEqual({
      kind: 'postgres',
      url: 'postgres://u@db:5432/vigil',
      schema: 'public',
    });
    expect(parseStoreUrl('postgresql://u@db/vigil?schema=ops_2&sslmode=require')).toEqual({
      kind: 'postgres',
      url: 'postgresql://u@db/vigil?sslmode=require',
      schema: 'ops_2',
    });
  });

  it('an unknown scheme, an empty sqlite path or an unsafe schema name is an InputError', () => {
    for (const url of ['mysql://db/vigil', 'sqlite:', 'postgres://db/v?schema=x;drop'])
      expect(() => parseStoreUrl(url), url).toThrow(InputError);
  });
});

describe('openStore on a SQLite file', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });

  it('creates missing directories and puts the file in WAL mode', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vigil-open-'));
    dirs.push(dir);
    const path = join(dir, 'a', 'b', 'vigil.db');
    const store = await openStore(path);
    expect(store.kind).toBe('sqlite');
    await store.close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });
});
