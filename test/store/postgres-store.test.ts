// The event-store contract against PostgreSQL (VIGIL_TEST_POSTGRES_URL), each test in
// a schema of its own so test files running in parallel never meet.
import pg from 'pg';
import type { SqlRow } from '../../src/store/sql.ts';
import { describeWithService, POSTGRES_URL, unreachable } from './services.ts';
import { storeContract } from './store-contract.ts';

let counter = 0;

function withSchema(schema: string): string {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  return url.toString();
}

function schemaOf(url: string): string {
  return new URL(url).searchParams.get('schema')!;
}

async function query(sql: string, schema?: string): Promise<SqlRow[]> {
  const client = new pg.Client({
    connectionString: POSTGRES_URL,
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describeWithService('event store on PostgreSQL', await unreachable(POSTGRES_URL, 5432), () => {
  storeContract({
    freshUrl: async () =>
      withSchema(`vigil_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`),
    raw: (url, sql) => query(sql, schemaOf(url)),
    dispose: async (url) => {
      await query(`DROP SCHEMA IF EXISTS ${schemaOf(url)} CASCADE`);
    },
  });
});
