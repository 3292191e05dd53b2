import { describe, expect, it } from 'vitest';
import { guardCovariance } from '../../../src/centre/tracking/covariance-guard.ts';
import { choleskyFactor } from '../../../src/physics/matrix.ts';

describe('covariance guard', () => {
  it('leaves a valid covariance as it is and says so', () => {
    const P = Float64Array.of(4, 1, 1, 9);
    expect(guardCovariance(P, 2, [1e-6, 1e-6])).toBe(true);
    expect(Array.from(P)).toEqual([4, 1, 1, 9]);
  });

  it('repairs asymmetry, a negative variance and an impossible correlation into a positive-definite matrix', () => {
    const P = Float64Array.of(4, 7, 0, 5, -1, 0, 0, 0, 1);
    // The clamps alone make this one positive-definite: no diagonal loading.
    expect(guardCovariance(P, 3, [1e-3, 1e-3, 1e-3])).toBe(true);
    expect(P[1]).toBe(P[3]);
    expect(P[4]).toBeGreaterThanOrEqual(1e-3);
    expect(choleskyFactor(new Float64Array(9), P, 3)).toBe(true);
  });

  it('loads the diagonal of a matrix whose correlations are each possible but not jointly', () => {
    // ρ₁₂ = ρ₁₃ = 0.9 with ρ₂₃ = −0.9: det < 0.
    const P = Float64Array.of(1, 0.9, 0.9, 0.9, 1, -0.9, 0.9, -0.9, 1);
    expect(choleskyFactor(new Float64Array(9), P, 3)).toBe(false);
    expect(guardCovariance(P, 3, [1e-6, 1e-6, 1e-6])).toBe(false);
    expect(choleskyFactor(new Float64Array(9), P, 3)).toBe(true);
  });

  it('replaces non-finite entries', () => {
    const P = Float64Array.of(Number.NaN, 0, 0, 1);
    guardCovariance(P, 2, [1, 1]);
    expect(P[0]).toBe(1);
    expect(choleskyFactor(new Float64Array(4), P, 2)).toBe(true);
  });
});
