// The bearing history of an angle-only track: the lines of sight (ECI unit vectors)
// one satellite reported for one source, with times and observer positions, in a ring
// of fixed capacity. Its prediction is a weighted least-squares fit of the direction's
// tangent-plane coordinates (gnomonic, about the latest line of sight) against time,
//   ξ(τ) = c₀ + c₁τ + c₂τ²/2   (and the same for η),  τ = t − t_latest,
// over the most recent `fitPoints` bearings, with a zero-mean prior on the rate c₁
// (σ = maxRateRadS) and on the angular acceleration c₂ (σ = maxAccelerationRadS2), so
// that one bearing already gives a prediction (a gate that grows with the rate bound)
// and three or more give a rate and a curvature. The predicted variance per axis is
// φᵀ·N⁻¹·φ with φ = [1, τ, τ²/2] and N the normal matrix of the fit (the same for both
// axes: equal weights). `fit` solves once; `evaluate` predicts at any time from it.
// No allocation after construction.

import { tangentBasis } from './los-measurement.ts';

export interface BearingFitOptions {
  /** Prior bound (1σ) on the apparent angular rate, rad/s. */
  maxRateRadS: number;
  /** Prior bound (1σ) on the apparent angular acceleration, rad/s². */
  maxAccelerationRadS2: number;
  /** Bearings used by the fit (the most recent). */
  fitPoints: number;
}

export const defaultBearingFit: BearingFitOptions = {
  maxRateRadS: 1e-3,
  maxAccelerationRadS2: 2e-5,
  fitPoints: 6,
};

const e1 = new Float64Array(3);
const e2 = new Float64Array(3);
const normal = new Float64Array(9);
const factor = new Float64Array(9);
const rhsXi = new Float64Array(3);
const rhsEta = new Float64Array(3);
const phi = new Float64Array(3);
const solved = new Float64Array(3);

export class BearingHistory {
  readonly capacity: number;
  /** Bearings held (≤ capacity) and in total. */
  count = 0;
  total = 0;
  private head = 0;
  readonly time: Float64Array;
  readonly los: Float64Array;
  readonly observer: Float64Array;
  readonly sigma: Float64Array;
  readonly intensity: Float64Array;
  /** The last fit: reference line of sight (3), e₁ (3), e₂ (3), its time, ξ and η coefficients (3 + 3), the normal matrix's factor (9). */
  private readonly fitted = new Float64Array(25);

  constructor(capacity = 16) {
    this.capacity = capacity;
    this.time = new Float64Array(capacity);
    this.los = new Float64Array(3 * capacity);
    this.observer = new Float64Array(3 * capacity);
    this.sigma = new Float64Array(capacity);
    this.intensity = new Float64Array(capacity);
  }

  /** Ring index of the k-th most recent bearing (0 = latest). */
  index(k: number): number {
    return (this.head - 1 - k + 2 * this.capacity) % this.capacity;
  }

  push(
    t: number,
    observer: ArrayLike<number>,
    los: ArrayLike<number>,
    sigmaRad: number,
    intensity: number,
  ): void {
    const i = this.head;
    this.time[i] = t;
    const inv = 1 / Math.hypot(los[0]!, los[1]!, los[2]!);
    for (let k = 0; k < 3; k++) {
      this.los[3 * i + k] = los[k]! * inv;
      this.observer[3 * i + k] = observer[k]!;
    }
    this.sigma[i] = sigmaRad;
    this.intensity[i] = intensity;
    this.head = (i + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
    this.total++;
  }

  latestTime(): number {
    return this.time[this.index(0)]!;
  }

  /**
   * Fits the recent bearings (the fit is kept for `evaluate`). Returns false when the
   * history is empty.
   */
  fit(o: BearingFitOptions): boolean {
    if (this.count === 0) return false;
    const latest = this.index(0);
    const f = this.fitted;
    const u0 = this.los[3 * latest]!;
    const u1 = this.los[3 * latest + 1]!;
    const u2 = this.los[3 * latest + 2]!;
    f[0] = u0;
    f[1] = u1;
    f[2] = u2;
    tangentBasis(e1, e2, u0, u1, u2);
    for (let k = 0; k < 3; k++) {
      f[3 + k] = e1[k]!;
      f[6 + k] = e2[k]!;
    }
    const tRef = this.time[latest]!;
    f[9] = tRef;
    normal.fill(0);
    rhsXi.fill(0);
    rhsEta.fill(0);
    normal[4] = 1 / (o.maxRateRadS * o.maxRateRadS);
    normal[8] = 1 / (o.maxAccelerationRadS2 * o.maxAccelerationRadS2);
    const points = Math.min(this.count, o.fitPoints);
    for (let k = 0; k < points; k++) {
      const i = this.index(k);
      const lx = this.los[3 * i]!;
      const ly = this.los[3 * i + 1]!;
      const lz = this.los[3 * i + 2]!;
      const c = u0 * lx + u1 * ly + u2 * lz;
      const xi = (e1[0]! * lx + e1[1]! * ly + e1[2]! * lz) / c;
      const eta = (e2[0]! * lx + e2[1]! * ly + e2[2]! * lz) / c;
      const tau = this.time[i]! - tRef;
      phi[0] = 1;
      phi[1] = tau;
      phi[2] = 0.5 * tau * tau;
      const w = 1 / (this.sigma[i]! * this.sigma[i]!);
      for (let a = 0; a < 3; a++) {
        for (let b = 0; b < 3; b++) normal[a * 3 + b] = normal[a * 3 + b]! + w * phi[a]! * phi[b]!;
        rhsXi[a] = rhsXi[a]! + w * phi[a]! * xi;
        rhsEta[a] = rhsEta[a]! + w * phi[a]! * eta;
      }
    }
    if (!cholesky3(factor, normal)) return false;
    solve3(solved, factor, rhsXi);
    f.set(solved, 10);
    solve3(solved, factor, rhsEta);
    f.set(solved, 13);
    f.set(factor, 16);
    return true;
  }

  /**
   * The line of sight the last `fit` predicts at time t, into outLos (unit); returns
   * its variance (rad²) per tangent-plane axis.
   */
  evaluate(outLos: Float64Array, t: number): number {
    const f = this.fitted;
    const tau = t - f[9]!;
    const half = 0.5 * tau * tau;
    const xi = f[10]! + f[11]! * tau + f[12]! * half;
    const eta = f[13]! + f[14]! * tau + f[15]! * half;
    for (let k = 0; k < 9; k++) factor[k] = f[16 + k]!;
    phi[0] = 1;
    phi[1] = tau;
    phi[2] = half;
    solve3(solved, factor, phi);
    const variance = phi[0]! * solved[0]! + phi[1]! * solved[1]! + phi[2]! * solved[2]!;
    let x = f[0]! + xi * f[3]! + eta * f[6]!;
    let y = f[1]! + xi * f[4]! + eta * f[7]!;
    let z = f[2]! + xi * f[5]! + eta * f[8]!;
    const inv = 1 / Math.sqrt(x * x + y * y + z * z);
    x *= inv;
    y *= inv;
    z *= inv;
    outLos[0] = x;
    outLos[1] = y;
    outLos[2] = z;
    return variance;
  }

  /** Mean apparent angular rate between the oldest and latest held bearings, rad/s (0 for one bearing). */
  angularRate(): number {
    if (this.count < 2) return 0;
    const a = this.index(this.count - 1);
    const b = this.index(0);
    const dt = this.time[b]! - this.time[a]!;
    if (!(dt > 0)) return 0;
    let dot = 0;
    for (let k = 0; k < 3; k++) dot += this.los[3 * a + k]! * this.los[3 * b + k]!;
    return Math.acos(Math.min(1, dot)) / dt;
  }
}

function cholesky3(L: Float64Array, A: Float64Array): boolean {
  const a = A[0]!;
  if (!(a > 0)) return false;
  const l00 = Math.sqrt(a);
  const l10 = A[3]! / l00;
  const l20 = A[6]! / l00;
  const d1 = A[4]! - l10 * l10;
  if (!(d1 > 0)) return false;
  const l11 = Math.sqrt(d1);
  const l21 = (A[7]! - l20 * l10) / l11;
  const d2 = A[8]! - l20 * l20 - l21 * l21;
  if (!(d2 > 0)) return false;
  L[0] = l00;
  L[3] = l10;
  L[4] = l11;
  L[6] = l20;
  L[7] = l21;
  L[8] = Math.sqrt(d2);
  return true;
}

/** out = A⁻¹·b given the lower factor L of A (3×3). */
function solve3(out: Float64Array, L: Float64Array, b: Float64Array): void {
  const y0 = b[0]! / L[0]!;
  const y1 = (b[1]! - L[3]! * y0) / L[4]!;
  const y2 = (b[2]! - L[6]! * y0 - L[7]! * y1) / L[8]!;
  out[2] = y2 / L[8]!;
  out[1] = (y1 - L[7]! * out[2]!) / L[4]!;
  out[0] = (y0 - L[3]! * out[1]! - L[6]! * out[2]!) / L[0]!;
}
