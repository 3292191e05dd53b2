import { describe, expect, it } from 'vitest';
import { greatCircleDistance } from '../../../src/physics/geodesy.ts';
import {
  createCloudPoint,
  fieldGlintPoint,
  glintAngleRad,
  setCloudPoint,
  specularDirection,
  specularPoint,
} from '../../../src/sensors/ir/glint.ts';
import { DEG, KM } from './fixtures.ts';

// A hand-worked configuration. Cloud point on the equator at longitude 0 (GMST = 0, so
// ECI = ECEF), at sea level: local east = +y, north = +z, up = +x. The sun stands 60°
// high in the north: ŝ = cos60°·N + sin60°·U = (0.8660, 0, 0.5). Reflected off the
// horizontal cloud top it leaves 60° high towards the south: r = (0.8660, 0, −0.5).
// A satellite seen from the point 60° high at azimuth 185° (5° east of south) is off
// the specular direction by α with cos α = sin²60° + cos²60°·cos 5°, α = 2.4994°.
const E = 60 * DEG;
const SUN = [Math.sin(E), 0, Math.cos(E)];

function directionAt(elevation: number, azimuth: number): number[] {
  // ENU at (0, 0) in ECEF: E = y, N = z, U = x.
  return [
    Math.sin(elevation),
    Math.cos(elevation) * Math.sin(azimuth),
    Math.cos(elevation) * Math.cos(azimuth),
  ];
}

describe('specular geometry', () => {
  it('reflects the sun about the local vertical', () => {
    const r = specularDirection(new Float64Array(3), [1, 0, 0], SUN);
    expect(r[0]).toBeCloseTo(Math.sin(E), 14);
    expect(r[1]).toBeCloseTo(0, 14);
    expect(r[2]).toBeCloseTo(-Math.cos(E), 14);
  });

  it('gives the glint angle of a hand-computed configuration', () => {
    const point = createCloudPoint();
    setCloudPoint(point, 0, 0, 0, 0);
    expect(point.position[0]).toBeCloseTo(6378137, 3);
    const towardSat = directionAt(E, 185 * DEG);
    const sat = towardSat.map((c, k) => point.position[k]! + 40_000 * KM * c);
    const expected = Math.acos(Math.sin(E) ** 2 + Math.cos(E) ** 2 * Math.cos(5 * DEG));
    expect(expected / DEG).toBeCloseTo(2.4994, 4);
    expect(glintAngleRad(point.position, point.up, SUN, sat)).toBeCloseTo(expected, 12);
    // In the specular direction itself, α = 0.
    const inLine = directionAt(E, 180 * DEG).map((c, k) => point.position[k]! + 40_000 * KM * c);
    expect(glintAngleRad(point.position, point.up, SUN, inLine)).toBeCloseTo(0, 7);
  });

  it('with the sun and the satellite over the same point, the specular point is under them', () => {
    const point = specularPoint(createCloudPoint(), [42_164e3, 0, 0], [1, 0, 0], 10 * KM, 0);
    expect(point.latRad).toBeCloseTo(0, 9);
    expect(point.lonRad).toBeCloseTo(0, 9);
  });

  it('finds the point where the glint angle vanishes for a general geometry', () => {
    const sun = [0.6, -0.64, 0.48];
    const sat = [30_000e3, 20_000e3, 25_000e3];
    const gmst = 1.234;
    const p = specularPoint(createCloudPoint(), sat, sun, 12 * KM, gmst);
    expect(glintAngleRad(p.position, p.up, sun, sat)).toBeLessThan(1e-6);
  });

  it('a field that does not contain the specular point glints at its edge, towards it', () => {
    const sat = [42_164e3, 0, 0];
    const sun = [1, 0, 0];
    const field = { center: { latRad: 20 * DEG, lonRad: 0 }, radiusM: 500 * KM };
    const p = fieldGlintPoint(createCloudPoint(), field, sat, sun, 12 * KM, 0);
    expect(greatCircleDistance(20 * DEG, 0, p.latRad, p.lonRad)).toBeCloseTo(500 * KM, -1);
    expect(p.lonRad).toBeCloseTo(0, 9);
    expect(p.latRad).toBeLessThan(20 * DEG);
    // Every other edge point is further from specular.
    const alphaEdge = glintAngleRad(p.position, p.up, sun, sat);
    const other = setCloudPoint(createCloudPoint(), 20 * DEG - (500 * KM) / 6371e3, 2 * DEG, 12 * KM, 0);
    expect(glintAngleRad(other.position, other.up, sun, sat)).toBeGreaterThan(alphaEdge);
  });
});
