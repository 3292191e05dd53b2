// The measurement-update step of a Kalman-type filter, split in two so that gating can
// use the first half for every candidate measurement and only the chosen one pays for
// the second:
//   predictMeasurement:  ẑ = h(x),  S = H·P·Hᵀ + R, kept as its Cholesky factor L;
//   update:              ν = z − ẑ,  K = P·Hᵀ·S⁻¹,  x ← x + K·ν,
//                        P ← (I − K·H)·P·(I − K·H)ᵀ + K·R·Kᵀ   (Joseph form),
// returning the normalised innovation squared NIS = νᵀ·S⁻¹·ν. The Joseph form keeps P
// symmetric positive semi-definite under rounding and for any gain (Bucy & Joseph 1968;
// Bar-Shalom et al. 2001, §5.2.3); P is symmetrised after each step. The general path
// below serves any measurement model (exact for a linear one, the EKF otherwise);
// models with structure provide a faster updater with the same numbers.

import {
  choleskyFactor,
  choleskyQuadraticForm,
  choleskySolve,
  multiply,
  symmetrize,
} from '../../physics/matrix.ts';
import type { MeasurementModel } from './measurement-model.ts';

export interface Updater {
  readonly measDim: number;
  readonly stateDim: number;
  /** Writes ẑ (m) and the lower Cholesky factor L (m×m) of S; false when S is not positive-definite. */
  predictMeasurement(zPredicted: Float64Array, L: Float64Array, x: Float64Array, P: Float64Array): boolean;
  /** out (m) = z − ẑ in the model's convention (angles wrapped). */
  residual(out: Float64Array, z: Float64Array, zPredicted: Float64Array): Float64Array;
  /**
   * Updates x (n) and P (n×n) in place with measurement z, given the ẑ and L that
   * predictMeasurement wrote for this same (x, P). Returns the NIS.
   */
  update(
    x: Float64Array,
    P: Float64Array,
    z: Float64Array,
    zPredicted: Float64Array,
    L: Float64Array,
  ): number;
}

export function createKalmanUpdater(model: MeasurementModel): Updater {
  const m = model.measDim;
  const n = model.stateDim;
  const H = new Float64Array(m * n);
  const R = new Float64Array(m * m);
  const S = new Float64Array(m * m);
  const HP = new Float64Array(m * n);
  const gainT = new Float64Array(m * n);
  const RgainT = new Float64Array(m * n);
  const A = new Float64Array(n * n);
  const AP = new Float64Array(n * n);
  const nu = new Float64Array(m);
  return {
    measDim: m,
    stateDim: n,
    predictMeasurement(zPredicted, L, x, P) {
      model.measure(zPredicted, x);
      model.jacobian(H, x);
      model.noise(R, x);
      multiply(HP, H, P, m, n, n);
      for (let i = 0; i < m; i++) {
        for (let j = 0; j < m; j++) {
          let s = R[i * m + j]!;
          for (let p = 0; p < n; p++) s += HP[i * n + p]! * H[j * n + p]!;
          S[i * m + j] = s;
        }
      }
      return choleskyFactor(L, S, m);
    },
    residual(out, z, zPredicted) {
      return model.residual(out, z, zPredicted);
    },
    update(x, P, z, zPredicted, L) {
      model.jacobian(H, x);
      model.noise(R, x);
      model.residual(nu, z, zPredicted);
      const nis = choleskyQuadraticForm(L, nu, m);
      // Kᵀ = S⁻¹·H·P (P symmetric), so K·ν and K·H come from rows of gainT.
      multiply(HP, H, P, m, n, n);
      choleskySolve(gainT, L, HP, m, n);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += gainT[k * n + i]! * nu[k]!;
        x[i] = x[i]! + s;
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = i === j ? 1 : 0;
          for (let k = 0; k < m; k++) s -= gainT[k * n + i]! * H[k * n + j]!;
          A[i * n + j] = s;
        }
      }
      multiply(AP, A, P, n, n, n);
      multiply(RgainT, R, gainT, m, m, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let p = 0; p < n; p++) s += AP[i * n + p]! * A[j * n + p]!;
          for (let k = 0; k < m; k++) s += gainT[k * n + i]! * RgainT[k * n + j]!;
          P[i * n + j] = s;
        }
      }
      symmetrize(P, P, n);
      return nis;
    },
  };
}
