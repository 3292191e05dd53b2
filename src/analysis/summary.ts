// The run summary document: what `vigil run --json` prints and `--out` writes as
// summary.json. Its fields are a contract (DESIGN.md §5): extend, never rename.
// Numbers are rounded to the precision they carry, which also keeps the document
// byte-identical for the same scenario and seed.
import { greatCircleDistance } from '../physics/geodesy.ts';
import type { NetworkRun } from '../sensors/run-network.ts';
import type { Truth, TruthObject } from '../world/truth.ts';
import type { RaidSummary } from './alert-summary.ts';
import type { ScoringSummary } from './scoring.ts';

export interface LatLon {
  latDeg: number;
  lonDeg: number;
}

export interface Area extends LatLon {
  semiMajorKm: number;
  semiMinorKm: number;
  orientationDeg: number;
}

export interface TruthObjectSummary {
  id: string;
  kind: string;
  eventId: string;
  vehicleClass: string;
  launchTimeS: number;
  separationTimeS: number;
  impactTimeS: number | null;
  launch: LatLon;
  impact: LatLon | null;
  apogeeKm: number | null;
  rangeKm: number | null;
}

export interface TrackSummary {
  id: string;
  firstTimeS: number;
  lastTimeS: number;
  sensors: string[];
  classification: string;
}

export interface AlertSummary {
  id: string;
  raidId?: string;
  launchRegion?: string | null;
  launchTimeS?: number | null;
  impactTimeS?: number | null;
  classification?: string;
  classEstimate?: string | null;
  notificationStatus?: string;
  timeS: number;
  level: string;
  levelHistory: Array<{ level: string; timeS: number }>;
  trackIds: string[];
  launchArea: Area | null;
  impactArea: Area | null;
  impactRegion: string | null;
  timeToImpactS: number | null;
  confidence: number;
  evidence: string[];
  notificationId: string | null;
  cancelled: boolean;
}

export interface WarningSummary {
  firstDetectionS: number | null;
  firstLaunchDetectedS: number | null;
  firstConfirmedS: number | null;
  firstAttackWarningS: number | null;
  firstImpactS: number | null;
  warningMarginS: number | null;
}

export interface ReportCounts {
  total: number;
  /** Reports not caused by a real object (glint, heat source, clutter, false alarm, Moon, fault). */
  falseAlarms: number;
  bySensor: Record<string, number>;
  /** Counts by what really caused them (truth labels, for scoring). */
  byCause: Record<string, number>;
  /** Per sensor, counts by cause. */
  bySensorAndCause: Record<string, Record<string, number>>;
}

export interface SummaryDocument {
  scenario: string;
  seed: number;
  epoch: string;
  durationS: number;
  truth: { objects: TruthObjectSummary[] };
  reports: ReportCounts;
  tracks: TrackSummary[];
  alerts: AlertSummary[];
  raids: RaidSummary[];
  warning: WarningSummary;
  /** The track picture scored against the truth (a separate section: the centre never sees it). */
  scoring: ScoringSummary;
}

/** Rounds to `digits` decimals (and turns −0 into 0). */
export function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}

function summariseObject(o: TruthObject, launch: LatLon): TruthObjectSummary {
  const impact = o.milestones.find((m) => m.kind === 'impact');
  const apogee = o.milestones.find((m) => m.kind === 'apogee');
  const D = Math.PI / 180;
  return {
    id: o.id,
    kind: o.kind,
    eventId: o.eventId,
    vehicleClass: o.vehicleClass,
    launchTimeS: round(o.launchTimeS, 3),
    separationTimeS: round(o.startTimeS, 3),
    impactTimeS: o.impactTimeS === null ? null : round(o.impactTimeS, 3),
    launch: { latDeg: round(launch.latDeg, 4), lonDeg: round(launch.lonDeg, 4) },
    impact: impact ? { latDeg: round(impact.latDeg, 4), lonDeg: round(impact.lonDeg, 4) } : null,
    apogeeKm: apogee ? round(apogee.altKm, 2) : null,
    rangeKm: impact
      ? round(
          greatCircleDistance(launch.latDeg * D, launch.lonDeg * D, impact.latDeg * D, impact.lonDeg * D) /
            1000,
          2,
        )
      : null,
  };
}

export function summariseTruth(truth: Truth): TruthObjectSummary[] {
  const launchOf = new Map(
    truth.launches.map((l) => [l.eventId, { latDeg: l.launchLatDeg, lonDeg: l.launchLonDeg }]),
  );
  return truth.objects.map((o) => summariseObject(o, launchOf.get(o.eventId)!));
}

/** Sorted-key object from a map, so the document's key order is deterministic. */
function sortedRecord<T>(m: Map<string, T>): Record<string, T> {
  return Object.fromEntries([...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

export function countReports(run: NetworkRun): ReportCounts {
  const bySensor = new Map<string, number>();
  const byCause = new Map<string, number>();
  const bySensorAndCause = new Map<string, Map<string, number>>();
  let falseAlarms = 0;
  for (let i = 0; i < run.reports.length; i++) {
    const sensor = run.reports[i]!.sensorId;
    const cause = run.labels[i]!.cause;
    bySensor.set(sensor, (bySensor.get(sensor) ?? 0) + 1);
    byCause.set(cause, (byCause.get(cause) ?? 0) + 1);
    const m = bySensorAndCause.get(sensor) ?? new Map<string, number>();
    m.set(cause, (m.get(cause) ?? 0) + 1);
    bySensorAndCause.set(sensor, m);
    if (cause !== 'object') falseAlarms++;
  }
  return {
    total: run.reports.length,
    falseAlarms,
    bySensor: sortedRecord(bySensor),
    byCause: sortedRecord(byCause),
    bySensorAndCause: sortedRecord(new Map([...bySensorAndCause].map(([k, v]) => [k, sortedRecord(v)]))),
  };
}

export const NO_WARNING: WarningSummary = {
  firstDetectionS: null,
  firstLaunchDetectedS: null,
  firstConfirmedS: null,
  firstAttackWarningS: null,
  firstImpactS: null,
  warningMarginS: null,
};

/** Earliest impact of any object of kind `rv` (the moment warning is for), s after epoch. */
export function firstRvImpactS(truth: Truth): number | null {
  let first: number | null = null;
  for (const o of truth.objects) {
    if (o.kind === 'rv' && o.impactTimeS !== null && (first === null || o.impactTimeS < first))
      first = o.impactTimeS;
  }
  return first;
}
