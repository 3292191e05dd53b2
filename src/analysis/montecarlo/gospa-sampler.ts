// GOSPA of one run (metrics/gospa.ts; Rahmathullah, García-Fernández & Svensson, FUSION
// 2017): every GOSPA_EVERY_S of the centre's pictures, the true positions of every
// object in flight (RVs, stages, payloads) against the positions of the centre's
// confirmed and coasting 3-D tracks, both in the run's ECI frame; the run's score is
// the mean over those scans, taken from the first launch to the last object's end.
// Cut-off 10 km [E]: an early-warning track is "on" an object when it is within a few
// km (IR stereo tracks carry km-level errors; radar tracks hundreds of metres).

import type { TrackPicture } from '../../centre/fusion/picture.ts';
import { stateAt, type Truth } from '../../world/truth.ts';
import { type GospaOptions, type GospaResult, gospa, meanGospa } from '../metrics/gospa.ts';

export const RUN_GOSPA_OPTIONS: GospaOptions = { cutoff: 10_000, order: 1, alpha: 2 };
/** Simulation time between scored pictures, s. */
export const GOSPA_EVERY_S = 30;

export interface RunGospa {
  /** Pictures scored. */
  scans: number;
  /** Means over the scans: the metric and its terms (m, order 1, to 0.1 m). */
  mean: GospaResult;
}

const position = new Float64Array(3);

export class GospaSampler {
  private readonly truth: Truth;
  private readonly fromS: number;
  private readonly untilS: number;
  private nextS: number;
  private readonly results: GospaResult[] = [];
  private truths: Float64Array<ArrayBuffer> = new Float64Array(3 * 64);
  private estimates: Float64Array<ArrayBuffer> = new Float64Array(3 * 64);

  constructor(truth: Truth) {
    this.truth = truth;
    let from = Number.POSITIVE_INFINITY;
    let until = Number.NEGATIVE_INFINITY;
    for (const o of truth.objects) {
      from = Math.min(from, o.samples.t0);
      until = Math.max(until, o.samples.tEnd);
    }
    this.fromS = from;
    this.untilS = Math.min(until, truth.durationS);
    this.nextS = from;
  }

  /** Scores the picture if it is the next one due. */
  readonly onPicture = (picture: TrackPicture): void => {
    const t = picture.timeS;
    if (t < this.nextS || t < this.fromS || t > this.untilS) return;
    this.nextS = t + GOSPA_EVERY_S;
    let nTruth = 0;
    for (const o of this.truth.objects) {
      if (!stateAt(o, t, position)) continue;
      if (3 * nTruth + 3 > this.truths.length) this.truths = grow(this.truths);
      this.truths.set(position, 3 * nTruth++);
    }
    let nEst = 0;
    for (const track of picture.tracks) {
      if (track.status === 'tentative') continue;
      if (3 * nEst + 3 > this.estimates.length) this.estimates = grow(this.estimates);
      this.estimates.set(track.positionEciM, 3 * nEst++);
    }
    this.results.push(gospa(this.truths, nTruth, this.estimates, nEst, RUN_GOSPA_OPTIONS));
  };

  result(): RunGospa | null {
    if (this.results.length === 0) return null;
    const m = meanGospa(this.results);
    const r = (x: number) => Math.round(x * 10) / 10;
    return {
      scans: this.results.length,
      mean: { gospa: r(m.gospa), localisation: r(m.localisation), missed: r(m.missed), false: r(m.false) },
    };
  }
}

function grow(a: Float64Array): Float64Array<ArrayBuffer> {
  const b = new Float64Array(2 * a.length);
  b.set(a);
  return b;
}
