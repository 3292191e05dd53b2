// Synthetic run data for the store tests: a small valid scenario, and steps whose
// every report, label, track and alert is built from the step number, so a test can
// say exactly what each step must hold.
import type { AlertSummary, TrackSummary } from '../../src/analysis/summary.ts';
import type { IrReport, RadarReport, SensorReport, TruthLabel } from '../../src/sensors/report.ts';
import type { RunStep } from '../../src/store/records.ts';

export function scenarioText(seed = 7): string {
  return `name: Store test
epoch: 2026-05-01T12:00:00Z
duration: 10m
seed: ${seed}
defended: [USA]
events:
  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [40.0, -95.0]
    at: 60s
`;
}

export function irReport(id: string, timeS: number): IrReport {
  return {
    kind: 'ir',
    id,
    sensorId: 'sbirs-geo-1',
    timeS,
    observerEci: [42_164_000, 1.5, -2.25],
    losEci: [-0.6, 0.8, 0],
    azRad: 0.125,
    elRad: 0.0625,
    sigmaRad: 2.5e-5,
    intensity: 0.75,
    count: 1,
  };
}

export function radarReport(id: string, timeS: number): RadarReport {
  return {
    kind: 'radar',
    id,
    sensorId: 'beale:1',
    radarId: 'beale',
    timeS,
    site: { latRad: 0.683, lonRad: -2.118, hM: 60 },
    rangeM: 2_500_000.5,
    azRad: -0.3,
    elRad: 0.2,
    rangeRateMps: null,
    sigmaRangeM: 25,
    sigmaAngleRad: 0.002,
    sigmaRangeRateMps: null,
    snrDb: 17.5,
    count: 1,
  };
}

/** Report i of step k: alternately IR and radar, timed inside the step's second. */
export function stepReport(k: number, i: number, perStep: number): SensorReport {
  const id = `s${k}#${i}`;
  const timeS = k - 1 + (i + 0.5) / perStep;
  return i % 2 === 0 ? irReport(id, timeS) : radarReport(id, timeS);
}

export function track(id: string, firstTimeS: number, lastTimeS: number): TrackSummary {
  return { id, firstTimeS, lastTimeS, sensors: ['sbirs-geo-1'], classification: 'unknown' };
}

export function alert(
  id: string,
  timeS: number,
  levels: Array<{ level: string; timeS: number }>,
): AlertSummary {
  return {
    id,
    timeS,
    level: levels[levels.length - 1]!.level,
    levelHistory: levels,
    trackIds: ['T1'],
    launchArea: { latDeg: 55, lonDeg: 90, semiMajorKm: 30, semiMinorKm: 10, orientationDeg: 45 },
    impactArea: null,
    impactRegion: null,
    timeToImpactS: null,
    confidence: 0.5,
    evidence: ['ir'],
    notificationId: null,
    cancelled: false,
  };
}

/** Step k (time k s): `perStep` reports with labels, one track update and one alert version. */
export function syntheticStep(k: number, perStep: number): RunStep {
  const reports = Array.from({ length: perStep }, (_, i) => stepReport(k, i, perStep));
  const truthLabels: TruthLabel[] = reports.map((r, i) => ({
    reportId: r.id,
    cause: i % 3 === 0 ? 'false-alarm' : 'object',
    objectId: i % 3 === 0 ? null : 'L1/rv',
    eventId: i % 3 === 0 ? null : 'L1',
  }));
  return {
    timeS: k,
    reports,
    truthLabels,
    tracks: [track(`T${k % 4}`, k, k)],
    alerts: [alert(`A${k % 3}`, k, [{ level: 'event', timeS: k }])],
  };
}
