// Audit chains, stored exactly as the centre's audit module writes them: the store
// checks order (each record's seq one more than the last), never hashes. Appends run
// inside a transaction, so a batch is all-or-nothing; two writers racing for the same
// seq cannot both win (the key (chain, seq) is unique), and the database refuses any
// update or delete of a stored record (migration 2).
import type { AuditRecord } from './records.ts';
import { jsonAt, numberAt, textAt } from './row-values.ts';
import type { SqlDatabase, SqlRow, SqlSession } from './sql.ts';
import { StoreError } from './store-error.ts';

const COLUMNS = 'seq, time_s, kind, text, data, prev_hash, hash';

function toRecord(row: SqlRow): AuditRecord {
  return {
    seq: numberAt(row, 'seq'),
    timeS: numberAt(row, 'time_s'),
    kind: textAt(row, 'kind') as AuditRecord['kind'],
    text: textAt(row, 'text'),
    data: jsonAt(row, 'data'),
    prevHash: textAt(row, 'prev_hash'),
    hash: textAt(row, 'hash'),
  };
}

/** Appends within the caller's transaction. */
export async function appendAuditIn(
  tx: SqlSession,
  chain: string,
  records: readonly AuditRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const last = numberAt(
    (await tx.all('SELECT COALESCE(MAX(seq), 0) AS seq FROM audit_records WHERE chain = ?', [chain]))[0],
    'seq',
  );
  records.forEach((r, i) => {
    if (r.seq !== last + 1 + i)
      throw new StoreError(
        'conflict',
        `audit chain '${chain}': expected seq ${last + 1 + i}, got ${r.seq} (records must follow the chain's last one)`,
      );
  });
  await tx.insertMany(
    'audit_records',
    ['chain', 'seq', 'time_s', 'kind', 'text', 'data', 'prev_hash', 'hash'],
    records.map((r) => [chain, r.seq, r.timeS, r.kind, r.text, JSON.stringify(r.data), r.prevHash, r.hash]),
  );
}

export function appendAudit(db: SqlDatabase, chain: string, records: readonly AuditRecord[]): Promise<void> {
  return db.transaction((tx) => appendAuditIn(tx, chain, records));
}

export async function listAudit(
  db: SqlDatabase,
  chain: string,
  range: { fromSeq?: number; toSeq?: number } = {},
): Promise<AuditRecord[]> {
  let where = 'chain = ?';
  const params: Array<string | number> = [chain];
  if (range.fromSeq !== undefined) {
    where += ' AND seq >= ?';
    params.push(range.fromSeq);
  }
  if (range.toSeq !== undefined) {
    where += ' AND seq <= ?';
    params.push(range.toSeq);
  }
  const rows = await db.all(`SELECT ${COLUMNS} FROM audit_records WHERE ${where} ORDER BY seq`, params);
  return rows.map(toRecord);
}

export async function lastAudit(db: SqlDatabase, chain: string): Promise<AuditRecord | null> {
  const row = (
    await db.all(`SELECT ${COLUMNS} FROM audit_records WHERE chain = ? ORDER BY seq DESC LIMIT 1`, [chain])
  )[0];
  return row ? toRecord(row) : null;
}
