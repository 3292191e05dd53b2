// Stereo triangulation against closed-form geometry. Two rays of equal range ρ meeting
// at the target with half-angle φ between them and isotropic angular noise σ place the
// target with standard deviations σρ/(√2·sin φ) along their bisector, σρ/(√2·cos φ)
// across it in their plane and σρ/√2 out of it (each ray constrains the two directions
// across itself with σρ; add the informations). The noise here is drawn in the test.
import { describe, expect, it } from 'vitest';
import {
  chiSquareMeanBand,
  normalisedEstimationErrorSquared,
} from '../../../src/centre/tracking/consistency.ts';
import {
  createRaySet,
  createTrajectoryFit,
  fitLineOfSightTrajectory,
  triangulateRays,
} from '../../../src/centre/tracking/stereo-triangulation.ts';
import { createRng, type Rng } from '../../../src/physics/random.ts';

const target = [7000e3, 0, 0];
const rho = 36000e3;
const phi = (20 * Math.PI) / 180;
const sigma = 30e-6;
const observers = [1, -1].map((s) => [target[0]! + rho * Math.cos(phi), s * rho * Math.sin(phi), 0]);

/** Unit vector from o to p, turned by two independent N(0, σ²) angles about perpendicular axes. */
function noisyRay(o: number[], p: number[], rng: Rng): number[] {
  const d = p.map((c, i) => c - o[i]!);
  const n = Math.hypot(...d);
  const u = d.map((c) => c / n);
  // In-plane perpendicular (z × u) and out-of-plane (z): exact for these observers.
  const a = [-u[1]!, u[0]!, 0].map((c, _i, v) => c / Math.hypot(v[0]!, v[1]!, v[2]!));
  const b = [0, 0, 1];
  const ea = sigma * rng.normal();
  const eb = sigma * rng.normal();
  const w = u.map((c, i) => c + ea * a[i]! + eb * b[i]!);
  const wn = Math.hypot(...w);
  return w.map((c) => c / wn);
}

describe('two-ray triangulation', () => {
  const along = (sigma * rho) / (Math.SQRT2 * Math.sin(phi));
  const across = (sigma * rho) / (Math.SQRT2 * Math.cos(phi));
  const out = (sigma * rho) / Math.SQRT2;

  it('noise-free rays meet exactly at the target with zero miss', () => {
    const p = new Float64Array(3);
    const u = observers.map((o) => {
      const d = target.map((c, i) => c - o[i]!);
      return d.map((c) => c / Math.hypot(...d));
    });
    const miss = triangulateRays(p, null, observers[0]!, u[0]!, sigma, observers[1]!, u[1]!, sigma);
    expect(miss).toBeLessThan(1e-12);
    for (let k = 0; k < 3; k++) expect(p[k]! - target[k]!).toBeCloseTo(0, 3);
  });

  it('its reported covariance is the closed-form one', () => {
    const p = new Float64Array(3);
    const cov = new Float64Array(9);
    const rng = createRng(1, 'tri');
    triangulateRays(
      p,
      cov,
      observers[0]!,
      noisyRay(observers[0]!, target, rng),
      sigma,
      observers[1]!,
      noisyRay(observers[1]!, target, rng),
      sigma,
    );
    // Bisector along x, across along y, out of plane along z.
    expect(Math.sqrt(cov[0]!) / along).toBeCloseTo(1, 2);
    expect(Math.sqrt(cov[4]!) / across).toBeCloseTo(1, 2);
    expect(Math.sqrt(cov[8]!) / out).toBeCloseTo(1, 2);
  });

  it('over 4,000 noisy pairs the errors have the closed-form spread, and the miss is χ²(1)', () => {
    const rng = createRng(2, 'tri');
    const p = new Float64Array(3);
    const sums = [0, 0, 0];
    let missSum = 0;
    const runs = 4000;
    for (let i = 0; i < runs; i++) {
      const miss = triangulateRays(
        p,
        null,
        observers[0]!,
        noisyRay(observers[0]!, target, rng),
        sigma,
        observers[1]!,
        noisyRay(observers[1]!, target, rng),
        sigma,
      );
      missSum += miss;
      for (let k = 0; k < 3; k++) sums[k] = sums[k]! + (p[k]! - target[k]!) ** 2;
    }
    const std = sums.map((s) => Math.sqrt(s / runs));
    expect(std[0]! / along).toBeGreaterThan(0.95);
    expect(std[0]! / along).toBeLessThan(1.05);
    expect(std[1]! / across).toBeGreaterThan(0.95);
    expect(std[1]! / across).toBeLessThan(1.05);
    expect(std[2]! / out).toBeGreaterThan(0.95);
    expect(std[2]! / out).toBeLessThan(1.05);
    const [lo, hi] = chiSquareMeanBand(1, runs);
    expect(missSum / runs).toBeGreaterThan(lo);
    expect(missSum / runs).toBeLessThan(hi);
  });
});

describe('constant-acceleration fit to bearings of two satellites', () => {
  it('recovers a moving source, consistently with its covariance over 300 runs', () => {
    const v = [1500, 2500, 1000];
    const a = [10, -5, 20];
    const at = (t: number) => target.map((c, i) => c + v[i]! * t + 0.5 * a[i]! * t * t);
    const rng = createRng(3, 'fit');
    const rays = createRaySet(16);
    const fit = createTrajectoryFit();
    const start = new Float64Array(3);
    let nees = 0;
    const runs = 300;
    for (let run = 0; run < runs; run++) {
      rays.count = 0;
      for (let k = 0; k < 8; k++) {
        const t = 5 * k - 35;
        const o = observers[k % 2]!;
        const u = noisyRay(o, at(t), rng);
        const r = rays.count++;
        rays.time[r] = t;
        rays.sigma[r] = sigma;
        rays.observer.set(o, 3 * r);
        rays.los.set(u, 3 * r);
      }
      triangulateRays(
        start,
        null,
        rays.observer.subarray(0, 3),
        rays.los.subarray(0, 3),
        sigma,
        rays.observer.subarray(3, 6),
        rays.los.subarray(3, 6),
        sigma,
      );
      // A prior on the acceleration centred on the truth, wide (50 m/s²).
      expect(fitLineOfSightTrajectory(fit, rays, 0, start, a, 50)).toBe(true);
      nees += normalisedEstimationErrorSquared(fit.theta, fit.covariance, 9, [...at(0), ...v], 0, 6);
    }
    const [lo, hi] = chiSquareMeanBand(6, runs);
    expect(nees / runs).toBeGreaterThan(lo);
    expect(nees / runs).toBeLessThan(hi);
  });
});
