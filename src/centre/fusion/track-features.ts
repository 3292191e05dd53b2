// What the assessment will classify a track by (issue 5): the history of its altitude,
// speeds and thrust acceleration with the boost-mode probability at every update, and
// the events read from them — burnout (the boost probability falling below ½ after an
// episode above 0.8), staging (a burnout followed by renewed boost) and the last time
// a plume was seen. The history grows by doubling up to a fixed capacity; when full,
// every other sample is dropped and sampling continues at half the rate, so a long
// track keeps an even coverage of its whole life in bounded memory, and a short-lived
// one (clutter) costs little.

import { OMEGA_EARTH } from '../../physics/constants.ts';
import { ecefToGeodetic } from '../../physics/frames.ts';
import { THRUST, VEL } from '../tracking/flight-state.ts';

const geodetic = new Float64Array(3);

export class TrackFeatures {
  readonly capacity: number;
  count = 0;
  timeS: Float64Array;
  altitudeM: Float64Array;
  speedMps: Float64Array;
  earthSpeedMps: Float64Array;
  verticalSpeedMps: Float64Array;
  thrustAccelMps2: Float64Array;
  boostProbability: Float64Array;
  /** Record every `stride`-th update (grows as the history is thinned). */
  private stride = 1;
  private skipped = 0;
  private boosting = false;
  burnoutTimeS: number | null = null;
  readonly stagingTimesS: number[] = [];
  plumeLastSeenS: number | null = null;
  maxAltitudeM = Number.NEGATIVE_INFINITY;
  maxSpeedMps = 0;
  maxThrustAccelMps2 = 0;

  constructor(capacity: number) {
    this.capacity = Math.max(4, capacity & ~1);
    const size = Math.min(8, this.capacity);
    this.timeS = new Float64Array(size);
    this.altitudeM = new Float64Array(size);
    this.speedMps = new Float64Array(size);
    this.earthSpeedMps = new Float64Array(size);
    this.verticalSpeedMps = new Float64Array(size);
    this.thrustAccelMps2 = new Float64Array(size);
    this.boostProbability = new Float64Array(size);
  }

  private grow(): void {
    const size = Math.min(this.capacity, 2 * this.timeS.length);
    const g = (a: Float64Array) => {
      const next = new Float64Array(size);
      next.set(a);
      return next;
    };
    this.timeS = g(this.timeS);
    this.altitudeM = g(this.altitudeM);
    this.speedMps = g(this.speedMps);
    this.earthSpeedMps = g(this.earthSpeedMps);
    this.verticalSpeedMps = g(this.verticalSpeedMps);
    this.thrustAccelMps2 = g(this.thrustAccelMps2);
    this.boostProbability = g(this.boostProbability);
  }

  /** Notes an update at time t: state x (8, combined), boost probability, and whether IR contributed. */
  record(t: number, x: Float64Array, boostProbability: number, plume: boolean): void {
    if (plume) this.plumeLastSeenS = t;
    const rx = x[0]!;
    const ry = x[1]!;
    const rz = x[2]!;
    const vx = x[VEL]!;
    const vy = x[VEL + 1]!;
    const vz = x[VEL + 2]!;
    // Geodetic latitude and height do not depend on the longitude, so ECI serves as ECEF here.
    ecefToGeodetic(geodetic, x);
    const h = geodetic[2]!;
    const speed = Math.hypot(vx, vy, vz);
    const wx = vx + OMEGA_EARTH * ry;
    const wy = vy - OMEGA_EARTH * rx;
    const earthSpeed = Math.hypot(wx, wy, vz);
    const r = Math.hypot(rx, ry, rz);
    const vertical = (wx * rx + wy * ry + vz * rz) / r;
    const aT = x[THRUST]!;
    this.maxAltitudeM = Math.max(this.maxAltitudeM, h);
    this.maxSpeedMps = Math.max(this.maxSpeedMps, speed);
    if (boostProbability >= 0.5) this.maxThrustAccelMps2 = Math.max(this.maxThrustAccelMps2, aT);
    if (boostProbability >= 0.8) {
      if (!this.boosting && this.burnoutTimeS !== null) {
        this.stagingTimesS.push(this.burnoutTimeS);
        this.burnoutTimeS = null;
      }
      this.boosting = true;
    } else if (this.boosting && boostProbability < 0.5) {
      this.boosting = false;
      this.burnoutTimeS = t;
    }
    if (++this.skipped < this.stride && this.count > 0) return;
    this.skipped = 0;
    if (this.count === this.timeS.length) {
      if (this.count < this.capacity) this.grow();
      else this.thin();
    }
    const i = this.count++;
    this.timeS[i] = t;
    this.altitudeM[i] = h;
    this.speedMps[i] = speed;
    this.earthSpeedMps[i] = earthSpeed;
    this.verticalSpeedMps[i] = vertical;
    this.thrustAccelMps2[i] = aT;
    this.boostProbability[i] = boostProbability;
  }

  private thin(): void {
    const half = this.count >> 1;
    for (const a of [
      this.timeS,
      this.altitudeM,
      this.speedMps,
      this.earthSpeedMps,
      this.verticalSpeedMps,
      this.thrustAccelMps2,
      this.boostProbability,
    ]) {
      for (let i = 0; i < half; i++) a[i] = a[2 * i + 1]!;
    }
    this.count = half;
    this.stride *= 2;
  }

  /** Takes over another track's history where it is earlier than this one's (a merge). */
  absorbEvents(other: TrackFeatures): void {
    if (other.plumeLastSeenS !== null)
      this.plumeLastSeenS = Math.max(this.plumeLastSeenS ?? other.plumeLastSeenS, other.plumeLastSeenS);
    this.maxAltitudeM = Math.max(this.maxAltitudeM, other.maxAltitudeM);
    this.maxSpeedMps = Math.max(this.maxSpeedMps, other.maxSpeedMps);
    this.maxThrustAccelMps2 = Math.max(this.maxThrustAccelMps2, other.maxThrustAccelMps2);
    if (this.burnoutTimeS === null && other.burnoutTimeS !== null) this.burnoutTimeS = other.burnoutTimeS;
  }
}
