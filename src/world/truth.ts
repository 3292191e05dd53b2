// Ground truth: every object a scenario puts in flight, with its state sampled over
// time and its key events. Truth is for the sensors (which see it through physics
// and noise) and for scoring; the warning centre never reads it.
import type { VehicleClass } from './vehicles.ts';

export type TruthKind = 'rv' | 'booster-stage' | 'payload' | 'slv-stage';

export type MilestoneKind =
  | 'launch'
  | 'staging'
  | 'burnout'
  | 'payload-separation'
  | 'apogee'
  | 'impact'
  | 'orbit-insertion';

export interface Milestone {
  kind: MilestoneKind;
  /** Seconds after the scenario epoch. */
  timeS: number;
  latDeg: number;
  lonDeg: number;
  altKm: number;
  /** Speed relative to the rotating Earth at that instant, m/s. */
  speedMps: number;
  /** Stage number for staging/burnout milestones (1-based). */
  stage?: number;
}

/** Sampled states in ECI (metres, m/s) at a fixed step, in flat typed arrays. */
export interface StateSamples {
  /** Time of the first sample, seconds after the scenario epoch. */
  t0: number;
  /** Sample spacing, s (the last sample may be closer: see `tEnd`). */
  dt: number;
  /** Number of samples. */
  count: number;
  /** Time of the last sample (the end of the object's flight or the scenario). */
  tEnd: number;
  /** Positions, 3 per sample. */
  position: Float64Array;
  /** Velocities, 3 per sample. */
  velocity: Float64Array;
}

/** Interval during which the object's rocket motor burns (its plume is visible). */
export interface BurnInterval {
  startS: number;
  endS: number;
  /** Stage number (1-based). */
  stage: number;
  /** Plume radiant intensity relative to a solid ICBM first stage. */
  intensity: number;
}

export interface TruthObject {
  id: string;
  kind: TruthKind;
  /** The scenario event that created it. */
  eventId: string;
  vehicleClass: VehicleClass;
  /** Launch time of the parent event, s after epoch. */
  launchTimeS: number;
  /** Time the object became a separate body (launch for the head of the stack). */
  startTimeS: number;
  /** Impact time, or null when it stays in orbit or outlives the scenario. */
  impactTimeS: number | null;
  samples: StateSamples;
  burns: BurnInterval[];
  milestones: Milestone[];
  /** Radar cross-section, m². */
  rcsM2: number;
  /** Ballistic coefficient while coasting alone, kg/m². */
  betaKgM2: number;
}

export interface LaunchSummary {
  eventId: string;
  vehicleClass: VehicleClass;
  launchTimeS: number;
  launchLatDeg: number;
  launchLonDeg: number;
  aim: { latDeg: number; lonDeg: number } | null;
  profile: string;
}

export interface Truth {
  epochUnixMs: number;
  durationS: number;
  launches: LaunchSummary[];
  objects: TruthObject[];
}

/** Index of the sample at or before time t (clamped to the sampled span). */
export function sampleIndexAt(s: StateSamples, t: number): number {
  const i = Math.floor((t - s.t0) / s.dt);
  return i < 0 ? 0 : i >= s.count - 1 ? Math.max(0, s.count - 2) : i;
}

/** Whether the object exists (has been separated and not yet impacted) at time t. */
export function isAliveAt(o: TruthObject, t: number): boolean {
  return t >= o.samples.t0 && t <= o.samples.tEnd;
}

/**
 * State at time t by cubic Hermite interpolation between the bracketing samples
 * (positions and velocities make it third-order accurate; at 1 s spacing the error
 * is millimetres in free flight). Returns false when t is outside the object's life.
 */
export function stateAt(o: TruthObject, t: number, outPos: Float64Array, outVel?: Float64Array): boolean {
  const s = o.samples;
  if (!(t >= s.t0 && t <= s.tEnd) || s.count === 0) return false;
  if (s.count === 1) {
    for (let k = 0; k < 3; k++) {
      outPos[k] = s.position[k]!;
      if (outVel) outVel[k] = s.velocity[k]!;
    }
    return true;
  }
  const i = sampleIndexAt(s, t);
  const ta = s.t0 + i * s.dt;
  const tb = i + 1 === s.count - 1 ? s.tEnd : ta + s.dt;
  const h = tb - ta;
  const u = h > 0 ? (t - ta) / h : 0;
  const u2 = u * u;
  const u3 = u2 * u;
  const h00 = 2 * u3 - 3 * u2 + 1;
  const h10 = u3 - 2 * u2 + u;
  const h01 = -2 * u3 + 3 * u2;
  const h11 = u3 - u2;
  const d00 = (6 * u2 - 6 * u) / h;
  const d10 = 3 * u2 - 4 * u + 1;
  const d01 = (-6 * u2 + 6 * u) / h;
  const d11 = 3 * u2 - 2 * u;
  const a = 3 * i;
  const b = a + 3;
  for (let k = 0; k < 3; k++) {
    const pa = s.position[a + k]!;
    const pb = s.position[b + k]!;
    const va = s.velocity[a + k]!;
    const vb = s.velocity[b + k]!;
    outPos[k] = h00 * pa + h10 * h * va + h01 * pb + h11 * h * vb;
    if (outVel) outVel[k] = d00 * pa + d10 * va + d01 * pb + d11 * vb;
  }
  return true;
}

/** Whether the object's motor burns at time t, and with which interval. */
export function burnAt(o: TruthObject, t: number): BurnInterval | null {
  for (const b of o.burns) if (t >= b.startS && t < b.endS) return b;
  return null;
}
