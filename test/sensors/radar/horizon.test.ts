import { describe, expect, it } from 'vitest';
import {
  effectiveEarthRadiusM,
  effectiveElevationRad,
  groundRangeM,
  HORIZONTAL_REFRACTION_RAD,
  horizonDistanceM,
  RadarHorizon,
  STANDARD_REFRACTION,
  slantRangeM,
} from '../../../src/sensors/radar/horizon.ts';

const D = Math.PI / 180;
const R = 6371e3;

// DOMAIN.md §5.5 oracle: radar at sea level, first visibility of a target at height H
// above minimum elevation ε; slant / ground range in km for k = 1 and k = 4/3.
const TABLE: Array<[number, number, [number, number], [number, number]]> = [
  [100, 0, [1133, 1121], [1307, 1297]],
  [100, 3, [848, 836], [936, 926]],
  [200, 3, [1310, 1277], [1462, 1433]],
  [300, 3, [1673, 1612], [1876, 1823]],
  [500, 3, [2261, 2133], [2546, 2434]],
  [1000, 3, [3389, 3039], [3820, 3512]],
  [1300, 3, [3952, 3443], [4452, 4002]],
  [1300, 5.5, [3705, 3196], [4129, 3679]],
];

/** Largest central angle at which `horizon` still sees a target at height H, by bisection. */
function firstVisibilityGroundRangeKm(horizon: RadarHorizon, heightM: number): number {
  let lo = 0;
  let hi = Math.PI;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    if (horizon.isVisible(heightM, mid)) lo = mid;
    else hi = mid;
  }
  return (lo * R) / 1e3;
}

describe('4/3-Earth horizon (DOMAIN.md §5.5)', () => {
  it('has an effective radius of 8,494.7 km', () => {
    expect(effectiveEarthRadiusM() / 1e3).toBeCloseTo(8494.7, 1);
  });

  it('puts the horizon of a 30 m antenna at 22.6 km (10 m: 13.0 km, 100 m: 41.2 km)', () => {
    expect(horizonDistanceM(30) / 1e3).toBeCloseTo(22.6, 1);
    expect(horizonDistanceM(10) / 1e3).toBeCloseTo(13.0, 1);
    expect(horizonDistanceM(100) / 1e3).toBeCloseTo(41.2, 1);
  });

  for (const [hKm, epsDeg, geometric, refracted] of TABLE) {
    it(`first sees ${hKm} km at ${epsDeg}° at ${geometric.join(' / ')} km (k = 1) and ${refracted.join(' / ')} km (k = 4/3), ±2 km`, () => {
      for (const [k, [slant, ground]] of [
        [1, geometric],
        [4 / 3, refracted],
      ] as const) {
        expect(Math.abs(slantRangeM(hKm * 1e3, epsDeg * D, k, R) / 1e3 - slant)).toBeLessThan(2);
        expect(Math.abs(groundRangeM(hKm * 1e3, epsDeg * D, k, R) / 1e3 - ground)).toBeLessThan(2);
      }
    });
  }

  it('gives back ε as the k-Earth elevation of the first-visibility point', () => {
    for (const [hKm, epsDeg] of TABLE) {
      const theta = groundRangeM(hKm * 1e3, epsDeg * D) / R;
      expect(effectiveElevationRad(0, hKm * 1e3, theta) / D).toBeCloseTo(epsDeg, 9);
    }
  });
});

describe('RadarHorizon, the rule a face applies', () => {
  it('with an unbounded layer is the plain 4/3 Earth: first visibility at the table ground range (±2 km)', () => {
    for (const [hKm, epsDeg, , [, ground]] of TABLE) {
      const horizon = new RadarHorizon(0, epsDeg * D, { k: 4 / 3, layerTopM: Number.POSITIVE_INFINITY }, R);
      expect(Math.abs(firstVisibilityGroundRangeKm(horizon, hKm * 1e3) - ground)).toBeLessThan(2);
    }
  });

  it('with k = 1 is geometric: first visibility at the k = 1 column (±2 km)', () => {
    for (const [hKm, epsDeg, [, ground]] of TABLE) {
      const horizon = new RadarHorizon(0, epsDeg * D, { k: 1, layerTopM: Number.POSITIVE_INFINITY }, R);
      expect(Math.abs(firstVisibilityGroundRangeKm(horizon, hKm * 1e3) - ground)).toBeLessThan(2);
    }
  });

  it('by default bends a horizontal ray by 34.5′, the standard refraction at the horizon, in a ~3.8 km layer', () => {
    const horizon = new RadarHorizon(0, 0, STANDARD_REFRACTION, R);
    expect(horizon.bendingRad / D).toBeCloseTo(HORIZONTAL_REFRACTION_RAD / D, 9);
    expect(HORIZONTAL_REFRACTION_RAD / D).toBeCloseTo(34.5 / 60, 12);
    expect(STANDARD_REFRACTION.layerTopM).toBeGreaterThan(3500);
    expect(STANDARD_REFRACTION.layerTopM).toBeLessThan(4200);
  });

  it('by default sees targets above the air between the k = 1 and k = 4/3 columns (DOMAIN.md §5.5)', () => {
    for (const [hKm, epsDeg, [, geometric], [, refracted]] of TABLE) {
      const horizon = new RadarHorizon(0, epsDeg * D, STANDARD_REFRACTION, R);
      const ground = firstVisibilityGroundRangeKm(horizon, hKm * 1e3);
      expect(ground).toBeGreaterThan(geometric);
      expect(ground).toBeLessThan(refracted);
    }
  });

  it('by default bends a ray to a far target by at most the horizontal refraction (a GEO satellite, the Moon)', () => {
    // The plain 4/3 Earth would lift a GEO satellite on the geometric horizon to ~18°.
    for (const heightM of [35_786e3, 384_400e3]) {
      const horizon = new RadarHorizon(0, 0, STANDARD_REFRACTION, R);
      const geometricHorizonAngle = Math.acos(R / (R + heightM));
      const seenTo = firstVisibilityGroundRangeKm(horizon, heightM) / (R / 1e3);
      expect(seenTo).toBeGreaterThan(geometricHorizonAngle);
      // Bending δ lets the ray reach δ further round at most (to first order, for a far target).
      expect(seenTo - geometricHorizonAngle).toBeLessThan(HORIZONTAL_REFRACTION_RAD * 1.01);
    }
  });

  it('never sees below the k-Earth dip of the horizon, even with a negative minimum elevation', () => {
    const horizon = new RadarHorizon(1000, -5 * D, STANDARD_REFRACTION, R);
    const dip = Math.acos(((4 / 3) * R) / ((4 / 3) * R + 1000));
    expect(horizon.boundaryElevationRad).toBeCloseTo(-dip, 12);
    // The 4/3 horizon of a 1 km antenna is 130.3 km away; 20 km beyond it the tangent ray
    // is (20 km)²/(2 R_e) = 23.5 m up, so a target at 100 m there is seen, one at 10 m not.
    expect(horizonDistanceM(1000) / 1e3).toBeCloseTo(130.3, 1);
    const beyond = (horizonDistanceM(1000) + 20e3) / R;
    expect(horizon.isVisible(100, beyond)).toBe(true);
    expect(horizon.isVisible(10, beyond)).toBe(false);
  });

  it('sees geometrically from a site above the layer', () => {
    const horizon = new RadarHorizon(5000, 0, STANDARD_REFRACTION, R);
    expect(horizon.k).toBe(1);
    const hKm = 300;
    const geometric = new RadarHorizon(5000, 0, { k: 1, layerTopM: Number.POSITIVE_INFINITY }, R);
    expect(firstVisibilityGroundRangeKm(horizon, hKm * 1e3)).toBeCloseTo(
      firstVisibilityGroundRangeKm(geometric, hKm * 1e3),
      6,
    );
  });
});
