// From a picture track to what the classifier and the ladder read (TrackEvidence), and
// small geometry helpers on track states.
import { MU_EARTH, OMEGA_EARTH, WGS84_A } from '../../physics/constants.ts';
import { greatCircleDistance } from '../../physics/geodesy.ts';
import type { PictureAngleOnlyTrack, PictureTrack } from '../fusion/picture.ts';
import { plumeSilent } from '../fusion/track-features.ts';
import type { TrackEvidence } from './classify.ts';
import type { ImpactPrediction } from './impact-prediction.ts';
import type { LaunchEstimate } from './launch-estimate.ts';

/** Perigee and apogee altitudes of the (inertial) orbit through a state, m (apogee Infinity when unbound). */
export function apsidesOf(r: ArrayLike<number>, v: ArrayLike<number>): { perigeeM: number; apogeeM: number } {
  const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
  const v2 = v[0]! ** 2 + v[1]! ** 2 + v[2]! ** 2;
  const energy = v2 / 2 - MU_EARTH / rn;
  if (energy >= 0) return { perigeeM: Number.POSITIVE_INFINITY, apogeeM: Number.POSITIVE_INFINITY };
  const a = -MU_EARTH / (2 * energy);
  const hx = r[1]! * v[2]! - r[2]! * v[1]!;
  const hy = r[2]! * v[0]! - r[0]! * v[2]!;
  const hz = r[0]! * v[1]! - r[1]! * v[0]!;
  const e = Math.sqrt(Math.max(0, 1 - (hx * hx + hy * hy + hz * hz) / (MU_EARTH * a)));
  return { perigeeM: a * (1 - e) - WGS84_A, apogeeM: a * (1 + e) - WGS84_A };
}

/** Flight-path angle of the Earth-relative velocity, rad. */
export function earthFlightPathAngle(r: ArrayLike<number>, v: ArrayLike<number>): number {
  const wx = v[0]! + OMEGA_EARTH * r[1]!;
  const wy = v[1]! - OMEGA_EARTH * r[0]!;
  const wz = v[2]!;
  const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
  const radial = (wx * r[0]! + wy * r[1]! + wz * r[2]!) / rn;
  return Math.asin(Math.max(-1, Math.min(1, radial / Math.hypot(wx, wy, wz))));
}

/** Typical delay from lift-off to the first IR sighting, s [E] (DOMAIN.md §3.5). */
export const FIRST_SIGHTING_DELAY_S = 40;

/** The time-series value of a feature history at the time closest to t. */
function historyAt(times: number[], values: number[], t: number): number | null {
  if (times.length === 0) return null;
  let best = 0;
  for (let i = 1; i < times.length; i++) if (Math.abs(times[i]! - t) < Math.abs(times[best]! - t)) best = i;
  return values[best] ?? null;
}

export function trackEvidence(
  t: PictureTrack,
  launch: LaunchEstimate | null,
  impact: ImpactPrediction | null,
): TrackEvidence {
  const f = t.features;
  const boosting = t.modeProbabilities.boost > 0.5 && !plumeSilent(f.plumeLastSeenS, t.timeS);
  const irSpan = t.lineage.ir;
  // Burn time: the plume observed (first IR report to burnout or the last plume), plus
  // the time a plume takes to be first seen after lift-off (DOMAIN.md §3.5: tens of
  // seconds; FIRST_SIGHTING_DELAY_S).
  const burnEnd = f.burnoutTimeS ?? (boosting ? t.timeS : f.plumeLastSeenS);
  const burnTimeS =
    irSpan && burnEnd !== null ? Math.max(0, burnEnd - irSpan.firstTimeS) + FIRST_SIGHTING_DELAY_S : null;
  const burnoutSpeed =
    f.burnoutTimeS !== null
      ? historyAt(f.history.timeS, f.history.earthSpeedMps, f.burnoutTimeS)
      : boosting
        ? t.earthSpeedMps
        : null;
  const r = t.positionEciM;
  const v = t.velocityEciMps;
  const apsides = apsidesOf(r, v);
  const orbital = !boosting && apsides.perigeeM > 120_000;
  const rangeKm =
    launch && impact
      ? greatCircleDistance(launch.latRad, launch.lonRad, impact.area.latRad, impact.area.lonRad) / 1000
      : null;
  // Apogee: of the orbit through the state — or, once the track is past its apogee and
  // drag bends the path, the highest point it was seen at.
  const orbitApogee = boosting ? null : apsides.apogeeM;
  const apogee =
    orbitApogee === null
      ? null
      : f.maxAltitudeM !== null
        ? Math.max(orbitApogee, f.maxAltitudeM)
        : orbitApogee;
  return {
    kind: '3d',
    hasIr: irSpan !== null,
    hasRadar: t.lineage.radar !== null,
    burnTimeS,
    boosting,
    maxThrustAccelMps2: f.maxThrustAccelMps2,
    burnoutSpeedMps: burnoutSpeed,
    altitudeM: t.geodetic.altKm * 1000,
    earthSpeedMps: t.earthSpeedMps,
    flightPathAngleRad: earthFlightPathAngle(r, v),
    orbital,
    rangeKm,
    apogeeKm: apogee !== null && Number.isFinite(apogee) ? apogee / 1000 : null,
    groundMotionMps: null,
  };
}

/**
 * Speed of an angle-only track's apparent ground point: where its first and last held
 * bearings meet the ground, Earth-fixed. A climbing rocket's sight line sweeps over the
 * ground at hundreds of m/s or more; a glint or a fire stays put.
 */
export function angleOnlyEvidence(
  a: PictureAngleOnlyTrack,
  groundPointAt: (
    bearing: PictureAngleOnlyTrack['bearings'][number],
  ) => { latDeg: number; lonDeg: number } | null,
): TrackEvidence {
  const first = a.bearings[0];
  const last = a.bearings[a.bearings.length - 1];
  let groundMotionMps: number | null = null;
  if (first && last && last.timeS > first.timeS) {
    const p = groundPointAt(first);
    const q = groundPointAt(last);
    const D = Math.PI / 180;
    if (p && q)
      groundMotionMps =
        greatCircleDistance(p.latDeg * D, p.lonDeg * D, q.latDeg * D, q.lonDeg * D) /
        (last.timeS - first.timeS);
  }
  return {
    kind: 'angle-only',
    hasIr: true,
    hasRadar: false,
    burnTimeS: a.lastTimeS - a.firstTimeS + FIRST_SIGHTING_DELAY_S,
    boosting: true,
    maxThrustAccelMps2: 0,
    burnoutSpeedMps: null,
    altitudeM: null,
    earthSpeedMps: null,
    flightPathAngleRad: null,
    orbital: false,
    rangeKm: null,
    apogeeKm: null,
    groundMotionMps,
  };
}
