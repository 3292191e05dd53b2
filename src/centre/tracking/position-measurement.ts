// A sensor that measures the position part of the state directly (the peer benchmark's
// converted positions): z = H·x + v, H = [I₃ 0], v ~ N(0, R) with R a constant SPD 3×3
// (σ²·I for the benchmark). `createPositionUpdater` is the Kalman update of updater.ts
// written out for this H, exact for any P and any n ≥ 3 state:
//   S = P₀₀ + R = L·Lᵀ (P₀₀ the top-left 3×3),  Kᵀ = S⁻¹·P[0:3, :] = L⁻ᵀ·L⁻¹·P[0:3, :],
//   T = P − K·P[0:3, :]  (= (I − K·H)·P),
//   P ← T·(I − K·H)ᵀ + K·R·Kᵀ = (T − T[:, 0:3]·Kᵀ) + (K·R)·Kᵀ   (Joseph form),
// with L⁻¹ of the 3×3 factor written out, and only the upper triangle of P computed.

import { choleskyFactor } from '../../physics/matrix.ts';
import type { MeasurementModel } from './measurement-model.ts';
import type { Updater } from './updater.ts';

/** R as a 3×3 row-major covariance (m²) from a per-axis standard deviation σ (m). */
export function isotropicPositionNoise(sigma: number): Float64Array {
  const s2 = sigma * sigma;
  return Float64Array.of(s2, 0, 0, 0, s2, 0, 0, 0, s2);
}

export function createPositionMeasurementModel(R: Float64Array, stateDim = 6): MeasurementModel {
  const noise = Float64Array.from(R);
  return {
    measDim: 3,
    stateDim,
    measure(out, x) {
      out[0] = x[0]!;
      out[1] = x[1]!;
      out[2] = x[2]!;
      return out;
    },
    jacobian(out, _x) {
      out.fill(0, 0, 3 * stateDim);
      for (let k = 0; k < 3; k++) out[k * stateDim + k] = 1;
      return out;
    },
    noise(out, _x) {
      for (let i = 0; i < 9; i++) out[i] = noise[i]!;
      return out;
    },
    residual(out, z, zPredicted) {
      out[0] = z[0]! - zPredicted[0]!;
      out[1] = z[1]! - zPredicted[1]!;
      out[2] = z[2]! - zPredicted[2]!;
      return out;
    },
  };
}

export function createPositionUpdater(R: Float64Array, stateDim = 6): Updater {
  const n = stateDim;
  const noise = Float64Array.from(R);
  const S = new Float64Array(9);
  const gainT = new Float64Array(3 * n);
  const T = new Float64Array(n * n);
  const KR = new Float64Array(n * 3);
  return {
    measDim: 3,
    stateDim: n,
    predictMeasurement(zPredicted, L, x, P) {
      zPredicted[0] = x[0]!;
      zPredicted[1] = x[1]!;
      zPredicted[2] = x[2]!;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) S[i * 3 + j] = P[i * n + j]! + noise[i * 3 + j]!;
      }
      return choleskyFactor(L, S, 3);
    },
    residual(out, z, zPredicted) {
      out[0] = z[0]! - zPredicted[0]!;
      out[1] = z[1]! - zPredicted[1]!;
      out[2] = z[2]! - zPredicted[2]!;
      return out;
    },
    update(x, P, z, zPredicted, L) {
      // Inverse of the lower factor L (3×3) written out: L⁻¹ = [[a, 0, 0], [b, c, 0], [d, e, f]].
      const a = 1 / L[0]!;
      const c = 1 / L[4]!;
      const f = 1 / L[8]!;
      const b = -L[3]! * a * c;
      const e = -L[7]! * c * f;
      const d = -(L[6]! * a + L[7]! * b) * f;
      const nu0 = z[0]! - zPredicted[0]!;
      const nu1 = z[1]! - zPredicted[1]!;
      const nu2 = z[2]! - zPredicted[2]!;
      // NIS = |L⁻¹·ν|².
      const y0 = a * nu0;
      const y1 = b * nu0 + c * nu1;
      const y2 = d * nu0 + e * nu1 + f * nu2;
      const nis = y0 * y0 + y1 * y1 + y2 * y2;
      // gainT = Kᵀ = S⁻¹·P[0:3, :] = L⁻ᵀ·(L⁻¹·P[0:3, :]), column by column.
      for (let j = 0; j < n; j++) {
        const m0 = P[j]!;
        const m1 = P[n + j]!;
        const m2 = P[2 * n + j]!;
        const w0 = a * m0;
        const w1 = b * m0 + c * m1;
        const w2 = d * m0 + e * m1 + f * m2;
        gainT[j] = a * w0 + b * w1 + d * w2;
        gainT[n + j] = c * w1 + e * w2;
        gainT[2 * n + j] = f * w2;
      }
      for (let i = 0; i < n; i++) {
        x[i] = x[i]! + gainT[i]! * nu0 + gainT[n + i]! * nu1 + gainT[2 * n + i]! * nu2;
      }
      const r00 = noise[0]!;
      const r01 = noise[1]!;
      const r02 = noise[2]!;
      const r10 = noise[3]!;
      const r11 = noise[4]!;
      const r12 = noise[5]!;
      const r20 = noise[6]!;
      const r21 = noise[7]!;
      const r22 = noise[8]!;
      // T = (I − K·H)·P, and KR = K·R kept apart: P ← T·(I − K·H)ᵀ + KR·Kᵀ sums the two
      // positive semi-definite terms of the Joseph form without first cancelling them
      // against each other (grouping T[:, 0:3] − K·R, which is ≈ 0 for the optimal gain,
      // would reduce the update to the short form and lose its robustness).
      for (let i = 0; i < n; i++) {
        const k0 = gainT[i]!;
        const k1 = gainT[n + i]!;
        const k2 = gainT[2 * n + i]!;
        const row = i * n;
        for (let j = 0; j < n; j++) {
          T[row + j] = P[row + j]! - (k0 * P[j]! + k1 * P[n + j]! + k2 * P[2 * n + j]!);
        }
        KR[i * 3] = k0 * r00 + k1 * r10 + k2 * r20;
        KR[i * 3 + 1] = k0 * r01 + k1 * r11 + k2 * r21;
        KR[i * 3 + 2] = k0 * r02 + k1 * r12 + k2 * r22;
      }
      // Upper triangle, mirrored: P stays exactly symmetric.
      for (let i = 0; i < n; i++) {
        const row = i * n;
        const t0 = T[row]!;
        const t1 = T[row + 1]!;
        const t2 = T[row + 2]!;
        const kr0 = KR[i * 3]!;
        const kr1 = KR[i * 3 + 1]!;
        const kr2 = KR[i * 3 + 2]!;
        for (let j = i; j < n; j++) {
          const g0 = gainT[j]!;
          const g1 = gainT[n + j]!;
          const g2 = gainT[2 * n + j]!;
          const v = T[row + j]! - (t0 * g0 + t1 * g1 + t2 * g2) + (kr0 * g0 + kr1 * g1 + kr2 * g2);
          P[row + j] = v;
          P[j * n + i] = v;
        }
      }
      return nis;
    },
  };
}
