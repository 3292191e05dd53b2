// Synthetic scenes in the peer benchmark's conventions (../shared/bench/FORMAT.md and
// the parameters block of its files) for tests and the scaling benchmark: targets start
// uniformly inside the box shrunk by a margin on each side, with a speed uniform in
// [speedMin, speedMax] in a uniformly random direction, and move by the exactly
// discretised nearly-constant-velocity model with acceleration density q; each target is
// detected with probability pd with N(0, σ²) noise per axis; Poisson(λ) clutter points
// per scan are uniform over the box; measurements of a scan are shuffled. Unlike the
// benchmark files every target is born at scan 0 (so n targets are alive at once) and
// dies only on leaving the box. Randomness: the project RNG (src/physics/random.ts),
// one stream per concern, so the clutter does not change when the target count does.

import { createRng, type Rng } from '../../physics/random.ts';
import type { PeerBenchScan, PeerBenchScenario, PeerBenchTruth } from './peer-bench.ts';

export interface SyntheticSceneOptions {
  targets: number;
  scans: number;
  /** Scan interval (s). */
  dt: number;
  pd: number;
  /** Expected clutter points per scan. */
  clutterLambda: number;
  /** Measurement noise per axis (m). */
  sigma: number;
  /** Acceleration noise density (m²/s³). */
  q: number;
  box: { min: [number, number, number]; max: [number, number, number] };
  speedMin: number;
  speedMax: number;
  /** Fraction of the box size kept clear on each side at birth. */
  margin: number;
  seed: number;
}

/** The benchmark files' settings (scenario_*_lam20_s1.json parameters), with a count and seed. */
export function benchmarkLikeOptions(targets: number, scans: number, seed: number): SyntheticSceneOptions {
  return {
    targets,
    scans,
    dt: 1,
    pd: 0.9,
    clutterLambda: 20,
    sigma: 100,
    q: 10,
    box: { min: [-500_000, -500_000, 0], max: [500_000, 500_000, 1_000_000] },
    speedMin: 1000,
    speedMax: 5000,
    margin: 0.1,
    seed,
  };
}

export function generateSyntheticScene(o: SyntheticSceneOptions): PeerBenchScenario {
  const motionRng = createRng(o.seed, 'synthetic-motion');
  const detectionRng = createRng(o.seed, 'synthetic-detection');
  const clutterRng = createRng(o.seed, 'synthetic-clutter');
  const orderRng = createRng(o.seed, 'synthetic-order');
  const { min, max } = o.box;
  const n = o.targets;
  const state = new Float64Array(6 * n);
  const alive = new Uint8Array(n).fill(1);
  const truthStates: number[][] = Array.from({ length: n }, () => []);
  const deathScan = new Int32Array(n).fill(o.scans);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      const size = max[k]! - min[k]!;
      state[6 * i + k] = min[k]! + size * (o.margin + (1 - 2 * o.margin) * motionRng.uniform());
    }
    const speed = o.speedMin + (o.speedMax - o.speedMin) * motionRng.uniform();
    const direction = randomDirection(motionRng);
    for (let k = 0; k < 3; k++) state[6 * i + 3 + k] = speed * direction[k]!;
  }

  // Exact NCV step: the (position, velocity) noise per axis has covariance
  // q·[[dt³/3, dt²/2], [dt²/2, dt]], drawn through its 2×2 Cholesky factor.
  const dt = o.dt;
  const l00 = Math.sqrt((o.q * dt ** 3) / 3);
  const l10 = (o.q * dt ** 2) / 2 / l00;
  const l11 = Math.sqrt(o.q * dt - l10 * l10);

  const times = new Float64Array(o.scans);
  const scans: PeerBenchScan[] = [];
  for (let scan = 0; scan < o.scans; scan++) {
    const t = scan * dt;
    times[scan] = t;
    if (scan > 0) {
      for (let i = 0; i < n; i++) {
        if (!alive[i]) continue;
        for (let k = 0; k < 3; k++) {
          const u0 = motionRng.normal();
          const u1 = motionRng.normal();
          state[6 * i + k] = state[6 * i + k]! + dt * state[6 * i + 3 + k]! + l00 * u0;
          state[6 * i + 3 + k] = state[6 * i + 3 + k]! + l10 * u0 + l11 * u1;
        }
        for (let k = 0; k < 3; k++) {
          const p = state[6 * i + k]!;
          if (p < min[k]! || p > max[k]!) {
            alive[i] = 0;
            deathScan[i] = scan;
          }
        }
      }
    }
    const points: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!alive[i]) continue;
      truthStates[i]!.push(t, ...state.subarray(6 * i, 6 * i + 6));
      if (detectionRng.uniform() >= o.pd) continue;
      for (let k = 0; k < 3; k++) points.push(state[6 * i + k]! + o.sigma * detectionRng.normal());
    }
    const clutter = clutterRng.poisson(o.clutterLambda);
    for (let c = 0; c < clutter; c++) {
      for (let k = 0; k < 3; k++) points.push(min[k]! + (max[k]! - min[k]!) * clutterRng.uniform());
    }
    scans.push({ t, count: points.length / 3, measurements: shuffledTriples(points, orderRng) });
  }

  const groundTruth: PeerBenchTruth[] = [];
  for (let i = 0; i < n; i++) {
    if (deathScan[i] === 0) continue;
    groundTruth.push({
      id: i,
      birthScan: 0,
      deathScan: deathScan[i]!,
      states: Float64Array.from(truthStates[i]!),
    });
  }
  return {
    parameters: { dt, sigma: o.sigma, q: o.q, pd: o.pd, clutterLambda: o.clutterLambda, box: o.box },
    times,
    scans,
    groundTruth,
  };
}

function randomDirection(rng: Rng): [number, number, number] {
  const z = 2 * rng.uniform() - 1;
  const phi = 2 * Math.PI * rng.uniform();
  const r = Math.sqrt(1 - z * z);
  return [r * Math.cos(phi), r * Math.sin(phi), z];
}

/** Fisher–Yates shuffle of the [x, y, z] triples in `points`. */
function shuffledTriples(points: number[], rng: Rng): Float64Array {
  const count = points.length / 3;
  const out = Float64Array.from(points);
  for (let i = count - 1; i > 0; i--) {
    const j = rng.integer(i + 1);
    for (let k = 0; k < 3; k++) {
      const a = out[3 * i + k]!;
      out[3 * i + k] = out[3 * j + k]!;
      out[3 * j + k] = a;
    }
  }
  return out;
}
