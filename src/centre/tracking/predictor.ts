// The prediction step of a Kalman-type filter: moves a state estimate (x, P) forward
// in place. `createKalmanPredictor` is the general path for any motion model, exact
// for a linear one and the extended Kalman filter (EKF) otherwise:
//   x ← f(x, dt),   P ← F·P·Fᵀ + Q   (Bar-Shalom et al. 2001, §5.2 and §10.3).
// Models with structure provide a faster predictor giving the same numbers (e.g.
// constant-velocity.ts); the tests check the two against each other.

import { copy, multiply, multiplyTransposeB, symmetrize } from '../../physics/matrix.ts';
import type { MotionModel } from './motion-model.ts';

export interface Predictor {
  readonly stateDim: number;
  /** Moves x (n) and P (n×n, symmetric) forward by dt seconds, in place. */
  predict(x: Float64Array, P: Float64Array, dt: number): void;
}

export function createKalmanPredictor(model: MotionModel): Predictor {
  const n = model.stateDim;
  const F = new Float64Array(n * n);
  const Q = new Float64Array(n * n);
  const FP = new Float64Array(n * n);
  const xOld = new Float64Array(n);
  return {
    stateDim: n,
    predict(x, P, dt) {
      copy(xOld, x, n, 1);
      model.jacobian(F, xOld, dt);
      model.processNoise(Q, xOld, dt);
      model.propagate(x, xOld, dt);
      multiply(FP, F, P, n, n, n);
      multiplyTransposeB(P, FP, F, n, n, n);
      for (let i = 0; i < n * n; i++) P[i] = P[i]! + Q[i]!;
      symmetrize(P, P, n);
    },
  };
}
