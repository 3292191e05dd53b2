// Shaping a space launch into orbit: the pitch programme's two knots and the cut-off
// time are chosen so that powered flight ends at the insertion altitude, flying
// horizontally (inertial flight-path angle 0) at circular speed. Newton's method on
// the three controls with a finite-difference Jacobian, from a generic start.

import { radialAltitude } from '../../physics/ballistic.ts';
import { MU_EARTH } from '../../physics/constants.ts';
import type { VehicleClassSpec } from '../vehicles.ts';
import type { FlightProgram } from './program.ts';
import {
  FlightSimulator,
  inertialFlightPathAngle,
  type LaunchPoint,
  type SimulatedFlight,
} from './simulate.ts';

export class OrbitUnreachableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OrbitUnreachableError';
  }
}

/** Default insertion altitude, m. */
export const INSERTION_ALTITUDE_M = 200_000;
const DEG = Math.PI / 180;

/**
 * Inertial launch azimuth that gives orbit inclination i from latitude φ:
 * sin A = cos i / cos φ (northbound branch). Null when |cos i| > cos φ (the inclination
 * is below the launch latitude and cannot be flown directly).
 */
export function azimuthForInclination(inclinationRad: number, latRad: number): number | null {
  const s = Math.cos(inclinationRad) / Math.cos(latRad);
  if (Math.abs(s) > 1) return null;
  const a = Math.asin(s);
  return a < 0 ? a + 2 * Math.PI : a;
}

export interface OrbitalShape {
  program: FlightProgram;
  flight: SimulatedFlight;
  /** Errors at insertion: altitude m, flight-path angle rad, speed m/s. */
  residual: [number, number, number];
}

function insertionResidual(f: SimulatedFlight, altitudeM: number): [number, number, number] {
  const { r, v } = f.burnout;
  const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
  const h = radialAltitude(r[0]!, r[1]!, r[2]!);
  const speed = Math.hypot(v[0]!, v[1]!, v[2]!);
  return [h - altitudeM, inertialFlightPathAngle(r, v), speed - Math.sqrt(MU_EARTH / rn)];
}

function solve3(j: number[][], b: number[]): number[] | null {
  const m = j.map((row, i) => [...row, b[i]!]);
  for (let c = 0; c < 3; c++) {
    let p = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-15) return null;
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      for (let k = c; k < 4; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return [m[0]![3]! / m[0]![0]!, m[1]![3]! / m[1]![1]!, m[2]![3]! / m[2]![2]!];
}

/** Inclination of the orbit an ECI state is on, rad. */
export function inclinationOf(r: Float64Array, v: Float64Array): number {
  const hx = r[1]! * v[2]! - r[2]! * v[1]!;
  const hy = r[2]! * v[0]! - r[0]! * v[2]!;
  const hz = r[0]! * v[1]! - r[1]! * v[0]!;
  return Math.acos(hz / Math.hypot(hx, hy, hz));
}

/**
 * Shapes an orbital launch for a target inclination: the Earth's rotation adds a
 * velocity out of the steering plane, so the closed-form azimuth is corrected by
 * Newton steps on the measured inclination (di/dA = −cos φ cos A / sin i).
 */
export function shapeOrbitalForInclination(
  vehicle: VehicleClassSpec,
  launch: LaunchPoint,
  inclinationRad: number,
  gmstAtLaunch: number,
  sim: FlightSimulator = new FlightSimulator(),
): OrbitalShape {
  let az = azimuthForInclination(inclinationRad, launch.latRad);
  if (az === null) {
    throw new OrbitUnreachableError(
      `an inclination of ${((inclinationRad * 180) / Math.PI).toFixed(1)}° is below the launch latitude and cannot be flown directly`,
    );
  }
  let shape = shapeOrbitalFlight(vehicle, launch, az, gmstAtLaunch, sim);
  for (let i = 0; i < 4; i++) {
    const err = inclinationOf(shape.flight.burnout.r, shape.flight.burnout.v) - inclinationRad;
    if (Math.abs(err) < 0.01 * DEG) break;
    const slope = (-Math.cos(launch.latRad) * Math.cos(az)) / Math.sin(inclinationRad);
    if (Math.abs(slope) < 1e-6) break;
    az -= err / slope;
    shape = shapeOrbitalFlight(vehicle, launch, az, gmstAtLaunch, sim);
  }
  return shape;
}

/** Finds the programme that inserts `vehicle` into a circular orbit on `azimuthRad`. */
export function shapeOrbitalFlight(
  vehicle: VehicleClassSpec,
  launch: LaunchPoint,
  azimuthRad: number,
  gmstAtLaunch: number,
  sim: FlightSimulator = new FlightSimulator(),
  altitudeM = INSERTION_ALTITUDE_M,
): OrbitalShape {
  const full = vehicle.stages.reduce((t, s) => t + s.burnTimeS, 0);
  const minCut = full - vehicle.stages[vehicle.stages.length - 1]!.burnTimeS;
  const scales = [1e5, 0.1, 1e3]; // residual scales: 100 km, 0.1 rad, 1 km/s
  const fly = (x: number[]) => {
    const program: FlightProgram = {
      azimuthRad,
      pitchFirstStageRad: x[0]!,
      pitchFinalRad: x[1]!,
      cutoffS: x[2]!,
    };
    const flight = sim.fly(vehicle, launch, program, { gmstAtLaunch, maxFlightS: x[2]! + 1 });
    return { program, flight, res: insertionResidual(flight, altitudeM) };
  };
  const norm = (r: number[]) => Math.hypot(...r.map((v, i) => v / scales[i]!));
  let x = [35 * DEG, -5 * DEG, full - 0.3 * (full - minCut)];
  let cur = fly(x);
  const steps = [1e-3, 1e-3, 0.5];
  for (let iter = 0; iter < 25; iter++) {
    if (Math.abs(cur.res[0]) < 2_000 && Math.abs(cur.res[1]) < 2e-3 && Math.abs(cur.res[2]) < 5) break;
    const jac: number[][] = [[], [], []];
    for (let k = 0; k < 3; k++) {
      const xp = [...x];
      xp[k]! += steps[k]!;
      const rp = fly(xp).res;
      for (let i = 0; i < 3; i++) jac[i]![k] = (rp[i]! - cur.res[i]!) / steps[k]!;
    }
    const dx = solve3(
      jac,
      cur.res.map((v) => -v),
    );
    if (!dx) break;
    // Damped step: halve until the scaled residual falls.
    let lambda = 1;
    let next = cur;
    let xn = x;
    for (let h = 0; h < 8; h++) {
      xn = [
        x[0]! + lambda * dx[0]!,
        x[1]! + lambda * dx[1]!,
        Math.min(full, Math.max(minCut, x[2]! + lambda * dx[2]!)),
      ];
      next = fly(xn);
      if (!next.flight.crashedDuringBoost && norm(next.res) < norm(cur.res)) break;
      lambda /= 2;
    }
    if (norm(next.res) >= norm(cur.res)) break;
    x = xn;
    cur = next;
  }
  const [dh, dg, dv] = cur.res;
  if (!(Math.abs(dh) < 10_000 && Math.abs(dg) < 0.01 && Math.abs(dv) < 50)) {
    throw new OrbitUnreachableError(
      `class '${vehicle.id}' cannot reach a ${Math.round(altitudeM / 1000)} km circular orbit on this azimuth`,
    );
  }
  return { program: cur.program, flight: cur.flight, residual: cur.res };
}
