// The textbook case (DOMAIN.md §1.1–1.2): a spherical, non-rotating, airless Earth of
// radius R = 6371.0 km and μ = 398600.4418 km³/s², burnout at the surface. The
// closed-form minimum-energy trajectory, and the same flight integrated numerically
// as an independent check of both.

import { Dopri5, type EventSpec, integrateUntil } from '../../physics/integrate/index.ts';
import { minimumEnergyBurnout } from '../../physics/kepler.ts';

export const IDEAL_MU = 398600.4418e9;
export const IDEAL_RADIUS_M = 6371.0e3;

export interface IdealFlight {
  rangeM: number;
  freeFlightTimeS: number;
  apogeeAltitudeM: number;
  burnoutSpeedMps: number;
  burnoutAngleRad: number;
}

/** Closed-form minimum-energy trajectory for a ground range on the ideal Earth. */
export function idealMinimumEnergy(rangeM: number): IdealFlight {
  const psi = rangeM / IDEAL_RADIUS_M;
  const met = minimumEnergyBurnout(psi, IDEAL_RADIUS_M, IDEAL_MU);
  return {
    rangeM,
    freeFlightTimeS: met.freeFlightTimeS,
    apogeeAltitudeM: met.apogeeRadiusM - IDEAL_RADIUS_M,
    burnoutSpeedMps: met.speedMps,
    burnoutAngleRad: met.flightPathAngleRad,
  };
}

/**
 * Integrates point-mass two-body motion from the surface with the given speed and
 * flight-path angle (in the x–z plane) until the surface is reached again; returns the
 * measured range, flight time and apogee.
 */
export function integrateIdealFlight(speedMps: number, angleRad: number): IdealFlight {
  const derivative = (_t: number, y: Float64Array, dydt: Float64Array) => {
    const r2 = y[0]! * y[0]! + y[1]! * y[1]! + y[2]! * y[2]!;
    const k = -IDEAL_MU / (r2 * Math.sqrt(r2));
    dydt[0] = y[3]!;
    dydt[1] = y[4]!;
    dydt[2] = y[5]!;
    dydt[3] = k * y[0]!;
    dydt[4] = k * y[1]!;
    dydt[5] = k * y[2]!;
  };
  const integrator = new Dopri5(6, { rtol: 1e-12, atol: 1e-9 });
  const y0 = Float64Array.of(
    IDEAL_RADIUS_M,
    0,
    0,
    speedMps * Math.sin(angleRad),
    0,
    speedMps * Math.cos(angleRad),
  );
  let apogeeR = IDEAL_RADIUS_M;
  const events: EventSpec[] = [
    { g: (_t, y) => y[0]! * y[3]! + y[1]! * y[4]! + y[2]! * y[5]!, direction: 'falling', terminal: false },
    { g: (_t, y) => Math.hypot(y[0]!, y[1]!, y[2]!) - IDEAL_RADIUS_M, direction: 'falling', terminal: true },
  ];
  integrator.reset(derivative, 0, y0);
  const end = integrateUntil(integrator, {
    tEnd: 6 * 3600,
    events,
    onEvent: (i, _t, y) => {
      if (i === 0) apogeeR = Math.hypot(y[0]!, y[1]!, y[2]!);
    },
  });
  const range = Math.atan2(end.y[2]!, end.y[0]!);
  return {
    rangeM: (range < 0 ? range + 2 * Math.PI : range) * IDEAL_RADIUS_M,
    freeFlightTimeS: end.t,
    apogeeAltitudeM: apogeeR - IDEAL_RADIUS_M,
    burnoutSpeedMps: speedMps,
    burnoutAngleRad: angleRad,
  };
}
