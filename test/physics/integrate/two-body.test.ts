// The integrators on the two-body problem, against oracles computed here from
// Kepler's equation (Bate, Mueller & White, Fundamentals of Astrodynamics, ch. 4) and
// the minimum-energy ballistic trajectory of DOMAIN.md §1.1, checked against the
// table of DOMAIN.md §1.2 (10,000 km: 32.18 min, apogee 1,319 km, 7.198 km/s, 22.52°).
import { describe, expect, it } from 'vitest';
import { Dopri5 } from '../../../src/physics/integrate/dopri5.ts';
import { integrateUntil } from '../../../src/physics/integrate/integrate-until.ts';
import type { Derivative, EventSpec } from '../../../src/physics/integrate/types.ts';

const MU = 398600.4418e9; // m³/s², DOMAIN.md §1.2
const EARTH_RADIUS = 6371.0e3; // m, DOMAIN.md §1.2

const twoBody: Derivative = (_t, y, dydt) => {
  const x = y[0]!;
  const yy = y[1]!;
  const z = y[2]!;
  const r2 = x * x + yy * yy + z * z;
  const k = -MU / (r2 * Math.sqrt(r2));
  dydt[0] = y[3]!;
  dydt[1] = y[4]!;
  dydt[2] = y[5]!;
  dydt[3] = k * x;
  dydt[4] = k * yy;
  dydt[5] = k * z;
};

// Per-component absolute tolerances: positions (m) and velocities (m/s).
const atol = Float64Array.of(1e-6, 1e-6, 1e-6, 1e-9, 1e-9, 1e-9);

interface Ellipse {
  a: number;
  e: number;
  inclination: number;
  raan: number;
  argPerigee: number;
}

/** ECI state at time t after perigee passage, from Kepler's equation solved by Newton. */
function keplerState(orbit: Ellipse, t: number): Float64Array {
  const { a, e, inclination: i, raan: O, argPerigee: w } = orbit;
  const n = Math.sqrt(MU / a ** 3);
  const M = n * t;
  let E = M + e * Math.sin(M);
  for (let k = 0; k < 50; k++) E -= (E - e * Math.sin(E) - M) / (1 - e * Math.cos(E));
  const b = a * Math.sqrt(1 - e * e);
  const denom = 1 - e * Math.cos(E);
  const px = a * (Math.cos(E) - e);
  const py = b * Math.sin(E);
  const vx = (-a * n * Math.sin(E)) / denom;
  const vy = (b * n * Math.cos(E)) / denom;
  // Perifocal unit vectors P (to perigee) and Q in ECI.
  const [cO, sO, cw, sw, ci, si] = [
    Math.cos(O),
    Math.sin(O),
    Math.cos(w),
    Math.sin(w),
    Math.cos(i),
    Math.sin(i),
  ];
  const P = [cO * cw - sO * sw * ci, sO * cw + cO * sw * ci, sw * si];
  const Q = [-cO * sw - sO * cw * ci, -sO * sw + cO * cw * ci, cw * si];
  return Float64Array.from([0, 1, 2, 3, 4, 5], (k) =>
    k < 3 ? px * P[k]! + py * Q[k]! : vx * P[k - 3]! + vy * Q[k - 3]!,
  );
}

function distance(a: Float64Array, b: Float64Array): number {
  return Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
}

function energy(y: Float64Array): number {
  return 0.5 * (y[3]! ** 2 + y[4]! ** 2 + y[5]! ** 2) - MU / Math.hypot(y[0]!, y[1]!, y[2]!);
}

function angularMomentum(y: Float64Array): number[] {
  return [y[1]! * y[5]! - y[2]! * y[4]!, y[2]! * y[3]! - y[0]! * y[5]!, y[0]! * y[4]! - y[1]! * y[3]!];
}

describe('an elliptical orbit with e = 0.6 over one period', () => {
  const orbit: Ellipse = { a: 20_000e3, e: 0.6, inclination: 1.1, raan: 0.7, argPerigee: 4.7 };
  const period = 2 * Math.PI * Math.sqrt(orbit.a ** 3 / MU);
  const y0 = keplerState(orbit, 0);

  it('at rtol 1e-10 lands exactly on each requested time within 1 m of the Kepler solution', () => {
    const integrator = new Dopri5(6, { rtol: 1e-10, atol });
    integrator.reset(twoBody, 0, y0);
    for (const t of [1, 2, 3, 4, 5, 6, 7].map((k) => (k * period) / 7)) {
      while (integrator.t < t) integrator.step(t);
      expect(integrator.t).toBe(t);
      expect(distance(integrator.y, keplerState(orbit, t))).toBeLessThan(1);
    }
  });

  // DOPRI5 does not conserve invariants by construction: their drift follows the local
  // error, a few times rtol at the perigee passage (about 4e-10 at rtol 1e-10), so the
  // 1e-10 bound is checked after every step at rtol 1e-11.
  it('at rtol 1e-11 conserves energy and angular momentum to 1e-10 relative after every step', () => {
    const integrator = new Dopri5(6, { rtol: 1e-11, atol });
    integrator.reset(twoBody, 0, y0);
    const h0 = angularMomentum(y0);
    let energyError = 0;
    let momentumError = 0;
    while (integrator.t < period) {
      integrator.step(period);
      energyError = Math.max(energyError, Math.abs(energy(integrator.y) / energy(y0) - 1));
      const h = angularMomentum(integrator.y);
      momentumError = Math.max(
        momentumError,
        Math.hypot(h[0]! - h0[0]!, h[1]! - h0[1]!, h[2]! - h0[2]!) / Math.hypot(...h0),
      );
    }
    expect(energyError).toBeLessThan(1e-10);
    expect(momentumError).toBeLessThan(1e-10);
  });
});

describe('the minimum-energy ballistic arc for a 10,000 km range (DOMAIN.md §1.1)', () => {
  // Closed form: burnout at the surface, symmetric free flight.
  const psi = 10_000e3 / EARTH_RADIUS;
  const Q = (2 * Math.sin(psi / 2)) / (1 + Math.sin(psi / 2));
  const speed = Math.sqrt((Q * MU) / EARTH_RADIUS);
  const flightPathAngle = (Math.PI - psi) / 4;
  const a = EARTH_RADIUS / (2 - Q);
  const e = Math.cos(psi / 2) / (1 + Math.sin(psi / 2));
  const apogeeAltitude = (EARTH_RADIUS * (1 + Math.sin(psi / 2) + Math.cos(psi / 2))) / 2 - EARTH_RADIUS;
  const nuBurnout = Math.PI - psi / 2;
  const eBurnout = Math.acos((e + Math.cos(nuBurnout)) / (1 + e * Math.cos(nuBurnout)));
  const flightTime = (2 * (Math.PI - eBurnout + e * Math.sin(eBurnout))) / Math.sqrt(MU / a ** 3);

  it('the closed-form oracle reproduces the DOMAIN.md §1.2 table row', () => {
    expect(speed / 1e3).toBeCloseTo(7.198, 3);
    expect((flightPathAngle * 180) / Math.PI).toBeCloseTo(22.52, 2);
    expect(Math.abs(apogeeAltitude / 1e3 - 1319)).toBeLessThan(1);
    expect(Math.abs(flightTime / 60 - 32.18)).toBeLessThan(0.01);
    expect(e).toBeCloseTo(0.4146, 4);
  });

  // Burnout on the x axis, flying in the x–y plane.
  const y0 = Float64Array.of(
    EARTH_RADIUS,
    0,
    0,
    speed * Math.sin(flightPathAngle),
    speed * Math.cos(flightPathAngle),
    0,
  );
  const altitude = (_t: number, y: Float64Array) => Math.hypot(y[0]!, y[1]!, y[2]!) - EARTH_RADIUS;
  const radialVelocity = (_t: number, y: Float64Array) => y[0]! * y[3]! + y[1]! * y[4]! + y[2]! * y[5]!;
  const events: EventSpec[] = [
    { g: radialVelocity, direction: 'falling', terminal: false },
    { g: altitude, direction: 'falling', terminal: true },
  ];
  const integrator = new Dopri5(6, { rtol: 1e-10, atol });
  integrator.reset(twoBody, 0, y0);
  let apogee = { t: Number.NaN, altitude: Number.NaN };
  const result = integrateUntil(integrator, {
    tEnd: 3 * 3600,
    events,
    onEvent: (index, t, y) => {
      if (index === 0) apogee = { t, altitude: altitude(t, y) };
    },
  });

  it('stops at ground impact', () => {
    expect(result.event).toBe(1);
  });

  it('flies for the closed-form free-flight time to within 1 ms', () => {
    expect(Math.abs(result.t - flightTime)).toBeLessThan(1e-3);
  });

  it('reaches the closed-form apogee altitude to within 10 m, halfway through the flight', () => {
    expect(Math.abs(apogee.altitude - apogeeAltitude)).toBeLessThan(10);
    expect(Math.abs(apogee.t - flightTime / 2)).toBeLessThan(1e-3);
  });

  it('lands 10,000 km down range, within 10 m', () => {
    const rangeAngle = Math.atan2(result.y[1]!, result.y[0]!);
    expect(Math.abs(rangeAngle * EARTH_RADIUS - 10_000e3)).toBeLessThan(10);
  });
});
