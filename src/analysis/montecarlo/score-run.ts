// Scores one observed run against its truth: per launch, whether and when sensors saw
// it and when the centre's alerts for it (attribution.ts) reached each level of the
// ladder, and how far the centre's launch and impact estimates were off; and every
// alert with no real launch behind it. Times are seconds after the launch; rounded to
// the precision they carry so that records are byte-stable.

import type { Alert } from '../../centre/assessment/alert.ts';
import { type AlertLevel, LEVELS, levelRank } from '../../centre/assessment/alert.ts';
import { greatCircleDistance } from '../../physics/geodesy.ts';
import type { Truth } from '../../world/truth.ts';
import { round } from '../summary.ts';
import { attributeAlerts, labelIndex } from './attribution.ts';
import type { ObservedRun } from './observed-run.ts';

const D = Math.PI / 180;

export type LevelTimes = Record<AlertLevel, number | null>;

export interface LatLon {
  latDeg: number;
  lonDeg: number;
}

export interface LaunchOutcome {
  /** The launch event (a salvo's k-th launch is `<id>#k`). */
  id: string;
  vehicleClass: string;
  launchTimeS: number;
  /** True launch point and the RV's (or payload's) impact point, if it came down. */
  launchPoint: LatLon;
  impactPoint: LatLon | null;
  /** The leading alert's final launch- and impact-area centres. */
  launchEstimate: LatLon | null;
  impactEstimate: LatLon | null;
  /** Flight time of its RV (or payload) to impact, s; null when it does not come down. */
  flightTimeS: number | null;
  /** Whether any sensor reported it. */
  detected: boolean;
  /** First report of it by any sensor, s after launch. */
  firstReportS: number | null;
  /** First report by each sensor that saw it, s after launch (keys sorted). */
  sensors: Record<string, number>;
  /** When its alerts first reached each level, s after launch (null: never). */
  levels: LevelTimes;
  /** The alerts covering it (attribution.ts), most advanced first. */
  alertIds: string[];
  /** The leading alert's final launch estimate (its most advanced alert mainly about it): distance from the true launch point, km, and time error, s. */
  launchErrorKm: number | null;
  launchTimeErrorS: number | null;
  /** The leading alert's final impact estimate: distance from the true impact point, km. */
  impactErrorKm: number | null;
  /** Impact minus attack warning, s (null without either). */
  warningMarginS: number | null;
}

export interface FalseAlert {
  alertId: string;
  level: AlertLevel;
  /** Time the alert reached its level, s after the epoch. */
  levelTimeS: number;
  cancelled: boolean;
  /** Its reports by cause (glint, clutter, …). */
  causes: Record<string, number>;
}

export interface RunScore {
  launches: LaunchOutcome[];
  falseAlerts: FalseAlert[];
}

/** The alert to quote for a launch: the highest level, then the open one, then the earliest. */
function byLead(a: Alert, b: Alert): number {
  return (
    levelRank(b.level) - levelRank(a.level) ||
    Number(a.cancelled) - Number(b.cancelled) ||
    a.timeS - b.timeS ||
    (a.id < b.id ? -1 : 1)
  );
}

function headOf(truth: Truth, eventId: string) {
  return truth.objects.find((o) => o.eventId === eventId && (o.kind === 'rv' || o.kind === 'payload'));
}

export function scoreRun(run: ObservedRun): RunScore {
  const { truth, sensors, centre } = run;
  const launchIds = truth.launches.map((l) => l.eventId);
  const labels = labelIndex(sensors.labels);
  const alerts = centre.allAlerts();
  const attribution = attributeAlerts(alerts, run.trackReports, labels, launchIds);

  // First report of each launch, by sensor (reports are in time order).
  const firstBySensor = new Map<string, Map<string, number>>();
  for (let i = 0; i < sensors.reports.length; i++) {
    const label = sensors.labels[i]!;
    if (label.cause !== 'object' || label.eventId === null) continue;
    const bySensor = firstBySensor.get(label.eventId) ?? new Map<string, number>();
    const report = sensors.reports[i]!;
    if (!bySensor.has(report.sensorId)) bySensor.set(report.sensorId, report.timeS);
    firstBySensor.set(label.eventId, bySensor);
  }

  const alertsOf = new Map<string, Alert[]>();
  const mainOf = new Map<string, string | null>();
  const falseAlerts: FalseAlert[] = [];
  for (const [i, a] of attribution.entries()) {
    const alert = alerts[i]!;
    if (a.eventId === null) {
      const top = alert.levelHistory[alert.levelHistory.length - 1]!;
      falseAlerts.push({
        alertId: alert.id,
        level: alert.level,
        levelTimeS: round(top.timeS, 3),
        cancelled: alert.cancelled,
        causes: a.causes,
      });
    } else for (const id of a.eventIds) alertsOf.set(id, [...(alertsOf.get(id) ?? []), alert]);
    mainOf.set(alert.id, a.eventId);
  }

  const launches = truth.launches.map((l): LaunchOutcome => {
    const t0 = l.launchTimeS;
    const mine = (alertsOf.get(l.eventId) ?? []).slice().sort(byLead);
    const levels = Object.fromEntries(LEVELS.map((lv) => [lv, null])) as LevelTimes;
    for (const a of mine) {
      for (const h of a.levelHistory) {
        const t = round(h.timeS - t0, 3);
        const was = levels[h.level];
        if (was === null || t < was) levels[h.level] = t;
      }
    }
    const seen = [...(firstBySensor.get(l.eventId) ?? new Map<string, number>())].sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    const sensorTimes = Object.fromEntries(seen.map(([id, t]) => [id, round(t - t0, 3)]));
    const first = seen.length > 0 ? Math.min(...seen.map(([, t]) => t)) : null;
    const head = headOf(truth, l.eventId);
    const impact = head?.milestones.find((m) => m.kind === 'impact') ?? null;
    // The estimates quoted: from an alert mainly about this launch, if there is one.
    const lead = mine.find((a) => mainOf.get(a.id) === l.eventId) ?? mine[0];
    const launchArea = lead?.launchArea ?? null;
    const impactArea = lead?.impactArea ?? null;
    const warning = levels['attack-warning'];
    const flightTimeS = head?.impactTimeS != null ? round(head.impactTimeS - t0, 3) : null;
    const at = (p: LatLon | null) => (p ? { latDeg: round(p.latDeg, 4), lonDeg: round(p.lonDeg, 4) } : null);
    return {
      id: l.eventId,
      vehicleClass: l.vehicleClass,
      launchTimeS: round(t0, 3),
      launchPoint: { latDeg: round(l.launchLatDeg, 4), lonDeg: round(l.launchLonDeg, 4) },
      impactPoint: at(impact),
      launchEstimate: at(launchArea),
      impactEstimate: at(impactArea),
      flightTimeS,
      detected: first !== null,
      firstReportS: first === null ? null : round(first - t0, 3),
      sensors: sensorTimes,
      levels,
      alertIds: mine.map((a) => a.id),
      launchErrorKm: launchArea
        ? round(
            greatCircleDistance(
              launchArea.latDeg * D,
              launchArea.lonDeg * D,
              l.launchLatDeg * D,
              l.launchLonDeg * D,
            ) / 1000,
            2,
          )
        : null,
      launchTimeErrorS:
        lead?.launchTimeS !== null && lead?.launchTimeS !== undefined
          ? round(lead.launchTimeS - t0, 1)
          : null,
      impactErrorKm:
        impactArea && impact
          ? round(
              greatCircleDistance(
                impactArea.latDeg * D,
                impactArea.lonDeg * D,
                impact.latDeg * D,
                impact.lonDeg * D,
              ) / 1000,
              2,
            )
          : null,
      warningMarginS: warning !== null && flightTimeS !== null ? round(flightTimeS - warning, 3) : null,
    };
  });
  return { launches, falseAlerts };
}
