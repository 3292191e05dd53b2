import { describe, expect, it } from 'vitest';
import { GateEdges } from '../../../src/centre/tracking/gate-edges.ts';
import { createAllPairsGater, createGridGater } from '../../../src/centre/tracking/gater.ts';
import {
  createPositionUpdater,
  isotropicPositionNoise,
} from '../../../src/centre/tracking/position-measurement.ts';
import { TrackStore } from '../../../src/centre/tracking/track-store.ts';
import { choleskyLogDeterminant } from '../../../src/physics/matrix.ts';
import { createRng } from '../../../src/physics/random.ts';

const GATE = 16.266; // chi-square 3 dof at 0.999

/** Tracks with gates from tight to very wide, and measurements partly near them. */
function scene(seed: number, tracks: number, measurements: number) {
  const rng = createRng(seed, 'gating');
  const updater = createPositionUpdater(isotropicPositionNoise(100));
  const store = new TrackStore(6, 3);
  for (let t = 0; t < tracks; t++) {
    const s = store.add(t);
    const x = store.stateView[s]!;
    const P = store.covarianceView[s]!;
    for (let k = 0; k < 3; k++) x[k] = 1e5 * rng.normal();
    // Position σ from 10 m to 30 km, with random correlation between axes.
    const scale = 10 ** (1 + 3.5 * rng.uniform());
    P.fill(0);
    const b = Array.from({ length: 9 }, () => rng.normal());
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        let v = i === j ? 0.2 : 0;
        for (let k = 0; k < 3; k++) v += b[i * 3 + k]! * b[j * 3 + k]!;
        P[i * 6 + j] = v * scale * scale;
      }
      P[(3 + i) * 7] = 1e6;
    }
    store.gateable[s] = updater.predictMeasurement(
      store.zPredictedView[s]!,
      store.innovationFactorView[s]!,
      x,
      P,
    )
      ? 1
      : 0;
    const L = store.innovationFactorView[s]!;
    store.logDetInnovation[s] = choleskyLogDeterminant(L, 3);
    for (let k = 0; k < 3; k++) {
      let skk = 0;
      for (let p = 0; p <= k; p++) skk += L[k * 3 + p]! ** 2;
      store.gateHalfWidth[s * 3 + k] = Math.sqrt(GATE * skk);
    }
  }
  const z = new Float64Array(3 * measurements);
  for (let j = 0; j < measurements; j++) {
    if (j % 2 === 0) {
      // Near a random track, within a few of its σ.
      const s = Math.floor(rng.uniform() * tracks);
      const x = store.stateView[s]!;
      const sd = Math.sqrt(store.covarianceView[s]![0]!);
      for (let k = 0; k < 3; k++) z[3 * j + k] = x[k]! + 2 * sd * rng.normal();
    } else for (let k = 0; k < 3; k++) z[3 * j + k] = 1e5 * rng.normal();
  }
  const available = new Uint8Array(measurements).fill(1);
  for (let j = 0; j < measurements; j += 5) available[j] = 0;
  const slots = Int32Array.from({ length: tracks }, (_, i) => i);
  return { updater, store, z, available, slots };
}

function edgeList(edges: GateEdges): string[] {
  const out: string[] = [];
  for (let e = 0; e < edges.count; e++) {
    out.push(`${edges.track[e]}:${edges.measurement[e]}:${edges.distance2[e]!.toFixed(9)}`);
  }
  return out;
}

describe('gating', () => {
  it('the grid gater finds exactly the edges of the all-pairs gater, in the same order', () => {
    for (const [seed, tracks, measurements] of [
      [1, 50, 200],
      [2, 300, 300],
      [3, 5, 1000],
      [4, 400, 20],
    ] as const) {
      const { updater, store, z, available, slots } = scene(seed, tracks, measurements);
      const grid = new GateEdges();
      const all = new GateEdges();
      createGridGater(updater).gate(store, slots, tracks, z, measurements, available, GATE, grid);
      createAllPairsGater(updater).gate(store, slots, tracks, z, measurements, available, GATE, all);
      expect(all.count).toBeGreaterThan(0);
      expect(edgeList(grid)).toEqual(edgeList(all));
    }
  });

  it('all-pairs gating keeps a pair exactly when its squared Mahalanobis distance is within the gate', () => {
    const { updater, store, z, available, slots } = scene(9, 20, 100);
    const edges = new GateEdges();
    createAllPairsGater(updater).gate(store, slots, 20, z, 100, available, GATE, edges);
    const kept = new Set(edgeList(edges).map((e) => e.split(':').slice(0, 2).join(':')));
    for (let t = 0; t < 20; t++) {
      const P = store.covarianceView[t]!;
      const x = store.stateView[t]!;
      // Independent d²: S = P₀₀ + σ²I inverted by the 3×3 adjugate.
      const S = [0, 1, 2].map((i) => [0, 1, 2].map((j) => P[i * 6 + j]! + (i === j ? 1e4 : 0)));
      const [[a, b, c], [, e, f], [, , i]] = S as [number[], number[], number[]];
      const det = a! * (e! * i! - f! * f!) - b! * (b! * i! - f! * c!) + c! * (b! * f! - e! * c!);
      const adj = [
        [e! * i! - f! * f!, c! * f! - b! * i!, b! * f! - c! * e!],
        [c! * f! - b! * i!, a! * i! - c! * c!, b! * c! - a! * f!],
        [b! * f! - c! * e!, b! * c! - a! * f!, a! * e! - b! * b!],
      ];
      for (let j = 0; j < 100; j++) {
        const nu = [0, 1, 2].map((k) => z[3 * j + k]! - x[k]!);
        let d2 = 0;
        for (let r = 0; r < 3; r++) for (let s = 0; s < 3; s++) d2 += (nu[r]! * adj[r]![s]! * nu[s]!) / det;
        if (Math.abs(d2 - GATE) < 1e-6) continue;
        expect(kept.has(`${t}:${j}`)).toBe(available[j] === 1 && d2 <= GATE);
      }
    }
  });
});
