// The full flight model against physics it must obey and the figures DOMAIN.md gives.
import { describe, expect, it } from 'vitest';
import { ecefToGeodetic } from '../../src/physics/frames.ts';
import { destination, greatCircleDistance } from '../../src/physics/geodesy.ts';
import { freeFlight, minimumEnergyBurnout } from '../../src/physics/kepler.ts';
import { shapeOrbitalForInclination } from '../../src/world/flight/orbital.ts';
import {
  OutOfReachError,
  programWith,
  shapeBallisticFlight,
  subPoint,
} from '../../src/world/flight/shaping.ts';
import { FlightSimulator, inertialFlightPathAngle } from '../../src/world/flight/simulate.ts';
import { VEHICLES } from '../../src/world/vehicles.ts';

const DEG = Math.PI / 180;
// Independent constants for the checks below (WGS-84, DOMAIN.md §9.1).
const MU = 3.986004418e14;
const A = 6378137;
const J2 = 1.08262998905e-3;

/** Specific energy with the J2 potential: conserved in drag-free flight (zonal field, time-invariant in ECI). */
function energyWithJ2(r: Float64Array, v: Float64Array): number {
  const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
  const sinLat = r[2]! / rn;
  const u = -(MU / rn) * (1 - J2 * (A / rn) ** 2 * ((3 * sinLat * sinLat - 1) / 2));
  return 0.5 * (v[0]! ** 2 + v[1]! ** 2 + v[2]! ** 2) + u;
}

function altitudeKm(r: Float64Array): number {
  return ecefToGeodetic(new Float64Array(3), r)[2]! / 1000;
}

describe('flight dynamics', () => {
  const sim = new FlightSimulator();
  const launch = { latRad: 40 * DEG, lonRad: 20 * DEG, hM: 0 };

  it('conserves energy in drag-free coast with J2 to 1e-9 relative', () => {
    const f = sim.fly(VEHICLES['icbm-solid'], launch, programWith(45 * DEG, 20 * DEG), {
      gmstAtLaunch: 0.3,
      maxFlightS: 4000,
      atmosphere: false,
    });
    // Coast a body from burnout with no drag (infinite ballistic coefficient) and compare energies.
    const e0 = energyWithJ2(f.burnout.r, f.burnout.v);
    const coast = sim.coast(
      { ...f.burnout, r: f.burnout.r.slice(), v: f.burnout.v.slice() },
      Number.POSITIVE_INFINITY,
      f.burnout.t + 1500,
      1,
    );
    const s = coast.samples!;
    let worst = 0;
    for (let i = 0; i < s.count; i++) {
      const e = energyWithJ2(s.position.subarray(3 * i, 3 * i + 3), s.velocity.subarray(3 * i, 3 * i + 3));
      worst = Math.max(worst, Math.abs((e - e0) / e0));
    }
    expect(s.count).toBeGreaterThan(1000);
    expect(worst).toBeLessThan(1e-9);
  });

  it('an eastward launch reaches farther than a westward one with the same programme (DOMAIN.md §1.4)', () => {
    const equator = { latRad: 0, lonRad: 0, hM: 0 };
    const range = (azDeg: number) => {
      const f = sim.fly(VEHICLES['icbm-solid'], equator, programWith(azDeg * DEG, 20 * DEG), {
        gmstAtLaunch: 0,
        maxFlightS: 7200,
      });
      const p = subPoint(f.end.r, f.end.t, 0);
      return greatCircleDistance(0, 0, p.latRad, p.lonRad);
    };
    const east = range(90);
    const west = range(270);
    // Rotation adds ≈ 465 m/s eastward at the equator: a large, one-sided difference.
    expect(east - west).toBeGreaterThan(1_000_000);
  });

  it('stages separate at the end of each burn and spent stages fall back to the ground', () => {
    const v = VEHICLES['icbm-solid'];
    const f = sim.fly(v, launch, programWith(0, 20 * DEG), { gmstAtLaunch: 0, maxFlightS: 7200 });
    expect(f.stageEndsS).toEqual([60, 120, 170]);
    const stage1 = f.separations[0]!;
    const fall = sim.coast(stage1.state, v.stages[0]!.spentBetaKgM2, 7200);
    expect(fall.impacted).toBe(true);
    expect(fall.end.t).toBeLessThan(f.end.t);
  });
});

describe('trajectory shaping on the full model', () => {
  const sim = new FlightSimulator();
  const from = { latRad: 55 * DEG, lonRad: 90 * DEG, hM: 0 };
  const aimAt = (rangeKm: number, azDeg: number) => {
    const p = destination(new Float64Array(3), from.latRad, from.lonRad, azDeg * DEG, rangeKm * 1000);
    return { latRad: p[0]!, lonRad: p[1]! };
  };

  it('lands a 10,000 km minimum-energy solid ICBM within 1 km, in an ICBM flight time', () => {
    const shaped = shapeBallisticFlight(
      VEHICLES['icbm-solid'],
      from,
      aimAt(10_000, 30),
      { kind: 'min-energy' },
      0,
      sim,
    );
    expect(shaped.missM).toBeLessThan(1000);
    const f = shaped.flight;
    // DOMAIN.md §1.2: total ≈ boost + closed-form free flight + a small re-entry
    // correction. The free flight is computed here in closed form from the burnout
    // state (symmetric arc at the burnout radius, spherical Earth), independently of
    // the integrator; rotation and J2 move it by well under a minute.
    const r = Math.hypot(...f.burnout.r);
    const v = Math.hypot(...f.burnout.v);
    const gamma = inertialFlightPathAngle(f.burnout.r, f.burnout.v);
    const free = freeFlight(v, gamma, r, MU)!;
    const reentryS = f.end.t - f.burnout.t - free.freeFlightTimeS;
    expect(reentryS).toBeGreaterThan(0);
    expect(reentryS).toBeLessThan(150);
    // It is the minimum-energy path: the burnout angle is the MET angle for that arc.
    const met = minimumEnergyBurnout(free.rangeAngleRad, r, MU);
    expect(Math.abs(gamma - met.flightPathAngleRad)).toBeLessThan(1 * DEG);
    // §1.2 (t_ff 32.18 min at 10,000 km) plus a ≈3 min boost puts a 10,000 km MET
    // flight at about 35–37 min: the upper end of §8.1's "impact at T+30–35 min".
    expect(f.end.t / 60).toBeGreaterThan(30);
    expect(f.end.t / 60).toBeLessThan(38);
  });

  it('orders lofted, minimum-energy and depressed paths by apogee and flight time', () => {
    const aim = aimAt(6000, 120);
    const fly = (kind: 'lofted' | 'min-energy' | 'depressed') =>
      shapeBallisticFlight(VEHICLES['icbm-solid'], from, aim, { kind }, 0, sim);
    const lofted = fly('lofted');
    const met = fly('min-energy');
    const depressed = fly('depressed');
    for (const s of [lofted, met, depressed]) expect(s.missM).toBeLessThan(1000);
    const apogee = (s: typeof met) => altitudeKm(s.flight.apogee!.r);
    expect(apogee(lofted)).toBeGreaterThan(apogee(met));
    expect(apogee(met)).toBeGreaterThan(apogee(depressed));
    expect(lofted.flight.end.t).toBeGreaterThan(met.flight.end.t);
    expect(met.flight.end.t).toBeGreaterThan(depressed.flight.end.t);
  });

  it('reproduces a lofted test given its range and apogee (DOMAIN.md §1.3)', () => {
    const shaped = shapeBallisticFlight(
      VEHICLES['icbm-solid'],
      from,
      aimAt(950, 90),
      { kind: 'apogee', apogeeM: 2_800e3 },
      0,
      sim,
    );
    expect(shaped.missM).toBeLessThan(1000);
    expect(Math.abs(altitudeKm(shaped.flight.apogee!.r) - 2800)).toBeLessThan(30);
  });

  it('refuses an aim point beyond the class reach with the reach in the message', () => {
    expect(() =>
      shapeBallisticFlight(VEHICLES.srbm, from, aimAt(2000, 0), { kind: 'min-energy' }, 0, sim),
    ).toThrow(OutOfReachError);
    expect(() =>
      shapeBallisticFlight(VEHICLES.srbm, from, aimAt(2000, 0), { kind: 'min-energy' }, 0, sim),
    ).toThrow(/beyond the reach of class 'srbm' \(at most about \d+ km/);
  });
});

describe('space launch and sounding rocket', () => {
  it('puts an slv into a low orbit: circular speed, horizontal, perigee above the atmosphere', () => {
    const launch = { latRad: 45.9 * DEG, lonRad: 63.3 * DEG, hM: 0 };
    const shaped = shapeOrbitalForInclination(VEHICLES.slv, launch, 51.6 * DEG, 0);
    const { r, v } = shaped.flight.burnout;
    const rn = Math.hypot(...r);
    const vn = Math.hypot(...v);
    const a = 1 / (2 / rn - (vn * vn) / MU);
    const h = [r[1]! * v[2]! - r[2]! * v[1]!, r[2]! * v[0]! - r[0]! * v[2]!, r[0]! * v[1]! - r[1]! * v[0]!];
    const e = Math.sqrt(Math.max(0, 1 - Math.hypot(...h) ** 2 / (MU * a)));
    expect(a * (1 - e) - A).toBeGreaterThan(150_000);
    // Inclination from the angular momentum: 51.6° requested.
    expect(Math.acos(h[2]! / Math.hypot(...h)) / DEG).toBeCloseTo(51.6, 1);
    // DOMAIN.md §2: powered flight to orbit ≈ 8–10 min.
    expect(shaped.flight.burnout.t / 60).toBeGreaterThan(7);
    expect(shaped.flight.burnout.t / 60).toBeLessThan(11);
  });

  it('flies the Andøya sounding rocket near-vertically to about 1,500 km apogee in about 23 min (DOMAIN.md §2, §6.4)', () => {
    const sim = new FlightSimulator();
    const andoya = { latRad: 69.29 * DEG, lonRad: 16.02 * DEG, hM: 0 };
    const svalbard = destination(new Float64Array(3), andoya.latRad, andoya.lonRad, 0, 1000e3);
    const shaped = shapeBallisticFlight(
      VEHICLES['sounding-rocket'],
      andoya,
      { latRad: svalbard[0]!, lonRad: svalbard[1]! },
      { kind: 'lofted' },
      0,
      sim,
    );
    expect(shaped.missM).toBeLessThan(1000);
    const apogee = altitudeKm(shaped.flight.apogee!.r);
    expect(apogee).toBeGreaterThan(1300);
    expect(apogee).toBeLessThan(1650);
    expect(shaped.flight.end.t / 60).toBeGreaterThan(20);
    expect(shaped.flight.end.t / 60).toBeLessThan(26);
  });
});
