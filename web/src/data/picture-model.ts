// The picture a console holds of one run, whichever source feeds it: the clock, the
// tracks with a short history of positions each, the alerts, the sensor statuses and
// notifications, and the series the charts draw (tracks held per step, reports per
// sensor per bin). Sources replace it whole (a snapshot) or apply one step's changes;
// views listen for what changed.
import { Emitter } from './emitter.ts';
import type { AlertView, Picture, RunInfo, SensorStatus, StepMessage, Track } from './types.ts';

/** Positions kept per track for its trail. */
export const HISTORY_POINTS = 20;
/** Width of a report-count bin, s (the service's report-counts default). */
export const REPORT_BIN_S = 60;

export interface ClockState {
  timeS: number;
  playing: boolean;
  pace: number;
  mode: 'paced' | 'batch';
  /** Stored progress of a live run; the run's end for a recorded one. */
  progressS: number | null;
  status: string;
}

export interface TrackChange {
  /** True when the whole set was replaced (ids below are then empty). */
  replaced: boolean;
  changed: string[];
  dropped: string[];
}

export interface ModelEvents extends Record<string, unknown> {
  run: RunInfo;
  clock: ClockState;
  tracks: TrackChange;
  alerts: { replaced: boolean; changed: string[] };
  sensors: null;
  series: null;
}

export class PictureModel extends Emitter<ModelEvents> {
  run: RunInfo;
  readonly clock: ClockState;
  readonly tracks = new Map<string, Track>();
  /** Per track: flat [tS, latDeg, lonDeg, altKm, …], oldest first. */
  readonly history = new Map<string, number[]>();
  readonly alerts = new Map<string, AlertView>();
  readonly sensors = new Map<string, SensorStatus>();
  /** Tracks held, as [tS, count] per picture received. */
  readonly trackCounts: Array<[number, number]> = [];
  /** Reports per sensor in bins of REPORT_BIN_S (index k: [k·bin, (k+1)·bin)). */
  reportBins = new Map<string, number[]>();
  /** The track counts were given whole (a recorded run) and pictures do not add to them. */
  private trackCountsGiven = false;

  constructor(run: RunInfo) {
    super();
    this.run = run;
    this.clock = { timeS: 0, playing: false, pace: 1, mode: 'paced', progressS: null, status: 'queued' };
  }

  setRun(run: RunInfo): void {
    this.run = run;
    this.emit('run', run);
  }

  setClock(change: Partial<ClockState>): void {
    Object.assign(this.clock, change);
    this.emit('clock', this.clock);
  }

  /**
   * A whole picture: everything held before goes (trails too, when time went back).
   * `trails`, when the source knows them (a recorded run), replace the trails whole.
   */
  replace(picture: Picture, trails?: ReadonlyMap<string, readonly number[]>): void {
    this.putTracks(picture.tracks, picture.timeS, trails);
    this.alerts.clear();
    for (const a of picture.alerts) this.alerts.set(a.id, a);
    this.sensors.clear();
    for (const s of picture.sensors) this.sensors.set(s.id, s);
    this.countTracks(picture.timeS);
    this.setClock({ timeS: picture.timeS });
    this.emit('tracks', { replaced: true, changed: [], dropped: [] });
    this.emit('alerts', { replaced: true, changed: [] });
    this.emit('sensors', null);
  }

  /** The tracks alone replaced, with their trails (a recorded run stepping on with its alerts unchanged). */
  replaceTracks(
    timeS: number,
    tracks: readonly Track[],
    trails: ReadonlyMap<string, readonly number[]>,
  ): void {
    this.putTracks(tracks, timeS, trails);
    this.countTracks(timeS);
    this.setClock({ timeS });
    this.emit('tracks', { replaced: true, changed: [], dropped: [] });
  }

  private putTracks(
    tracks: readonly Track[],
    timeS: number,
    trails: ReadonlyMap<string, readonly number[]> | undefined,
  ): void {
    this.tracks.clear();
    if (trails || timeS < this.clock.timeS) this.history.clear();
    for (const t of tracks) {
      this.tracks.set(t.id, t);
      const trail = trails?.get(t.id);
      if (trail) this.history.set(t.id, [...trail]);
      else this.remember(t);
    }
    for (const id of this.history.keys()) if (!this.tracks.has(id)) this.history.delete(id);
  }

  /** One computed step's changes. */
  applyStep(
    step: Pick<StepMessage, 'timeS' | 'tracks' | 'droppedTrackIds' | 'alerts' | 'sensors' | 'reports'>,
  ): void {
    const changed: string[] = [];
    for (const t of step.tracks) {
      this.tracks.set(t.id, t);
      this.remember(t);
      changed.push(t.id);
    }
    for (const id of step.droppedTrackIds) {
      this.tracks.delete(id);
      this.history.delete(id);
    }
    for (const a of step.alerts) this.alerts.set(a.id, a);
    for (const s of step.sensors) this.sensors.set(s.id, s);
    this.addReports(step.timeS, step.reports.bySensor);
    this.countTracks(step.timeS);
    this.setClock({ timeS: step.timeS });
    if (changed.length > 0 || step.droppedTrackIds.length > 0)
      this.emit('tracks', { replaced: false, changed, dropped: step.droppedTrackIds });
    if (step.alerts.length > 0)
      this.emit('alerts', { replaced: false, changed: step.alerts.map((a) => a.id) });
    if (step.sensors.length > 0) this.emit('sensors', null);
  }

  upsertAlert(alert: AlertView): void {
    this.alerts.set(alert.id, alert);
    this.emit('alerts', { replaced: false, changed: [alert.id] });
  }

  /** Replaces the per-sensor report bins (from the service's report counts). */
  setReportBins(bins: Record<string, number[]>): void {
    this.reportBins = new Map(Object.entries(bins).map(([id, row]) => [id, [...row]]));
    this.emit('series', null);
  }

  private addReports(timeS: number, bySensor: Record<string, number>): void {
    // A step holds the reports of (previous step, timeS]: bin them at their step's end.
    const k = Math.max(0, Math.ceil(timeS / REPORT_BIN_S) - 1);
    for (const [id, n] of Object.entries(bySensor)) {
      let row = this.reportBins.get(id);
      if (!row) {
        row = [];
        this.reportBins.set(id, row);
      }
      while (row.length <= k) row.push(0);
      row[k]! += n;
    }
    this.emit('series', null);
  }

  /** The whole track-count series at once (a recorded run knows it from the start). */
  setTrackCounts(series: ReadonlyArray<[number, number]>): void {
    this.trackCountsGiven = true;
    this.trackCounts.length = 0;
    this.trackCounts.push(...series);
    this.emit('series', null);
  }

  private countTracks(timeS: number): void {
    if (this.trackCountsGiven) return;
    while (this.trackCounts.length > 0 && this.trackCounts[this.trackCounts.length - 1]![0] >= timeS)
      this.trackCounts.pop();
    this.trackCounts.push([timeS, this.tracks.size]);
    this.emit('series', null);
  }

  private remember(t: Track): void {
    const p = t.position ?? (t.groundPoint ? { ...t.groundPoint, altKm: 0 } : null);
    if (!p) return;
    let h = this.history.get(t.id);
    if (!h) {
      h = [];
      this.history.set(t.id, h);
    }
    if (h.length > 0 && h[h.length - 4] === t.timeS) return;
    h.push(t.timeS, p.latDeg, p.lonDeg, p.altKm);
    if (h.length > HISTORY_POINTS * 4) h.splice(0, h.length - HISTORY_POINTS * 4);
  }
}
