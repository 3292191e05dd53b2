// Stereo start of a 3-D track from two angle-only tracks of different satellites.
// Candidates: the pairs whose latest lines of sight cross the shell 50 km above the
// Earth within `stereoFootprintM` of each other (a plume is below a few hundred km, so
// its two views meet the shell close together; the tangent point stands in for a line
// of sight that misses the shell), found with a hashed grid on those footprints. Each
// candidate pair is tested by fitting one constant-acceleration path to all its
// bearings of the last `stereoWindowS` (tracking/stereo-triangulation.ts, started from
// the two latest rays' triangulation): accepted when the fit's χ² tail probability is
// at least `stereoMinProbability` and the path is between 20 km under and 3,000 km over
// the ellipsoid; the best-fitting partner wins. The start state is the fit's position
// and velocity at the latest bearing with their covariance; the thrust acceleration is
// the fit's acceleration beyond gravity along the velocity (clamped to 0…150 m/s²) with
// the configured prior spread, κ its prior.

import { WGS84_A } from '../../physics/constants.ts';
import { ecefToGeodetic } from '../../physics/frames.ts';
import { gravityJ2 } from '../../physics/gravity.ts';
import { chiSquareCdf } from '../tracking/distributions.ts';
import { DRAG, STATE_DIM, THRUST, VEL } from '../tracking/flight-state.ts';
import { MeasurementGrid } from '../tracking/measurement-grid.ts';
import {
  createRaySet,
  createTrajectoryFit,
  fitLineOfSightTrajectory,
  triangulateRays,
} from '../tracking/stereo-triangulation.ts';
import type { ImmConfig, IrTrackingConfig } from './config.ts';
import type { AngleOnlyTrack } from './tracks.ts';

const SHELL_M = WGS84_A + 50e3;
const ZERO = new Float64Array(3);

export interface StereoStart {
  /** The two angle-only tracks, the older (lower id number) first. */
  first: AngleOnlyTrack;
  second: AngleOnlyTrack;
  timeS: number;
  x: Float64Array;
  P: Float64Array;
  chiSquare: number;
  dof: number;
  pValue: number;
}

export class StereoInitiator {
  private readonly ir: IrTrackingConfig;
  private readonly imm: ImmConfig;
  private readonly rays = createRaySet(64);
  private readonly fit = createTrajectoryFit();
  private readonly grid = new MeasurementGrid();
  private footprints = new Float64Array(3 * 64);
  private pool: AngleOnlyTrack[] = [];
  private readonly point = new Float64Array(3);
  private readonly gravity = new Float64Array(3);
  private readonly geodetic = new Float64Array(3);
  private readonly lo = new Float64Array(3);
  private readonly hi = new Float64Array(3);

  constructor(ir: IrTrackingConfig, imm: ImmConfig) {
    this.ir = ir;
    this.imm = imm;
  }

  /** Indexes the angle-only tracks that may pair (enough bearings, not absorbed). */
  index(tracks: Iterable<AngleOnlyTrack>): void {
    this.pool = [];
    for (const t of tracks)
      if (t.absorbedInto === null && t.history.count >= this.ir.stereoMinBearings) this.pool.push(t);
    if (this.footprints.length < 3 * this.pool.length)
      this.footprints = new Float64Array(6 * this.pool.length);
    for (let i = 0; i < this.pool.length; i++) footprint(this.footprints, i, this.pool[i]!);
    this.grid.build(this.footprints, 3, this.pool.length, null, this.ir.stereoFootprintM);
  }

  /** The best stereo start of `track` with an indexed track of another satellite, or null. */
  tryStart(track: AngleOnlyTrack): StereoStart | null {
    if (
      track.absorbedInto !== null ||
      track.history.count < this.ir.stereoMinBearings ||
      this.pool.length === 0
    ) {
      return null;
    }
    const tracks = this.pool;
    footprint(this.point, 0, track);
    for (let d = 0; d < 3; d++) {
      this.lo[d] = this.point[d]! - this.ir.stereoFootprintM;
      this.hi[d] = this.point[d]! + this.ir.stereoFootprintM;
    }
    const found = this.grid.query(this.lo, this.hi, tracks.length);
    const total = found < 0 ? tracks.length : found;
    let best: StereoStart | null = null;
    for (let q = 0; q < total; q++) {
      const other = tracks[found < 0 ? q : this.grid.candidates[q]!]!;
      if (other.sensorId === track.sensorId || other.absorbedInto !== null) continue;
      const start = this.test(track, other);
      if (start && (!best || start.pValue > best.pValue)) best = start;
    }
    return best;
  }

  private test(a: AngleOnlyTrack, b: AngleOnlyTrack): StereoStart | null {
    const ha = a.history;
    const hb = b.history;
    const tA = ha.latestTime();
    const tB = hb.latestTime();
    const tRef = Math.max(tA, tB);
    if (Math.abs(tA - tB) > this.ir.stereoWindowS) return null;
    const ia = ha.index(0);
    const ib = hb.index(0);
    const miss = triangulateRays(
      this.point,
      null,
      ha.observer.subarray(3 * ia, 3 * ia + 3),
      ha.los.subarray(3 * ia, 3 * ia + 3),
      ha.sigma[ia]!,
      hb.observer.subarray(3 * ib, 3 * ib + 3),
      hb.los.subarray(3 * ib, 3 * ib + 3),
      hb.sigma[ib]!,
    );
    if (Number.isNaN(miss)) return null;
    const rays = this.rays;
    rays.count = 0;
    for (const h of [ha, hb]) {
      for (let k = 0; k < h.count && rays.count < rays.time.length; k++) {
        const i = h.index(k);
        if (h.time[i]! < tRef - this.ir.stereoWindowS) break;
        const r = rays.count++;
        rays.time[r] = h.time[i]!;
        rays.sigma[r] = h.sigma[i]!;
        for (let d = 0; d < 3; d++) {
          rays.observer[3 * r + d] = h.observer[3 * i + d]!;
          rays.los[3 * r + d] = h.los[3 * i + d]!;
        }
      }
    }
    if (rays.count < 4) return null;
    const fit = this.fit;
    if (!fitLineOfSightTrajectory(fit, rays, tRef, this.point, ZERO, this.ir.stereoAccelerationStdMps2))
      return null;
    const pValue = 1 - chiSquareCdf(fit.chiSquare, fit.dof);
    if (!(pValue >= this.ir.stereoMinProbability)) return null;
    ecefToGeodetic(this.geodetic, fit.theta);
    const h = this.geodetic[2]!;
    if (!(h > -20e3 && h < 3000e3)) return null;

    const n = STATE_DIM;
    const x = new Float64Array(n);
    const P = new Float64Array(n * n);
    for (let i = 0; i < 6; i++) {
      x[i] = fit.theta[i]!;
      for (let j = 0; j < 6; j++) P[i * n + j] = fit.covariance[i * 9 + j]!;
    }
    gravityJ2(this.gravity, fit.theta);
    const speed = Math.hypot(x[VEL]!, x[VEL + 1]!, x[VEL + 2]!);
    let along = 0;
    for (let d = 0; d < 3; d++) along += (fit.theta[6 + d]! - this.gravity[d]!) * (x[VEL + d]! / speed);
    x[THRUST] = Math.min(150, Math.max(0, along));
    x[DRAG] = this.imm.dragMean;
    P[THRUST * n + THRUST] = this.imm.thrustStd * this.imm.thrustStd;
    P[DRAG * n + DRAG] = this.imm.dragStd * this.imm.dragStd;
    const older = idNumber(a.id) < idNumber(b.id);
    return {
      first: older ? a : b,
      second: older ? b : a,
      timeS: tRef,
      x,
      P,
      chiSquare: fit.chiSquare,
      dof: fit.dof,
      pValue,
    };
  }
}

function idNumber(id: string): number {
  return Number(id.slice(1));
}

/** Where the latest line of sight of a track meets the 50 km shell (or passes closest to the Earth). */
function footprint(out: Float64Array, slot: number, track: AngleOnlyTrack): void {
  const h = track.history;
  const i = h.index(0);
  const ox = h.observer[3 * i]!;
  const oy = h.observer[3 * i + 1]!;
  const oz = h.observer[3 * i + 2]!;
  const ux = h.los[3 * i]!;
  const uy = h.los[3 * i + 1]!;
  const uz = h.los[3 * i + 2]!;
  const b = ox * ux + oy * uy + oz * uz;
  const disc = b * b - (ox * ox + oy * oy + oz * oz - SHELL_M * SHELL_M);
  const s = disc >= 0 ? -b - Math.sqrt(disc) : -b;
  out[3 * slot] = ox + s * ux;
  out[3 * slot + 1] = oy + s * uy;
  out[3 * slot + 2] = oz + s * uz;
}
