// The event store contract (issue 6): one interface, two implementations over the
// same schema (SQLite by default, PostgreSQL). Every method is async because
// PostgreSQL is; the SQLite implementation wraps synchronous calls.
//
// Failure modes: bad caller input (an invalid scenario text or name) throws
// InputError; a missing or conflicting record throws StoreError ('not-found',
// 'conflict'); anything else is an internal failure.
import type { AlertSummary, TrackSummary } from '../analysis/summary.ts';
import type { SensorReport, TruthLabel } from '../sensors/report.ts';
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

export interface SetRunStatusOptions {
  reason?: string | null;
  /** Change only from one of these statuses; otherwise throw StoreError 'conflict'. */
  expect?: readonly RunStatus[];
}

export interface RunFilter {
  status?: RunStatus;
  scenarioName?: string;
}

export interface EventStore {
  readonly kind: 'sqlite' | 'postgres';

  /**
   * Checks `text` with the scenario loader (InputError when invalid) and stores it as
   * the next version of `name`; the same text as the newest version adds no version.
   */
  saveScenario(name: string, text: string): Promise<ScenarioVersion>;
  /** The given version, or the newest when omitted; null when there is none. */
  getScenario(name: string, version?: number): Promise<ScenarioVersion | null>;
  listScenarios(): Promise<ScenarioHead[]>;
  /** Every version, oldest first; empty when the name is unknown. */
  listScenarioVersions(name: string): Promise<ScenarioVersion[]>;
  /** Removes every version; 'conflict' when a run uses it, 'not-found' when unknown. */
  deleteScenario(name: string): Promise<void>;

  /** A new run in status `queued`; 'not-found' when the scenario version does not exist. */
  createRun(run: NewRun): Promise<RunRecord>;
  getRun(id: string): Promise<RunRecord | null>;
  /** Newest first. */
  listRuns(filter?: RunFilter): Promise<RunRecord[]>;
  setRunStatus(id: string, status: RunStatus, options?: SetRunStatusOptions): Promise<RunRecord>;
  /**
   * Runs left `running` by a process that stopped: each is marked `failed` or, to be
   * resumed from its progress, `paused`, both with a reason saying so. `decide` picks
   * per run (default 'fail'). Returns the changed runs. Assumes no other live process
   * writes to these runs (one service per database).
   */
  recoverRuns(decide?: RecoveryAction | ((run: RunRecord) => RecoveryAction)): Promise<RunRecord[]>;

  /**
   * Writes one time step in one transaction and advances the run's progress to
   * `step.timeS`. The run must be `running` and the step after its progress
   * ('conflict' otherwise); a failure leaves nothing of the step.
   */
  writeStep(runId: string, step: RunStep): Promise<void>;

  /** Reports whose time lies in the range, in time order. */
  listReports(runId: string, filter?: ReportFilter): Promise<SensorReport[]>;
  /** Scoring only: truth labels of the reports in the range. */
  listTruthLabels(runId: string, range?: TimeRange): Promise<TruthLabel[]>;
  /** The tracks held at time `timeS` (default: the end), by id — the live picture then. */
  tracksAt(runId: string, timeS?: number): Promise<TrackSummary[]>;
  /** Every alert as it stood at time `timeS` (default: now), by first time then id. */
  alertsAt(runId: string, timeS?: number): Promise<AlertSummary[]>;
  /** Every stored state of one alert, oldest first. */
  alertHistory(runId: string, alertId: string): Promise<AlertVersion[]>;

  /** Stores a notification received outside a step ('conflict' on a repeated id). */
  addNotification(runId: string, notification: NotificationRecord): Promise<void>;
  listNotifications(runId: string, range?: TimeRange): Promise<NotificationRecord[]>;

  /**
   * Records an acknowledgement or comment and appends `audit` to the run's audit chain
   * in the same transaction. 'not-found' for an unknown run or alert.
   */
  recordOperatorAction(action: NewOperatorAction, audit?: AuditRecord[]): Promise<OperatorAction>;
  listOperatorActions(runId: string, alertId?: string): Promise<OperatorAction[]>;

  /**
   * Appends records to a chain atomically; the first must follow the chain's last
   * record (seq + 1) and the rest follow each other, else 'conflict' and nothing is stored.
   */
  appendAudit(chain: string, records: AuditRecord[]): Promise<void>;
  /** Records with seq in [fromSeq, toSeq], in order. */
  listAudit(chain: string, range?: { fromSeq?: number; toSeq?: number }): Promise<AuditRecord[]>;
  lastAudit(chain: string): Promise<AuditRecord | null>;

  /** Waits for pending writes and releases the database. */
  close(): Promise<void>;
}
