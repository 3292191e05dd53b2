// The first crossing of a line of sight with a constant-height surface over WGS-84:
// straight down at the equator and at the pole the distance is the drop to a+h and
// b+h (hand arithmetic), a tangent-missing ray and a surface behind the ray give NaN.
import { describe, expect, it } from 'vitest';
import { WGS84_A, WGS84_B } from '../../src/physics/constants.ts';
import { rayToEllipsoidM } from '../../src/physics/ray-ellipsoid.ts';

const GEO_M = 42_164_000;

describe('rayToEllipsoidM', () => {
  it('straight down at the equator and the pole: the drop to a+h and b+h', () => {
    expect(rayToEllipsoidM([GEO_M, 0, 0], [-1, 0, 0])).toBeCloseTo(GEO_M - WGS84_A, 3);
    expect(rayToEllipsoidM([0, 0, GEO_M], [0, 0, -1])).toBeCloseTo(GEO_M - WGS84_B, 3);
    expect(rayToEllipsoidM([GEO_M, 0, 0], [-1, 0, 0], 12_000)).toBeCloseTo(GEO_M - WGS84_A - 12_000, 3);
    expect(rayToEllipsoidM([0, 0, GEO_M], [0, 0, -1], 12_000)).toBeCloseTo(GEO_M - WGS84_B - 12_000, 3);
  });

  it('a ray passing above the limb, or one pointing away, meets nothing', () => {
    // From GEO, a ray at 9° off nadir clears the Earth (its half-angle is ~8.7°).
    const off = (9 * Math.PI) / 180;
    expect(rayToEllipsoidM([GEO_M, 0, 0], [-Math.cos(off), Math.sin(off), 0])).toBeNaN();
    expect(rayToEllipsoidM([GEO_M, 0, 0], [1, 0, 0])).toBeNaN();
  });
});
