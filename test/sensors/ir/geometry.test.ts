import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geodeticToEcef } from '../../../src/physics/frames.ts';
import {
  isOccluded,
  isSunExcluded,
  localEarthRadiusM,
  rayMinAltitudeM,
  SUN_EXCLUSION_HALF_ANGLE_RAD,
  tangentAltitudeBeyondM,
} from '../../../src/sensors/ir/geometry.ts';
import { bruteForceMinAltitudeM, DEG, KM } from './fixtures.ts';

/**
 * Off-nadir angle of the Earth's limb seen from (r, 0, 0) towards the direction turned
 * by `azimuth` about the nadir: bisection on where rays stop meeting the Earth.
 */
function limbAngleDeg(rM: number, azimuthRad: number): number {
  const sat = [rM, 0, 0];
  let lo = 0;
  let hi = 30 * DEG;
  for (let i = 0; i < 60; i++) {
    const a = 0.5 * (lo + hi);
    const dir = [-Math.cos(a), Math.sin(a) * Math.cos(azimuthRad), Math.sin(a) * Math.sin(azimuthRad)];
    if (rayMinAltitudeM(sat, dir) < 0) lo = a;
    else hi = a;
  }
  return (0.5 * (lo + hi)) / DEG;
}

describe('Earth model', () => {
  it('the local radius is a at the equator and b at the poles (DOMAIN.md §9.1)', () => {
    expect(localEarthRadiusM([7e6, 0, 0])).toBeCloseTo(6378137.0, 3);
    expect(localEarthRadiusM([0, 7e6, 0])).toBeCloseTo(6378137.0, 3);
    expect(localEarthRadiusM([0, 0, -7e6])).toBeCloseTo(6356752.3142, 3);
  });

  it('the limb seen from GEO lies 8.69° off nadir (DOMAIN.md §3.1)', () => {
    // DOMAIN.md uses the 6,371 km mean sphere; the ellipsoid's limb spans asin(b/r)..asin(a/r) = 8.67°..8.70°.
    for (const az of [0, 30, 45, 60, 90, 135])
      expect(Math.abs(limbAngleDeg(42_164.2 * KM, az * DEG) - 8.69)).toBeLessThan(0.02);
  });

  it('the limb seen from 39,700 km altitude lies 7.95° off nadir (DOMAIN.md §3.1)', () => {
    for (const az of [0, 45, 90])
      expect(Math.abs(limbAngleDeg((6371 + 39_700) * KM, az * DEG) - 7.95)).toBeLessThan(0.02);
  });
});

// Integers scaled down: fast-check draws doubles evenly over their bit patterns, i.e. mostly near 0.
const unit = fc.integer({ min: -1_000_000, max: 1_000_000 }).map((x) => x / 1e6);
const degrees = (min: number, max: number) =>
  fc.integer({ min: min * 1e4, max: max * 1e4 }).map((x) => x / 1e4);
const metres = (min: number, max: number) => fc.integer({ min, max });

const unitVector = fc
  .tuple(unit, unit, unit)
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 0.1)
  .map(([x, y, z]) => {
    const n = Math.hypot(x, y, z);
    return [x / n, y / n, z / n];
  });

describe('tangent altitude', () => {
  it('matches an exact WGS-84 brute-force search along the ray beyond the target', () => {
    fc.assert(
      fc.property(
        unitVector,
        metres(20_000 * KM, 46_000 * KM),
        degrees(-60, 85),
        degrees(-180, 180),
        metres(0, 1000 * KM),
        (satDir, satR, latDeg, lonDeg, hM) => {
          const sat = satDir.map((c) => c * satR);
          const target = geodeticToEcef(new Float64Array(3), latDeg * DEG, lonDeg * DEG, hM);
          const u = target.map((c, k) => c - sat[k]!);
          const n = Math.hypot(...u);
          const dir = u.map((c) => c / n);
          const closest = -(target[0]! * dir[0]! + target[1]! * dir[1]! + target[2]! * dir[2]!);
          const reach = Math.max(closest, 0) * 2 + 2000 * KM;
          const expected = bruteForceMinAltitudeM(target, dir, 0, reach);
          const got = tangentAltitudeBeyondM(sat, target);
          // Deep inside the Earth "altitude" has no use (and the two definitions part):
          // there both only need to say the ray meets the ground.
          if (expected < -200 * KM) expect(got).toBeLessThan(0);
          else expect(Math.abs(got - expected)).toBeLessThan(100);
        },
      ),
      { numRuns: 150, seed: 7, unbiased: true },
    );
  });

  it('matches the brute-force search on rays grazing the limb, where the limb test decides', () => {
    fc.assert(
      fc.property(
        degrees(-89, 89),
        degrees(-180, 180),
        metres(-100 * KM, 400 * KM),
        degrees(0, 360),
        metres(0, 3000 * KM),
        (latDeg, lonDeg, tangentHM, azDeg, backM) => {
          // A horizontal ray through a chosen tangent point; the target sits backM before it.
          const lat = latDeg * DEG;
          const lon = lonDeg * DEG;
          const az = azDeg * DEG;
          const tangent = geodeticToEcef(new Float64Array(3), lat, lon, tangentHM);
          const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
          const east = [-Math.sin(lon), Math.cos(lon), 0];
          const dir = north.map((c, k) => c * Math.cos(az) + east[k]! * Math.sin(az));
          const target = tangent.map((c, k) => c - backM * dir[k]!);
          const sat = target.map((c, k) => c - 40_000 * KM * dir[k]!);
          const expected = bruteForceMinAltitudeM(target, dir, 0, backM + 3000 * KM);
          expect(Math.abs(tangentAltitudeBeyondM(sat, target) - expected)).toBeLessThan(100);
        },
      ),
      { numRuns: 200, seed: 3, unbiased: true },
    );
  });

  it('a ray climbing away from the Earth has the altitude of its start', () => {
    const start = geodeticToEcef(new Float64Array(3), 10 * DEG, 20 * DEG, 300 * KM);
    const up = start.map((c) => c / Math.hypot(...start));
    expect(rayMinAltitudeM(start, up)).toBeCloseTo(300 * KM, -1);
  });
});

describe('Earth occlusion', () => {
  it('agrees with a brute-force search along the segment, away from grazing cases', () => {
    fc.assert(
      fc.property(
        unitVector,
        metres(8_000 * KM, 46_000 * KM),
        degrees(-89, 89),
        degrees(-180, 180),
        metres(0, 2000 * KM),
        (satDir, satR, latDeg, lonDeg, hM) => {
          const sat = satDir.map((c) => c * satR);
          const target = geodeticToEcef(new Float64Array(3), latDeg * DEG, lonDeg * DEG, hM);
          const u = target.map((c, k) => c - sat[k]!);
          const length = Math.hypot(...u);
          const dir = u.map((c) => c / length);
          // Stop 1 km short of the target: its own altitude is not an obstacle.
          const lowest = bruteForceMinAltitudeM(sat, dir, 0, length - 1 * KM);
          fc.pre(Math.abs(lowest) > 1 * KM);
          expect(isOccluded(sat, target)).toBe(lowest < 0);
        },
      ),
      { numRuns: 150, seed: 11, unbiased: true },
    );
  });

  it('a point behind the Earth is hidden and the same point in front is not', () => {
    const sat = [42_164e3, 0, 0];
    expect(isOccluded(sat, geodeticToEcef(new Float64Array(3), 0, 180 * DEG, 300 * KM))).toBe(true);
    expect(isOccluded(sat, geodeticToEcef(new Float64Array(3), 0, 0, 300 * KM))).toBe(false);
  });
});

describe('sun exclusion', () => {
  const sat = [42_164e3, 0, 0];
  it('a line of sight within the exclusion angle of a visible sun is blinded', () => {
    const a = SUN_EXCLUSION_HALF_ANGLE_RAD * 0.8;
    // Sun off to the side, clear of the Earth (seen from GEO the disk spans 8.7°).
    const sun = [0, 1, 0];
    const los = [0, Math.cos(a), Math.sin(a)];
    expect(isSunExcluded(sat, los, sun)).toBe(true);
    const wide = [0, Math.cos(2 * SUN_EXCLUSION_HALF_ANGLE_RAD), Math.sin(2 * SUN_EXCLUSION_HALF_ANGLE_RAD)];
    expect(isSunExcluded(sat, wide, sun)).toBe(false);
  });

  it('a sun hidden behind the Earth does not blind the sensor', () => {
    expect(isSunExcluded(sat, [-1, 0, 0], [-1, 0, 0])).toBe(false);
  });
});
