// What operators and outside parties add to a run while it goes: acknowledgements and
// comments (who, when, what — each with its audit records in the same transaction)
// and notifications received outside a step.
import { randomUUID } from 'node:crypto';
import { InputError } from '../scenario/input-error.ts';
import { appendAuditIn } from './audit-queries.ts';
import {
  type AuditRecord,
  type NewOperatorAction,
  type NotificationRecord,
  OPERATOR_ACTION_KINDS,
  type OperatorAction,
  type OperatorActionKind,
} from './records.ts';
import { nowIso, numberAt, numberOrNullAt, textAt, textOrNullAt } from './row-values.ts';
import { lockRun } from './run-queries.ts';
import type { SqlDatabase, SqlRow } from './sql.ts';
import { StoreError } from './store-error.ts';
import { checkOneOf, checkTime } from './store-input.ts';

/** Longest operator comment, characters. */
const MAX_TEXT = 10_000;

function toAction(row: SqlRow): OperatorAction {
  return {
    id: textAt(row, 'id'),
    runId: textAt(row, 'run_id'),
    seq: numberAt(row, 'seq'),
    alertId: textOrNullAt(row, 'alert_id'),
    kind: textAt(row, 'kind') as OperatorActionKind,
    actor: textAt(row, 'actor'),
    text: textOrNullAt(row, 'text'),
    timeS: numberOrNullAt(row, 'time_s'),
    at: textAt(row, 'at'),
  };
}

export async function recordOperatorAction(
  db: SqlDatabase,
  action: NewOperatorAction,
  audit: readonly AuditRecord[],
): Promise<OperatorAction> {
  checkOneOf(action.kind, OPERATOR_ACTION_KINDS, 'kind');
  if (typeof action.actor !== 'string' || action.actor === '')
    throw new InputError({ path: ['actor'], message: 'expected the name of who acted' });
  if (action.text !== null && (typeof action.text !== 'string' || action.text.length > MAX_TEXT))
    throw new InputError({
      path: ['text'],
      message: `expected text of at most ${MAX_TEXT} characters, or null`,
    });
  if (action.timeS !== null) checkTime(action.timeS, 'timeS');
  return db.transaction(async (tx) => {
    await lockRun(tx, action.runId);
    if (action.alertId !== null) {
      const found = await tx.all('SELECT 1 AS found FROM alerts WHERE run_id = ? AND alert_id = ?', [
        action.runId,
        action.alertId,
      ]);
      if (found.length === 0)
        throw new StoreError('not-found', `no alert '${action.alertId}' in run '${action.runId}'`);
    }
    const last = await tx.all('SELECT COALESCE(MAX(seq), 0) AS seq FROM operator_actions WHERE run_id = ?', [
      action.runId,
    ]);
    const stored: OperatorAction = {
      id: action.id ?? randomUUID(),
      runId: action.runId,
      seq: numberAt(last[0], 'seq') + 1,
      alertId: action.alertId,
      kind: action.kind,
      actor: action.actor,
      text: action.text,
      timeS: action.timeS,
      at: nowIso(),
    };
    await tx.run(
      'INSERT INTO operator_actions (run_id, seq, id, alert_id, kind, actor, text, time_s, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [
        stored.runId,
        stored.seq,
        stored.id,
        stored.alertId,
        stored.kind,
        stored.actor,
        stored.text,
        stored.timeS,
        stored.at,
      ],
    );
    await appendAuditIn(tx, action.runId, audit);
    return stored;
  });
}

export async function listOperatorActions(
  db: SqlDatabase,
  runId: string,
  alertId?: string,
): Promise<OperatorAction[]> {
  const rows =
    alertId === undefined
      ? await db.all('SELECT * FROM operator_actions WHERE run_id = ? ORDER BY seq', [runId])
      : await db.all('SELECT * FROM operator_actions WHERE run_id = ? AND alert_id = ? ORDER BY seq', [
          runId,
          alertId,
        ]);
  return rows.map(toAction);
}

export async function addNotification(
  db: SqlDatabase,
  runId: string,
  notification: NotificationRecord,
): Promise<void> {
  checkTime(notification.timeS, 'timeS');
  await db.transaction(async (tx) => {
    await lockRun(tx, runId);
    await tx.run(
      'INSERT INTO notifications (run_id, notification_id, time_s, message, created_at) VALUES (?, ?, ?, ?, ?)',
      [runId, notification.id, notification.timeS, JSON.stringify(notification.message ?? null), nowIso()],
    );
  });
}
