// A source of one run's picture, behind which the console does not care whether a
// service is computing the run now (live-source.ts: REST + WebSocket) or a recorded
// run is being played from its files (recorded-source.ts: summary.json + scene.czml).
// Views read the PictureModel and call these methods; capabilities say which of
// them do anything, so a view can leave out what a source cannot do.
import type { PictureModel } from './picture-model.ts';
import type { GlobeNetwork, RunInfo } from './types.ts';

export interface SourceCapabilities {
  /** Play, pause, speed and seek move the clock. */
  control: boolean;
  /** Acknowledge and comment reach an audit trail. */
  operatorActions: boolean;
  /** Truth (what really flew) is available, for training and replay. */
  truth: boolean;
  /** Reports per sensor over time are available. */
  reportSeries: boolean;
}

/** The defended territory as the scenario names it: ISO alpha-3 codes or English names, and polygons. */
export interface DefendedAreas {
  countries: string[];
  /** Rings of [latDeg, lonDeg]. */
  polygons: Array<Array<[number, number]>>;
}

export interface RunSource {
  readonly info: RunInfo;
  readonly model: PictureModel;
  readonly capabilities: SourceCapabilities;
  readonly kind: 'live' | 'recorded';
  network(): Promise<GlobeNetwork>;
  /** CZML packets of the true flights, or null when the source holds no truth. */
  truth(): Promise<unknown[] | null>;
  defended(): Promise<DefendedAreas | null>;
  play(): Promise<void>;
  pause(): Promise<void>;
  seek(timeS: number): Promise<void>;
  setPace(pace: number): Promise<void>;
  acknowledge(alertId: string, text?: string): Promise<void>;
  comment(alertId: string, text: string): Promise<void>;
  close(): void;
}
