// One simulation time step written as one transaction: reports, their truth labels,
// track states, alert versions and the upserted current alerts, notifications, audit
// records, and the run's progress. A process killed mid-step loses that step and
// nothing before it; the run's progress always names the last complete step, which is
// where a resumed run continues.
import { InputError } from '../scenario/input-error.ts';
import { appendAuditIn } from './audit-queries.ts';
import type { RunStep } from './records.ts';
import { nowIso } from './row-values.ts';
import { lockRun } from './run-queries.ts';
import type { SqlDatabase } from './sql.ts';
import { StoreError } from './store-error.ts';
import { checkTime } from './store-input.ts';

export async function writeStep(db: SqlDatabase, runId: string, step: RunStep): Promise<void> {
  const stepS = checkTime(step.timeS, 'timeS');
  const reports = step.reports ?? [];
  const alerts = step.alerts ?? [];
  for (const [i, r] of reports.entries()) checkTime(r.timeS, `reports[${i}].timeS`);
  for (const [i, a] of alerts.entries()) checkTime(a.timeS, `alerts[${i}].timeS`);
  for (const [i, n] of (step.notifications ?? []).entries()) checkTime(n.timeS, `notifications[${i}].timeS`);
  const dropped = new Set(step.droppedTrackIds ?? []);
  for (const [i, t] of (step.tracks ?? []).entries())
    if (dropped.has(t.id))
      throw new InputError({ path: ['tracks', i], message: `track '${t.id}' is both updated and dropped` });

  await db.transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    if (run.status !== 'running')
      throw new StoreError(
        'conflict',
        `run '${runId}' is ${run.status}; steps are written only while it runs`,
      );
    if (run.progressS !== null && stepS <= run.progressS)
      throw new StoreError(
        'conflict',
        `run '${runId}': step at ${stepS} s is not after the last stored step (${run.progressS} s)`,
      );

    await tx.insertMany(
      'reports',
      ['run_id', 'report_id', 'step_s', 'ord', 'time_s', 'sensor_id', 'data'],
      reports.map((r, i) => [runId, r.id, stepS, i, r.timeS, r.sensorId, JSON.stringify(r)]),
    );
    await tx.insertMany(
      'truth_labels',
      ['run_id', 'report_id', 'cause', 'object_id', 'event_id'],
      (step.truthLabels ?? []).map((l) => [runId, l.reportId, l.cause, l.objectId, l.eventId]),
    );
    await tx.insertMany(
      'track_states',
      ['run_id', 'track_id', 'step_s', 'dropped', 'data'],
      [
        ...(step.tracks ?? []).map((t) => [runId, t.id, stepS, 0, JSON.stringify(t)]),
        ...[...dropped].map((id) => [runId, id, stepS, 1, null]),
      ],
    );
    await tx.insertMany(
      'alert_versions',
      ['run_id', 'alert_id', 'step_s', 'level', 'data'],
      alerts.map((a) => [runId, a.id, stepS, a.level, JSON.stringify(a)]),
    );
    await tx.insertMany(
      'alerts',
      ['run_id', 'alert_id', 'level', 'first_s', 'step_s', 'data'],
      alerts.map((a) => [runId, a.id, a.level, a.timeS, stepS, JSON.stringify(a)]),
      'ON CONFLICT (run_id, alert_id) DO UPDATE SET level = excluded.level, step_s = excluded.step_s, data = excluded.data',
    );
    const now = nowIso();
    await tx.insertMany(
      'notifications',
      ['run_id', 'notification_id', 'time_s', 'message', 'created_at'],
      (step.notifications ?? []).map((n) => [runId, n.id, n.timeS, JSON.stringify(n.message ?? null), now]),
    );
    await appendAuditIn(tx, runId, step.audit ?? []);
    await tx.run('UPDATE runs SET progress_s = ?, updated_at = ? WHERE id = ?', [stepS, now, runId]);
  });
}
