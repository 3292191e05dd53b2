// SGP4 through satellite.js against Vallado's verification output (DOMAIN.md §9.3),
// the python-sgp4 ISS example, TEME → ECEF by GMST, and failures that must not throw.
import { eciToGeodetic, gstime, type OMMJsonObject } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import { makeOrbit } from '../../src/orbits/presets.ts';
import { ommProblem, Sgp4Orbit, tleProblem } from '../../src/orbits/sgp4.ts';
import { subSatellitePoint } from '../../src/orbits/sub-satellite.ts';
import { VALLADO_CASES } from './vallado-cases.ts';

const DEG = Math.PI / 180;

/** Unix ms of a TLE's epoch, from its YYDDD.DDDDDDDD field (years 57–99 are 19xx). */
function tleEpochMs(line1: string): number {
  const yy = Number(line1.slice(18, 20));
  const day = Number(line1.slice(20, 32));
  return Date.UTC(yy < 57 ? 2000 + yy : 1900 + yy, 0, 1) + (day - 1) * 86_400_000;
}

const pos = new Float64Array(3);
const vel = new Float64Array(3);

/** State in km and km/s at `minutes` after the element epoch (scenario epoch = element epoch). */
function stateKm(orbit: Sgp4Orbit, minutes: number): number[] {
  expect(orbit.state(pos, vel, minutes * 60)).toBe(true);
  return [...pos, ...vel].map((x) => x / 1000);
}

function maxAbsDiff(a: number[], b: number[]): number {
  return Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
}

// tcppver.out prints 8 decimals of km and 9 of km/s: satellite.js reproduces every row
// to within that rounding (max seen 4.7e-9 km, 4.9e-10 km/s), so the tolerances are
// twice the half-unit of the last printed digit: 10 µm and 1 µm/s.
const POSITION_TOL_KM = 1e-8;
const VELOCITY_TOL_KMS = 1e-9;

describe('satellite.js SGP4 against the Vallado verification cases (WGS-72, TEME)', () => {
  it('satellite 00005 at t = 0 and 360 min matches the values quoted in DOMAIN.md §9.3', () => {
    const c = VALLADO_CASES[0]!;
    const orbit = Sgp4Orbit.fromTle(c.line1, c.line2, tleEpochMs(c.line1));
    const at0 = stateKm(orbit, 0);
    expect(maxAbsDiff(at0.slice(0, 3), [7022.46529266, -1400.08296755, 0.03995155])).toBeLessThan(
      POSITION_TOL_KM,
    );
    expect(maxAbsDiff(at0.slice(3), [1.893841015, 6.405893759, 4.53480725])).toBeLessThan(VELOCITY_TOL_KMS);
    const at360 = stateKm(orbit, 360);
    expect(maxAbsDiff(at360.slice(0, 3), [-7154.03120202, -3783.17682504, -3536.19412294])).toBeLessThan(
      POSITION_TOL_KM,
    );
    expect(maxAbsDiff(at360.slice(3), [4.741887409, -4.151817765, -2.093935425])).toBeLessThan(
      VELOCITY_TOL_KMS,
    );
  });

  it('the Molniya 08195 case at t = 0 and 120 min matches the values quoted in DOMAIN.md §9.3', () => {
    const c = VALLADO_CASES.find((v) => v.name.startsWith('08195'))!;
    const orbit = Sgp4Orbit.fromTle(c.line1, c.line2, tleEpochMs(c.line1));
    const at0 = stateKm(orbit, 0);
    expect(maxAbsDiff(at0.slice(0, 3), [2349.8948335, -14785.93811562, 0.02119378])).toBeLessThan(
      POSITION_TOL_KM,
    );
    expect(maxAbsDiff(at0.slice(3), [2.721488096, -3.256811655, 4.498416672])).toBeLessThan(VELOCITY_TOL_KMS);
    const at120 = stateKm(orbit, 120);
    expect(maxAbsDiff(at120.slice(0, 3), [15223.91713658, -17852.95881713, 25280.39558224])).toBeLessThan(
      POSITION_TOL_KM,
    );
    expect(maxAbsDiff(at120.slice(3), [1.079041732, 0.875187372, 2.485682813])).toBeLessThan(
      VELOCITY_TOL_KMS,
    );
  });

  for (const c of VALLADO_CASES) {
    it(`${c.name}: every tabulated row agrees with tcppver.out to its printed digits`, () => {
      const orbit = Sgp4Orbit.fromTle(c.line1, c.line2, tleEpochMs(c.line1));
      for (const [minutes, ...expected] of c.rows) {
        const got = stateKm(orbit, minutes);
        expect(maxAbsDiff(got.slice(0, 3), expected.slice(0, 3)), `r at ${minutes} min`).toBeLessThan(
          POSITION_TOL_KM,
        );
        expect(maxAbsDiff(got.slice(3), expected.slice(3)), `v at ${minutes} min`).toBeLessThan(
          VELOCITY_TOL_KMS,
        );
      }
    });
  }

  it('a scenario epoch away from the element epoch shifts the clock: t after the scenario epoch', () => {
    const c = VALLADO_CASES[0]!;
    const orbit = Sgp4Orbit.fromTle(c.line1, c.line2, tleEpochMs(c.line1) + 3_600_000);
    const at = stateKm(orbit, 300);
    expect(maxAbsDiff(at.slice(0, 3), [-7154.03120202, -3783.17682504, -3536.19412294])).toBeLessThan(1e-7);
  });
});

const ISS_1 = '1 25544U 98067A   19343.69339541  .00001764  00000-0  38792-4 0  9991';
const ISS_2 = '2 25544  51.6439 211.2001 0007417  17.6667  85.6398 15.50103472202482';
const ISS_EPOCH_MS = Date.UTC(2019, 11, 9, 20, 42, 0);

describe('the ISS example (python-sgp4 README, DOMAIN.md §9.3)', () => {
  it('at 2019-12-09 20:42:00 UTC is at the documented TEME position and velocity', () => {
    const orbit = makeOrbit({ kind: 'tle', line1: ISS_1, line2: ISS_2 }, ISS_EPOCH_MS);
    expect(orbit.state(pos, vel, 0)).toBe(true);
    // The README prints truncated digits: 2 decimals of km, 3 of km/s.
    const r = [...pos].map((x) => x / 1000);
    const v = [...vel].map((x) => x / 1000);
    expect(maxAbsDiff(r, [-6088.92, -936.13, -2866.44])).toBeLessThan(0.01);
    expect(maxAbsDiff(v, [-1.525, -5.538, 5.068])).toBeLessThan(0.001);
  });

  it('turned into ECEF by GMST, it is ~420 km up and never beyond its inclination in latitude', () => {
    const orbit = makeOrbit({ kind: 'tle', line1: ISS_1, line2: ISS_2 }, ISS_EPOCH_MS);
    const geo = new Float64Array(3);
    let maxLatDeg = 0;
    for (let t = 0; t <= 5600; t += 20) {
      expect(subSatellitePoint(geo, orbit, t, ISS_EPOCH_MS)).toBe(geo);
      expect(geo[2]! / 1000).toBeGreaterThan(400);
      expect(geo[2]! / 1000).toBeLessThan(440);
      maxLatDeg = Math.max(maxLatDeg, Math.abs(geo[0]! / DEG));
    }
    // Geodetic latitude runs up to ~0.2° past the geocentric one, which peaks at i = 51.64°.
    expect(maxLatDeg).toBeGreaterThan(51.4);
    expect(maxLatDeg).toBeLessThan(51.64 + 0.2);
  });

  it('its sub-satellite point agrees with satellite.js gstime + eciToGeodetic (an independent GMST and geodesy)', () => {
    const orbit = makeOrbit({ kind: 'tle', line1: ISS_1, line2: ISS_2 }, ISS_EPOCH_MS);
    const geo = new Float64Array(3);
    for (const t of [0, 1000, 2500, 86_400]) {
      subSatellitePoint(geo, orbit, t, ISS_EPOCH_MS);
      orbit.state(pos, null, t);
      const theirs = eciToGeodetic(
        { x: pos[0]! / 1000, y: pos[1]! / 1000, z: pos[2]! / 1000 },
        gstime(new Date(ISS_EPOCH_MS + t * 1000)),
      );
      expect(Math.abs(geo[0]! - theirs.latitude)).toBeLessThan(1e-6);
      const dLon = Math.abs(((geo[1]! - theirs.longitude + 3 * Math.PI) % (2 * Math.PI)) - Math.PI);
      expect(dLon).toBeLessThan(1e-6);
      expect(Math.abs(geo[2]! / 1000 - theirs.height)).toBeLessThan(0.01);
    }
  });
});

describe('SGP4 failures are false or a located reason, never a crash', () => {
  // MINOTAUR R/B from SGP4-VER.TLE: sub-orbital, "lost in 50 minutes".
  const DECAYING_1 = '1 28872U 05037B   05333.02012661  .25992681  00000-0  24476-3 0  1534';
  const DECAYING_2 = '2 28872  96.4736 157.9986 0303955 244.0492 110.6523 16.46015938 10708';

  it('a decaying object propagates at its epoch and returns false long after decay', () => {
    const orbit = Sgp4Orbit.fromTle(DECAYING_1, DECAYING_2, tleEpochMs(DECAYING_1));
    expect(orbit.state(pos, vel, 0)).toBe(true);
    for (const t of [60 * 60, 86_400, 10 * 86_400, 1e9]) expect(orbit.state(pos, vel, t)).toBe(false);
    expect(orbit.state(pos, null, Number.NaN)).toBe(false);
  });

  it('tleProblem accepts the verification TLEs and names what is wrong with broken ones', () => {
    expect(tleProblem(ISS_1, ISS_2)).toBeNull();
    for (const c of VALLADO_CASES) expect(tleProblem(c.line1, c.line2)).toBeNull();
    expect(tleProblem(ISS_1, `${ISS_2.slice(0, 68)}3`)).toMatch(/line 2 checksum/);
    expect(tleProblem(ISS_1.slice(0, 60), ISS_2)).toMatch(/line 1 is not 69 characters/);
    expect(tleProblem(ISS_1, VALLADO_CASES[0]!.line2)).toMatch(/satellite numbers differ/);
    // A letter in the epoch, with the checksum fixed up so only the field is wrong.
    const badEpoch = `${ISS_1.slice(0, 22)}x${ISS_1.slice(23, 68)}`;
    expect(tleProblem(`${badEpoch}${checksum(badEpoch)}`, ISS_2)).toMatch(/columns 19-32/);
    const zeroMotion = `${ISS_2.slice(0, 52)} 0.00000000${ISS_2.slice(63, 68)}`;
    expect(tleProblem(ISS_1, `${zeroMotion}${checksum(zeroMotion)}`)).toMatch(
      /mean motion must be above zero/,
    );
  });

  it('makeOrbit refuses a broken TLE with a RangeError that carries the reason', () => {
    expect(() => makeOrbit({ kind: 'tle', line1: ISS_1, line2: `${ISS_2.slice(0, 68)}3` }, 0)).toThrow(
      /TLE: line 2 checksum/,
    );
  });
});

function checksum(first68: string): number {
  let sum = 0;
  for (const ch of first68) sum += ch === '-' ? 1 : /\d/.test(ch) ? Number(ch) : 0;
  return sum % 10;
}

describe('OMM (JSON) element sets', () => {
  // Satellite 00005's TLE written as an OMM: epoch day 179.78495062 of 2000 = 27 June 18:50:19.733568.
  const omm: OMMJsonObject = {
    OBJECT_NAME: 'VANGUARD 1',
    OBJECT_ID: '1958-002B',
    EPOCH: '2000-06-27T18:50:19.733568',
    MEAN_MOTION: 10.82419157,
    ECCENTRICITY: 0.1859667,
    INCLINATION: 34.2682,
    RA_OF_ASC_NODE: 348.7242,
    ARG_OF_PERICENTER: 331.7664,
    MEAN_ANOMALY: 19.3264,
    NORAD_CAT_ID: 5,
    ELEMENT_SET_NO: 475,
    BSTAR: 0.28098e-4,
    MEAN_MOTION_DOT: 0.00000023,
    MEAN_MOTION_DDOT: 0,
  };

  it('propagate like the same TLE: 00005 at 360 min agrees with tcppver.out to its printed digits', () => {
    const orbit = makeOrbit({ kind: 'omm', omm }, Date.UTC(2000, 5, 27, 18, 50, 19) + 733.568);
    expect(orbit.state(pos, vel, 360 * 60)).toBe(true);
    const r = [...pos].map((x) => x / 1000);
    const v = [...vel].map((x) => x / 1000);
    expect(maxAbsDiff(r, [-7154.03120202, -3783.17682504, -3536.19412294])).toBeLessThan(POSITION_TOL_KM);
    expect(maxAbsDiff(v, [4.741887409, -4.151817765, -2.093935425])).toBeLessThan(VELOCITY_TOL_KMS);
  });

  it('ommProblem names a field that is not a number or an epoch that is not an instant', () => {
    expect(ommProblem(omm)).toBeNull();
    expect(ommProblem({ ...omm, ECCENTRICITY: 'abc' })).toMatch(/ECCENTRICITY/);
    expect(ommProblem({ ...omm, EPOCH: 'yesterday' })).toMatch(/EPOCH/);
    expect(ommProblem({ ...omm, ECCENTRICITY: 1.2 })).toMatch(/eccentricity/);
  });
});
