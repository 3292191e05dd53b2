// What the assessment will classify a track by (issue 5): the history of its altitude,
// speeds and thrust acceleration with the boost-mode probability at every update, and
// the events read from them — burnout (the boost probability falling below ½ after an
// episode above 0.8), staging (a burnout followed by renewed boost) and the last time
// a plume was seen. A track IR has seen burning but whose plume has gone unseen for
// PLUME_SILENCE_S is not in powered flight, whatever its boost-mode probability says:
// a burning rocket in view shows its plume at every revisit, while radar noise on a
// coasting object can lift the boost mode and would otherwise stretch the burn (a
// 300 s ICBM burn read as 400 s, "longer than any missile"). The history grows by
// doubling up to a fixed capacity; when full, every other sample is dropped and
// sampling continues at half the rate, so a long track keeps an even coverage of its
// whole life in bounded memory, and a short-lived one (clutter) costs little.

import { OMEGA_EARTH } from '../../physics/constants.ts';
import { ecefToGeodetic } from '../../physics/frames.ts';
import { THRUST, VEL } from '../tracking/flight-state.ts';

const geodetic = new Float64Array(3);

/** A plume unseen this long (several IR revisits, DOMAIN.md §3) ends powered flight, s [E]. */
export const PLUME_SILENCE_S = 30;

/** Whether a track IR saw burning has shown no plume for PLUME_SILENCE_S by time t. */
export function plumeSilent(plumeLastSeenS: number | null, t: number): boolean {
  return plumeLastSeenS !== null && t - plumeLastSeenS > PLUME_SILENCE_S;
}

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
    const silent = plumeSilent(this.plumeLastSeenS, t);
    if (boostProbability >= 0.5 && !silent) this.maxThrustAccelMps2 = Math.max(this.maxThrustAccelMps2, aT);
    if (boostProbability >= 0.8 && !silent) {
      if (!this.boosting && this.burnoutTimeS !== null) {
        this.stagingTimesS.push(this.burnoutTimeS);
        this.burnoutTimeS = null;
      }
      this.boosting = true;
    } else if (this.boosting && (boostProbability < 0.5 || silent)) {
      this.boosting = false;
      this.burnoutTimeS = silent ? (this.plumeLastSeenS as number) : t;
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
