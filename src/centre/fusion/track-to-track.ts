// Track-to-track association and fusion of two estimates of one object (Bar-Shalom et
// al. 2001, §8.3; Bar-Shalom & Campo, "The effect of the common process noise on the
// two-sensor fused-track covariance", IEEE TAES 22(6), 1986). Both estimates are taken
// to the same time; their difference Δ in position and velocity is tested against
// Δᵀ·(Pa + Pb)⁻¹·Δ ≤ χ²₆(p): the errors of an IR-built and a radar-built track come from
// independent sensors, so their cross-covariance is dropped (it would only come from
// the common process noise, small over the short spans between updates — dropping it
// makes the test slightly strict). Fusion is the independent-error combination
//   P = (Pa⁻¹ + Pb⁻¹)⁻¹ = Pa·(Pa + Pb)⁻¹·Pb,   x = xa + Pa·(Pa + Pb)⁻¹·(xb − xa),
// on the whole state.

import { choleskyFactor, choleskySolve, quadraticFormSpd } from '../../physics/matrix.ts';
import { chiSquareCdf } from '../tracking/distributions.ts';

const delta = new Float64Array(6);
const sum6 = new Float64Array(36);

/** Δᵀ(Pa + Pb)⁻¹Δ over position and velocity (6 dof) of two n-state estimates at one time; NaN if singular. */
export function trackDistance2(
  xa: ArrayLike<number>,
  Pa: ArrayLike<number>,
  xb: ArrayLike<number>,
  Pb: ArrayLike<number>,
  n: number,
): number {
  for (let i = 0; i < 6; i++) {
    delta[i] = xa[i]! - xb[i]!;
    for (let j = 0; j < 6; j++) sum6[i * 6 + j] = Pa[i * n + j]! + Pb[i * n + j]!;
  }
  return quadraticFormSpd(sum6, delta, 6);
}

/** The χ² tail probability of a track distance on 6 dof. */
export function trackDistancePValue(d2: number): number {
  return 1 - chiSquareCdf(d2, 6);
}

let sumN = new Float64Array(64);
let factorN = new Float64Array(64);
let gain = new Float64Array(64);
let diff = new Float64Array(8);

/** Fuses (xa, Pa) and (xb, Pb) (n-state) into (x, P); false when Pa + Pb is singular. */
export function fuseIndependent(
  x: Float64Array,
  P: Float64Array,
  xa: ArrayLike<number>,
  Pa: ArrayLike<number>,
  xb: ArrayLike<number>,
  Pb: ArrayLike<number>,
  n: number,
): boolean {
  if (sumN.length < n * n) {
    sumN = new Float64Array(n * n);
    factorN = new Float64Array(n * n);
    gain = new Float64Array(n * n);
    diff = new Float64Array(n);
  }
  for (let i = 0; i < n * n; i++) sumN[i] = Pa[i]! + Pb[i]!;
  if (!choleskyFactor(factorN, sumN, n)) return false;
  // gainᵀ = (Pa + Pb)⁻¹·Pa, so K = Pa·(Pa + Pb)⁻¹ = gainᵀ's transpose (both symmetric).
  for (let i = 0; i < n * n; i++) gain[i] = Pa[i]!;
  choleskySolve(gain, factorN, gain, n, n);
  for (let i = 0; i < n; i++) diff[i] = xb[i]! - xa[i]!;
  for (let i = 0; i < n; i++) {
    let s = xa[i]!;
    for (let k = 0; k < n; k++) s += gain[k * n + i]! * diff[k]!;
    x[i] = s;
  }
  // P = Pa − K·Pa = Pa − gainᵀ·Pa.
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = Pa[i * n + j]!;
      for (let k = 0; k < n; k++) s -= gain[k * n + i]! * Pa[k * n + j]!;
      P[i * n + j] = s;
      P[j * n + i] = s;
    }
  }
  return true;
}
