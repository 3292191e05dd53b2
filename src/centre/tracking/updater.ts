// The measurement-update step of a Kalman-type filter, split in two so that gating can
// use the first half for every candidate measurement and only the chosen one pays for
// the second:
//   predictMeasurement:  ẑ = h(x),  S = H·P·Hᵀ + R, kept as its Cholesky factor L;
//   update:              ν = z − ẑ,  K = P·Hᵀ·S⁻¹,  x ← x + K·ν,
//                        P ← (I − K·H)·P·(I − K·H)ᵀ + K·R·Kᵀ   (Joseph form),
// returning the normalised innovation squared NIS = νᵀ·S⁻¹·ν. The Joseph form keeps P
// symmetric positive semi-definite under rounding and for any gain (Bucy & Joseph 1968;
// Bar-Shalom et al. 2001, §5.2.3); P is kept exactly symmetric. The general path
// below serves any measurement model (exact for a linear one, the EKF otherwise);
// models with structure provide a faster updater with the same numbers.

import { choleskyFactor, choleskyQuadraticForm, choleskySolve, multiply } from '../../physics/matrix.ts';
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
  const T = new Float64Array(n * n);
  const TH = new Float64Array(n * m);
  const KR = new Float64Array(n * m);
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
      // Joseph form without forming I − K·H: with T = P − K·(H·P) = (I − K·H)·P,
      // P ← T·(I − K·H)ᵀ + K·R·Kᵀ = T − (T·Hᵀ)·Kᵀ + (K·R)·Kᵀ, the two positive
      // semi-definite terms summed without cancelling each other first (as in
      // position-measurement.ts), upper triangle mirrored.
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = P[i * n + j]!;
          for (let k = 0; k < m; k++) s -= gainT[k * n + i]! * HP[k * n + j]!;
          T[i * n + j] = s;
        }
        for (let k = 0; k < m; k++) {
          let th = 0;
          for (let p = 0; p < n; p++) th += T[i * n + p]! * H[k * n + p]!;
          TH[i * m + k] = th;
          let kr = 0;
          for (let l = 0; l < m; l++) kr += gainT[l * n + i]! * R[l * m + k]!;
          KR[i * m + k] = kr;
        }
      }
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          let minus = 0;
          let plus = 0;
          for (let k = 0; k < m; k++) {
            minus += TH[i * m + k]! * gainT[k * n + j]!;
            plus += KR[i * m + k]! * gainT[k * n + j]!;
          }
          const s = T[i * n + j]! - minus + plus;
          P[i * n + j] = s;
          P[j * n + i] = s;
        }
      }
      return nis;
    },
  };
}
