// Reading typed values out of database rows. PostgreSQL returns BIGINT and COUNT(*)
// as strings, SQLite returns numbers; both come through `Number`.
import type { SqlRow } from './sql.ts';

export function numberAt(row: SqlRow | undefined, key: string): number {
  return Number(row?.[key]);
}

export function numberOrNullAt(row: SqlRow | undefined, key: string): number | null {
  const v = row?.[key];
  return v === null || v === undefined ? null : Number(v);
}

export function textAt(row: SqlRow | undefined, key: string): string {
  return String(row?.[key]);
}

export function textOrNullAt(row: SqlRow | undefined, key: string): string | null {
  const v = row?.[key];
  return v === null || v === undefined ? null : String(v);
}

export function jsonAt<T>(row: SqlRow | undefined, key: string): T {
  return JSON.parse(textAt(row, key)) as T;
}

/** Wall-clock instant for created/updated columns. */
export function nowIso(): string {
  return new Date().toISOString();
}

/** Code-unit order, the same on both databases (PostgreSQL's ORDER BY follows the locale). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
