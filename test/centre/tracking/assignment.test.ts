import { describe, expect, it } from 'vitest';
import { solveAssignment } from '../../../src/centre/tracking/assignment.ts';

// Independent oracle: enumerate every injective row → column map.
function bruteForce(cost: Float64Array, rows: number, cols: number): number {
  let best = Number.POSITIVE_INFINITY;
  const used = new Array<boolean>(cols).fill(false);
  const visit = (row: number, sum: number): void => {
    if (row === rows) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < cols; j++) {
      if (used[j]) continue;
      used[j] = true;
      visit(row + 1, sum + cost[row * cols + j]!);
      used[j] = false;
    }
  };
  visit(0, 0);
  return best;
}

// Small deterministic generator (mulberry32) so the 200 problems are the same every run.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('solveAssignment', () => {
  it('equals brute force on 200 random rectangular problems, some with forbidden pairs and ties', () => {
    const random = mulberry32(42);
    let infeasible = 0;
    for (let trial = 0; trial < 200; trial++) {
      const rows = 1 + Math.floor(random() * 5);
      const cols = rows + Math.floor(random() * 3);
      const cost = new Float64Array(rows * cols);
      const forbidRate = trial % 3 === 0 ? 0.4 : 0;
      for (let i = 0; i < cost.length; i++) {
        // Integer costs in half the trials make ties common; negative costs are allowed.
        const c = trial % 2 === 0 ? Math.floor(random() * 5) - 2 : random() * 20 - 5;
        cost[i] = random() < forbidRate ? Number.POSITIVE_INFINITY : c;
      }
      const colForRow = new Int32Array(rows);
      const total = solveAssignment(cost, rows, cols, colForRow);
      const expected = bruteForce(cost, rows, cols);
      if (expected === Number.POSITIVE_INFINITY) {
        infeasible++;
        expect(total).toBe(Number.POSITIVE_INFINITY);
        continue;
      }
      expect(total).toBeCloseTo(expected, 9);
      const seen = new Set<number>();
      let sum = 0;
      for (let i = 0; i < rows; i++) {
        const j = colForRow[i]!;
        expect(j).toBeGreaterThanOrEqual(0);
        expect(j).toBeLessThan(cols);
        expect(seen.has(j)).toBe(false);
        seen.add(j);
        sum += cost[i * cols + j]!;
      }
      expect(sum).toBeCloseTo(expected, 9);
    }
    expect(infeasible).toBeGreaterThan(0);
  });

  it('finds the crossed assignment when the straight one costs more', () => {
    const cost = Float64Array.of(9, 1, 1, 9);
    const colForRow = new Int32Array(2);
    expect(solveAssignment(cost, 2, 2, colForRow)).toBe(2);
    expect(Array.from(colForRow)).toEqual([1, 0]);
  });

  it('reports Infinity when a row has no allowed column', () => {
    const inf = Number.POSITIVE_INFINITY;
    expect(solveAssignment(Float64Array.of(1, 2, inf, inf), 2, 2, new Int32Array(2))).toBe(inf);
  });

  it('rejects more rows than columns', () => {
    expect(() => solveAssignment(new Float64Array(6), 3, 2, new Int32Array(3))).toThrow(RangeError);
  });
});
