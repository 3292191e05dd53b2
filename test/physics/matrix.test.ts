import { describe, expect, it } from 'vitest';
import * as mat from '../../src/physics/matrix.ts';

const f = (...v: number[]) => Float64Array.from(v);

// Plain nested-array reference product, independent of the kernels under test.
function reference(a: number[][], b: number[][]): number[][] {
  return a.map((row) => b[0]!.map((_, j) => row.reduce((s, aik, k) => s + aik * b[k]![j]!, 0)));
}

function toRows(a: Float64Array, n: number, m: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * m, (i + 1) * m)));
}

function randomMatrix(n: number, m: number, seed: number): Float64Array {
  let s = seed;
  return Float64Array.from({ length: n * m }, () => {
    s = (s * 16807) % 2147483647;
    return s / 2147483647 - 0.5;
  });
}

/** A random SPD matrix B·Bᵀ + n·I. */
function randomSpd(n: number, seed: number): Float64Array {
  const b = randomMatrix(n, n, seed);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = i === j ? n : 0;
      for (let k = 0; k < n; k++) s += b[i * n + k]! * b[j * n + k]!;
      out[i * n + j] = s;
    }
  }
  return out;
}

function expectClose(actual: Float64Array | number[], expected: ArrayLike<number>, tol = 1e-12): void {
  expect(actual.length).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(tol);
}

describe('matrix kernels', () => {
  it('multiply computes a 2×3 by 3×2 product and returns out', () => {
    const out = new Float64Array(4);
    expect(mat.multiply(out, f(1, 2, 3, 4, 5, 6), f(7, 8, 9, 10, 11, 12), 2, 3, 2)).toBe(out);
    expect(Array.from(out)).toEqual([58, 64, 139, 154]);
  });

  it('multiply matches a reference product for every inner dimension from 1 to 7', () => {
    for (let k = 1; k <= 7; k++) {
      const a = randomMatrix(4, k, 11 + k);
      const b = randomMatrix(k, 5, 97 + k);
      const out = new Float64Array(20);
      mat.multiply(out, a, b, 4, k, 5);
      expectClose(out, reference(toRows(a, 4, k), toRows(b, k, 5)).flat());
    }
  });

  it('multiplyTransposeB equals multiply by the explicit transpose', () => {
    for (const k of [3, 6, 4]) {
      const a = randomMatrix(5, k, 3);
      const b = randomMatrix(4, k, 5);
      const bt = new Float64Array(k * 4);
      mat.transpose(bt, b, 4, k);
      const expected = new Float64Array(20);
      mat.multiply(expected, a, bt, 5, k, 4);
      const out = new Float64Array(20);
      expect(mat.multiplyTransposeB(out, a, b, 5, k, 4)).toBe(out);
      expectClose(out, expected);
    }
  });

  it('multiply and multiplyTransposeB work when out is an input', () => {
    const a = randomMatrix(6, 6, 21);
    const b = randomMatrix(6, 6, 22);
    const expected = new Float64Array(36);
    mat.multiply(expected, a, b, 6, 6, 6);
    const a2 = a.slice();
    mat.multiply(a2, a2, b, 6, 6, 6);
    expectClose(a2, expected);
    const b2 = b.slice();
    mat.multiply(b2, a, b2, 6, 6, 6);
    expectClose(b2, expected);
    const expectedT = new Float64Array(36);
    mat.multiplyTransposeB(expectedT, a, b, 6, 6, 6);
    const a3 = a.slice();
    mat.multiplyTransposeB(a3, a3, b, 6, 6, 6);
    expectClose(a3, expectedT);
  });

  it('add, sub, scale, copy and identity are elementwise and do not modify inputs', () => {
    const a = f(1, 2, 3, 4);
    const b = f(10, 20, 30, 40);
    const out = new Float64Array(4);
    expect(Array.from(mat.add(out, a, b, 2, 2))).toEqual([11, 22, 33, 44]);
    expect(Array.from(mat.sub(out, b, a, 2, 2))).toEqual([9, 18, 27, 36]);
    expect(Array.from(mat.scale(out, a, -2, 2, 2))).toEqual([-2, -4, -6, -8]);
    expect(Array.from(mat.copy(out, a, 2, 2))).toEqual([1, 2, 3, 4]);
    expect(Array.from(mat.identity(new Float64Array(9), 3))).toEqual([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    expect(Array.from(a)).toEqual([1, 2, 3, 4]);
    expect(Array.from(b)).toEqual([10, 20, 30, 40]);
  });

  it('transpose handles rectangular matrices, and square ones in place', () => {
    const out = new Float64Array(6);
    expect(Array.from(mat.transpose(out, f(1, 2, 3, 4, 5, 6), 2, 3))).toEqual([1, 4, 2, 5, 3, 6]);
    const sq = f(1, 2, 3, 4, 5, 6, 7, 8, 9);
    mat.transpose(sq, sq, 3, 3);
    expect(Array.from(sq)).toEqual([1, 4, 7, 2, 5, 8, 3, 6, 9]);
    const rect = f(1, 2, 3, 4, 5, 6);
    mat.transpose(rect, rect, 2, 3);
    expect(Array.from(rect)).toEqual([1, 4, 2, 5, 3, 6]);
  });

  it('symmetrize averages each pair of off-diagonal elements', () => {
    expect(Array.from(mat.symmetrize(new Float64Array(4), f(1, 2, 4, 5), 2))).toEqual([1, 3, 3, 5]);
  });

  it('choleskyFactor gives a lower-triangular L with L·Lᵀ = A', () => {
    for (const n of [1, 2, 3, 6, 9]) {
      const a = randomSpd(n, 5 + n);
      const L = new Float64Array(n * n);
      expect(mat.choleskyFactor(L, a, n)).toBe(true);
      for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) expect(L[i * n + j]).toBe(0);
      const llt = new Float64Array(n * n);
      mat.multiplyTransposeB(llt, L, L, n, n, n);
      expectClose(llt, a, 1e-12 * n);
    }
  });

  it('choleskyFactor of [[4, 2], [2, 3]] is [[2, 0], [1, √2]] (hand-computed)', () => {
    const L = new Float64Array(4);
    mat.choleskyFactor(L, f(4, 2, 2, 3), 2);
    expectClose(L, [2, 0, 1, Math.SQRT2]);
  });

  it('choleskyFactor returns false for indefinite, singular and NaN matrices', () => {
    const L = new Float64Array(4);
    expect(mat.choleskyFactor(L, f(1, 2, 2, 1), 2)).toBe(false);
    expect(mat.choleskyFactor(L, f(1, 1, 1, 1), 2)).toBe(false);
    expect(mat.choleskyFactor(L, f(-1, 0, 0, 1), 2)).toBe(false);
    expect(mat.choleskyFactor(L, f(Number.NaN, 0, 0, 1), 2)).toBe(false);
    expect(mat.inverseSpd(new Float64Array(4), f(1, 2, 2, 1), 2)).toBe(false);
    expect(mat.logDeterminantSpd(f(1, 2, 2, 1), 2)).toBeNaN();
    expect(mat.quadraticFormSpd(f(1, 2, 2, 1), f(1, 0), 2)).toBeNaN();
  });

  it('choleskySolve solves A·X = B, also in place', () => {
    const n = 6;
    const a = randomSpd(n, 77);
    const L = new Float64Array(n * n);
    mat.choleskyFactor(L, a, n);
    const b = randomMatrix(n, 3, 78);
    const x = new Float64Array(n * 3);
    mat.choleskySolve(x, L, b, n, 3);
    const ax = new Float64Array(n * 3);
    mat.multiply(ax, a, x, n, n, 3);
    expectClose(ax, b, 1e-12);
    const inPlace = b.slice();
    mat.choleskySolve(inPlace, L, inPlace, n, 3);
    expectClose(inPlace, x, 0);
  });

  it('inverseSpd of [[4, 2], [2, 3]] is [[3, −2], [−2, 4]]/8 (adjugate formula)', () => {
    const inv = new Float64Array(4);
    expect(mat.inverseSpd(inv, f(4, 2, 2, 3), 2)).toBe(true);
    expectClose(inv, [3 / 8, -2 / 8, -2 / 8, 4 / 8], 1e-15);
  });

  it('inverseSpd of a random 6×6 SPD matrix gives A·A⁻¹ = I, also in place', () => {
    const a = randomSpd(6, 9);
    const inv = a.slice();
    expect(mat.inverseSpd(inv, inv, 6)).toBe(true);
    const prod = new Float64Array(36);
    mat.multiply(prod, a, inv, 6, 6, 6);
    expectClose(prod, mat.identity(new Float64Array(36), 6), 1e-12);
  });

  it('logDeterminantSpd of [[4, 2], [2, 3]] is ln 8, and of diag(2, 3, 5) is ln 30', () => {
    expect(mat.logDeterminantSpd(f(4, 2, 2, 3), 2)).toBeCloseTo(Math.log(8), 14);
    expect(mat.logDeterminantSpd(f(2, 0, 0, 0, 3, 0, 0, 0, 5), 3)).toBeCloseTo(Math.log(30), 14);
  });

  it('quadraticFormSpd equals xᵀ·A⁻¹·x from the 2×2 adjugate inverse', () => {
    // A⁻¹ = [[3, −2], [−2, 4]]/8; x = (1, 2): (3 − 8 + 16)/8 = 11/8.
    expect(mat.quadraticFormSpd(f(4, 2, 2, 3), f(1, 2), 2)).toBeCloseTo(11 / 8, 14);
    const L = new Float64Array(4);
    mat.choleskyFactor(L, f(4, 2, 2, 3), 2);
    expect(mat.choleskyQuadraticForm(L, f(1, 2), 2)).toBeCloseTo(11 / 8, 14);
  });
});
