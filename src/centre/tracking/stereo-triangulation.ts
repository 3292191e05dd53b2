// Position from lines of sight of two or more satellites (stereo).
//
// Two rays: the weighted least-squares point p minimising Σᵢ |Πᵢ(p − oᵢ)|²/(σᵢρᵢ)²,
// Πᵢ = I − ûᵢûᵢᵀ the projector across ray i and ρᵢ the range along it: a ray with
// angular noise σ places the source with covariance (σρ)²·Πᵢ in the plane across it,
// so the information of the pair is A = Σᵢ Πᵢ/(σᵢρᵢ)², p = A⁻¹·Σᵢ Πᵢoᵢ/(σᵢρᵢ)² and
// cov(p) = A⁻¹ (Hartley & Zisserman, Multiple View Geometry, 2nd ed., §12.2, in its
// linear least-squares form; the ranges come from a first unweighted solve, then one
// refinement). The weighted miss Σᵢ|Πᵢ(p − oᵢ)|²/(σᵢρᵢ)² is χ²(1) for consistent rays.
//
// Many rays over a time window: the same residuals of a constant-acceleration path
// p(τ) = r₀ + v₀τ + a₀τ²/2 about a reference time, projected on each ray's tangent
// axes e₁, e₂ — linear in θ = (r₀, v₀, a₀) — with a Gaussian prior on a₀ (a boosting
// rocket: gravity plus thrust, ≲ 50 m/s² in any direction): a 9-unknown weighted
// least squares solved by Cholesky, with θ's covariance the inverse normal matrix and
// the weighted residual sum χ² on 2N − 6 degrees of freedom (the prior is not counted).

import { choleskyFactor, choleskySolve, identity } from '../../physics/matrix.ts';
import { tangentBasis } from './los-measurement.ts';

const info = new Float64Array(9);
const rhs = new Float64Array(3);
const factor3 = new Float64Array(9);
const tmp = new Float64Array(3);

/**
 * Triangulates two rays (observer o, unit direction u, angular σ). Writes the point
 * (ECI m) and, when cov is given, its covariance (3×3, m²). Returns the weighted miss
 * χ² (1 dof), or NaN when the rays are parallel or the point lies behind an observer.
 */
export function triangulateRays(
  out: Float64Array,
  cov: Float64Array | null,
  o1: ArrayLike<number>,
  u1: ArrayLike<number>,
  sigma1: number,
  o2: ArrayLike<number>,
  u2: ArrayLike<number>,
  sigma2: number,
): number {
  let w1 = 1;
  let w2 = 1;
  for (let pass = 0; pass < 3; pass++) {
    info.fill(0);
    rhs.fill(0);
    addRay(o1, u1, w1);
    addRay(o2, u2, w2);
    if (!choleskyFactor(factor3, info, 3)) return Number.NaN;
    choleskySolve(tmp, factor3, rhs, 3, 1);
    const rho1 = alongRay(tmp, o1, u1);
    const rho2 = alongRay(tmp, o2, u2);
    if (!(rho1 > 0 && rho2 > 0)) return Number.NaN;
    w1 = 1 / (sigma1 * rho1) ** 2;
    w2 = 1 / (sigma2 * rho2) ** 2;
  }
  out[0] = tmp[0]!;
  out[1] = tmp[1]!;
  out[2] = tmp[2]!;
  if (cov) {
    identity(cov, 3);
    choleskySolve(cov, factor3, cov, 3, 3);
  }
  return w1 * perpendicularSq(out, o1, u1) + w2 * perpendicularSq(out, o2, u2);
}

function addRay(o: ArrayLike<number>, u: ArrayLike<number>, w: number): void {
  for (let i = 0; i < 3; i++) {
    let b = 0;
    for (let j = 0; j < 3; j++) {
      const proj = (i === j ? 1 : 0) - u[i]! * u[j]!;
      info[i * 3 + j] = info[i * 3 + j]! + w * proj;
      b += proj * o[j]!;
    }
    rhs[i] = rhs[i]! + w * b;
  }
}

function alongRay(p: ArrayLike<number>, o: ArrayLike<number>, u: ArrayLike<number>): number {
  return (p[0]! - o[0]!) * u[0]! + (p[1]! - o[1]!) * u[1]! + (p[2]! - o[2]!) * u[2]!;
}

function perpendicularSq(p: ArrayLike<number>, o: ArrayLike<number>, u: ArrayLike<number>): number {
  const dx = p[0]! - o[0]!;
  const dy = p[1]! - o[1]!;
  const dz = p[2]! - o[2]!;
  const a = dx * u[0]! + dy * u[1]! + dz * u[2]!;
  return dx * dx + dy * dy + dz * dz - a * a;
}

/** Lines of sight for a trajectory fit: count rays with times, observers (3 each), units (3 each), σ. */
export interface RaySet {
  count: number;
  time: Float64Array;
  observer: Float64Array;
  los: Float64Array;
  sigma: Float64Array;
}

export function createRaySet(capacity: number): RaySet {
  return {
    count: 0,
    time: new Float64Array(capacity),
    observer: new Float64Array(3 * capacity),
    los: new Float64Array(3 * capacity),
    sigma: new Float64Array(capacity),
  };
}

export interface TrajectoryFit {
  /** θ = (r₀, v₀, a₀) at the reference time (9) and its covariance (9×9). */
  theta: Float64Array;
  covariance: Float64Array;
  /** Weighted residual sum and its degrees of freedom (2N − 6). */
  chiSquare: number;
  dof: number;
}

export function createTrajectoryFit(): TrajectoryFit {
  return { theta: new Float64Array(9), covariance: new Float64Array(81), chiSquare: 0, dof: 0 };
}

const normal9 = new Float64Array(81);
const factor9 = new Float64Array(81);
const rhs9 = new Float64Array(9);
const row = new Float64Array(9);
const axisA = new Float64Array(3);
const axisB = new Float64Array(3);

/**
 * Fits a constant-acceleration path to the rays about tRef, starting the range weights
 * from the point `start` (ECI m; e.g. a two-ray triangulation). The prior on a₀ is
 * N(accelerationMean, accelerationStd²·I). Writes `fit`; false when the normal matrix
 * is singular (rays from one direction only) or the path passes behind an observer.
 */
export function fitLineOfSightTrajectory(
  fit: TrajectoryFit,
  rays: RaySet,
  tRef: number,
  start: ArrayLike<number>,
  accelerationMean: ArrayLike<number>,
  accelerationStd: number,
): boolean {
  const theta = fit.theta;
  theta.fill(0);
  for (let k = 0; k < 3; k++) {
    theta[k] = start[k]!;
    theta[6 + k] = accelerationMean[k]!;
  }
  const priorW = 1 / (accelerationStd * accelerationStd);
  for (let pass = 0; pass < 3; pass++) {
    normal9.fill(0);
    rhs9.fill(0);
    for (let k = 0; k < 3; k++) {
      normal9[(6 + k) * 9 + 6 + k] = priorW;
      rhs9[6 + k] = priorW * accelerationMean[k]!;
    }
    for (let i = 0; i < rays.count; i++) {
      const tau = rays.time[i]! - tRef;
      const rho = rangeAlong(theta, tau, rays, i);
      if (!(rho > 0)) return false;
      const w = 1 / (rays.sigma[i]! * rho) ** 2;
      tangentBasis(axisA, axisB, rays.los[3 * i]!, rays.los[3 * i + 1]!, rays.los[3 * i + 2]!);
      for (let axis = 0; axis < 2; axis++) {
        const e = axis === 0 ? axisA : axisB;
        let target = 0;
        for (let k = 0; k < 3; k++) {
          row[k] = e[k]!;
          row[3 + k] = e[k]! * tau;
          row[6 + k] = 0.5 * e[k]! * tau * tau;
          target += e[k]! * rays.observer[3 * i + k]!;
        }
        for (let a = 0; a < 9; a++) {
          const ra = w * row[a]!;
          if (ra === 0) continue;
          for (let b = 0; b < 9; b++) normal9[a * 9 + b] = normal9[a * 9 + b]! + ra * row[b]!;
          rhs9[a] = rhs9[a]! + ra * target;
        }
      }
    }
    if (!choleskyFactor(factor9, normal9, 9)) return false;
    choleskySolve(theta, factor9, rhs9, 9, 1);
  }
  let chi = 0;
  for (let i = 0; i < rays.count; i++) {
    const tau = rays.time[i]! - tRef;
    const rho = rangeAlong(theta, tau, rays, i);
    if (!(rho > 0)) return false;
    let dd = 0;
    for (let k = 0; k < 3; k++) {
      const d = theta[k]! + theta[3 + k]! * tau + 0.5 * theta[6 + k]! * tau * tau - rays.observer[3 * i + k]!;
      dd += d * d;
    }
    chi += (dd - rho * rho) / (rays.sigma[i]! * rho) ** 2;
  }
  fit.chiSquare = Math.max(0, chi);
  fit.dof = 2 * rays.count - 6;
  identity(fit.covariance, 9);
  choleskySolve(fit.covariance, factor9, fit.covariance, 9, 9);
  return true;
}

/** Range along ray i to the path θ at τ (the projection on the ray's direction). */
function rangeAlong(theta: Float64Array, tau: number, rays: RaySet, i: number): number {
  let s = 0;
  for (let k = 0; k < 3; k++) {
    const p = theta[k]! + theta[3 + k]! * tau + 0.5 * theta[6 + k]! * tau * tau;
    s += (p - rays.observer[3 * i + k]!) * rays.los[3 * i + k]!;
  }
  return s;
}
