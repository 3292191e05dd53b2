// A recorded run played in the browser: the summary.json and scene.czml that
// `vigil run --out DIR` writes. The clock runs here (play, pause, speed, seek); the
// alerts stand as they did at the time shown (recorded-alert.ts); the centre's tracks
// as the last assessment held them (recorded-tracks.ts); the truth, the sensor network
// and the defended territory come from the CZML. A scene written before it carried
// tracks shows none, and its track-count chart comes from the summary tracks' spans.

import { defendedOfCzml, networkOfCzml, truthPackets } from './czml-scene.ts';
import { PictureModel } from './picture-model.ts';
import { recordedAlertAt } from './recorded-alert.ts';
import {
  RECORDED_STEP_S,
  type RecordedTrack,
  recordedStepAt,
  recordedTracksAt,
  recordedTracksOfCzml,
} from './recorded-tracks.ts';
import type { DefendedAreas, RunSource, SourceCapabilities } from './run-source.ts';
import type { RunSummary } from './summary-types.ts';
import type { AlertView, GlobeNetwork, RunInfo } from './types.ts';

/** The clock's update interval while playing, ms. */
const TICK_MS = 100;
/** The CZML export's own clock multiplier. */
const DEFAULT_PACE = 30;

/** Tracks held at each whole step of `stepS`, from each track's first and last time. */
export function trackCountSeries(summary: RunSummary, stepS: number): Array<[number, number]> {
  const series: Array<[number, number]> = [];
  for (let t = 0; t <= summary.durationS; t += stepS) {
    let n = 0;
    for (const tr of summary.tracks) if (tr.firstTimeS <= t && t <= tr.lastTimeS) n++;
    series.push([t, n]);
  }
  return series;
}

/** Tracks held at each assessment, from the recorded tracks (tentative ones and those dropped later included). */
export function recordedTrackCounts(
  tracks: readonly RecordedTrack[],
  durationS: number,
): Array<[number, number]> {
  const counts = new Map<number, number>();
  for (const r of tracks) for (const t of r.timeS) counts.set(t, (counts.get(t) ?? 0) + 1);
  const series: Array<[number, number]> = [];
  for (let t = 0; t <= durationS; t += RECORDED_STEP_S) series.push([t, counts.get(t) ?? 0]);
  return series;
}

export class RecordedSource implements RunSource {
  readonly kind = 'recorded' as const;
  readonly info: RunInfo;
  readonly model: PictureModel;
  readonly capabilities: SourceCapabilities = {
    control: true,
    operatorActions: false,
    truth: true,
    reportSeries: false,
  };
  private readonly summary: RunSummary;
  private readonly czml: readonly unknown[];
  private readonly tracks: RecordedTrack[];
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastTick = 0;
  private shownAlerts: string | null = null;
  private shownStepS: number | null | undefined;

  constructor(summary: RunSummary, czml: readonly unknown[]) {
    this.summary = summary;
    this.czml = czml;
    this.tracks = recordedTracksOfCzml(czml, summary.epoch);
    this.info = {
      id: 'recorded',
      title: `${summary.scenario} (recorded, seed ${summary.seed})`,
      epoch: summary.epoch,
      durationS: summary.durationS,
      stepS: RECORDED_STEP_S,
    };
    this.model = new PictureModel(this.info);
    this.model.setClock({ pace: DEFAULT_PACE, progressS: summary.durationS, status: 'finished' });
    this.model.setTrackCounts(
      this.tracks.length > 0
        ? recordedTrackCounts(this.tracks, summary.durationS)
        : trackCountSeries(summary, this.info.stepS),
    );
    this.show(0);
  }

  network(): Promise<GlobeNetwork> {
    return Promise.resolve(networkOfCzml(this.czml));
  }

  truth(): Promise<unknown[]> {
    return Promise.resolve(truthPackets(this.czml));
  }

  defended(): Promise<DefendedAreas | null> {
    return Promise.resolve(defendedOfCzml(this.czml));
  }

  async play(): Promise<void> {
    if (this.timer) return;
    if (this.model.clock.timeS >= this.info.durationS) this.show(0);
    this.lastTick = performance.now();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.model.setClock({ playing: true });
  }

  async pause(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.model.setClock({ playing: false });
  }

  async seek(timeS: number): Promise<void> {
    this.show(Math.min(Math.max(0, timeS), this.info.durationS));
  }

  async setPace(pace: number): Promise<void> {
    this.model.setClock({ pace });
  }

  acknowledge(): Promise<void> {
    return Promise.reject(new Error('a recorded run takes no acknowledgements'));
  }

  comment(): Promise<void> {
    return Promise.reject(new Error('a recorded run takes no comments'));
  }

  close(): void {
    if (this.timer) clearInterval(this.timer);
  }

  private tick(): void {
    const now = performance.now();
    const t = this.model.clock.timeS + ((now - this.lastTick) / 1000) * this.model.clock.pace;
    this.lastTick = now;
    this.show(Math.min(t, this.info.durationS));
    if (t >= this.info.durationS) void this.pause();
  }

  /** Shows time tS: the alerts as they stood and the tracks of the last assessment, each replaced when it changed. */
  private show(tS: number): void {
    const alerts = this.summary.alerts
      .map((a) => recordedAlertAt(a, tS))
      .filter((a): a is AlertView => a !== null);
    const alertKey = alerts.map((a) => `${a.id}:${a.level}:${a.cancelled}`).join(',');
    const stepS = recordedStepAt(tS);
    const wentBack = tS < this.model.clock.timeS;
    if (alertKey === this.shownAlerts && stepS === this.shownStepS && !wentBack) {
      this.model.setClock({ timeS: tS });
      return;
    }
    const picture = recordedTracksAt(this.tracks, this.summary, tS);
    if (alertKey !== this.shownAlerts || wentBack)
      this.model.replace(
        { runId: this.info.id, timeS: tS, stepS: picture.stepS, tracks: picture.tracks, alerts, sensors: [] },
        picture.trails,
      );
    else this.model.replaceTracks(tS, picture.tracks, picture.trails);
    this.shownAlerts = alertKey;
    this.shownStepS = stepS;
  }
}
