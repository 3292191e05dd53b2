// What sensors see of the world: the truth objects (with a time index so a sensor
// only looks at objects alive at the moment), the false-alarm phenomena, the
// weather and the sun. Built once per run from the truth and the scenario.

import { gmstAt } from '../orbits/sidereal.ts';
import { sunDirectionEci } from '../physics/sun.ts';
import { epochSecondsToJd } from '../physics/time.ts';
import type { Phenomena } from '../world/phenomena.ts';
import type { Truth, TruthObject } from '../world/truth.ts';

export interface Weather {
  /** Cloud-top altitude at a point (lat, lon rad), m. */
  cloudTopM(latRad: number, lonRad: number): number;
}

export class WorldView {
  readonly epochUnixMs: number;
  readonly durationS: number;
  readonly truth: Truth;
  readonly phenomena: Phenomena;
  readonly weather: Weather;
  /** Objects sorted by the time they come into being. */
  private readonly byStart: TruthObject[];
  private readonly maxLifeS: number;

  constructor(truth: Truth, phenomena: Phenomena, weather: Weather) {
    this.epochUnixMs = truth.epochUnixMs;
    this.durationS = truth.durationS;
    this.truth = truth;
    this.phenomena = phenomena;
    this.weather = weather;
    this.byStart = [...truth.objects].sort((a, b) => a.samples.t0 - b.samples.t0 || (a.id < b.id ? -1 : 1));
    this.maxLifeS = truth.objects.reduce((m, o) => Math.max(m, o.samples.tEnd - o.samples.t0), 0);
  }

  /** Calls `fn` for every object alive at time t, in a stable order. */
  forEachAlive(t: number, fn: (o: TruthObject) => void): void {
    const list = this.byStart;
    // Objects starting after t are out; binary search for the first start > t.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.samples.t0 <= t) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo - 1; i >= 0; i--) {
      const o = list[i]!;
      if (o.samples.t0 < t - this.maxLifeS) break;
      if (t <= o.samples.tEnd) fn(o);
    }
  }

  /** Greenwich sidereal angle at t (s after epoch), rad. */
  gmst(t: number): number {
    return gmstAt(this.epochUnixMs, t);
  }

  /** Unit vector to the sun in ECI at t. */
  sunDirection(out: Float64Array, t: number): Float64Array {
    return sunDirectionEci(out, epochSecondsToJd(this.epochUnixMs, t));
  }
}
