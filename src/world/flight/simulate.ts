// Simulates one launch on the full model: Earth rotation (integration in ECI, the pad
// moving with the Earth), staged powered flight with drag and a pitch programme, then
// ballistic coast with J2 and drag to the ground (or to a time limit in orbit). Each
// stage boundary is a phase boundary reached exactly; apogee and impact are located
// events on the dense output. Times are seconds after launch.
import { G0, MU_EARTH, OMEGA_EARTH } from '../../physics/constants.ts';
import { ecefToEci, ecefToGeodetic, enuBasis, geodeticToEcef } from '../../physics/frames.ts';
import { Dopri5, type EventSpec, integrateUntil, SampleGrid } from '../../physics/integrate/index.ts';
import type { StateSamples } from '../truth.ts';
import type { VehicleClassSpec } from '../vehicles.ts';
import { FlightDynamics } from './dynamics.ts';
import { type FlightProgram, makePitchProgram } from './program.ts';

export interface LaunchPoint {
  latRad: number;
  lonRad: number;
  hM: number;
}

export interface FlightState {
  /** Seconds after launch. */
  t: number;
  /** ECI position, m, and velocity, m/s. */
  r: Float64Array;
  v: Float64Array;
  massKg: number;
}

export interface StageSeparation {
  /** 1-based stage number. */
  stage: number;
  state: FlightState;
  /** Mass of what separates (dry stage plus unburned propellant), kg. */
  massKg: number;
}

export interface SimulatedFlight {
  /** Stage burnout/separation times, s after launch (one per stage that burned). */
  stageEndsS: number[];
  separations: StageSeparation[];
  /** State at the end of powered flight (payload separation). */
  burnout: FlightState;
  apogee: FlightState | null;
  /** Final state: the impact, or the state at the time limit. */
  end: FlightState;
  impacted: boolean;
  /** The flight ended on the ground before powered flight finished. */
  crashedDuringBoost: boolean;
  samples: StateSamples | null;
}

export interface SimulateOptions {
  /** Greenwich sidereal angle at launch, rad. */
  gmstAtLaunch: number;
  /** Give up (no impact) this long after launch, s. */
  maxFlightS: number;
  /** Record samples at this spacing, s (none when absent). */
  sampleEveryS?: number;
  /** Include drag (default true). */
  atmosphere?: boolean;
}

const RTOL = 1e-10;
const ATOL = Float64Array.of(1e-3, 1e-3, 1e-3, 1e-6, 1e-6, 1e-6, 1e-3);

function state(t: number, y: Float64Array): FlightState {
  return { t, r: y.slice(0, 3), v: y.slice(3, 6), massKg: y[6]! };
}

/** Grows typed sample buffers as a flight is sampled. */
class SampleRecorder {
  count = 0;
  position: Float64Array;
  velocity: Float64Array;
  t0 = 0;
  readonly dt: number;

  constructor(dt: number, capacity: number) {
    this.dt = dt;
    this.position = new Float64Array(3 * capacity);
    this.velocity = new Float64Array(3 * capacity);
  }

  readonly onSample = (t: number, y: Float64Array): void => {
    if (this.count === 0) this.t0 = t;
    if (3 * (this.count + 1) > this.position.length) {
      const grow = (a: Float64Array) => {
        const b = new Float64Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.position = grow(this.position);
      this.velocity = grow(this.velocity);
    }
    const i = 3 * this.count++;
    this.position[i] = y[0]!;
    this.position[i + 1] = y[1]!;
    this.position[i + 2] = y[2]!;
    this.velocity[i] = y[3]!;
    this.velocity[i + 1] = y[4]!;
    this.velocity[i + 2] = y[5]!;
  };

  /** Appends the final state (if it is not on the grid) and trims the buffers. */
  finish(end: FlightState): StateSamples {
    const lastT = this.t0 + (this.count - 1) * this.dt;
    if (this.count === 0 || end.t > lastT + 1e-9) {
      const y = new Float64Array(7);
      y.set(end.r, 0);
      y.set(end.v, 3);
      this.onSample(end.t, y);
    }
    return {
      t0: this.t0,
      dt: this.dt,
      count: this.count,
      tEnd: end.t,
      position: this.position.slice(0, 3 * this.count),
      velocity: this.velocity.slice(0, 3 * this.count),
    };
  }
}

/**
 * Reusable simulator: one integrator and one dynamics object serve many flights, so a
 * shaping loop that flies a launch many times allocates little.
 */
export class FlightSimulator {
  private readonly dynamics = new FlightDynamics();
  private readonly integrator = new Dopri5(7, { rtol: RTOL, atol: ATOL, hMax: 120 });
  private readonly geodetic = new Float64Array(3);
  private readonly events: EventSpec[];

  constructor() {
    const geodetic = this.geodetic;
    const apogee: EventSpec = {
      // Radial velocity r·v falls through zero at apogee.
      g: (_t, y) => y[0]! * y[3]! + y[1]! * y[4]! + y[2]! * y[5]!,
      direction: 'falling',
      terminal: false,
    };
    const impact: EventSpec = {
      // Height above the ellipsoid; invariant under rotation about z, so ECI will do.
      g: (_t, y) => ecefToGeodetic(geodetic, y)[2]!,
      direction: 'falling',
      terminal: true,
    };
    this.events = [apogee, impact];
  }

  /** Initial ECI state of a rocket standing on the pad at lift-off. */
  padState(launch: LaunchPoint, gmst: number, massKg: number): Float64Array {
    const ecef = geodeticToEcef(new Float64Array(3), launch.latRad, launch.lonRad, launch.hM);
    const r = ecefToEci(new Float64Array(3), ecef, gmst);
    const y = new Float64Array(7);
    y.set(r, 0);
    y[3] = -OMEGA_EARTH * r[1]!;
    y[4] = OMEGA_EARTH * r[0]!;
    y[5] = 0;
    y[6] = massKg;
    return y;
  }

  /** Unit normal of the steering plane for an inertial launch azimuth at the pad. */
  private setPlane(launch: LaunchPoint, gmst: number, azimuthRad: number): void {
    const east = new Float64Array(3);
    const north = new Float64Array(3);
    const up = new Float64Array(3);
    enuBasis(east, north, up, launch.latRad, launch.lonRad + gmst);
    const s = Math.sin(azimuthRad);
    const c = Math.cos(azimuthRad);
    const dx = s * east[0]! + c * north[0]!;
    const dy = s * east[1]! + c * north[1]!;
    const dz = s * east[2]! + c * north[2]!;
    // normal = up × downrange, so that normal × up = downrange.
    const n = this.dynamics.planeNormal;
    n[0] = up[1]! * dz - up[2]! * dy;
    n[1] = up[2]! * dx - up[0]! * dz;
    n[2] = up[0]! * dy - up[1]! * dx;
  }

  fly(
    vehicle: VehicleClassSpec,
    launch: LaunchPoint,
    program: FlightProgram,
    options: SimulateOptions,
  ): SimulatedFlight {
    const dyn = this.dynamics;
    const integ = this.integrator;
    dyn.atmosphere = options.atmosphere ?? true;
    const liftOff = vehicle.stages.reduce((m, s) => m + s.massKg, 0) + vehicle.payload.massKg;
    const stages = vehicle.stages;
    const fullEnd = stages.reduce((t, s) => t + s.burnTimeS, 0);
    const poweredEnd = Math.min(fullEnd, Math.max(0, program.cutoffS ?? fullEnd));
    dyn.program = makePitchProgram(program, vehicle.verticalRiseS, stages[0]!.burnTimeS, poweredEnd);
    this.setPlane(launch, options.gmstAtLaunch, program.azimuthRad);

    const grid = options.sampleEveryS ? new SampleGrid(options.sampleEveryS, 0) : undefined;
    const recorder = options.sampleEveryS
      ? new SampleRecorder(
          options.sampleEveryS,
          Math.ceil(Math.min(options.maxFlightS, 2500) / options.sampleEveryS) + 2,
        )
      : null;
    const onSample = recorder?.onSample;

    let y = this.padState(launch, options.gmstAtLaunch, liftOff);
    let t = 0;
    const stageEndsS: number[] = [];
    const separations: StageSeparation[] = [];
    let apogee: FlightState | null = null;
    const onEvent = (index: number, te: number, ye: Float64Array) => {
      if (index === 0 && apogee === null) apogee = state(te, ye);
    };

    // Powered flight, stage by stage, until the programme's cut-off (thrust
    // termination); stages that never fire leave with the last one that did.
    for (let k = 0; k < stages.length && t < poweredEnd; k++) {
      const st = stages[k]!;
      const massFlow = st.propellantKg / st.burnTimeS;
      const tStart = t;
      const tEnd = Math.min(tStart + st.burnTimeS, poweredEnd);
      dyn.setPowered(massFlow * st.ispS * G0, massFlow, st.areaM2);
      integ.reset(dyn.derivative, t, y);
      const res = integrateUntil(integ, { tEnd, grid, onSample, events: this.events, onEvent });
      t = res.t;
      y = res.y;
      if (res.event === 1) {
        const end = state(t, y);
        return {
          stageEndsS,
          separations,
          burnout: end,
          apogee,
          end,
          impacted: true,
          crashedDuringBoost: true,
          samples: recorder ? recorder.finish(end) : null,
        };
      }
      stageEndsS.push(t);
      let separatedMass = st.massKg - massFlow * (t - tStart);
      if (t >= poweredEnd) for (let j = k + 1; j < stages.length; j++) separatedMass += stages[j]!.massKg;
      const sepState = state(t, y);
      sepState.massKg = separatedMass;
      separations.push({ stage: k + 1, state: sepState, massKg: separatedMass });
      y[6] = y[6]! - separatedMass;
    }

    const burnout = state(t, y);
    dyn.setCoasting(vehicle.payload.betaKgM2);
    integ.reset(dyn.derivative, t, y);
    const res = integrateUntil(integ, {
      tEnd: options.maxFlightS,
      grid,
      onSample,
      events: this.events,
      onEvent,
    });
    const end = state(res.t, res.y);
    return {
      stageEndsS,
      separations,
      burnout,
      apogee,
      end,
      impacted: res.event === 1,
      crashedDuringBoost: false,
      samples: recorder ? recorder.finish(end) : null,
    };
  }

  /**
   * Ballistic flight of a separated body (spent stage, payload) from a state until it
   * hits the ground or `tEnd` (s after launch).
   */
  coast(
    from: FlightState,
    betaKgM2: number,
    tEnd: number,
    sampleEveryS?: number,
  ): { apogee: FlightState | null; end: FlightState; impacted: boolean; samples: StateSamples | null } {
    const dyn = this.dynamics;
    dyn.atmosphere = true;
    dyn.program = null;
    dyn.setCoasting(betaKgM2);
    const y = new Float64Array(7);
    y.set(from.r, 0);
    y.set(from.v, 3);
    y[6] = from.massKg;
    const grid = sampleEveryS
      ? new SampleGrid(sampleEveryS, Math.ceil(from.t / sampleEveryS) * sampleEveryS)
      : undefined;
    const recorder = sampleEveryS ? new SampleRecorder(sampleEveryS, 256) : null;
    let apogee: FlightState | null = null;
    // A body separating while still rising may pass apogee; one already falling has none.
    const onEvent = (index: number, te: number, ye: Float64Array) => {
      if (index === 0 && apogee === null) apogee = state(te, ye);
    };
    this.integrator.reset(dyn.derivative, from.t, y);
    if (recorder) recorder.onSample(from.t, y);
    const res = integrateUntil(this.integrator, {
      tEnd: Math.max(tEnd, from.t),
      grid,
      onSample: recorder?.onSample,
      events: this.events,
      onEvent,
    });
    const end = state(res.t, res.y);
    return { apogee, end, impacted: res.event === 1, samples: recorder ? recorder.finish(end) : null };
  }
}

/** Speed relative to the rotating Earth of an ECI state, m/s. */
export function earthRelativeSpeed(r: Float64Array, v: Float64Array): number {
  const rx = v[0]! + OMEGA_EARTH * r[1]!;
  const ry = v[1]! - OMEGA_EARTH * r[0]!;
  const rz = v[2]!;
  return Math.sqrt(rx * rx + ry * ry + rz * rz);
}

/** Flight-path angle of the Earth-relative velocity above the local horizontal, rad. */
export function earthRelativeFlightPathAngle(r: Float64Array, v: Float64Array): number {
  const rx = v[0]! + OMEGA_EARTH * r[1]!;
  const ry = v[1]! - OMEGA_EARTH * r[0]!;
  const rz = v[2]!;
  const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
  const radial = (rx * r[0]! + ry * r[1]! + rz * r[2]!) / rn;
  return Math.asin(Math.max(-1, Math.min(1, radial / Math.hypot(rx, ry, rz))));
}

/** Flight-path angle of the inertial velocity above the local horizontal, rad. */
export function inertialFlightPathAngle(r: Float64Array, v: Float64Array): number {
  const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
  const vn = Math.hypot(v[0]!, v[1]!, v[2]!);
  const radial = (r[0]! * v[0]! + r[1]! * v[1]! + r[2]! * v[2]!) / rn;
  return Math.asin(Math.max(-1, Math.min(1, radial / vn)));
}

/** Specific orbital energy of an ECI state, J/kg (negative when bound). */
export function specificEnergy(r: Float64Array, v: Float64Array): number {
  return 0.5 * (v[0]! ** 2 + v[1]! ** 2 + v[2]! ** 2) - MU_EARTH / Math.hypot(r[0]!, r[1]!, r[2]!);
}
