// Per-sensor status as the centre can know it — from the reports it has received, not
// from the truth: how many each sensor sent, when the last one came, whether it is
// reporting now, and whether the centre holds its feed inconsistent (the 1980
// garbled counts, one feed alone seeing launches). Sensors report detections only, so
// a quiet sensor is not a broken one; the status says what was received, no more.
import type { SensorReport } from '../../sensors/report.ts';
import type { SensorInfo } from '../../sensors/run-network.ts';

/** A sensor counts as reporting within this many revisits of its last report (and at least a minute). */
const ACTIVE_REVISITS = 3;
const ACTIVE_MIN_S = 60;

export interface SensorStatus {
  id: string;
  kind: 'ir' | 'radar';
  /** The radar a face belongs to; null for satellites. */
  radarId: string | null;
  /** idle: nothing received yet; active: reporting now; quiet: reported before, not lately. */
  state: 'idle' | 'active' | 'quiet';
  reports: number;
  lastReportS: number | null;
  /** The centre holds this feed inconsistent. */
  flagged: boolean;
}

export interface Tally {
  reports: number;
  lastReportS: number;
}

/** Reports received per sensor (up to some time). */
export interface ReportCounts {
  get(sensorId: string): Tally | undefined;
}

/** Running counts of reports per sensor. */
export class SensorTally implements ReportCounts {
  private readonly counts = new Map<string, Tally>();

  add(reports: readonly SensorReport[]): void {
    for (const r of reports) {
      const t = this.counts.get(r.sensorId);
      if (t) {
        t.reports++;
        t.lastReportS = Math.max(t.lastReportS, r.timeS);
      } else this.counts.set(r.sensorId, { reports: 1, lastReportS: r.timeS });
    }
  }

  get(sensorId: string): Tally | undefined {
    return this.counts.get(sensorId);
  }
}

export function sensorStatus(
  info: SensorInfo,
  tally: ReportCounts,
  flagged: boolean,
  tS: number,
): SensorStatus {
  const t = tally.get(info.id);
  const activeWithinS = Math.max(ACTIVE_MIN_S, ACTIVE_REVISITS * info.revisitS);
  return {
    id: info.id,
    kind: info.kind,
    radarId: info.radarId ?? null,
    state: !t ? 'idle' : tS - t.lastReportS <= activeWithinS ? 'active' : 'quiet',
    reports: t?.reports ?? 0,
    lastReportS: t ? Math.round(t.lastReportS * 1000) / 1000 : null,
    flagged,
  };
}

/** Every sensor's status at tS, in the network's order. */
export function sensorStatuses(
  sensors: readonly SensorInfo[],
  tally: ReportCounts,
  flagged: ReadonlySet<string>,
  tS: number,
): SensorStatus[] {
  return sensors.map((s) =>
    sensorStatus(s, tally, flagged.has(s.id) || (s.radarId !== undefined && flagged.has(s.radarId)), tS),
  );
}
