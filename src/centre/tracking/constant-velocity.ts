// Nearly-constant-velocity motion in 3-D, state [x, y, z, vx, vy, vz] (m, m/s): white
// acceleration noise of spectral density q (m²/s³) on each axis, exactly discretised
// (Bar-Shalom, Li & Kirubarajan, Estimation with Applications to Tracking and
// Navigation, 2001, §6.2.2; the convention of Stone Soup's ConstantVelocity(q) and of
// the peer benchmark, ../shared/bench/FORMAT.md):
//   F = [[I, dt·I], [0, I]],   Q = q·[[dt³/3·I, dt²/2·I], [dt²/2·I, dt·I]].

import type { MotionModel } from './motion-model.ts';
import type { Predictor } from './predictor.ts';

export function createConstantVelocityModel(q: number): MotionModel {
  return {
    stateDim: 6,
    propagate(out, x, dt) {
      for (let k = 0; k < 3; k++) {
        const v = x[3 + k]!;
        out[k] = x[k]! + dt * v;
        out[3 + k] = v;
      }
      return out;
    },
    jacobian(out, _x, dt) {
      out.fill(0, 0, 36);
      for (let i = 0; i < 6; i++) out[i * 7] = 1;
      for (let k = 0; k < 3; k++) out[k * 6 + 3 + k] = dt;
      return out;
    },
    processNoise(out, _x, dt) {
      out.fill(0, 0, 36);
      for (let k = 0; k < 3; k++) {
        out[k * 7] = (q * dt * dt * dt) / 3;
        out[k * 6 + 3 + k] = (q * dt * dt) / 2;
        out[(3 + k) * 6 + k] = (q * dt * dt) / 2;
        out[(3 + k) * 7] = q * dt;
      }
      return out;
    },
  };
}

/**
 * The same prediction as the general Kalman predictor on this model, written out in
 * 3×3 blocks of P = [[A, B], [Bᵀ, C]]: F·P·Fᵀ = [[A + dt(B + Bᵀ) + dt²C, B + dt·C],
 * [·, C]]. Exact for any P (no assumption that the axes are uncorrelated), about a
 * quarter of the arithmetic of two 6×6 products.
 */
export function createConstantVelocityPredictor(q: number): Predictor {
  return {
    stateDim: 6,
    predict(x, P, dt) {
      for (let k = 0; k < 3; k++) x[k] = x[k]! + dt * x[3 + k]!;
      const dt2 = dt * dt;
      const qA = (q * dt2 * dt) / 3;
      const qB = (q * dt2) / 2;
      const qC = q * dt;
      for (let i = 0; i < 3; i++) {
        for (let j = i; j < 3; j++) {
          const a =
            P[i * 6 + j]! +
            dt * (P[i * 6 + 3 + j]! + P[j * 6 + 3 + i]!) +
            dt2 * P[(3 + i) * 6 + 3 + j]! +
            (i === j ? qA : 0);
          P[i * 6 + j] = a;
          P[j * 6 + i] = a;
        }
      }
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const b = P[i * 6 + 3 + j]! + dt * P[(3 + i) * 6 + 3 + j]! + (i === j ? qB : 0);
          P[i * 6 + 3 + j] = b;
          P[(3 + j) * 6 + i] = b;
        }
      }
      for (let i = 0; i < 3; i++) P[(3 + i) * 7] = P[(3 + i) * 7]! + qC;
    },
  };
}
