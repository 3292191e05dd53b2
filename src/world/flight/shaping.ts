// Trajectory shaping: find the flight programme that lands a launch on its aim point
// on the full model (rotation, drag, J2), or puts a space launch into orbit. Start
// from the closed forms of DOMAIN.md §1.1 (minimum-energy angle, the two angles for a
// given energy, the speed and angle for a given apogee) mapped onto the programme's
// controls, then correct by shooting on the real flight: secant steps on the range
// control and direct azimuth corrections, until the miss is under SHOOT_TOLERANCE_M.
import { MU_EARTH, OMEGA_EARTH, R_EARTH_MEAN } from '../../physics/constants.ts';
import { ecefToGeodetic } from '../../physics/frames.ts';
import { greatCircleDistance, initialAzimuth } from '../../physics/geodesy.ts';
import { flightPathAnglesForRange, minimumEnergyBurnout } from '../../physics/kepler.ts';
import type { VehicleClassSpec } from '../vehicles.ts';
import type { FlightProgram } from './program.ts';
import {
  FlightSimulator,
  inertialFlightPathAngle,
  type LaunchPoint,
  type SimulatedFlight,
} from './simulate.ts';

/**
 * Trajectory profile. `min-energy`: the closed-form minimum-energy burnout angle, energy
 * cut to the range. `lofted`: full energy on the high of the two angles that reach the
 * range (test flights kept short, DOMAIN.md §1.3). `depressed`: half the minimum-energy
 * angle, energy cut to the range (flatter and faster, §1.5). `apogee`: the path through
 * a given apogee altitude (reconstructing a lofted test from its range and apogee).
 */
export type Profile =
  | { kind: 'min-energy' }
  | { kind: 'lofted' }
  | { kind: 'depressed' }
  | { kind: 'apogee'; apogeeM: number };

/** The aim point cannot be reached by the class on the requested profile. */
export class OutOfReachError extends Error {
  readonly reason: string;
  constructor(reason: string) {
    super(reason);
    this.name = 'OutOfReachError';
    this.reason = reason;
  }
}

export interface ShapedFlight {
  program: FlightProgram;
  flight: SimulatedFlight;
  /** Great-circle distance from impact to aim, m. */
  missM: number;
  /** Flights simulated to find the programme. */
  iterations: number;
}

/** Miss distance the shooting loop stops at, m (the contract is 1 km). */
export const SHOOT_TOLERANCE_M = 100;
const MAX_ITERATIONS = 40;
const MAX_APOGEE_ITERATIONS = 200;
const MAX_AZIMUTH_STEP = (10 * Math.PI) / 180;
const DEG = Math.PI / 180;
/** First-stage pitch as a fraction of the way from the final pitch back to vertical. */
const FIRST_STAGE_FRACTION = 0.2;
/** Bounds of the final pitch the shaping may choose, rad. */
const PITCH_MIN = -20 * DEG;
const PITCH_MAX = 88 * DEG;
/** Flights that have not come down within this long after launch are failures, s. */
const MAX_BALLISTIC_FLIGHT_S = 3 * 3600;

export interface ImpactPoint {
  latRad: number;
  lonRad: number;
}

const geodeticScratch = new Float64Array(3);

/** Geodetic point under an ECI position at time t (s after launch). */
export function subPoint(r: Float64Array, tS: number, gmstAtLaunch: number): ImpactPoint {
  const g = ecefToGeodetic(geodeticScratch, r);
  let lon = g[1]! - gmstAtLaunch - OMEGA_EARTH * tS;
  lon = Math.atan2(Math.sin(lon), Math.cos(lon));
  return { latRad: g[0]!, lonRad: lon };
}

function wrapPi(a: number): number {
  return Math.atan2(Math.sin(a), Math.cos(a));
}

export function programWith(azimuthRad: number, pitchFinalRad: number, cutoffS?: number): FlightProgram {
  return {
    azimuthRad,
    pitchFinalRad,
    pitchFirstStageRad: pitchFinalRad + FIRST_STAGE_FRACTION * (Math.PI / 2 - pitchFinalRad),
    ...(cutoffS === undefined ? {} : { cutoffS }),
  };
}

/**
 * Range of powered-flight end times the energy control may choose, s after launch:
 * from the end of the first stage to the end of the last (thrust termination).
 */
function cutoffWindow(v: VehicleClassSpec): [number, number] {
  const full = v.stages.reduce((t, s) => t + s.burnTimeS, 0);
  return [v.stages.length > 1 ? v.stages[0]!.burnTimeS : 0.4 * full, full];
}

/**
 * Turns the launch azimuth by the angle between the aim and the last impact as seen from
 * the launch point. Short shots (nearly vertical) say little about the bearing, so they
 * leave it alone, and one correction is limited to MAX_AZIMUTH_STEP.
 */
function correctAzimuth(az: number, shot: Shot, targetRangeM: number, targetAzimuth: number): number {
  if (!(shot.rangeM > 0.25 * targetRangeM) || !Number.isFinite(shot.rangeM)) return az;
  const step = wrapPi(targetAzimuth - shot.azimuthRad);
  return wrapPi(az + Math.max(-MAX_AZIMUTH_STEP, Math.min(MAX_AZIMUTH_STEP, step)));
}

/** A second secant start point `step` away from x0, inside [lo, hi]. */
function secondPoint(x0: number, step: number, lo: number, hi: number): number {
  return x0 + step <= hi ? x0 + step : Math.max(lo, x0 - step);
}

interface Shot {
  program: FlightProgram;
  flight: SimulatedFlight;
  rangeM: number;
  azimuthRad: number;
  missM: number;
}

class Shooter {
  iterations = 0;
  private readonly sim: FlightSimulator;
  private readonly vehicle: VehicleClassSpec;
  private readonly launch: LaunchPoint;
  private readonly aim: ImpactPoint;
  private readonly gmst: number;
  private readonly targetAzimuth: number;

  constructor(
    sim: FlightSimulator,
    vehicle: VehicleClassSpec,
    launch: LaunchPoint,
    aim: ImpactPoint,
    gmst: number,
  ) {
    this.targetAzimuth = initialAzimuth(launch.latRad, launch.lonRad, aim.latRad, aim.lonRad);
    this.sim = sim;
    this.vehicle = vehicle;
    this.launch = launch;
    this.aim = aim;
    this.gmst = gmst;
  }

  shoot(program: FlightProgram): Shot {
    this.iterations++;
    const flight = this.sim.fly(this.vehicle, this.launch, program, {
      gmstAtLaunch: this.gmst,
      maxFlightS: MAX_BALLISTIC_FLIGHT_S,
    });
    const p = subPoint(flight.end.r, flight.end.t, this.gmst);
    const { latRad, lonRad } = this.launch;
    const distanceM = greatCircleDistance(latRad, lonRad, p.latRad, p.lonRad);
    const azimuthRad = initialAzimuth(latRad, lonRad, p.latRad, p.lonRad);
    return {
      program,
      flight,
      // Signed: an impact behind the launch point (a near-vertical shot carried west
      // by the Earth's rotation) counts as negative range.
      rangeM: flight.impacted
        ? distanceM * Math.cos(azimuthRad - this.targetAzimuth)
        : Number.POSITIVE_INFINITY,
      azimuthRad,
      missM: flight.impacted
        ? greatCircleDistance(p.latRad, p.lonRad, this.aim.latRad, this.aim.lonRad)
        : Number.POSITIVE_INFINITY,
    };
  }
}

/** Central angle between burnout and launch positions (the boost's share of the range), rad. */
function boostRangeAngle(flight: SimulatedFlight, launch: LaunchPoint, gmst: number): number {
  const p = subPoint(flight.burnout.r, flight.burnout.t, gmst);
  return greatCircleDistance(launch.latRad, launch.lonRad, p.latRad, p.lonRad) / R_EARTH_MEAN;
}

/**
 * Solves control x so that range(x) = target by secant steps, correcting the azimuth
 * at every shot. `make(x, az)` builds the programme; x stays in [lo, hi].
 */
function secantOnRange(
  shooter: Shooter,
  targetRangeM: number,
  targetAzimuth: number,
  make: (x: number, az: number) => FlightProgram,
  x0: number,
  x1: number,
  lo: number,
  hi: number,
): Shot | null {
  let az = targetAzimuth;
  let xa = x0;
  let sa = shooter.shoot(make(xa, az));
  let xb = x1;
  az = correctAzimuth(az, sa, targetRangeM, targetAzimuth);
  let sb = shooter.shoot(make(xb, az));
  let best = sa.missM < sb.missM ? sa : sb;
  const limit = shooter.iterations + MAX_ITERATIONS;
  while (shooter.iterations < limit && best.missM > SHOOT_TOLERANCE_M) {
    if (!Number.isFinite(sb.rangeM) || !Number.isFinite(sa.rangeM)) return null;
    az = correctAzimuth(az, sb, targetRangeM, targetAzimuth);
    const fa = sa.rangeM - targetRangeM;
    const fb = sb.rangeM - targetRangeM;
    let xn = fb === fa ? xb + 1e-3 : xb - (fb * (xb - xa)) / (fb - fa);
    xn = Math.min(hi, Math.max(lo, xn));
    if (xn === xb) {
      // Pinned at a bound with the range still off: the target is beyond reach this way.
      const sn = shooter.shoot(make(xn, az));
      if (sn.missM < best.missM) best = sn;
      if (Math.abs(sn.rangeM - targetRangeM) > SHOOT_TOLERANCE_M)
        return best.missM <= SHOOT_TOLERANCE_M ? best : null;
    }
    xa = xb;
    sa = sb;
    xb = xn;
    sb = shooter.shoot(make(xb, az));
    if (sb.missM < best.missM) best = sb;
  }
  return best.missM <= SHOOT_TOLERANCE_M ? best : null;
}

/**
 * Apogee-constrained shaping (a lofted test given its range and apogee, DOMAIN.md §1.3).
 * Along the family of programmes that reach the range — pitch fixed, cut-off solved —
 * the apogee rises with the pitch, so the pitch is found by regula falsi (Illinois) on
 * the apogee error. A pitch too steep or too flat to reach the range at all counts as
 * an apogee error of the sign that moves the search back towards the reachable band.
 */
function shapeForApogee(
  shooter: Shooter,
  apogeeM: number,
  targetRangeM: number,
  targetAz: number,
  metPitch: number,
  firstEnd: number,
  fullEnd: number,
): Shot | null {
  const tolerance = Math.max(2_000, 0.005 * apogeeM);
  const evaluate = (pitch: number): { shot: Shot | null; err: number } => {
    const make = (cut: number, az: number) => programWith(az, pitch, cut);
    const shot = secantOnRange(
      shooter,
      targetRangeM,
      targetAz,
      make,
      fullEnd,
      (firstEnd + fullEnd) / 2,
      firstEnd,
      fullEnd,
    );
    if (!shot?.flight.apogee) return { shot: null, err: pitch > metPitch ? 1e9 : -1e9 };
    const a = shot.flight.apogee.r;
    return { shot, err: Math.hypot(a[0]!, a[1]!, a[2]!) - R_EARTH_MEAN - apogeeM };
  };
  let lo = PITCH_MIN;
  let hi = PITCH_MAX;
  let flo = -1e9;
  let fhi = 1e9;
  let side = 0;
  let pitch = metPitch;
  for (let i = 0; i < 30 && shooter.iterations < MAX_APOGEE_ITERATIONS; i++) {
    const { shot, err } = evaluate(pitch);
    if (shot && Math.abs(err) < tolerance) return shot;
    if (err > 0) {
      hi = pitch;
      fhi = err;
      if (side === 1) flo /= 2;
      side = 1;
    } else {
      lo = pitch;
      flo = err;
      if (side === -1) fhi /= 2;
      side = -1;
    }
    const finite = Math.abs(flo) < 1e8 && Math.abs(fhi) < 1e8;
    pitch = finite ? (lo * fhi - hi * flo) / (fhi - flo) : (lo + hi) / 2;
    if (hi - lo < 1e-5) break;
  }
  return null;
}

/**
 * The robust fallback of secantOnRange: scans the control over [lo, hi], takes the
 * sign change of the range error nearest `guess`, and closes it by regula falsi
 * (Illinois), correcting the azimuth at every shot.
 */
function bracketOnRange(
  shooter: Shooter,
  targetRangeM: number,
  targetAzimuth: number,
  make: (x: number, az: number) => FlightProgram,
  lo: number,
  hi: number,
  guess: number,
): Shot | null {
  const n = 12;
  const xs: number[] = [];
  const fs: number[] = [];
  for (let i = 0; i <= n; i++) {
    const x = lo + ((hi - lo) * i) / n;
    xs.push(x);
    fs.push(shooter.shoot(make(x, targetAzimuth)).rangeM - targetRangeM);
  }
  let pick = -1;
  for (let i = 0; i < n; i++) {
    const a = fs[i]!;
    const b = fs[i + 1]!;
    if (!Number.isFinite(a) || !Number.isFinite(b) || Math.sign(a) === Math.sign(b)) continue;
    if (pick < 0 || Math.abs(xs[i]! - guess) < Math.abs(xs[pick]! - guess)) pick = i;
  }
  if (pick < 0) return null;
  let xa = xs[pick]!;
  let fa = fs[pick]!;
  let xb = xs[pick + 1]!;
  let fb = fs[pick + 1]!;
  let az = targetAzimuth;
  let best: Shot | null = null;
  let side = 0;
  const limit = shooter.iterations + MAX_ITERATIONS;
  while (shooter.iterations < limit) {
    const x = (xa * fb - xb * fa) / (fb - fa);
    const shot = shooter.shoot(make(x, az));
    if (!best || shot.missM < best.missM) best = shot;
    if (shot.missM <= SHOOT_TOLERANCE_M) return shot;
    az = correctAzimuth(az, shot, targetRangeM, targetAzimuth);
    const f = shot.rangeM - targetRangeM;
    if (!Number.isFinite(f)) return null;
    if (Math.sign(f) === Math.sign(fb)) {
      xb = x;
      fb = f;
      if (side === 1) fa /= 2;
      side = 1;
    } else {
      xa = x;
      fa = f;
      if (side === -1) fb /= 2;
      side = -1;
    }
  }
  return best && best.missM <= SHOOT_TOLERANCE_M ? best : null;
}

/** Greatest range over the final pitch at full energy (golden-section search), m. */
function maximumRange(shooter: Shooter, azimuth: number): { rangeM: number; pitchRad: number } {
  const phi = (Math.sqrt(5) - 1) / 2;
  let a = 0 * DEG;
  let b = 60 * DEG;
  const range = (p: number) => {
    const r = shooter.shoot(programWith(azimuth, p)).rangeM;
    return Number.isFinite(r) ? r : 0;
  };
  let c = b - phi * (b - a);
  let d = a + phi * (b - a);
  let fc = range(c);
  let fd = range(d);
  for (let i = 0; i < 14; i++) {
    if (fc > fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - phi * (b - a);
      fc = range(c);
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + phi * (b - a);
      fd = range(d);
    }
  }
  return fc > fd ? { rangeM: fc, pitchRad: c } : { rangeM: fd, pitchRad: d };
}

function outOfReach(
  vehicle: VehicleClassSpec,
  shooter: Shooter,
  azimuth: number,
  targetRangeM: number,
  how: string,
): never {
  const max = maximumRange(shooter, azimuth);
  const maxKm = Math.round(max.rangeM / 1000);
  const wantKm = Math.round(targetRangeM / 1000);
  if (max.rangeM < targetRangeM) {
    throw new OutOfReachError(
      `aim point is ${wantKm} km away, beyond the reach of class '${vehicle.id}' (at most about ${maxKm} km on this bearing)`,
    );
  }
  throw new OutOfReachError(`aim point at ${wantKm} km cannot be reached by class '${vehicle.id}' on ${how}`);
}

/**
 * Finds the programme landing `vehicle` from `launch` on `aim` with the given profile.
 * Throws OutOfReachError when it cannot.
 */
export function shapeBallisticFlight(
  vehicle: VehicleClassSpec,
  launch: LaunchPoint,
  aim: ImpactPoint,
  profile: Profile,
  gmstAtLaunch: number,
  sim: FlightSimulator = new FlightSimulator(),
): ShapedFlight {
  const shooter = new Shooter(sim, vehicle, launch, aim, gmstAtLaunch);
  const targetRangeM = greatCircleDistance(launch.latRad, launch.lonRad, aim.latRad, aim.lonRad);
  const targetAz = initialAzimuth(launch.latRad, launch.lonRad, aim.latRad, aim.lonRad);
  if (targetRangeM < 20_000) throw new OutOfReachError('aim point is less than 20 km from the launch point');
  const [firstEnd, fullEnd] = cutoffWindow(vehicle);

  // Two full-energy reference flights fix the burnout radius and speed, the boost's
  // share of the range, and how the burnout flight-path angle follows the final pitch;
  // from these the closed forms give the free-flight targets.
  const refPitchA = 15 * DEG;
  const refPitchB = 30 * DEG;
  const refA = shooter.shoot(programWith(targetAz, refPitchA));
  const refB = shooter.shoot(programWith(targetAz, refPitchB));
  const bo = refA.flight.burnout;
  const r = Math.hypot(bo.r[0]!, bo.r[1]!, bo.r[2]!);
  const vb = Math.hypot(bo.v[0]!, bo.v[1]!, bo.v[2]!);
  const gammaA = inertialFlightPathAngle(bo.r, bo.v);
  const gammaB = inertialFlightPathAngle(refB.flight.burnout.r, refB.flight.burnout.v);
  const slope = Math.max(0.2, (gammaB - gammaA) / (refPitchB - refPitchA));
  const psiTotal = targetRangeM / R_EARTH_MEAN;
  // Free flight excludes the boost and the similar descent below burnout altitude.
  const psiFree = Math.max(0.5 * psiTotal, psiTotal - 2 * boostRangeAngle(refA.flight, launch, gmstAtLaunch));
  const pitchFor = (gamma: number) =>
    Math.min(PITCH_MAX, Math.max(PITCH_MIN, refPitchA + (gamma - gammaA) / slope));
  let shot: Shot | null;
  switch (profile.kind) {
    case 'min-energy':
    case 'depressed': {
      // Minimum energy: the closed-form MET burnout angle. Depressed: half that angle
      // (a flatter, faster path that needs more energy). Either way the last stages'
      // burn is the energy control: solve the cut-off time for range.
      const met = minimumEnergyBurnout(psiFree, r, MU_EARTH);
      const gamma = profile.kind === 'min-energy' ? met.flightPathAngleRad : met.flightPathAngleRad / 2;
      const pitch = pitchFor(gamma);
      const make = (cut: number, az: number) => programWith(az, pitch, cut);
      const guess = firstEnd + (fullEnd - firstEnd) * Math.min(1, Math.max(0.1, (met.speedMps / vb) ** 2));
      shot =
        secantOnRange(shooter, targetRangeM, targetAz, make, fullEnd, guess, firstEnd, fullEnd) ??
        bracketOnRange(shooter, targetRangeM, targetAz, make, firstEnd, fullEnd, guess);
      if (!shot) {
        const hint =
          profile.kind === 'min-energy' ? 'a minimum-energy path (try profile: lofted)' : 'a depressed path';
        outOfReach(vehicle, shooter, targetAz, targetRangeM, hint);
      }
      break;
    }
    case 'lofted': {
      // Full energy on the high branch of the two angles that reach the range (§1.1).
      const q = (vb * vb * r) / MU_EARTH;
      const angles = flightPathAnglesForRange(q, psiFree);
      const met = minimumEnergyBurnout(psiFree, r, MU_EARTH).flightPathAngleRad;
      const lo = pitchFor(met);
      const hi = PITCH_MAX;
      const x0 = Math.min(hi, Math.max(lo, pitchFor(angles ? angles[1] : met)));
      const make = (pitch: number, az: number) => programWith(az, pitch);
      shot =
        secantOnRange(shooter, targetRangeM, targetAz, make, x0, secondPoint(x0, 2 * DEG, lo, hi), lo, hi) ??
        bracketOnRange(shooter, targetRangeM, targetAz, make, lo, hi, x0);
      if (!shot) outOfReach(vehicle, shooter, targetAz, targetRangeM, 'a lofted full-energy path');
      break;
    }
    case 'apogee': {
      shot = shapeForApogee(
        shooter,
        profile.apogeeM,
        targetRangeM,
        targetAz,
        pitchFor(minimumEnergyBurnout(psiFree, r, MU_EARTH).flightPathAngleRad),
        firstEnd,
        fullEnd,
      );
      if (!shot)
        outOfReach(
          vehicle,
          shooter,
          targetAz,
          targetRangeM,
          `a path with an apogee of ${Math.round(profile.apogeeM / 1000)} km`,
        );
      break;
    }
  }
  return { program: shot.program, flight: shot.flight, missM: shot.missM, iterations: shooter.iterations };
}

/** Final pitch of a sounding rocket fired on an azimuth: steep, as Andøya's northward shots (DOMAIN.md §6.4). */
const SOUNDING_PITCH_RAD = 76 * DEG;

/**
 * Programme of a sounding rocket fired on an azimuth: a fixed steep pitch, full energy,
 * or — when an apogee is asked for — the cut-off that reaches it (secant on apogee).
 */
export function shapeSoundingFlight(
  vehicle: VehicleClassSpec,
  launch: LaunchPoint,
  azimuthRad: number,
  apogeeM: number | null,
  gmstAtLaunch: number,
  sim: FlightSimulator = new FlightSimulator(),
): FlightProgram {
  if (apogeeM === null) return programWith(azimuthRad, SOUNDING_PITCH_RAD);
  const [firstEnd, fullEnd] = cutoffWindow(vehicle);
  const apogeeOf = (cut: number) => {
    const f = sim.fly(vehicle, launch, programWith(azimuthRad, SOUNDING_PITCH_RAD, cut), {
      gmstAtLaunch,
      maxFlightS: MAX_BALLISTIC_FLIGHT_S,
    });
    const a = f.apogee?.r;
    return a ? Math.hypot(a[0]!, a[1]!, a[2]!) - R_EARTH_MEAN - apogeeM : -apogeeM;
  };
  let xa = fullEnd;
  let fa = apogeeOf(xa);
  if (fa < 0) {
    throw new OutOfReachError(
      `class '${vehicle.id}' reaches at most about ${Math.round((fa + apogeeM) / 1000)} km apogee on this path`,
    );
  }
  let xb = (firstEnd + fullEnd) / 2;
  let fb = apogeeOf(xb);
  for (let i = 0; i < 30 && Math.abs(fb) > 1_000; i++) {
    const xn = Math.min(
      fullEnd,
      Math.max(firstEnd, fb === fa ? xb + 0.1 : xb - (fb * (xb - xa)) / (fb - fa)),
    );
    xa = xb;
    fa = fb;
    xb = xn;
    fb = apogeeOf(xb);
  }
  if (Math.abs(fb) > 5_000)
    throw new OutOfReachError(`class '${vehicle.id}' cannot be cut off to reach this apogee`);
  return programWith(azimuthRad, SOUNDING_PITCH_RAD, xb);
}
