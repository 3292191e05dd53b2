// What the event store holds (issue 6, DESIGN.md §6): scenario versions, runs, and per
// run the time-stepped record of what the warning centre saw and did — reports (with
// their truth labels kept apart), track states, alert versions, notifications,
// operator actions and the audit chain. Times inside a run are seconds after the
// scenario epoch; wall-clock instants are UTC ISO-8601 strings.
import type { AlertSummary, TrackSummary } from '../analysis/summary.ts';
import type { AuditRecord } from '../centre/audit/audit-log.ts';
import type { SensorReport, TruthLabel } from '../sensors/report.ts';

/** One saved text of a named scenario; versions count up from 1. */
export interface ScenarioVersion {
  name: string;
  version: number;
  /** The scenario file as written (YAML or JSON); re-parse with `parseScenario(text, name)`. */
  text: string;
  createdAt: string;
}

/** A named scenario and its newest version. */
export interface ScenarioHead {
  name: string;
  latestVersion: number;
  versions: number;
  createdAt: string;
  updatedAt: string;
}

export const RUN_STATUSES = ['queued', 'running', 'paused', 'finished', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunRecord {
  id: string;
  scenarioName: string;
  scenarioVersion: number;
  seed: number;
  /** How the run was asked for (pace, overrides…), as given. */
  parameters: Record<string, unknown>;
  status: RunStatus;
  /** Why the run is in its status (a failure, an interruption), or null. */
  statusReason: string | null;
  /** Time of the last completely stored step, s after the epoch; null before the first. */
  progressS: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface NewRun {
  /** Default: a random UUID. */
  id?: string;
  scenarioName: string;
  scenarioVersion: number;
  seed: number;
  parameters?: Record<string, unknown>;
}

/** A notification as the centre received it (launch notification, data exchange message). */
export interface NotificationRecord {
  id: string;
  /** When it reached the centre, s after the epoch. */
  timeS: number;
  /** The message itself, JSON-serialisable, in the exchange format. */
  message: unknown;
}

/**
 * One record of an audit chain, as the centre's audit module writes it (seq, time,
 * kind, text, data, previous hash, hash). The store keeps records exactly as given,
 * append-only and in sequence; it never hashes or verifies them.
 */
export type { AuditRecord };

export const OPERATOR_ACTION_KINDS = ['acknowledge', 'comment'] as const;
export type OperatorActionKind = (typeof OPERATOR_ACTION_KINDS)[number];

export interface NewOperatorAction {
  /** Default: a random UUID (give one when the audit record must name it). */
  id?: string;
  runId: string;
  /** The alert acted on, or null for a comment on the run. */
  alertId: string | null;
  kind: OperatorActionKind;
  /** Who acted (the token's subject). */
  actor: string;
  text: string | null;
  /** Simulation time of the action, s after the epoch, or null. */
  timeS: number | null;
}

export interface OperatorAction extends Required<NewOperatorAction> {
  /** Order of the action within its run, from 1. */
  seq: number;
  /** Wall-clock instant the store recorded it. */
  at: string;
}

/**
 * Everything the centre produced in one simulation time step, written as one
 * transaction. `timeS` becomes the run's progress; it must be after the last step's.
 */
export interface RunStep {
  timeS: number;
  reports?: SensorReport[];
  /** Scoring-only labels of this step's reports; the centre never reads them back. */
  truthLabels?: TruthLabel[];
  /** Tracks created or updated in this step (their full current state). */
  tracks?: TrackSummary[];
  /** Tracks the centre deleted in this step. */
  droppedTrackIds?: string[];
  /** Alerts raised or changed in this step (their full current state). */
  alerts?: AlertSummary[];
  notifications?: NotificationRecord[];
  /** Records appended to the run's audit chain (the chain named by the run id). */
  audit?: AuditRecord[];
}

/** One stored state of an alert: the step it was written in and the alert then. */
export interface AlertVersion {
  stepS: number;
  alert: AlertSummary;
}

/** Closed interval of simulation time, s after the epoch; an absent end is open. */
export interface TimeRange {
  fromS?: number;
  toS?: number;
}

/** Reports in a time range, optionally only those whose id starts with `idPrefix` (a feed run's `feed/`). */
export interface ReportFilter extends TimeRange {
  idPrefix?: string;
}

/** What to do with a run found `running` when the store is opened after a stop. */
export type RecoveryAction = 'fail' | 'resume';
