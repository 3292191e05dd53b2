// Track-to-track fusion against the information form computed in the test, and the
// association statistic against its χ²(6) distribution.
import { describe, expect, it } from 'vitest';
import {
  fuseIndependent,
  trackDistance2,
  trackDistancePValue,
} from '../../../src/centre/fusion/track-to-track.ts';
import { createRng } from '../../../src/physics/random.ts';

/** Inverse of a symmetric positive-definite matrix by Gauss–Jordan, in plain numbers. */
function inverse(a: number[], n: number): number[] {
  const m = a.map((v) => v);
  const inv = Array.from({ length: n * n }, (_, i): number => (i % (n + 1) === 0 ? 1 : 0));
  for (let c = 0; c < n; c++) {
    const p = m[c * n + c]!;
    for (let j = 0; j < n; j++) {
      m[c * n + j] = m[c * n + j]! / p;
      inv[c * n + j] = inv[c * n + j]! / p;
    }
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r * n + c]!;
      for (let j = 0; j < n; j++) {
        m[r * n + j] = m[r * n + j]! - f * m[c * n + j]!;
        inv[r * n + j] = inv[r * n + j]! - f * inv[c * n + j]!;
      }
    }
  }
  return inv;
}

function randomSpd(n: number, seed: number): number[] {
  const rng = createRng(seed, 'spd');
  const b = Array.from({ length: n * n }, () => rng.normal());
  return Array.from({ length: n * n }, (_, k) => {
    const i = Math.floor(k / n);
    const j = k % n;
    let s = i === j ? 0.5 : 0;
    for (let p = 0; p < n; p++) s += b[i * n + p]! * b[j * n + p]!;
    return s;
  });
}

describe('track-to-track fusion', () => {
  it('equals the information-form fusion P = (Pa⁻¹ + Pb⁻¹)⁻¹, x = P(Pa⁻¹xa + Pb⁻¹xb)', () => {
    const n = 8;
    const Pa = randomSpd(n, 1);
    const Pb = randomSpd(n, 2);
    const xa = Array.from({ length: n }, (_, i) => i);
    const xb = Array.from({ length: n }, (_, i) => 2 - i);
    const Ia = inverse(Pa, n);
    const Ib = inverse(Pb, n);
    const P = inverse(
      Ia.map((v, i) => v + Ib[i]!),
      n,
    );
    const w = Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += Ia[i * n + k]! * xa[k]! + Ib[i * n + k]! * xb[k]!;
      return s;
    });
    const x = Array.from({ length: n }, (_, i) => {
      let s = 0;
      for (let k = 0; k < n; k++) s += P[i * n + k]! * w[k]!;
      return s;
    });
    const xf = new Float64Array(n);
    const Pf = new Float64Array(n * n);
    expect(fuseIndependent(xf, Pf, xa, Pa, xb, Pb, n)).toBe(true);
    for (let i = 0; i < n; i++) expect(xf[i]).toBeCloseTo(x[i]!, 8);
    for (let i = 0; i < n * n; i++) expect(Pf[i]).toBeCloseTo(P[i]!, 8);
  });

  it('the distance of two unbiased estimates of one state is χ²(6): mean 6 over many draws', () => {
    const rng = createRng(4, 't2t');
    const n = 8;
    const P = new Float64Array(n * n);
    for (let i = 0; i < n; i++) P[i * n + i] = (i + 1) ** 2;
    let sum = 0;
    const runs = 4000;
    for (let k = 0; k < runs; k++) {
      const xa = Array.from({ length: n }, (_, i) => (i + 1) * rng.normal());
      const xb = Array.from({ length: n }, (_, i) => (i + 1) * rng.normal());
      sum += trackDistance2(xa, P, xb, P, n);
    }
    expect(sum / runs).toBeGreaterThan(5.7);
    expect(sum / runs).toBeLessThan(6.3);
    expect(trackDistancePValue(12.59)).toBeCloseTo(0.05, 3);
  });
});
