// The event-store contract against SQLite, each test on a new file in a temporary directory.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { describe } from 'vitest';
import type { SqlRow } from '../../src/store/sql.ts';
import { storeContract } from './store-contract.ts';

describe('event store on SQLite', () => {
  storeContract({
    freshUrl: async () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'vigil-store-')), 'vigil.db')}`,
    raw: async (url, sql) => {
      const db = new Database(url.slice('sqlite:'.length), { timeout: 5000 });
      try {
        const statement = db.prepare(sql);
        if (statement.reader) return statement.all() as SqlRow[];
        statement.run();
        return [];
      } finally {
        db.close();
      }
    },
    dispose: async (url) => rmSync(dirname(url.slice('sqlite:'.length)), { recursive: true, force: true }),
  });
});
