import { describe, expect, it } from 'vitest';
import {
  createConstantVelocityModel,
  createConstantVelocityPredictor,
} from '../../../src/centre/tracking/constant-velocity.ts';
import { chiSquareQuantile } from '../../../src/centre/tracking/distributions.ts';
import {
  createPositionMeasurementModel,
  createPositionUpdater,
  isotropicPositionNoise,
} from '../../../src/centre/tracking/position-measurement.ts';
import { createKalmanPredictor } from '../../../src/centre/tracking/predictor.ts';
import { createKalmanUpdater } from '../../../src/centre/tracking/updater.ts';
import { createRng } from '../../../src/physics/random.ts';

// Oracle: the Riccati recursion of a 1-D NCV filter with position measurements, written
// out in plain numbers (F = [[1, dt], [0, 1]], Q = q·[[dt³/3, dt²/2], [dt²/2, dt]],
// H = [1, 0], R = r), iterated to its fixed point (the discrete algebraic Riccati
// equation's stabilising solution).
function riccatiSteadyState(q: number, r: number, dt: number): { prior: number[]; posterior: number[] } {
  let [pxx, pxv, pvv] = [r, 0, 1e8];
  let prior = [0, 0, 0];
  for (let k = 0; k < 10_000; k++) {
    const axx = pxx + 2 * dt * pxv + dt * dt * pvv + (q * dt ** 3) / 3;
    const axv = pxv + dt * pvv + (q * dt ** 2) / 2;
    const avv = pvv + q * dt;
    prior = [axx, axv, avv];
    const s = axx + r;
    [pxx, pxv, pvv] = [axx - (axx * axx) / s, axv - (axx * axv) / s, avv - (axv * axv) / s];
  }
  return { prior, posterior: [pxx, pxv, pvv] };
}

function randomSpd(n: number, rng: ReturnType<typeof createRng>, scale: number[]): Float64Array {
  const b = Float64Array.from({ length: n * n }, () => rng.normal());
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? 0.1 : 0;
      for (let k = 0; k < n; k++) s += b[i * n + k]! * b[j * n + k]!;
      out[i * n + j] = s * scale[i]! * scale[j]!;
    }
  }
  return out;
}

function isSymmetricPositiveDefinite(P: Float64Array, n: number): boolean {
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) if (P[i * n + j] !== P[j * n + i]) return false;
  // Cholesky in plain numbers, independent of the kernels.
  const L = new Array<number>(n * n).fill(0);
  for (let j = 0; j < n; j++) {
    let d = P[j * n + j]!;
    for (let k = 0; k < j; k++) d -= L[j * n + k]! ** 2;
    if (!(d > 0)) return false;
    L[j * n + j] = Math.sqrt(d);
    for (let i = j + 1; i < n; i++) {
      let s = P[i * n + j]!;
      for (let k = 0; k < j; k++) s -= L[i * n + k]! * L[j * n + k]!;
      L[i * n + j] = s / L[j * n + j]!;
    }
  }
  return true;
}

const filters = {
  structured: (q: number, R: Float64Array) => ({
    predictor: createConstantVelocityPredictor(q),
    updater: createPositionUpdater(R),
  }),
  general: (q: number, R: Float64Array) => ({
    predictor: createKalmanPredictor(createConstantVelocityModel(q)),
    updater: createKalmanUpdater(createPositionMeasurementModel(R)),
  }),
};

describe('linear Kalman filter, NCV with position measurements', () => {
  for (const [name, make] of Object.entries(filters)) {
    it(`${name}: covariance converges to the Riccati steady state on every axis`, () => {
      const q = 10;
      const sigma = 100;
      const dt = 1;
      const { predictor, updater } = make(q, isotropicPositionNoise(sigma));
      const x = new Float64Array(6);
      const P = new Float64Array(36);
      for (let k = 0; k < 3; k++) {
        P[k * 7] = sigma * sigma;
        P[(3 + k) * 7] = 3000 ** 2;
      }
      const zPredicted = new Float64Array(3);
      const L = new Float64Array(9);
      const z = new Float64Array(3);
      const prior = new Float64Array(36);
      for (let step = 0; step < 300; step++) {
        predictor.predict(x, P, dt);
        prior.set(P);
        expect(updater.predictMeasurement(zPredicted, L, x, P)).toBe(true);
        z.set([Math.sin(step) * 50, 20, -30]);
        updater.update(x, P, z, zPredicted, L);
      }
      const oracle = riccatiSteadyState(q, sigma * sigma, dt);
      for (let k = 0; k < 3; k++) {
        const post = [P[k * 7]!, P[k * 6 + 3 + k]!, P[(3 + k) * 7]!];
        const pri = [prior[k * 7]!, prior[k * 6 + 3 + k]!, prior[(3 + k) * 7]!];
        for (let e = 0; e < 3; e++) {
          expect(post[e]! / oracle.posterior[e]!).toBeCloseTo(1, 9);
          expect(pri[e]! / oracle.prior[e]!).toBeCloseTo(1, 9);
        }
        // Axes stay uncorrelated when they start so and R is isotropic.
        expect(P[k * 6 + ((k + 1) % 3)]).toBeCloseTo(0, 6);
      }
      // Known magnitude for these settings: steady position σ ≈ 47 m, velocity σ ≈ 8.6 m/s.
      expect(Math.sqrt(oracle.posterior[0]!)).toBeGreaterThan(40);
      expect(Math.sqrt(oracle.posterior[0]!)).toBeLessThan(55);
    });
  }

  it('the structured predictor equals the general one for a full, correlated P', () => {
    const rng = createRng(3, 'predictor');
    const structured = filters.structured(7, isotropicPositionNoise(1));
    const general = filters.general(7, isotropicPositionNoise(1));
    for (let trial = 0; trial < 20; trial++) {
      const P = randomSpd(6, rng, [300, 200, 100, 30, 20, 10]);
      const x = Float64Array.from({ length: 6 }, () => 1000 * rng.normal());
      const dt = 0.1 + 3 * rng.uniform();
      const [x1, P1, x2, P2] = [x.slice(), P.slice(), x.slice(), P.slice()];
      structured.predictor.predict(x1, P1, dt);
      general.predictor.predict(x2, P2, dt);
      for (let i = 0; i < 6; i++) expect(x1[i]!).toBeCloseTo(x2[i]!, 8);
      for (let i = 0; i < 36; i++)
        expect(Math.abs(P1[i]! - P2[i]!)).toBeLessThan(1e-9 * Math.abs(P2[i]!) + 1e-6);
    }
  });

  it('the position updater equals the general Kalman updater for full P and R, and returns νᵀS⁻¹ν', () => {
    const rng = createRng(4, 'updater');
    for (let trial = 0; trial < 20; trial++) {
      const R = randomSpd(3, rng, [50, 80, 120]);
      const structured = createPositionUpdater(R);
      const general = createKalmanUpdater(createPositionMeasurementModel(R));
      const P = randomSpd(6, rng, [300, 200, 100, 30, 20, 10]);
      const x = Float64Array.from({ length: 6 }, () => 1000 * rng.normal());
      const z = Float64Array.from({ length: 3 }, (_, k) => x[k]! + 200 * rng.normal());
      const [x1, P1, x2, P2] = [x.slice(), P.slice(), x.slice(), P.slice()];
      const [zp1, L1, zp2, L2] = [
        new Float64Array(3),
        new Float64Array(9),
        new Float64Array(3),
        new Float64Array(9),
      ];
      structured.predictMeasurement(zp1, L1, x1, P1);
      general.predictMeasurement(zp2, L2, x2, P2);
      const nis1 = structured.update(x1, P1, z, zp1, L1);
      const nis2 = general.update(x2, P2, z, zp2, L2);
      // Independent NIS: S = P₀₀ + R inverted by the 3×3 adjugate.
      const S = [0, 1, 2].map((i) => [0, 1, 2].map((j) => P[i * 6 + j]! + R[i * 3 + j]!));
      const [a, b, c] = S[0]!;
      const [, e, f] = S[1]!;
      const i33 = S[2]![2]!;
      const det = a! * (e! * i33 - f! * f!) - b! * (b! * i33 - f! * c!) + c! * (b! * f! - e! * c!);
      const adj = [
        [e! * i33 - f! * f!, c! * f! - b! * i33, b! * f! - c! * e!],
        [c! * f! - b! * i33, a! * i33 - c! * c!, b! * c! - a! * f!],
        [b! * f! - c! * e!, b! * c! - a! * f!, a! * e! - b! * b!],
      ];
      const nu = [0, 1, 2].map((k) => z[k]! - x[k]!);
      let nis = 0;
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) nis += (nu[i]! * adj[i]![j]! * nu[j]!) / det;
      expect(nis1).toBeCloseTo(nis, 8);
      expect(nis2).toBeCloseTo(nis, 8);
      for (let i = 0; i < 6; i++) expect(x1[i]!).toBeCloseTo(x2[i]!, 6);
      for (let i = 0; i < 36; i++)
        expect(Math.abs(P1[i]! - P2[i]!)).toBeLessThan(1e-8 * Math.abs(P2[i]!) + 1e-6);
    }
  });

  // Huge prior uncertainty against precise measurements with strong cross-correlation
  // (P ~ 1e14 m², R = 1 m², 500 steps): P must stay exactly symmetric (an unsymmetrised
  // short form P − K·H·P drifts at once) and positive-definite.
  function adversarialRun(
    update: (x: Float64Array, P: Float64Array, z: Float64Array) => void,
    seed: number,
  ): number {
    const rng = createRng(seed, 'joseph');
    const predictor = createConstantVelocityPredictor(1e-6);
    const x = new Float64Array(6);
    const P = randomSpd(6, rng, [1e7, 1e7, 1e7, 1e6, 1e6, 1e6]);
    for (let step = 0; step < 500; step++) {
      predictor.predict(x, P, step % 7 === 0 ? 1e-6 : 0.5);
      const z = Float64Array.from({ length: 3 }, (_, k) => x[k]! + 1e3 * rng.normal());
      update(x, P, z);
      if (!isSymmetricPositiveDefinite(P, 6)) return step;
    }
    return -1;
  }

  for (const [name, make] of Object.entries(filters)) {
    it(`${name}: the Joseph form keeps P exactly symmetric and positive-definite under adversarial updates`, () => {
      const { updater } = make(1e-6, isotropicPositionNoise(1));
      const zPredicted = new Float64Array(3);
      const L = new Float64Array(9);
      const failedAt = adversarialRun((x, P, z) => {
        expect(updater.predictMeasurement(zPredicted, L, x, P)).toBe(true);
        updater.update(x, P, z, zPredicted, L);
      }, 5);
      expect(failedAt).toBe(-1);
    });
  }

  it('NIS of a simulated NCV target averages 3 within the 95% chi-square band (filter consistency)', () => {
    const q = 10;
    const sigma = 100;
    const rng = createRng(6, 'nis');
    const { predictor, updater } = filters.structured(q, isotropicPositionNoise(sigma));
    const truth = Float64Array.of(0, 0, 0, 2000, -1000, 500);
    const x = Float64Array.of(0, 0, 0, 2000, -1000, 500);
    const P = new Float64Array(36);
    for (let k = 0; k < 3; k++) {
      P[k * 7] = sigma * sigma;
      P[(3 + k) * 7] = 100;
    }
    const l00 = Math.sqrt(q / 3);
    const l10 = q / 2 / l00;
    const l11 = Math.sqrt(q - l10 * l10);
    const zPredicted = new Float64Array(3);
    const L = new Float64Array(9);
    const z = new Float64Array(3);
    const burnIn = 50;
    const steps = 400;
    let sum = 0;
    for (let step = -burnIn; step < steps; step++) {
      for (let k = 0; k < 3; k++) {
        const u0 = rng.normal();
        const u1 = rng.normal();
        truth[k] = truth[k]! + truth[3 + k]! + l00 * u0;
        truth[3 + k] = truth[3 + k]! + l10 * u0 + l11 * u1;
      }
      predictor.predict(x, P, 1);
      updater.predictMeasurement(zPredicted, L, x, P);
      for (let k = 0; k < 3; k++) z[k] = truth[k]! + sigma * rng.normal();
      const nis = updater.update(x, P, z, zPredicted, L);
      if (step >= 0) sum += nis;
    }
    // Σ NIS ~ χ²(3·steps) for a consistent filter.
    expect(sum).toBeGreaterThan(chiSquareQuantile(0.025, 3 * steps));
    expect(sum).toBeLessThan(chiSquareQuantile(0.975, 3 * steps));
  });
});
