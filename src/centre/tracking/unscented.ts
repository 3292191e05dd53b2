// Unscented Kalman filter steps (Julier & Uhlmann, "Unscented filtering and nonlinear
// estimation", Proc. IEEE 92(3), 2004; scaled sigma points of Wan & van der Merwe,
// "The unscented Kalman filter for nonlinear estimation", 2000): 2n + 1 points
//   χ₀ = x,  χᵢ = x ± √(n + λ)·Lᵢ  (Lᵢ the i-th column of the Cholesky factor of P),
//   λ = α²(n + κ) − n,  Wm₀ = λ/(n + λ),  Wc₀ = Wm₀ + 1 − α² + β,  Wᵢ = 1/(2(n + λ)).
// Defaults α = 1, β = 2, κ = 0: no negative weight, points at √n·σ.
// Prediction: the points through f, the weighted mean and scatter, plus the model's Q.
// Update: the points through h; residuals are taken with the model's `residual`
// (angles wrapped) about the central point, ẑ = Z₀ + Σ Wmᵢ·(Zᵢ ⊖ Z₀); S and the cross
// covariance Pxz follow, K = Pxz·S⁻¹. The covariance update is written in Joseph form
// through the statistical linearisation H = Pxzᵀ·P⁻¹ with R̃ = S − H·P·Hᵀ (the noise
// plus what the sigma points saw of the nonlinearity): (I − KH)·P·(I − KH)ᵀ + K·R̃·Kᵀ,
// which equals P − K·S·Kᵀ in exact arithmetic and stays positive semi-definite in
// rounding. Sigma points are recomputed in `update` (the gater calls predictMeasurement
// for many tracks before any update), so nothing is cached between the two calls.

import {
  choleskyFactor,
  choleskyQuadraticForm,
  choleskySolve,
  multiply,
  symmetrize,
} from '../../physics/matrix.ts';
import type { MeasurementModel } from './measurement-model.ts';
import type { MotionModel } from './motion-model.ts';
import type { Predictor } from './predictor.ts';
import type { Updater } from './updater.ts';

export interface UnscentedParameters {
  alpha: number;
  beta: number;
  kappa: number;
}

export const defaultUnscentedParameters: UnscentedParameters = { alpha: 1, beta: 2, kappa: 0 };

interface SigmaSet {
  n: number;
  count: number;
  spread: number;
  wm0: number;
  wc0: number;
  wi: number;
  points: Float64Array;
  factor: Float64Array;
}

function sigmaSet(n: number, p: UnscentedParameters): SigmaSet {
  const lambda = p.alpha * p.alpha * (n + p.kappa) - n;
  const wm0 = lambda / (n + lambda);
  return {
    n,
    count: 2 * n + 1,
    spread: Math.sqrt(n + lambda),
    wm0,
    wc0: wm0 + 1 - p.alpha * p.alpha + p.beta,
    wi: 1 / (2 * (n + lambda)),
    points: new Float64Array((2 * n + 1) * n),
    factor: new Float64Array(n * n),
  };
}

/** Writes the 2n + 1 sigma points of (x, P) into set.points; false when P is not positive-definite. */
function drawSigmaPoints(set: SigmaSet, x: Float64Array, P: Float64Array): boolean {
  const { n, points, factor, spread } = set;
  if (!choleskyFactor(factor, P, n)) return false;
  for (let k = 0; k < n; k++) points[k] = x[k]!;
  for (let i = 0; i < n; i++) {
    const plus = (1 + i) * n;
    const minus = (1 + n + i) * n;
    for (let k = 0; k < n; k++) {
      const d = spread * factor[k * n + i]!;
      points[plus + k] = x[k]! + d;
      points[minus + k] = x[k]! - d;
    }
  }
  return true;
}

export function createUnscentedPredictor(
  model: MotionModel,
  parameters: UnscentedParameters = defaultUnscentedParameters,
): Predictor {
  const n = model.stateDim;
  const set = sigmaSet(n, parameters);
  const moved = new Float64Array(set.count * n);
  const Q = new Float64Array(n * n);
  const point = new Float64Array(n);
  const out = new Float64Array(n);
  const mean = new Float64Array(n);
  return {
    stateDim: n,
    predict(x, P, dt) {
      if (!drawSigmaPoints(set, x, P))
        throw new RangeError('unscented prediction: P is not positive-definite');
      model.processNoise(Q, x, dt);
      for (let s = 0; s < set.count; s++) {
        for (let k = 0; k < n; k++) point[k] = set.points[s * n + k]!;
        model.propagate(out, point, dt);
        moved.set(out, s * n);
      }
      for (let k = 0; k < n; k++) {
        let m = set.wm0 * moved[k]!;
        for (let s = 1; s < set.count; s++) m += set.wi * moved[s * n + k]!;
        mean[k] = m;
      }
      for (let i = 0; i < n; i++) {
        for (let j = i; j < n; j++) {
          let c = set.wc0 * (moved[i]! - mean[i]!) * (moved[j]! - mean[j]!);
          for (let s = 1; s < set.count; s++) {
            c += set.wi * (moved[s * n + i]! - mean[i]!) * (moved[s * n + j]! - mean[j]!);
          }
          c += Q[i * n + j]!;
          P[i * n + j] = c;
          P[j * n + i] = c;
        }
      }
      x.set(mean);
    },
  };
}

export function createUnscentedUpdater(
  model: MeasurementModel,
  parameters: UnscentedParameters = defaultUnscentedParameters,
): Updater {
  const n = model.stateDim;
  const m = model.measDim;
  const set = sigmaSet(n, parameters);
  const measured = new Float64Array(set.count * m);
  const deviation = new Float64Array(set.count * m);
  const point = new Float64Array(n);
  const zs = new Float64Array(m);
  const zi = new Float64Array(m);
  const zCentral = new Float64Array(m);
  const R = new Float64Array(m * m);
  const S = new Float64Array(m * m);
  const Pxz = new Float64Array(n * m);
  const gainT = new Float64Array(m * n);
  const PinvPxz = new Float64Array(n * m);
  const Pfactor = new Float64Array(n * n);
  const H = new Float64Array(m * n);
  const Rt = new Float64Array(m * m);
  const A = new Float64Array(n * n);
  const AP = new Float64Array(n * n);
  const RgainT = new Float64Array(m * n);
  const nu = new Float64Array(m);
  const zHat = new Float64Array(m);

  /** Sigma points of (x, P) through h; ẑ into zHat, deviations Zᵢ ⊖ ẑ, and S. */
  function transform(x: Float64Array, P: Float64Array): boolean {
    if (!drawSigmaPoints(set, x, P)) return false;
    for (let s = 0; s < set.count; s++) {
      for (let k = 0; k < n; k++) point[k] = set.points[s * n + k]!;
      model.measure(zs, point);
      measured.set(zs, s * m);
    }
    // ẑ = Z₀ + Σ Wmᵢ (Zᵢ ⊖ Z₀): residuals about the central point keep angles unwrapped.
    for (let k = 0; k < m; k++) zCentral[k] = measured[k]!;
    zHat.set(zCentral);
    for (let s = 1; s < set.count; s++) {
      for (let k = 0; k < m; k++) zi[k] = measured[s * m + k]!;
      model.residual(zs, zi, zCentral);
      for (let k = 0; k < m; k++) zHat[k] = zHat[k]! + set.wi * zs[k]!;
    }
    for (let s = 0; s < set.count; s++) {
      for (let k = 0; k < m; k++) zi[k] = measured[s * m + k]!;
      model.residual(zs, zi, zHat);
      deviation.set(zs, s * m);
    }
    model.noise(R, x);
    for (let i = 0; i < m; i++) {
      for (let j = i; j < m; j++) {
        let c = set.wc0 * deviation[i]! * deviation[j]!;
        for (let s = 1; s < set.count; s++) c += set.wi * deviation[s * m + i]! * deviation[s * m + j]!;
        c += R[i * m + j]!;
        S[i * m + j] = c;
        S[j * m + i] = c;
      }
    }
    return true;
  }

  return {
    measDim: m,
    stateDim: n,
    predictMeasurement(zPredicted, L, x, P) {
      if (!transform(x, P)) return false;
      zPredicted.set(zHat);
      return choleskyFactor(L, S, m);
    },
    residual(out, z, zPredicted) {
      return model.residual(out, z, zPredicted);
    },
    update(x, P, z, zPredicted, L) {
      if (!transform(x, P)) throw new RangeError('unscented update: P is not positive-definite');
      for (let i = 0; i < n; i++) {
        for (let k = 0; k < m; k++) {
          let c = set.wc0 * (set.points[i]! - x[i]!) * deviation[k]!;
          for (let s = 1; s < set.count; s++) {
            c += set.wi * (set.points[s * n + i]! - x[i]!) * deviation[s * m + k]!;
          }
          Pxz[i * m + k] = c;
        }
      }
      model.residual(nu, z, zPredicted);
      const nis = choleskyQuadraticForm(L, nu, m);
      // Kᵀ = S⁻¹·Pxzᵀ.
      for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) gainT[k * n + i] = Pxz[i * m + k]!;
      choleskySolve(gainT, L, gainT, m, n);
      // H = Pxzᵀ·P⁻¹ and R̃ = S − H·P·Hᵀ = S − Pxzᵀ·P⁻¹·Pxz.
      choleskyFactor(Pfactor, P, n);
      choleskySolve(PinvPxz, Pfactor, Pxz, n, m);
      for (let k = 0; k < m; k++) for (let i = 0; i < n; i++) H[k * n + i] = PinvPxz[i * m + k]!;
      for (let a = 0; a < m; a++) {
        for (let b = 0; b < m; b++) {
          let c = S[a * m + b]!;
          for (let i = 0; i < n; i++) c -= Pxz[i * m + a]! * PinvPxz[i * m + b]!;
          Rt[a * m + b] = c;
        }
      }
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
      multiply(RgainT, Rt, gainT, m, m, n);
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
