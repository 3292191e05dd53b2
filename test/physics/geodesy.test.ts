import { describe, expect, it } from 'vitest';
import { R_EARTH_MEAN } from '../../src/physics/constants.ts';
import {
  destination,
  geodesicDestination,
  geodesicInverse,
  greatCircleDistance,
  initialAzimuth,
  normalizeLonRad,
} from '../../src/physics/geodesy.ts';

const D = Math.PI / 180;

describe('greatCircleDistance on the R = 6371 km sphere (DOMAIN.md §9.1)', () => {
  // DOMAIN.md does not say which coordinates it used. These are typical public
  // coordinates (city centres; Malmstrom and Andøya as in DOMAIN.md §6.3/§6.4; Olenegorsk
  // as the §4.1 Dnepr site; Kwajalein Island), so the tolerance is ±5 km.
  const cases: [string, [number, number], [number, number], number][] = [
    ['Pyongyang → Washington', [39.0392, 125.7625], [38.9072, -77.0369], 11044],
    ['Malmstrom → Moscow', [47.505, -111.183], [55.7558, 37.6173], 8171],
    ['Vandenberg → Kwajalein', [34.742, -120.5724], [8.7167, 167.7333], 7788],
    ['Andøya → Olenegorsk', [69.29, 16.02], [68.114, 33.91], 732],
  ];
  for (const [name, [lat1, lon1], [lat2, lon2], km] of cases) {
    it(`${name} is ${km} km ± 5 km`, () => {
      const d = greatCircleDistance(lat1 * D, lon1 * D, lat2 * D, lon2 * D);
      expect(Math.abs(d / 1000 - km)).toBeLessThan(5);
    });
  }

  it('a quarter meridian is πR/2 and antipodes are πR apart', () => {
    expect(greatCircleDistance(0, 0, Math.PI / 2, 0)).toBeCloseTo((Math.PI * R_EARTH_MEAN) / 2, 6);
    expect(greatCircleDistance(0.3, 0.2, -0.3, 0.2 + Math.PI)).toBeCloseTo(Math.PI * R_EARTH_MEAN, 6);
  });

  it('resolves a 1 mm separation', () => {
    const dLat = 0.001 / R_EARTH_MEAN;
    // 0.5 + dLat itself is rounded to ~1e-16 rad (≈ 0.4 nm), hence 1e-9 m.
    expect(greatCircleDistance(0.5, 0.5, 0.5 + dLat, 0.5)).toBeCloseTo(0.001, 9);
  });

  it('uses the radius argument', () => {
    expect(greatCircleDistance(0, 0, 0, Math.PI / 2, 1)).toBeCloseTo(Math.PI / 2, 15);
  });
});

describe('initialAzimuth', () => {
  it('points north, east, south and west along the axes', () => {
    expect(initialAzimuth(0, 0, 0.1, 0)).toBeCloseTo(0, 15);
    expect(initialAzimuth(0, 0, 0, 0.1)).toBeCloseTo(Math.PI / 2, 15);
    expect(initialAzimuth(0, 0, -0.1, 0)).toBeCloseTo(Math.PI, 15);
    expect(initialAzimuth(0, 0, 0, -0.1)).toBeCloseTo((3 * Math.PI) / 2, 15);
  });

  it('from 45°N to the point 90° of longitude east starts at 54.74° (spherical trigonometry)', () => {
    // tan az = sin Δλ cos φ2 / (cos φ1 sin φ2 − sin φ1 cos φ2 cos Δλ) = (1/√2)/(1/2) = √2
    expect(initialAzimuth(45 * D, 0, 45 * D, 90 * D)).toBeCloseTo(Math.atan(Math.SQRT2), 14);
  });
});

describe('destination', () => {
  it('a quarter circumference east along the equator reaches longitude 90°', () => {
    const out = destination(new Float64Array(2), 0, 0, Math.PI / 2, (Math.PI * R_EARTH_MEAN) / 2);
    expect(out[0]).toBeCloseTo(0, 15);
    expect(out[1]).toBeCloseTo(Math.PI / 2, 15);
  });

  it('a quarter circumference north from the equator reaches the pole', () => {
    const out = destination(new Float64Array(2), 0, 1, 0, (Math.PI * R_EARTH_MEAN) / 2);
    expect(out[0]).toBeCloseTo(Math.PI / 2, 12);
  });

  it('is consistent with greatCircleDistance and initialAzimuth everywhere', () => {
    const out = new Float64Array(2);
    for (const lat of [-80, -30, 0, 15, 60, 89]) {
      for (const az of [0, 33, 90, 181, 300]) {
        for (const km of [1, 732, 5000, 15000]) {
          destination(out, lat * D, 10 * D, az * D, km * 1000);
          expect(greatCircleDistance(lat * D, 10 * D, out[0]!, out[1]!) / 1000).toBeCloseTo(km, 6);
          if (km < 15000 && lat !== 89) {
            const back = initialAzimuth(lat * D, 10 * D, out[0]!, out[1]!);
            const diff = Math.abs(((back - az * D + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
            expect(diff).toBeLessThan(1e-9);
          }
        }
      }
    }
  });

  it('returns longitudes in [−π, π)', () => {
    const out = destination(new Float64Array(2), 0, 170 * D, Math.PI / 2, 2000e3);
    expect(out[1]).toBeLessThan(0);
    expect(out[1]).toBeGreaterThanOrEqual(-Math.PI);
  });
});

describe('normalizeLonRad', () => {
  it('wraps into [−π, π)', () => {
    expect(normalizeLonRad(Math.PI)).toBe(-Math.PI);
    expect(normalizeLonRad(-Math.PI)).toBe(-Math.PI);
    expect(normalizeLonRad(3 * Math.PI)).toBeCloseTo(-Math.PI, 14);
    expect(normalizeLonRad(4)).toBeCloseTo(4 - 2 * Math.PI, 15);
    expect(normalizeLonRad(-7)).toBeCloseTo(-7 + 2 * Math.PI, 15);
  });

  it('returns in-range values unchanged, tiny ones included', () => {
    expect(normalizeLonRad(1e-20)).toBe(1e-20);
    expect(normalizeLonRad(-2.5)).toBe(-2.5);
  });
});

describe('WGS-84 geodesics (geographiclib-geodesic)', () => {
  it('Wellington → Salamanca is 19,959,679.267 m (GeographicLib documentation example)', () => {
    const r = geodesicInverse(-41.32 * D, 174.81 * D, 40.96 * D, -5.5 * D);
    expect(r.distanceM).toBeCloseTo(19959679.267, 3);
    expect(r.azimuth1Rad).toBeGreaterThanOrEqual(0);
    expect(r.azimuth2Rad).toBeLessThan(2 * Math.PI);
  });

  it('20,000 km SW of Perth is (32.11195529°, −63.95925278°) (GeographicLib documentation example)', () => {
    const out = geodesicDestination(new Float64Array(2), -32.06 * D, 115.74 * D, 225 * D, 20000e3);
    expect(out[0]! / D).toBeCloseTo(32.11195529, 8);
    expect(out[1]! / D).toBeCloseTo(-63.95925278, 8);
  });

  it('along the equator the azimuths are 90° and the distance is a·Δλ', () => {
    const r = geodesicInverse(0, 0, 0, 0.1);
    expect(r.azimuth1Rad).toBeCloseTo(Math.PI / 2, 12);
    expect(r.azimuth2Rad).toBeCloseTo(Math.PI / 2, 12);
    expect(r.distanceM).toBeCloseTo(6378137 * 0.1, 5);
  });

  it('the direct and inverse problems invert each other', () => {
    const r = geodesicInverse(55 * D, 90 * D, 35 * D, -90 * D);
    const out = geodesicDestination(new Float64Array(2), 55 * D, 90 * D, r.azimuth1Rad, r.distanceM);
    expect(out[0]).toBeCloseTo(35 * D, 12);
    expect(out[1]).toBeCloseTo(-90 * D, 12);
  });

  it('differs from the 6371 km sphere by under 0.5 %', () => {
    const e = geodesicInverse(39.0392 * D, 125.7625 * D, 38.9072 * D, -77.0369 * D).distanceM;
    const s = greatCircleDistance(39.0392 * D, 125.7625 * D, 38.9072 * D, -77.0369 * D);
    expect(Math.abs(e / s - 1)).toBeLessThan(0.005);
  });
});
