// Event-store write throughput (issue 6) for a synthetic reference-raid run: 2,700
// one-second steps (a 45-minute salvo scenario), each with 50 sensor reports and their
// truth labels, 20 track updates, 7 alert versions (and their upserts) and an audit
// record every 10 steps, written one transaction per step as a live run writes them —
// on SQLite (a temporary file, WAL, synchronous=FULL) and on PostgreSQL
// ($VIGIL_TEST_POSTGRES_URL, a schema of its own, dropped afterwards; the row says so
// when the server is down). Baseline: simulated time itself — a live run at real time
// needs 1 step/s, so steps/s is also the factor over real time. Beside it, the time to
// read back the picture (tracks and alerts) at mid-run, the unit of a replay.
// VIGIL_BENCH_SHORT=1 writes 300 steps.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { AlertSummary, TrackSummary } from '../src/analysis/summary.ts';
import { AuditLog } from '../src/centre/audit/audit-log.ts';
import type { SensorReport, TruthLabel } from '../src/sensors/report.ts';
import type { EventStore } from '../src/store/event-store.ts';
import { openStore } from '../src/store/open-store.ts';
import type { RunStep } from '../src/store/records.ts';
import type { BenchRow, BenchSuite } from './harness.ts';

const STEPS = process.env['VIGIL_BENCH_SHORT'] === '1' ? 300 : 2_700;
const REPORTS = 50;
const TRACKS = 20;
const ALERTS = 7;
const AUDIT_EVERY = 10;
const POSTGRES_URL = process.env['VIGIL_TEST_POSTGRES_URL'] || 'postgres://postgres@127.0.0.1:5432/test';

const SCENARIO = `name: Store bench
epoch: 2026-05-01T12:00:00Z
duration: 45m
seed: 11
defended: [USA]
events:
  - type: launch
    id: I1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [40.0, -95.0]
    at: 60s
`;

/** Deterministic uniform [0, 1) numbers (a 32-bit LCG): bench data need not be good random, only the same each time. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

function report(k: number, i: number, u: () => number): SensorReport {
  const timeS = k - 1 + i / REPORTS;
  if (i % 5 !== 0) {
    const a = u() * 2 * Math.PI;
    return {
      kind: 'ir',
      id: `sat-${i % 4}#${k * REPORTS + i}`,
      sensorId: `sat-${i % 4}`,
      timeS,
      observerEci: [42_164_000 * Math.cos(a), 42_164_000 * Math.sin(a), 0],
      losEci: [-Math.cos(a), -Math.sin(a), 0],
      azRad: u() * 6.28,
      elRad: u() * 0.15,
      sigmaRad: 2.5e-5,
      intensity: u(),
      count: 1,
    };
  }
  return {
    kind: 'radar',
    id: `radar-${i % 3}:1#${k * REPORTS + i}`,
    sensorId: `radar-${i % 3}:1`,
    radarId: `radar-${i % 3}`,
    timeS,
    site: { latRad: 0.68, lonRad: -2.12, hM: 60 },
    rangeM: 1e6 + u() * 4e6,
    azRad: u() * 6.28,
    elRad: u() * 1.2,
    rangeRateMps: -3000 - u() * 3000,
    sigmaRangeM: 25,
    sigmaAngleRad: 0.002,
    sigmaRangeRateMps: 5,
    snrDb: 10 + u() * 20,
    count: 1,
  };
}

function syntheticRun(): RunStep[] {
  const u = lcg(11);
  const audit = new AuditLog();
  const steps: RunStep[] = [];
  for (let k = 1; k <= STEPS; k++) {
    const reports = Array.from({ length: REPORTS }, (_, i) => report(k, i, u));
    const truthLabels: TruthLabel[] = reports.map((r) => ({
      reportId: r.id,
      cause: u() < 0.2 ? 'false-alarm' : 'object',
      objectId: 'I1/rv',
      eventId: 'I1',
    }));
    const tracks: TrackSummary[] = Array.from({ length: TRACKS }, (_, j) => ({
      id: `T${j}`,
      firstTimeS: 1,
      lastTimeS: k,
      sensors: ['sat-0', 'radar-1:1'],
      classification: 'ballistic',
    }));
    const alerts: AlertSummary[] = Array.from({ length: ALERTS }, (_, j) => ({
      id: `A${j}`,
      timeS: 60 + j * 30,
      level: k > 600 ? 'attack-warning' : 'launch-detected',
      levelHistory: [{ level: 'launch-detected', timeS: 60 + j * 30 }],
      trackIds: [`T${j}`, `T${j + 7}`],
      launchArea: { latDeg: 55, lonDeg: 90, semiMajorKm: 30, semiMinorKm: 10, orientationDeg: 45 },
      impactArea: {
        latDeg: 40,
        lonDeg: -95,
        semiMajorKm: 80 * u() + 20,
        semiMinorKm: 20,
        orientationDeg: 10,
      },
      impactRegion: 'USA',
      timeToImpactS: 1800 - k / 2,
      confidence: u(),
      evidence: ['ir', 'radar'],
      notificationId: null,
      cancelled: false,
    }));
    const step: RunStep = { timeS: k, reports, truthLabels, tracks, alerts };
    if (k % AUDIT_EVERY === 0) step.audit = [audit.append(k, 'level-change', `step ${k}`, { k })];
    steps.push(step);
  }
  return steps;
}

/** Rows one step writes: reports, labels, track states, alert versions and upserts, audit records, the run's progress. */
function rowsOf(step: RunStep): number {
  return (
    step.reports!.length +
    step.truthLabels!.length +
    step.tracks!.length +
    2 * step.alerts!.length +
    (step.audit?.length ?? 0) +
    1
  );
}

async function measure(label: string, store: EventStore, steps: RunStep[]): Promise<BenchRow[]> {
  const v = await store.saveScenario('store-bench', SCENARIO);
  const run = await store.createRun({ scenarioName: v.name, scenarioVersion: v.version, seed: 11 });
  await store.setRunStatus(run.id, 'running');
  const t0 = performance.now();
  for (const step of steps) await store.writeStep(run.id, step);
  const seconds = (performance.now() - t0) / 1000;
  const rows = steps.reduce((n, s) => n + rowsOf(s), 0);
  const stepsPerS = steps.length / seconds;
  const mid = steps.length / 2;
  const readTimes: number[] = [];
  let picture = { tracks: 0, alerts: 0 };
  for (let i = 0; i < 5; i++) {
    const r0 = performance.now();
    const [tracks, alerts] = await Promise.all([store.tracksAt(run.id, mid), store.alertsAt(run.id, mid)]);
    readTimes.push(performance.now() - r0);
    picture = { tracks: tracks.length, alerts: alerts.length };
  }
  const readMs = readTimes.sort((a, b) => a - b)[2]!;
  return [
    {
      name: `${label}: reference raid, ${steps.length} steps`,
      value: stepsPerS,
      unit: 'steps/s',
      target: '≥ 1 step/s (real time)',
      met: stepsPerS >= 1,
      note: `${Math.round(rows / seconds)} rows/s; ${rows} rows in ${seconds.toFixed(1)} s; ${stepsPerS.toFixed(0)}× real time`,
    },
    {
      name: `${label}: picture at mid-run (tracks + alerts), median of 5`,
      value: readMs,
      unit: 'ms',
      note: `${picture.tracks} tracks, ${picture.alerts} alerts`,
    },
  ];
}

async function sqlite(steps: RunStep[]): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'vigil-bench-'));
  const store = await openStore(`sqlite:${join(dir, 'vigil.db')}`);
  try {
    return await measure('SQLite', store, steps);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function postgres(steps: RunStep[]): Promise<BenchRow[]> {
  const schema = `vigil_bench_${process.pid}`;
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  let store: EventStore;
  try {
    store = await openStore(url.toString());
  } catch (err) {
    return [
      {
        name: 'PostgreSQL: reference raid',
        value: Number.NaN,
        unit: 'steps/s',
        note: `skipped: cannot connect to ${POSTGRES_URL} (${(err as Error).message})`,
      },
    ];
  }
  try {
    return await measure('PostgreSQL', store, steps);
  } finally {
    await store.close();
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  }
}

export const suite: BenchSuite = {
  title: 'Event store: write throughput (reference raid)',
  async run() {
    const steps = syntheticRun();
    return [...(await sqlite(steps)), ...(await postgres(steps))];
  },
};
