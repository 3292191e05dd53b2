// Keeps a filter covariance a valid covariance after every step: symmetric, variances
// no smaller than a floor, correlation coefficients inside (−1, 1) and, checked by a
// Cholesky factorisation, positive-definite. A covariance that still fails gets a
// diagonal loading that grows tenfold until it factors (the "jitter" of Higham's
// nearest-SPD practice, applied only where rounding broke definiteness). The Joseph
// form already keeps P positive semi-definite in exact arithmetic; the guard catches
// what rounding, long extrapolations and sigma-point cancellation leave behind.

import { choleskyFactor, symmetrize } from '../../physics/matrix.ts';

let factor = new Float64Array(64);

/** The largest correlation coefficient the guard allows between two state components. */
export const MAX_CORRELATION = 1 - 1e-9;

/**
 * Repairs P (n×n, in place); `floor` gives the least variance of each component.
 * Returns true when P was positive-definite without diagonal loading.
 */
export function guardCovariance(P: Float64Array, n: number, floor: ArrayLike<number>): boolean {
  symmetrize(P, P, n);
  for (let i = 0; i < n; i++) {
    if (!(P[i * n + i]! >= floor[i]!)) P[i * n + i] = floor[i]!;
  }
  for (let i = 0; i < n; i++) {
    const si = Math.sqrt(P[i * n + i]!);
    for (let j = i + 1; j < n; j++) {
      const limit = MAX_CORRELATION * si * Math.sqrt(P[j * n + j]!);
      let c = P[i * n + j]!;
      if (!Number.isFinite(c)) c = 0;
      else if (c > limit) c = limit;
      else if (c < -limit) c = -limit;
      P[i * n + j] = c;
      P[j * n + i] = c;
    }
  }
  if (factor.length < n * n) factor = new Float64Array(n * n);
  if (choleskyFactor(factor, P, n)) return true;
  let load = 1e-12;
  for (let attempt = 0; attempt < 30; attempt++) {
    for (let i = 0; i < n; i++) P[i * n + i] = P[i * n + i]! * (1 + load) + floor[i]! * load;
    if (choleskyFactor(factor, P, n)) return false;
    load *= 10;
  }
  return false;
}
