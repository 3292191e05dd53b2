// Reading a run back: reports over a time range, and the picture (tracks, alerts) as
// it stood at any stored time — the latest state of each track or alert written in a
// step at or before that time. Replaying a run is reading these at successive times.
import type { AlertSummary, TrackSummary } from '../analysis/summary.ts';
import type { ReportCause, SensorReport, TruthLabel } from '../sensors/report.ts';
import type { AlertVersion, NotificationRecord, ReportFilter, TimeRange } from './records.ts';
import { compareText, jsonAt, numberAt, textAt, textOrNullAt } from './row-values.ts';
import type { SqlDatabase, SqlValue } from './sql.ts';

/** `column` within the closed range, as SQL and parameters to append after a WHERE. */
function within(column: string, range: TimeRange): { sql: string; params: SqlValue[] } {
  let sql = '';
  const params: SqlValue[] = [];
  if (range.fromS !== undefined) {
    sql += ` AND ${column} >= ?`;
    params.push(range.fromS);
  }
  if (range.toS !== undefined) {
    sql += ` AND ${column} <= ?`;
    params.push(range.toS);
  }
  return { sql, params };
}

export async function listReports(
  db: SqlDatabase,
  runId: string,
  filter: ReportFilter = {},
): Promise<SensorReport[]> {
  const w = within('time_s', filter);
  const prefix = filter.idPrefix;
  const rows = await db.all(
    `SELECT data FROM reports WHERE run_id = ?${w.sql}${prefix ? ' AND substr(report_id, 1, ?) = ?' : ''} ORDER BY time_s, step_s, ord`,
    [runId, ...w.params, ...(prefix ? [prefix.length, prefix] : [])],
  );
  return rows.map((row) => jsonAt<SensorReport>(row, 'data'));
}

export async function listTruthLabels(
  db: SqlDatabase,
  runId: string,
  range: TimeRange = {},
): Promise<TruthLabel[]> {
  const w = within('r.time_s', range);
  const rows = await db.all(
    `SELECT l.report_id, l.cause, l.object_id, l.event_id
     FROM truth_labels l JOIN reports r ON r.run_id = l.run_id AND r.report_id = l.report_id
     WHERE l.run_id = ?${w.sql} ORDER BY r.time_s, r.step_s, r.ord`,
    [runId, ...w.params],
  );
  return rows.map((row) => ({
    reportId: textAt(row, 'report_id'),
    cause: textAt(row, 'cause') as ReportCause,
    objectId: textOrNullAt(row, 'object_id'),
    eventId: textOrNullAt(row, 'event_id'),
  }));
}

// The latest state at or before a time, per track or alert: the newest step is found
// through the primary key (run, id, step) for each id, then its row is read. Written
// so that even without table statistics neither database picks a quadratic plan.
export async function tracksAt(db: SqlDatabase, runId: string, timeS?: number): Promise<TrackSummary[]> {
  const w = within('x.step_s', { toS: timeS });
  const rows = await db.all(
    `SELECT s.data FROM (SELECT DISTINCT track_id FROM track_states WHERE run_id = ?) ids
     JOIN track_states s ON s.run_id = ? AND s.track_id = ids.track_id AND s.step_s = (
       SELECT MAX(x.step_s) FROM track_states x WHERE x.run_id = ? AND x.track_id = ids.track_id${w.sql})
     WHERE s.dropped = 0`,
    [runId, runId, runId, ...w.params],
  );
  return rows.map((row) => jsonAt<TrackSummary>(row, 'data')).sort((a, b) => compareText(a.id, b.id));
}

function byFirstTime(a: AlertSummary, b: AlertSummary): number {
  return a.timeS - b.timeS || compareText(a.id, b.id);
}

export async function alertsAt(db: SqlDatabase, runId: string, timeS?: number): Promise<AlertSummary[]> {
  const rows =
    timeS === undefined
      ? await db.all('SELECT data FROM alerts WHERE run_id = ?', [runId])
      : await db.all(
          `SELECT v.data FROM alerts ids
           JOIN alert_versions v ON v.run_id = ? AND v.alert_id = ids.alert_id AND v.step_s = (
             SELECT MAX(x.step_s) FROM alert_versions x WHERE x.run_id = ? AND x.alert_id = ids.alert_id AND x.step_s <= ?)
           WHERE ids.run_id = ?`,
          [runId, runId, timeS, runId],
        );
  return rows.map((row) => jsonAt<AlertSummary>(row, 'data')).sort(byFirstTime);
}

export async function alertHistory(db: SqlDatabase, runId: string, alertId: string): Promise<AlertVersion[]> {
  const rows = await db.all(
    'SELECT step_s, data FROM alert_versions WHERE run_id = ? AND alert_id = ? ORDER BY step_s',
    [runId, alertId],
  );
  return rows.map((row) => ({ stepS: numberAt(row, 'step_s'), alert: jsonAt<AlertSummary>(row, 'data') }));
}

export async function listNotifications(
  db: SqlDatabase,
  runId: string,
  range: TimeRange = {},
): Promise<NotificationRecord[]> {
  const w = within('time_s', range);
  const rows = await db.all(
    `SELECT notification_id, time_s, message FROM notifications WHERE run_id = ?${w.sql} `,
    [runId, ...w.params],
  );
  return rows
    .map((row) => ({
      id: textAt(row, 'notification_id'),
      timeS: numberAt(row, 'time_s'),
      message: jsonAt(row, 'message'),
    }))
    .sort((a, b) => a.timeS - b.timeS || compareText(a.id, b.id));
}
