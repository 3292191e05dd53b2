// Orbit presets against DOMAIN.md §3.1, §3.3–3.4 and §9.1: the geostationary slot, the
// 12-hour Molniya-type orbit with its apogee over a chosen longitude, and the 24-hour
// Tundra orbit.
import { describe, expect, it } from 'vitest';
import { GeostationaryOrbit } from '../../src/orbits/geostationary.ts';
import type { OrbitDefinition } from '../../src/orbits/orbit.ts';
import { CRITICAL_INCLINATION_RAD, makeOrbit } from '../../src/orbits/presets.ts';
import { subSatellitePoint } from '../../src/orbits/sub-satellite.ts';
import { angleDiff, apsisTimes, radiusAt } from './orbit-geometry.ts';

const DEG = Math.PI / 180;
const RE = 6378137.0;
const SIDEREAL_DAY_S = 86164.0905;
const EPOCH = Date.UTC(1983, 8, 25, 20, 15, 0);
const geo = new Float64Array(3);

function molniya(over: Partial<Extract<OrbitDefinition, { kind: 'molniya' }>>): OrbitDefinition {
  return {
    kind: 'molniya',
    apogeeLonRad: 0,
    perigeeAltM: 600_000,
    apogeeAltM: 39_700_000,
    incRad: 63.435 * DEG,
    argpRad: 270 * DEG,
    meanAnomalyRad: Math.PI,
    ...over,
  };
}

/** Apogee passes in [t0, t1] sorted by distance from the epoch. */
function apogeesNearEpoch(orbit: ReturnType<typeof makeOrbit>, span: number): number[] {
  return apsisTimes(orbit, -span, span, -1).sort((a, b) => Math.abs(a) - Math.abs(b));
}

describe('geostationary slot', () => {
  for (const lonDeg of [-75, 0, 24.5, 180]) {
    it(`at ${lonDeg}°: the sub-satellite point stays on the slot at 35,786 km all day`, () => {
      const orbit = makeOrbit({ kind: 'geo', lonRad: lonDeg * DEG }, EPOCH);
      for (let t = 0; t <= 86_400; t += 900) {
        subSatellitePoint(geo, orbit, t, EPOCH);
        expect(Math.abs(angleDiff(geo[1]!, lonDeg * DEG)) / DEG).toBeLessThan(0.01);
        expect(Math.abs(geo[0]!)).toBeLessThan(1e-12);
        expect(geo[2]! / 1000).toBeCloseTo(35_786, 0);
      }
    });
  }

  it('turns once per sidereal day at the speed ω⊕ r of a circular orbit', () => {
    const orbit = new GeostationaryOrbit(10 * DEG, EPOCH);
    expect(Math.abs(orbit.periodS - SIDEREAL_DAY_S)).toBeLessThan(0.1);
    const pos = new Float64Array(3);
    const vel = new Float64Array(3);
    orbit.state(pos, vel, 1234);
    const r = Math.hypot(pos[0]!, pos[1]!, pos[2]!);
    expect(r / 1000).toBeCloseTo(42_164.2, 0);
    // A circular two-body orbit at r has speed √(μ/r): the slot is a real orbit.
    expect(Math.hypot(vel[0]!, vel[1]!, vel[2]!) / Math.sqrt(3.986004418e14 / r)).toBeCloseTo(1, 9);
    expect(orbit.describe()).toMatch(/10\.0°E/);
  });
});

describe('Molniya-type 12-hour orbit', () => {
  it('600 × 39,700 km has a period of 716.7 min; 1,645 × 38,540 km 714.3 min (DOMAIN.md §3.3–3.4)', () => {
    expect(makeOrbit(molniya({}), EPOCH).periodS / 60).toBeCloseTo(716.7, 1);
    const kosmos2541 = molniya({ perigeeAltM: 1_645_000, apogeeAltM: 38_540_000, incRad: 63.8 * DEG });
    expect(makeOrbit(kosmos2541, EPOCH).periodS / 60).toBeCloseTo(714.3, 1);
  });

  it('without perigee and apogee it repeats every half sidereal day (718.03 min) with a 600 km perigee', () => {
    const {
      perigeeAltM: _p,
      apogeeAltM: _a,
      ...rest
    } = molniya({}) as Extract<OrbitDefinition, { kind: 'molniya' }>;
    const orbit = makeOrbit(rest, EPOCH);
    expect(orbit.periodS / 60).toBeCloseTo(SIDEREAL_DAY_S / 2 / 60, 1);
    const perigee = apsisTimes(orbit, 0, orbit.periodS, 1)[0]!;
    expect((radiusAt(orbit, perigee) - RE) / 1000).toBeCloseTo(600, 3);
  });

  it('its perigee and apogee altitudes are the ones asked for', () => {
    const orbit = makeOrbit(molniya({ meanAnomalyRad: 1 }), EPOCH);
    const perigee = apsisTimes(orbit, 0, orbit.periodS, 1)[0]!;
    const apogee = apsisTimes(orbit, 0, orbit.periodS, -1)[0]!;
    expect((radiusAt(orbit, perigee) - RE) / 1000).toBeCloseTo(600, 3);
    expect((radiusAt(orbit, apogee) - RE) / 1000).toBeCloseTo(39_700, 3);
  });

  const placements = [
    { lonDeg: -100, mDeg: 180 },
    { lonDeg: 40, mDeg: 100 },
    { lonDeg: 170, mDeg: 300 },
    { lonDeg: -5, mDeg: 10 },
  ];
  for (const { lonDeg, mDeg } of placements) {
    it(`the apogee pass nearest the epoch (M₀ = ${mDeg}°) is over ${lonDeg}° at ≈ 63.4° N`, () => {
      const orbit = makeOrbit(molniya({ apogeeLonRad: lonDeg * DEG, meanAnomalyRad: mDeg * DEG }), EPOCH);
      const [nearest, next] = apogeesNearEpoch(orbit, orbit.periodS);
      expect(Math.abs(nearest!)).toBeLessThanOrEqual(orbit.periodS / 2);
      subSatellitePoint(geo, orbit, nearest!, EPOCH);
      expect(Math.abs(angleDiff(geo[1]!, lonDeg * DEG)) / DEG).toBeLessThan(0.01);
      expect(Math.abs(geo[0]! / DEG - 63.4)).toBeLessThan(1);
      // The neighbouring apogee is about 180° of longitude away (DOMAIN.md §3.4).
      subSatellitePoint(geo, orbit, next!, EPOCH);
      expect(Math.abs(Math.abs(angleDiff(geo[1]!, lonDeg * DEG)) / DEG - 180)).toBeLessThan(1);
    });
  }

  it('uses the critical inclination 63.435°', () => {
    expect(CRITICAL_INCLINATION_RAD / DEG).toBeCloseTo(63.435, 3);
  });

  it('refuses a shape no orbit has', () => {
    expect(() => makeOrbit(molniya({ perigeeAltM: undefined, apogeeAltM: 5_000_000 }), EPOCH)).toThrow(
      RangeError,
    );
  });
});

describe('Tundra 24-hour orbit', () => {
  const tundra: OrbitDefinition = {
    kind: 'tundra',
    apogeeLonRad: 90 * DEG,
    e: 0.25,
    incRad: 63.435 * DEG,
    argpRad: 270 * DEG,
    meanAnomalyRad: 2,
  };

  it('has a period of one sidereal day and perigee/apogee 25,245 / 46,327 km at e = 0.25 (DOMAIN.md §3.4)', () => {
    const orbit = makeOrbit(tundra, EPOCH);
    expect(Math.abs(orbit.periodS - SIDEREAL_DAY_S)).toBeLessThan(0.1);
    const perigee = apsisTimes(orbit, 0, orbit.periodS, 1)[0]!;
    const apogee = apsisTimes(orbit, 0, orbit.periodS, -1)[0]!;
    expect(Math.abs((radiusAt(orbit, perigee) - RE) / 1000 - 25_245)).toBeLessThan(1);
    expect(Math.abs((radiusAt(orbit, apogee) - RE) / 1000 - 46_327)).toBeLessThan(1);
  });

  it('has its apogee pass nearest the epoch over the requested longitude, high in the north', () => {
    const orbit = makeOrbit(tundra, EPOCH);
    const [nearest] = apogeesNearEpoch(orbit, orbit.periodS);
    subSatellitePoint(geo, orbit, nearest!, EPOCH);
    expect(Math.abs(angleDiff(geo[1]!, 90 * DEG)) / DEG).toBeLessThan(0.01);
    expect(Math.abs(geo[0]! / DEG - 63.4)).toBeLessThan(1);
    expect(orbit.describe()).toMatch(/^Tundra \(apogee over 90\.0°E\)/);
  });
});

describe('keplerian definitions', () => {
  it('a low orbit from elements is a KeplerianOrbit with those elements', () => {
    const orbit = makeOrbit(
      {
        kind: 'keplerian',
        aM: RE + 500_000,
        e: 0.001,
        incRad: 97.4 * DEG,
        raanRad: 0,
        argpRad: 0,
        meanAnomalyRad: 0,
        elementsEpochS: 0,
      },
      EPOCH,
    );
    expect(orbit.periodS / 60).toBeCloseTo(94.6, 1);
    subSatellitePoint(geo, orbit, 600, EPOCH);
    expect(geo[2]! / 1000).toBeGreaterThan(490);
    expect(geo[2]! / 1000).toBeLessThan(530);
  });
});
