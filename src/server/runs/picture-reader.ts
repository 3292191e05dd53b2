// The picture of a run at any time, read back from the store — replay. The same reads
// serve a live run (the subscriber's first picture, a seek) and a finished one, so what
// a console shows after a seek is what it showed live: the tracks and alerts of the
// last step at or before the time, what operators had done by then, and each sensor's
// status from the reports received up to that step.
import type { LiveTrack } from '../../analysis/live/live-track.ts';
import { SensorTally, sensorStatuses } from '../../analysis/live/sensor-status.ts';
import { ASSESS_EVERY_S } from '../../analysis/run-centre.ts';
import type { SensorInfo } from '../../sensors/run-network.ts';
import type { EventStore } from '../../store/event-store.ts';
import type { RunRecord } from '../../store/records.ts';
import type { OperatorLedger } from './operator-ledger.ts';
import type { ReportIndex } from './report-index.ts';
import type { Picture } from './run-events.ts';

/** The stored step whose picture stands at tS: the last step at or before it, or null before the first. */
export function stepAtOrBefore(run: RunRecord, durationS: number, tS: number): number | null {
  if (run.progressS === null) return null;
  const onGrid = tS >= durationS ? durationS : Math.floor(tS / ASSESS_EVERY_S) * ASSESS_EVERY_S;
  const step = Math.min(onGrid, run.progressS);
  return step > 0 ? step : null;
}

/** Sensors the centre had flagged inconsistent by a step, from the run's audit chain. */
export async function flaggedBy(store: EventStore, runId: string, stepS: number): Promise<Set<string>> {
  const flagged = new Set<string>();
  for (const r of await store.listAudit(runId)) {
    const sensor = r.data['sensorId'];
    if (r.kind === 'feed-inconsistent' && r.timeS <= stepS && typeof sensor === 'string') flagged.add(sensor);
  }
  return flagged;
}

export async function readPicture(
  store: EventStore,
  run: RunRecord,
  durationS: number,
  sensors: readonly SensorInfo[],
  ledger: OperatorLedger,
  reports: ReportIndex,
  timeS: number,
): Promise<Picture> {
  const stepS = stepAtOrBefore(run, durationS, timeS);
  if (stepS === null)
    return {
      runId: run.id,
      timeS,
      stepS,
      tracks: [],
      alerts: [],
      sensors: sensorStatuses(sensors, new SensorTally(), new Set(), 0),
    };
  const [tracks, alerts, counts, flagged] = await Promise.all([
    store.tracksAt(run.id, stepS),
    store.alertsAt(run.id, stepS),
    reports.countsAt(run.progressS ?? 0, stepS),
    flaggedBy(store, run.id, stepS),
  ]);
  return {
    runId: run.id,
    timeS,
    stepS,
    tracks: tracks as LiveTrack[],
    alerts: alerts.map((a) => ledger.view(a, timeS)),
    sensors: sensorStatuses(sensors, counts, flagged, stepS),
  };
}
