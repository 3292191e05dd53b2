// Runs: which scenario version with which seed and parameters, where the run stands
// (queued → running ⇄ paused → finished | failed) and how far its stored steps reach.
// Status changes lock the run's row, so they serialise with step writes.
import { randomUUID } from 'node:crypto';
import { InputError } from '../scenario/input-error.ts';
import type { RunFilter, SetRunStatusOptions } from './event-store.ts';
import { type NewRun, type RecoveryAction, RUN_STATUSES, type RunRecord, type RunStatus } from './records.ts';
import { compareText, jsonAt, nowIso, numberAt, numberOrNullAt, textAt, textOrNullAt } from './row-values.ts';
import type { SqlDatabase, SqlRow, SqlSession } from './sql.ts';
import { StoreError } from './store-error.ts';
import { checkName, checkOneOf } from './store-input.ts';

const RUN_COLUMNS =
  'id, scenario_name, scenario_version, seed, parameters, status, status_reason, progress_s, created_at, updated_at';

function toRun(row: SqlRow): RunRecord {
  return {
    id: textAt(row, 'id'),
    scenarioName: textAt(row, 'scenario_name'),
    scenarioVersion: numberAt(row, 'scenario_version'),
    seed: numberAt(row, 'seed'),
    parameters: jsonAt(row, 'parameters'),
    status: textAt(row, 'status') as RunStatus,
    statusReason: textOrNullAt(row, 'status_reason'),
    progressS: numberOrNullAt(row, 'progress_s'),
    createdAt: textAt(row, 'created_at'),
    updatedAt: textAt(row, 'updated_at'),
  };
}

/** The run's row, locked until the transaction ends (PostgreSQL; SQLite's write lock covers the file). */
export async function lockRun(tx: SqlSession, id: string): Promise<RunRecord> {
  const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
  const row = (await tx.all(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?${lock}`, [id]))[0];
  if (!row) throw new StoreError('not-found', `no run '${id}'`);
  return toRun(row);
}

export async function createRun(db: SqlDatabase, run: NewRun): Promise<RunRecord> {
  const id = run.id === undefined ? randomUUID() : checkName(run.id, 'id');
  if (!Number.isSafeInteger(run.seed) || run.seed < 0)
    throw new InputError({
      path: ['seed'],
      message: `expected a non-negative integer, got ${String(run.seed)}`,
    });
  const now = nowIso();
  const record: RunRecord = {
    id,
    scenarioName: run.scenarioName,
    scenarioVersion: run.scenarioVersion,
    seed: run.seed,
    parameters: run.parameters ?? {},
    status: 'queued',
    statusReason: null,
    progressS: null,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction(async (tx) => {
    const found = await tx.all('SELECT 1 AS found FROM scenario_versions WHERE name = ? AND version = ?', [
      run.scenarioName,
      run.scenarioVersion,
    ]);
    if (found.length === 0)
      throw new StoreError('not-found', `no scenario '${run.scenarioName}' version ${run.scenarioVersion}`);
    await tx.run(`INSERT INTO runs (${RUN_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, [
      record.id,
      record.scenarioName,
      record.scenarioVersion,
      record.seed,
      JSON.stringify(record.parameters),
      record.status,
      record.statusReason,
      record.progressS,
      record.createdAt,
      record.updatedAt,
    ]);
  });
  return record;
}

export async function getRun(db: SqlDatabase, id: string): Promise<RunRecord | null> {
  const row = (await db.all(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`, [id]))[0];
  return row ? toRun(row) : null;
}

export async function listRuns(db: SqlDatabase, filter: RunFilter = {}): Promise<RunRecord[]> {
  const where: string[] = [];
  const params: string[] = [];
  if (filter.status !== undefined) {
    where.push('status = ?');
    params.push(filter.status);
  }
  if (filter.scenarioName !== undefined) {
    where.push('scenario_name = ?');
    params.push(filter.scenarioName);
  }
  const rows = await db.all(
    `SELECT ${RUN_COLUMNS} FROM runs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}`,
    params,
  );
  return rows.map(toRun).sort((a, b) => compareText(b.createdAt, a.createdAt) || compareText(a.id, b.id));
}

async function updateStatus(
  tx: SqlSession,
  run: RunRecord,
  status: RunStatus,
  reason: string | null,
): Promise<RunRecord> {
  const updated = { ...run, status, statusReason: reason, updatedAt: nowIso() };
  await tx.run('UPDATE runs SET status = ?, status_reason = ?, updated_at = ? WHERE id = ?', [
    status,
    reason,
    updated.updatedAt,
    run.id,
  ]);
  return updated;
}

export async function setRunStatus(
  db: SqlDatabase,
  id: string,
  status: RunStatus,
  options: SetRunStatusOptions = {},
): Promise<RunRecord> {
  checkOneOf(status, RUN_STATUSES, 'status');
  return db.transaction(async (tx) => {
    const run = await lockRun(tx, id);
    if (options.expect && !options.expect.includes(run.status))
      throw new StoreError('conflict', `run '${id}' is ${run.status}, not ${options.expect.join(' or ')}`);
    return updateStatus(tx, run, status, options.reason ?? null);
  });
}

export async function recoverRuns(
  db: SqlDatabase,
  decide: RecoveryAction | ((run: RunRecord) => RecoveryAction),
): Promise<RunRecord[]> {
  return db.transaction(async (tx) => {
    const lock = tx.dialect === 'postgres' ? ' FOR UPDATE' : '';
    const rows = await tx.all(`SELECT ${RUN_COLUMNS} FROM runs WHERE status = 'running'${lock}`);
    const recovered: RunRecord[] = [];
    for (const run of rows.map(toRun).sort((a, b) => compareText(a.id, b.id))) {
      const action = typeof decide === 'function' ? decide(run) : decide;
      const stored =
        run.progressS === null ? 'no step was stored' : `the last complete step is at ${run.progressS} s`;
      recovered.push(
        action === 'resume'
          ? await updateStatus(
              tx,
              run,
              'paused',
              `interrupted: the writing process stopped; ${stored}; resumable`,
            )
          : await updateStatus(tx, run, 'failed', `interrupted: the writing process stopped; ${stored}`),
      );
    }
    return recovered;
  });
}
