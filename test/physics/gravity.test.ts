import { describe, expect, it } from 'vitest';
import { J2_EARTH, MU_EARTH, OMEGA_EARTH, WGS84_A, WGS84_B } from '../../src/physics/constants.ts';
import { gravityJ2, gravityPointMass } from '../../src/physics/gravity.ts';
import * as vec3 from '../../src/physics/vec3.ts';

/** Geopotential with J2, U = μ/r·[1 − J2 (a/r)² P₂(z/r)], written independently of gravity.ts. */
function potential(x: number, y: number, z: number): number {
  const r = Math.hypot(x, y, z);
  const s = z / r;
  return (MU_EARTH / r) * (1 - J2_EARTH * (WGS84_A / r) ** 2 * 0.5 * (3 * s * s - 1));
}

/** Acceleration as the central-difference gradient of the potential. */
function numericGradient(p: readonly number[]): number[] {
  const h = 1.0;
  const [x, y, z] = p as [number, number, number];
  return [
    (potential(x + h, y, z) - potential(x - h, y, z)) / (2 * h),
    (potential(x, y + h, z) - potential(x, y - h, z)) / (2 * h),
    (potential(x, y, z + h) - potential(x, y, z - h)) / (2 * h),
  ];
}

describe('gravityPointMass', () => {
  it('points at the centre with magnitude μ/r²', () => {
    const out = gravityPointMass(new Float64Array(3), [0, 0, 7e6]);
    expect(out[0]).toBe(-0);
    expect(out[2]).toBeCloseTo(-MU_EARTH / 49e12, 12);
  });

  it('takes μ as an argument', () => {
    const out = gravityPointMass(new Float64Array(3), [2, 0, 0], 8);
    expect(Array.from(out)).toEqual([-2, -0, -0]);
  });

  it('works when out is the position array', () => {
    const r = new Float64Array([3e6, -4e6, 0]);
    gravityPointMass(r, r);
    expect(vec3.norm(r)).toBeCloseTo(MU_EARTH / 25e12, 12);
  });
});

describe('gravityJ2', () => {
  it('at the equator on the ellipsoid is μ/a²·(1 + 1.5 J2) = 9.81420 m/s², pointing inward', () => {
    const out = gravityJ2(new Float64Array(3), [WGS84_A, 0, 0]);
    const expected = (3.986004418e14 / 6378137 ** 2) * (1 + 1.5 * 1.08262998905e-3);
    expect(out[0]).toBeCloseTo(-expected, 12);
    expect(out[0]).toBeCloseTo(-9.8142, 4);
    expect(out[1]).toBe(-0);
    expect(out[2]).toBe(-0);
  });

  it('at the pole is μ/b²·(1 − 3 J2 (a/b)²) = 9.83203 m/s²', () => {
    const out = gravityJ2(new Float64Array(3), [0, 0, WGS84_B]);
    const expected =
      (3.986004418e14 / 6356752.3142 ** 2) * (1 - 3 * 1.08262998905e-3 * (6378137 / 6356752.3142) ** 2);
    expect(out[2]).toBeCloseTo(-expected, 9);
    expect(Math.hypot(out[0]!, out[1]!)).toBe(0);
  });

  it('matches WGS-84 normal gravity (NIMA TR8350.2) once rotation is removed, to the J4 level', () => {
    // γ_equator = 9.7803253359 m/s² includes the centrifugal −ω²a; γ_pole = 9.8321849378 m/s².
    const eq = gravityJ2(new Float64Array(3), [WGS84_A, 0, 0]);
    expect(Math.abs(-eq[0]! - OMEGA_EARTH ** 2 * WGS84_A - 9.7803253359)).toBeLessThan(1e-4);
    const pole = gravityJ2(new Float64Array(3), [0, 0, -WGS84_B]);
    expect(Math.abs(pole[2]! - 9.8321849378)).toBeLessThan(1e-3);
  });

  it('is the gradient of the J2 geopotential at arbitrary points', () => {
    const out = new Float64Array(3);
    for (const p of [
      [6.5e6, 1.1e6, 2.3e6],
      [-3e6, 4e6, -5.5e6],
      [1e6, -2e6, 6.3e6],
      [2.6e7, 0, 3.1e7],
    ]) {
      gravityJ2(out, p);
      const g = numericGradient(p);
      for (let i = 0; i < 3; i++) expect(Math.abs(out[i]! - g[i]!)).toBeLessThan(1e-7);
    }
  });

  it('differs from the point mass by about 1e-3 relative near the Earth', () => {
    const p = [4e6, 3e6, 4e6];
    const j2 = gravityJ2(new Float64Array(3), p);
    const pm = gravityPointMass(new Float64Array(3), p);
    const rel = vec3.distance(j2, pm) / vec3.norm(pm);
    expect(rel).toBeGreaterThan(3e-4);
    expect(rel).toBeLessThan(3e-3);
  });

  it('works when out is the position array', () => {
    const p = [6.5e6, 1.1e6, 2.3e6];
    const expected = gravityJ2(new Float64Array(3), p);
    const r = new Float64Array(p);
    gravityJ2(r, r);
    expect(Array.from(r)).toEqual(Array.from(expected));
  });
});
