// Migration 1: the whole schema, in SQL both SQLite and PostgreSQL accept. JSON
// documents are TEXT (the store never queries inside them); wall-clock instants are
// ISO-8601 UTC text, which sorts in time order; simulation times are float64 seconds.
import type { Migration } from '../migration.ts';

const sql = `
CREATE TABLE scenario_versions (
  name TEXT NOT NULL,
  version INTEGER NOT NULL,
  text TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (name, version)
);

CREATE TABLE runs (
  id TEXT PRIMARY KEY,
  scenario_name TEXT NOT NULL,
  scenario_version INTEGER NOT NULL,
  seed BIGINT NOT NULL,
  parameters TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued', 'running', 'paused', 'finished', 'failed')),
  status_reason TEXT,
  progress_s DOUBLE PRECISION,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  FOREIGN KEY (scenario_name, scenario_version) REFERENCES scenario_versions (name, version)
);
CREATE INDEX runs_by_status ON runs (status);
CREATE INDEX runs_by_scenario ON runs (scenario_name, scenario_version);

CREATE TABLE reports (
  run_id TEXT NOT NULL REFERENCES runs (id),
  report_id TEXT NOT NULL,
  step_s DOUBLE PRECISION NOT NULL,
  ord INTEGER NOT NULL,
  time_s DOUBLE PRECISION NOT NULL,
  sensor_id TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (run_id, report_id)
);
CREATE INDEX reports_by_time ON reports (run_id, time_s);

-- Scoring only: what really caused each report. Kept out of the reports table so that
-- nothing reading reports for the centre can see it.
CREATE TABLE truth_labels (
  run_id TEXT NOT NULL,
  report_id TEXT NOT NULL,
  cause TEXT NOT NULL,
  object_id TEXT,
  event_id TEXT,
  PRIMARY KEY (run_id, report_id),
  FOREIGN KEY (run_id, report_id) REFERENCES reports (run_id, report_id)
);

-- One row per track per step it changed in; dropped = 1 marks its deletion (data NULL).
CREATE TABLE track_states (
  run_id TEXT NOT NULL REFERENCES runs (id),
  track_id TEXT NOT NULL,
  step_s DOUBLE PRECISION NOT NULL,
  dropped INTEGER NOT NULL,
  data TEXT,
  PRIMARY KEY (run_id, track_id, step_s)
);

-- The current state of each alert (upserted) and every state it has had.
CREATE TABLE alerts (
  run_id TEXT NOT NULL REFERENCES runs (id),
  alert_id TEXT NOT NULL,
  level TEXT NOT NULL,
  first_s DOUBLE PRECISION NOT NULL,
  step_s DOUBLE PRECISION NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (run_id, alert_id)
);
CREATE TABLE alert_versions (
  run_id TEXT NOT NULL REFERENCES runs (id),
  alert_id TEXT NOT NULL,
  step_s DOUBLE PRECISION NOT NULL,
  level TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (run_id, alert_id, step_s)
);

CREATE TABLE notifications (
  run_id TEXT NOT NULL REFERENCES runs (id),
  notification_id TEXT NOT NULL,
  time_s DOUBLE PRECISION NOT NULL,
  message TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (run_id, notification_id)
);
CREATE INDEX notifications_by_time ON notifications (run_id, time_s);

CREATE TABLE operator_actions (
  run_id TEXT NOT NULL REFERENCES runs (id),
  seq INTEGER NOT NULL,
  id TEXT NOT NULL UNIQUE,
  alert_id TEXT,
  kind TEXT NOT NULL,
  actor TEXT NOT NULL,
  text TEXT,
  time_s DOUBLE PRECISION,
  at TEXT NOT NULL,
  PRIMARY KEY (run_id, seq)
);

-- Audit chains: a run's chain is named by the run id.
CREATE TABLE audit_records (
  chain TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time_s DOUBLE PRECISION NOT NULL,
  kind TEXT NOT NULL,
  text TEXT NOT NULL,
  data TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  PRIMARY KEY (chain, seq)
);
`;

export const initial: Migration = { version: 1, name: 'initial', sql: { sqlite: sql, postgres: sql } };
