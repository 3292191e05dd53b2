// Turns a scenario's launches into ground truth: each launch is shaped (aim point,
// profile or orbit), flown on the full model with 1 s samples, and broken into the
// bodies a sensor would see — the head of the stack (the RV or payload, carrying the
// whole stack while it burns) and each spent stage from its separation to the ground.

import { gmstAt } from '../orbits/sidereal.ts';
import { ecefToGeodetic } from '../physics/frames.ts';
import { InputError, type InputProblem } from '../scenario/input-error.ts';
import { scenarioProblem } from '../scenario/locate.ts';
import type { LaunchSpec, Scenario } from '../scenario/scenario.ts';
import { OrbitUnreachableError, shapeOrbitalFlight, shapeOrbitalForInclination } from './flight/orbital.ts';
import type { FlightProgram } from './flight/program.ts';
import {
  OutOfReachError,
  type Profile,
  shapeBallisticFlight,
  shapeSoundingFlight,
  subPoint,
} from './flight/shaping.ts';
import {
  earthRelativeSpeed,
  FlightSimulator,
  type FlightState,
  type LaunchPoint,
  type SimulatedFlight,
} from './flight/simulate.ts';
import type { BurnInterval, LaunchSummary, Milestone, MilestoneKind, Truth, TruthObject } from './truth.ts';
import { VEHICLES, type VehicleClassSpec } from './vehicles.ts';

/** Truth samples are 1 s apart (DESIGN.md: sampled at 1 s). */
export const SAMPLE_EVERY_S = 1;
/** Ballistic bodies are followed at most this long after launch, s. */
const MAX_BALLISTIC_S = 3 * 3600;
/** Separation speed of a spent stage, backwards along the velocity, m/s. */
const SEPARATION_DV_MPS = 2;
const RAD = 180 / Math.PI;

export interface GenerateOptions {
  /** Follow bodies to the ground even after the scenario ends (default true). */
  followToGround?: boolean;
  /** Called after each launch event is flown, with (events done, launch events). */
  onProgress?: (done: number, total: number) => void;
}

function profileOf(l: LaunchSpec): Profile {
  if (l.apogeeM !== null) return { kind: 'apogee', apogeeM: l.apogeeM };
  return { kind: l.profile ?? 'min-energy' };
}

/**
 * Shapes one launch (before any time offset: the physics is invariant under rotation
 * about the polar axis, so a programme found for one launch time serves every time).
 */
function shapeLaunch(
  l: LaunchSpec,
  vehicle: VehicleClassSpec,
  launch: LaunchPoint,
  sim: FlightSimulator,
): FlightProgram {
  const aim = l.aim;
  if (vehicle.mission === 'orbital') {
    if (aim.kind === 'inclination')
      return shapeOrbitalForInclination(vehicle, launch, aim.inclinationRad, 0, sim).program;
    if (aim.kind === 'azimuth') return shapeOrbitalFlight(vehicle, launch, aim.azimuthRad, 0, sim).program;
  }
  if (aim.kind === 'target')
    return shapeBallisticFlight(
      vehicle,
      launch,
      aim.to,
      l.vehicleClass === 'sounding-rocket' && l.apogeeM === null ? { kind: 'lofted' } : profileOf(l),
      0,
      sim,
    ).program;
  if (aim.kind === 'azimuth') return shapeSoundingFlight(vehicle, launch, aim.azimuthRad, l.apogeeM, 0, sim);
  throw new OutOfReachError(`class '${vehicle.id}' cannot fly to an inclination`);
}

const geo = new Float64Array(3);

function milestone(
  kind: MilestoneKind,
  s: FlightState,
  launchTimeS: number,
  gmst0: number,
  stage?: number,
): Milestone {
  const p = subPoint(s.r, s.t, gmst0);
  ecefToGeodetic(geo, s.r);
  return {
    kind,
    timeS: launchTimeS + s.t,
    latDeg: p.latRad * RAD,
    lonDeg: p.lonRad * RAD,
    altKm: geo[2]! / 1000,
    speedMps: earthRelativeSpeed(s.r, s.v),
    ...(stage === undefined ? {} : { stage }),
  };
}

/** Shifts flight-local sample times to scenario time. */
function shiftSamples<T extends { t0: number; tEnd: number }>(s: T, dt: number): T {
  s.t0 += dt;
  s.tEnd += dt;
  return s;
}

function burnsOf(vehicle: VehicleClassSpec, flight: SimulatedFlight, launchTimeS: number): BurnInterval[] {
  const thrust1 = (vehicle.stages[0]!.propellantKg / vehicle.stages[0]!.burnTimeS) * vehicle.stages[0]!.ispS;
  let start = 0;
  return flight.stageEndsS.map((end, k) => {
    const st = vehicle.stages[k]!;
    // Plume radiant intensity scales roughly with thrust (mass flow × exhaust speed).
    const thrust = (st.propellantKg / st.burnTimeS) * st.ispS;
    const b = {
      startS: launchTimeS + start,
      endS: launchTimeS + end,
      stage: k + 1,
      intensity: vehicle.plumeIntensity * (thrust / thrust1),
    };
    start = end;
    return b;
  });
}

function separatedState(s: FlightState): FlightState {
  const v = s.v;
  const speed = Math.hypot(v[0]!, v[1]!, v[2]!);
  const k = speed > 0 ? 1 - SEPARATION_DV_MPS / speed : 1;
  return { t: s.t, r: s.r.slice(), v: Float64Array.of(v[0]! * k, v[1]! * k, v[2]! * k), massKg: s.massKg };
}

/** Flies one shaped launch and returns its truth objects. */
function flyLaunch(
  eventId: string,
  vehicle: VehicleClassSpec,
  launch: LaunchPoint,
  program: FlightProgram,
  launchTimeS: number,
  scenario: Scenario,
  sim: FlightSimulator,
  followToGround: boolean,
): TruthObject[] {
  const gmst0 = gmstAt(scenario.epochUnixMs, launchTimeS);
  const remainingS = scenario.durationS - launchTimeS;
  const ballistic = vehicle.mission !== 'orbital';
  const limitS = ballistic && followToGround ? MAX_BALLISTIC_S : Math.max(remainingS, 1);
  const flight = sim.fly(vehicle, launch, program, {
    gmstAtLaunch: gmst0,
    maxFlightS: limitS,
    sampleEveryS: SAMPLE_EVERY_S,
  });
  const milestones: Milestone[] = [
    {
      kind: 'launch',
      timeS: launchTimeS,
      latDeg: launch.latRad * RAD,
      lonDeg: launch.lonRad * RAD,
      altKm: launch.hM / 1000,
      speedMps: 0,
    },
  ];
  flight.separations.forEach((sep, k) => {
    const last = k === flight.separations.length - 1;
    const kind = !last ? 'staging' : ballistic || flight.impacted ? 'burnout' : 'orbit-insertion';
    milestones.push(milestone(kind, sep.state, launchTimeS, gmst0, sep.stage));
  });
  // An orbital insertion passes through zero flight-path angle while powered: not an apogee.
  if (flight.apogee && flight.apogee.t > flight.burnout.t)
    milestones.push(milestone('apogee', flight.apogee, launchTimeS, gmst0));
  if (flight.impacted) milestones.push(milestone('impact', flight.end, launchTimeS, gmst0));
  milestones.sort((a, b) => a.timeS - b.timeS);

  const head: TruthObject = {
    id: `${eventId}/${vehicle.payload.kind === 'rv' ? 'rv' : 'payload'}`,
    kind: vehicle.payload.kind === 'rv' ? 'rv' : 'payload',
    eventId,
    vehicleClass: vehicle.id,
    launchTimeS,
    startTimeS: launchTimeS,
    impactTimeS: flight.impacted ? launchTimeS + flight.end.t : null,
    samples: shiftSamples(flight.samples!, launchTimeS),
    burns: burnsOf(vehicle, flight, launchTimeS),
    milestones,
    rcsM2: vehicle.payload.rcsM2,
    betaKgM2: vehicle.payload.betaKgM2,
  };
  const objects = [head];
  for (const sep of flight.separations) {
    const st = vehicle.stages[sep.stage - 1]!;
    const from = separatedState({ ...sep.state, massKg: sep.massKg });
    const fall = sim.coast(from, st.spentBetaKgM2, limitS, SAMPLE_EVERY_S);
    const stageMilestones: Milestone[] = [];
    if (fall.apogee) stageMilestones.push(milestone('apogee', fall.apogee, launchTimeS, gmst0));
    if (fall.impacted) stageMilestones.push(milestone('impact', fall.end, launchTimeS, gmst0));
    objects.push({
      id: `${eventId}/stage${sep.stage}`,
      kind: ballistic ? 'booster-stage' : 'slv-stage',
      eventId,
      vehicleClass: vehicle.id,
      launchTimeS,
      startTimeS: launchTimeS + sep.state.t,
      impactTimeS: fall.impacted ? launchTimeS + fall.end.t : null,
      samples: shiftSamples(fall.samples!, launchTimeS),
      burns: [],
      milestones: stageMilestones,
      rcsM2: st.spentRcsM2,
      betaKgM2: st.spentBetaKgM2,
    });
  }
  return objects;
}

/**
 * Shapes one launch event; a launch that cannot be flown becomes a problem located at
 * its aim field (to, azimuth or inclinationDeg) and null.
 */
function shapeOrReport(
  scenario: Scenario,
  index: number,
  event: LaunchSpec,
  sim: FlightSimulator,
  problems: InputProblem[],
): FlightProgram | null {
  const launch: LaunchPoint = { latRad: event.from.latRad, lonRad: event.from.lonRad, hM: 0 };
  try {
    return shapeLaunch(event, VEHICLES[event.vehicleClass], launch, sim);
  } catch (err) {
    if (!(err instanceof OutOfReachError || err instanceof OrbitUnreachableError)) throw err;
    const field =
      event.aim.kind === 'target' ? 'to' : event.aim.kind === 'azimuth' ? 'azimuth' : 'inclinationDeg';
    problems.push(scenarioProblem(scenario.source, ['events', index, field], err.message));
    return null;
  }
}

/**
 * Checks that every launch can be flown (aim point within reach, orbit reachable)
 * without flying it: what `vigil validate` adds to the format checks.
 */
export function checkLaunches(scenario: Scenario): void {
  const sim = new FlightSimulator();
  const problems: InputProblem[] = [];
  for (const [index, event] of scenario.events.entries()) {
    if (event.type === 'launch') shapeOrReport(scenario, index, event, sim, problems);
  }
  if (problems.length > 0) throw new InputError(problems);
}

/**
 * Ground truth for every launch in the scenario. Throws InputError, located in the
 * scenario text, when a launch cannot be flown (aim point out of reach, orbit
 * unreachable).
 */
export function generateTruth(scenario: Scenario, options: GenerateOptions = {}): Truth {
  const sim = new FlightSimulator();
  const followToGround = options.followToGround ?? true;
  const launches: LaunchSummary[] = [];
  const objects: TruthObject[] = [];
  const problems: InputProblem[] = [];
  const total = scenario.events.filter((e) => e.type === 'launch').length;
  let done = 0;
  for (const [index, event] of scenario.events.entries()) {
    if (event.type !== 'launch') continue;
    options.onProgress?.(done++, total);
    const vehicle = VEHICLES[event.vehicleClass];
    const launch: LaunchPoint = { latRad: event.from.latRad, lonRad: event.from.lonRad, hM: 0 };
    const program = shapeOrReport(scenario, index, event, sim, problems);
    if (!program) continue;
    for (let k = 0; k < event.count; k++) {
      const eventId = event.count > 1 ? `${event.id}#${k + 1}` : event.id;
      const launchTimeS = event.atS + k * event.spacingS;
      launches.push({
        eventId,
        vehicleClass: event.vehicleClass,
        launchTimeS,
        launchLatDeg: launch.latRad * RAD,
        launchLonDeg: launch.lonRad * RAD,
        aim:
          event.aim.kind === 'target'
            ? { latDeg: event.aim.to.latRad * RAD, lonDeg: event.aim.to.lonRad * RAD }
            : null,
        profile:
          event.apogeeM !== null
            ? `apogee ${Math.round(event.apogeeM / 1000)} km`
            : (event.profile ?? (vehicle.mission === 'orbital' ? 'orbit' : 'min-energy')),
      });
      objects.push(
        ...flyLaunch(eventId, vehicle, launch, program, launchTimeS, scenario, sim, followToGround),
      );
    }
  }
  if (problems.length > 0) throw new InputError(problems);
  return { epochUnixMs: scenario.epochUnixMs, durationS: scenario.durationS, launches, objects };
}
