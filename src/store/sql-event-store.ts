// The event store over the SQL port: one body of queries for SQLite and PostgreSQL,
// so the two implementations cannot drift apart. Each method is one query module's
// function; this class only binds them to a database.
import type { AlertSummary, TrackSummary } from '../analysis/summary.ts';
import type { SensorReport, TruthLabel } from '../sensors/report.ts';
import { appendAudit, lastAudit, listAudit } from './audit-queries.ts';
import type { EventStore, RunFilter, SetRunStatusOptions } from './event-store.ts';
import { addNotification, listOperatorActions, recordOperatorAction } from './operator-queries.ts';
import type {
  AlertVersion,
  AuditRecord,
  NewOperatorAction,
  NewRun,
  NotificationRecord,
  OperatorAction,
  RecoveryAction,
  ReportFilter,
  RunRecord,
  RunStatus,
  RunStep,
  ScenarioHead,
  ScenarioVersion,
  TimeRange,
} from './records.ts';
import {
  alertHistory,
  alertsAt,
  listNotifications,
  listReports,
  listTruthLabels,
  tracksAt,
} from './replay-queries.ts';
import { createRun, getRun, listRuns, recoverRuns, setRunStatus } from './run-queries.ts';
import {
  deleteScenario,
  getScenario,
  listScenarios,
  listScenarioVersions,
  saveScenario,
} from './scenario-queries.ts';
import type { SqlDatabase } from './sql.ts';
import { writeStep } from './step-write.ts';

export class SqlEventStore implements EventStore {
  readonly kind: 'sqlite' | 'postgres';
  private readonly db: SqlDatabase;

  /** The database must already be migrated (see `migrate`). */
  constructor(db: SqlDatabase) {
    this.db = db;
    this.kind = db.dialect;
  }

  saveScenario(name: string, text: string): Promise<ScenarioVersion> {
    return saveScenario(this.db, name, text);
  }
  getScenario(name: string, version?: number): Promise<ScenarioVersion | null> {
    return getScenario(this.db, name, version);
  }
  listScenarios(): Promise<ScenarioHead[]> {
    return listScenarios(this.db);
  }
  listScenarioVersions(name: string): Promise<ScenarioVersion[]> {
    return listScenarioVersions(this.db, name);
  }
  deleteScenario(name: string): Promise<void> {
    return deleteScenario(this.db, name);
  }

  createRun(run: NewRun): Promise<RunRecord> {
    return createRun(this.db, run);
  }
  getRun(id: string): Promise<RunRecord | null> {
    return getRun(this.db, id);
  }
  listRuns(filter?: RunFilter): Promise<RunRecord[]> {
    return listRuns(this.db, filter);
  }
  setRunStatus(id: string, status: RunStatus, options?: SetRunStatusOptions): Promise<RunRecord> {
    return setRunStatus(this.db, id, status, options);
  }
  recoverRuns(decide: RecoveryAction | ((run: RunRecord) => RecoveryAction) = 'fail'): Promise<RunRecord[]> {
    return recoverRuns(this.db, decide);
  }

  writeStep(runId: string, step: RunStep): Promise<void> {
    return writeStep(this.db, runId, step);
  }

  listReports(runId: string, filter?: ReportFilter): Promise<SensorReport[]> {
    return listReports(this.db, runId, filter);
  }
  listTruthLabels(runId: string, range?: TimeRange): Promise<TruthLabel[]> {
    return listTruthLabels(this.db, runId, range);
  }
  tracksAt(runId: string, timeS?: number): Promise<TrackSummary[]> {
    return tracksAt(this.db, runId, timeS);
  }
  alertsAt(runId: string, timeS?: number): Promise<AlertSummary[]> {
    return alertsAt(this.db, runId, timeS);
  }
  alertHistory(runId: string, alertId: string): Promise<AlertVersion[]> {
    return alertHistory(this.db, runId, alertId);
  }

  addNotification(runId: string, notification: NotificationRecord): Promise<void> {
    return addNotification(this.db, runId, notification);
  }
  listNotifications(runId: string, range?: TimeRange): Promise<NotificationRecord[]> {
    return listNotifications(this.db, runId, range);
  }

  recordOperatorAction(action: NewOperatorAction, audit: AuditRecord[] = []): Promise<OperatorAction> {
    return recordOperatorAction(this.db, action, audit);
  }
  listOperatorActions(runId: string, alertId?: string): Promise<OperatorAction[]> {
    return listOperatorActions(this.db, runId, alertId);
  }

  appendAudit(chain: string, records: AuditRecord[]): Promise<void> {
    return appendAudit(this.db, chain, records);
  }
  listAudit(chain: string, range?: { fromSeq?: number; toSeq?: number }): Promise<AuditRecord[]> {
    return listAudit(this.db, chain, range);
  }
  lastAudit(chain: string): Promise<AuditRecord | null> {
    return lastAudit(this.db, chain);
  }

  close(): Promise<void> {
    return this.db.close();
  }
}
