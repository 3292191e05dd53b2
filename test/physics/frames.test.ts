import { ecfToEci, ecfToLookAngles, eciToEcf } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { OMEGA_EARTH, WGS84_A, WGS84_B } from '../../src/physics/constants.ts';
import {
  aerToEcef,
  ecefToAer,
  ecefToEci,
  ecefToEciVelocity,
  ecefToEnu,
  ecefToGeodetic,
  eciToEcef,
  eciToEcefVelocity,
  enuBasis,
  geodeticToEcef,
  makeSite,
  siteAer,
  siteEnu,
} from '../../src/physics/frames.ts';
import * as vec3 from '../../src/physics/vec3.ts';

const D = Math.PI / 180;

function expectVecClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number): void {
  for (let i = 0; i < 3; i++) expect(Math.abs(actual[i]! - expected[i]!), `component ${i}`).toBeLessThan(tol);
}

describe('geodeticToEcef (DOMAIN.md §9.1 oracles, to 1 mm)', () => {
  const cases: [number, number, number, [number, number, number]][] = [
    [0, 0, 0, [6378137.0, 0, 0]],
    [90, 0, 0, [0, 0, 6356752.314]],
    [45, 45, 1000, [3194919.145, 3194919.145, 4488055.516]],
    [47.505, -111.183, 1000, [-1559987.454, -4025429.887, 4680610.627]],
  ];
  for (const [lat, lon, h, ecef] of cases) {
    it(`(${lat}°, ${lon}°, ${h} m) maps to (${ecef.join(', ')}) m`, () => {
      const out = geodeticToEcef(new Float64Array(3), lat * D, lon * D, h);
      expectVecClose(out, ecef, 1e-3);
    });
  }
});

describe('ecefToGeodetic (Vermeille 2011)', () => {
  it('a point on the polar axis has latitude ±90° and height |z| − b', () => {
    const north = ecefToGeodetic(new Float64Array(3), [0, 0, WGS84_B + 5000]);
    expect(north[0]).toBe(Math.PI / 2);
    expect(north[2]).toBeCloseTo(5000, 6);
    const south = ecefToGeodetic(new Float64Array(3), [0, 0, -(WGS84_B + 35786000)]);
    expect(south[0]).toBe(-Math.PI / 2);
    expect(south[2]).toBeCloseTo(35786000, 5);
  });

  it('a point on the equator has latitude 0 and height x − a', () => {
    const out = ecefToGeodetic(new Float64Array(3), [0, -(WGS84_A + 123.456), 0]);
    expect(out[0]).toBe(0);
    expect(out[1]).toBeCloseTo(-Math.PI / 2, 15);
    expect(out[2]).toBeCloseTo(123.456, 7);
  });

  it('inverts geodeticToEcef to < 1 µm and 1e-12 rad from −10 km to above GEO, poles included', () => {
    const ecef = new Float64Array(3);
    const geo = new Float64Array(3);
    let worstH = 0;
    let worstLat = 0;
    let worstLon = 0;
    for (const h of [-10000, -100, 0, 0.001, 1000, 100000, 1000000, 20200000, 35786000, 40000000]) {
      for (let latDeg = -90; latDeg <= 90; latDeg += 2.5) {
        for (const lonDeg of [-179.5, -120, -45, 0, 30, 90, 150, 179.99]) {
          geodeticToEcef(ecef, latDeg * D, lonDeg * D, h);
          ecefToGeodetic(geo, ecef);
          worstH = Math.max(worstH, Math.abs(geo[2]! - h));
          worstLat = Math.max(worstLat, Math.abs(geo[0]! - latDeg * D));
          if (Math.abs(latDeg) < 90) worstLon = Math.max(worstLon, Math.abs(geo[1]! - lonDeg * D));
        }
      }
    }
    expect(worstH).toBeLessThan(1e-6);
    expect(worstLat).toBeLessThan(1e-12);
    expect(worstLon).toBeLessThan(1e-12);
  });

  it('latitudes within 1e-9 rad of the poles come back to 1e-12 rad', () => {
    const geo = new Float64Array(3);
    for (const lat of [Math.PI / 2 - 1e-9, -Math.PI / 2 + 1e-12, Math.PI / 2 - 1e-6]) {
      ecefToGeodetic(geo, geodeticToEcef(new Float64Array(3), lat, 0.3, 500));
      expect(Math.abs(geo[0]! - lat)).toBeLessThan(1e-12);
      expect(Math.abs(geo[2]! - 500)).toBeLessThan(1e-6);
    }
  });

  it('points near the centre of the Earth (inside the evolute) map back to the same ECEF point', () => {
    const geo = new Float64Array(3);
    const back = new Float64Array(3);
    for (const p of [
      [0, 0, 0],
      [1000, 0, 0],
      [20000, 0, 0],
      [20000, 0, 100],
      [0, 0, 20000],
      [30000, 10000, -5000],
    ]) {
      ecefToGeodetic(geo, p);
      geodeticToEcef(back, geo[0]!, geo[1]!, geo[2]!);
      expectVecClose(back, p, 1e-6);
    }
  });

  it('works when out is the input array', () => {
    const v = geodeticToEcef(new Float64Array(3), 0.7, -1.1, 2500);
    ecefToGeodetic(v, v);
    expectVecClose(v, [0.7, -1.1, 2500], 1e-9);
  });
});

describe('ECI ⇄ ECEF', () => {
  it('a quarter-turn GMST puts the ECI x axis at longitude −90°', () => {
    const out = eciToEcef(new Float64Array(3), [1, 0, 0], Math.PI / 2);
    expectVecClose(out, [0, -1, 0], 1e-15);
  });

  it('agrees with satellite.js eciToEcf and ecfToEci', () => {
    const r = { x: 4000, y: -5000, z: 3000 };
    const gmst = 4.321;
    const ours = eciToEcef(new Float64Array(3), [r.x, r.y, r.z], gmst);
    const theirs = eciToEcf(r, gmst);
    expectVecClose(ours, [theirs.x, theirs.y, theirs.z], 1e-9);
    const oursBack = ecefToEci(new Float64Array(3), [r.x, r.y, r.z], gmst);
    const theirsBack = ecfToEci(r, gmst);
    expectVecClose(oursBack, [theirsBack.x, theirsBack.y, theirsBack.z], 1e-9);
  });

  it('ecefToEci inverts eciToEcef, also in place', () => {
    const v = new Float64Array([7e6, -1e6, 2e6]);
    eciToEcef(v, v, 2.2);
    ecefToEci(v, v, 2.2);
    expectVecClose(v, [7e6, -1e6, 2e6], 1e-8);
  });

  it('a point fixed on the rotating Earth has ECI velocity ω × r and zero ECEF velocity', () => {
    const gmst = 1.234;
    const rEcef = geodeticToEcef(new Float64Array(3), 0, 0, 0);
    const vEci = ecefToEciVelocity(new Float64Array(3), rEcef, [0, 0, 0], gmst);
    // 465.1 m/s eastward at the equator (DOMAIN.md §1.4), i.e. along ECI (−sin θ, cos θ, 0).
    expect(vec3.norm(vEci)).toBeCloseTo(OMEGA_EARTH * WGS84_A, 9);
    expect(vec3.norm(vEci)).toBeCloseTo(465.1, 1);
    expectVecClose(vEci, [-Math.sin(gmst) * 465.1011, Math.cos(gmst) * 465.1011, 0], 1e-3);
    const rEci = ecefToEci(new Float64Array(3), rEcef, gmst);
    const vBack = eciToEcefVelocity(new Float64Array(3), rEci, vEci, gmst);
    expectVecClose(vBack, [0, 0, 0], 1e-12);
  });

  it('eciToEcefVelocity is the time derivative of the rotated ECI trajectory', () => {
    // Straight-line ECI motion r(t) = r0 + v t, GMST θ(t) = θ0 + ω t: compare with a central difference.
    const r0 = [6.9e6, 1.2e6, -0.8e6];
    const v = [-1200, 7100, 900];
    const theta0 = 0.4;
    const at = (t: number) =>
      eciToEcef(
        new Float64Array(3),
        [r0[0]! + v[0]! * t, r0[1]! + v[1]! * t, r0[2]! + v[2]! * t],
        theta0 + OMEGA_EARTH * t,
      );
    const dt = 1e-3;
    const plus = at(dt);
    const minus = at(-dt);
    const numeric = [0, 1, 2].map((i) => (plus[i]! - minus[i]!) / (2 * dt));
    const analytic = eciToEcefVelocity(new Float64Array(3), r0, v, theta0);
    expectVecClose(analytic, numeric, 1e-4);
    const back = ecefToEciVelocity(new Float64Array(3), at(0), analytic, theta0);
    expectVecClose(back, v, 1e-9);
  });
});

describe('local frames (ENU, AER)', () => {
  const lat = 47.505 * D;
  const lon = -111.183 * D;
  const siteEcef = geodeticToEcef(new Float64Array(3), lat, lon, 1000);

  it('the ENU basis is orthonormal and right-handed (E × N = U)', () => {
    const e = new Float64Array(3);
    const n = new Float64Array(3);
    const u = new Float64Array(3);
    enuBasis(e, n, u, lat, lon);
    for (const v of [e, n, u]) expect(vec3.norm(v)).toBeCloseTo(1, 15);
    expect(vec3.dot(e, n)).toBeCloseTo(0, 15);
    expect(vec3.dot(e, u)).toBeCloseTo(0, 15);
    expect(vec3.dot(n, u)).toBeCloseTo(0, 15);
    expectVecClose(vec3.cross(new Float64Array(3), e, n), u, 1e-15);
  });

  it('the up vector is the ellipsoid normal: a point along it keeps the latitude', () => {
    const e = new Float64Array(3);
    const n = new Float64Array(3);
    const u = new Float64Array(3);
    enuBasis(e, n, u, lat, lon);
    const above = vec3.scaleAndAdd(new Float64Array(3), siteEcef, u, 50000);
    const geo = ecefToGeodetic(new Float64Array(3), above);
    expect(geo[0]).toBeCloseTo(lat, 12);
    expect(geo[2]).toBeCloseTo(51000, 6);
  });

  it('targets due north, east, south and overhead have azimuths 0°, 90°, 180° and elevation 90°', () => {
    const out = new Float64Array(3);
    const target = new Float64Array(3);
    for (const [azDeg, elDeg] of [
      [0, 0],
      [90, 0],
      [180, 10],
      [270, -5],
      [45, 90],
    ] as const) {
      aerToEcef(target, siteEcef, lat, lon, azDeg * D, elDeg * D, 123456);
      ecefToAer(out, siteEcef, lat, lon, target);
      if (elDeg < 90) expect(out[0]).toBeCloseTo(azDeg * D, 12);
      expect(out[1]).toBeCloseTo(elDeg * D, 12);
      expect(out[2]).toBeCloseTo(123456, 6);
    }
  });

  it('ecefToEnu of a point 1 km east is (1000, 0, 0)', () => {
    const e = new Float64Array(3);
    enuBasis(e, new Float64Array(3), new Float64Array(3), lat, lon);
    const target = vec3.scaleAndAdd(new Float64Array(3), siteEcef, e, 1000);
    expectVecClose(ecefToEnu(new Float64Array(3), siteEcef, lat, lon, target), [1000, 0, 0], 1e-9);
  });

  it('azimuth is reported in [0, 2π)', () => {
    const out = new Float64Array(3);
    const target = aerToEcef(new Float64Array(3), siteEcef, lat, lon, -1e-3, 0.2, 5000);
    ecefToAer(out, siteEcef, lat, lon, target);
    expect(out[0]).toBeCloseTo(2 * Math.PI - 1e-3, 12);
  });

  it('agrees with satellite.js ecfToLookAngles for a satellite 1,500 km away', () => {
    const target = geodeticToEcef(new Float64Array(3), 52 * D, -100 * D, 800000);
    const ours = ecefToAer(new Float64Array(3), siteEcef, lat, lon, target);
    const theirs = ecfToLookAngles(
      { latitude: lat, longitude: lon, height: 1 },
      { x: target[0]! / 1000, y: target[1]! / 1000, z: target[2]! / 1000 },
    );
    // satellite.js's ellipsoid differs from WGS-84 in the tenth digit of b: ~1e-9 rad here.
    expect(Math.abs(ours[0]! - theirs.azimuth)).toBeLessThan(1e-7);
    expect(Math.abs(ours[1]! - theirs.elevation)).toBeLessThan(1e-7);
    expect(Math.abs(ours[2]! / 1000 - theirs.rangeSat)).toBeLessThan(1e-3);
  });

  it('a precomputed Site gives the same ENU and AER as the trigonometric functions', () => {
    const site = makeSite(lat, lon, 1000);
    expectVecClose(site.ecef, siteEcef, 1e-9);
    const target = geodeticToEcef(new Float64Array(3), 60 * D, -20 * D, 39700000);
    expectVecClose(
      siteEnu(new Float64Array(3), site, target),
      ecefToEnu(new Float64Array(3), siteEcef, lat, lon, target),
      1e-6,
    );
    expectVecClose(
      siteAer(new Float64Array(3), site, target),
      ecefToAer(new Float64Array(3), siteEcef, lat, lon, target),
      1e-12,
    );
  });
});
