// The centre's track picture as plain JSON-able objects: what `picture(t)` returns to
// the assessment (state, covariance, status, mode probabilities, classification
// features, lineage, consistency) and what `summary()` contributes to the run summary
// (the `tracks[]` of DESIGN.md §5, the shape of src/analysis/summary.ts TrackSummary).
// Units are SI and carried in the names; the covariance is 8×8 row-major in the state
// order of tracking/flight-state.ts.

import { ecefToGeodetic, eciToEcef } from '../../physics/frames.ts';
import { rayToEllipsoidM } from '../../physics/ray-ellipsoid.ts';
import type { BearingHistory } from '../tracking/bearing-history.ts';
import { normalisedEstimationErrorSquared } from '../tracking/consistency.ts';
import { STATE_DIM } from '../tracking/flight-state.ts';
import type { PhenomenologyAgreement, PhenomenologySpan, TrackLineage } from './lineage.ts';
import type { TrackFeatures } from './track-features.ts';
import type { TrackOrigin } from './tracks.ts';

const RAD = 180 / Math.PI;

export type Vec3Json = [number, number, number];

export interface LineageJson {
  sensors: Array<{
    sensorId: string;
    phenomenology: 'ir' | 'radar';
    firstTimeS: number;
    lastTimeS: number;
    count: number;
  }>;
  reportIds: string[];
  lateReportIds: string[];
  absorbedIds: string[];
  ir: PhenomenologySpan | null;
  radar: PhenomenologySpan | null;
  agreements: PhenomenologyAgreement[];
}

export interface FeaturesJson {
  history: {
    timeS: number[];
    altitudeM: number[];
    speedMps: number[];
    earthSpeedMps: number[];
    verticalSpeedMps: number[];
    thrustAccelMps2: number[];
    boostProbability: number[];
  };
  burnoutTimeS: number | null;
  stagingTimesS: number[];
  plumeLastSeenS: number | null;
  maxAltitudeM: number | null;
  maxSpeedMps: number;
  maxThrustAccelMps2: number;
}

export interface GeodeticJson {
  latDeg: number;
  lonDeg: number;
  altKm: number;
}

export interface PictureTrack {
  id: string;
  kind: '3d';
  status: 'tentative' | 'confirmed' | 'coasting';
  origin: TrackOrigin;
  firstTimeS: number;
  lastUpdateS: number;
  /** Time of the state below (the picture time, or the last update if later). */
  timeS: number;
  positionEciM: Vec3Json;
  velocityEciMps: Vec3Json;
  thrustAccelMps2: number;
  thrustAccelStdMps2: number;
  inverseBallisticCoefficientM2PerKg: number;
  covariance: number[];
  modeProbabilities: { boost: number; ballistic: number };
  geodetic: GeodeticJson;
  speedMps: number;
  earthSpeedMps: number;
  features: FeaturesJson;
  lineage: LineageJson;
  consistency: { updates: number; meanNisPerDof: number | null; lastNis: number | null; lastNisDof: number };
}

export interface BearingJson {
  timeS: number;
  losEci: Vec3Json;
  observerEciM: Vec3Json;
  sigmaRad: number;
  intensity: number;
}

export interface PictureAngleOnlyTrack {
  id: string;
  kind: 'angle-only';
  status: 'tentative' | 'confirmed';
  sensorId: string;
  firstTimeS: number;
  lastTimeS: number;
  bearingCount: number;
  /** The bearings held (the most recent ones), oldest first. */
  bearings: BearingJson[];
  angularRateRadS: number;
  meanIntensity: number;
  /** Where the earliest held bearing meets the ellipsoid (an upper bound on the source's ground point), or null. */
  groundPoint: { latDeg: number; lonDeg: number } | null;
  lineage: LineageJson;
}

/** An IR-built and a radar-built track found consistent (not yet, or never, merged). */
export interface TrackAssociationJson {
  irTrackId: string;
  radarTrackId: string;
  timeS: number;
  statistic: number;
  dof: number;
  pValue: number;
  consecutiveChecks: number;
}

export interface TrackPicture {
  timeS: number;
  tracks: PictureTrack[];
  angleOnly: PictureAngleOnlyTrack[];
  associations: TrackAssociationJson[];
}

/** One row of the run summary's tracks[] (src/analysis/summary.ts TrackSummary). */
export interface CentreTrackSummary {
  id: string;
  firstTimeS: number;
  lastTimeS: number;
  sensors: string[];
  classification: string;
}

/**
 * NEES of a pictured track's position and velocity against the truth at the picture's
 * time (6 dof; χ²(6) for a consistent track): for analysis, which holds the truth.
 */
export function trackNees(
  track: PictureTrack,
  truthPositionM: ArrayLike<number>,
  truthVelocityMps: ArrayLike<number>,
): number {
  const x = [...track.positionEciM, ...track.velocityEciMps];
  const truth = [
    truthPositionM[0]!,
    truthPositionM[1]!,
    truthPositionM[2]!,
    truthVelocityMps[0]!,
    truthVelocityMps[1]!,
    truthVelocityMps[2]!,
  ];
  return normalisedEstimationErrorSquared(x, track.covariance, STATE_DIM, truth, 0, 6);
}

export function lineageJson(l: TrackLineage): LineageJson {
  return {
    sensors: [...l.sensors.values()]
      .map((c) => ({
        sensorId: c.sensorId,
        phenomenology: c.phenomenology,
        firstTimeS: c.firstTimeS,
        lastTimeS: c.lastTimeS,
        count: c.count,
      }))
      .sort((a, b) => (a.sensorId < b.sensorId ? -1 : a.sensorId > b.sensorId ? 1 : 0)),
    reportIds: [...l.reportIds],
    lateReportIds: [...l.lateReportIds],
    absorbedIds: [...l.absorbedIds],
    ir: l.ir ? { ...l.ir } : null,
    radar: l.radar ? { ...l.radar } : null,
    agreements: l.agreements.map((a) => ({ ...a })),
  };
}

/**
 * The first n numbers of a typed array as a plain array. A counted loop: Array.from on a
 * typed array goes through its iterator, an object per element, and the histories of
 * every track are copied at every picture.
 */
export function numbersOf(a: Float64Array, n = a.length): number[] {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(a[i]!);
  return out;
}

export function featuresJson(f: TrackFeatures): FeaturesJson {
  const take = (a: Float64Array) => numbersOf(a, f.count);
  return {
    history: {
      timeS: take(f.timeS),
      altitudeM: take(f.altitudeM),
      speedMps: take(f.speedMps),
      earthSpeedMps: take(f.earthSpeedMps),
      verticalSpeedMps: take(f.verticalSpeedMps),
      thrustAccelMps2: take(f.thrustAccelMps2),
      boostProbability: take(f.boostProbability),
    },
    burnoutTimeS: f.burnoutTimeS,
    stagingTimesS: [...f.stagingTimesS],
    plumeLastSeenS: f.plumeLastSeenS,
    maxAltitudeM: Number.isFinite(f.maxAltitudeM) ? f.maxAltitudeM : null,
    maxSpeedMps: f.maxSpeedMps,
    maxThrustAccelMps2: f.maxThrustAccelMps2,
  };
}

const ecef = new Float64Array(3);
const geo = new Float64Array(3);

/** Geodetic latitude, longitude and height of an ECI position at GMST gmst. */
export function geodeticOf(positionEci: ArrayLike<number>, gmst: number): GeodeticJson {
  eciToEcef(ecef, positionEci, gmst);
  ecefToGeodetic(geo, ecef);
  return { latDeg: geo[0]! * RAD, lonDeg: geo[1]! * RAD, altKm: geo[2]! / 1000 };
}

/** Bearings of a history, oldest first. */
export function bearingsJson(h: BearingHistory): BearingJson[] {
  const out: BearingJson[] = [];
  for (let k = h.count - 1; k >= 0; k--) {
    const i = h.index(k);
    out.push({
      timeS: h.time[i]!,
      losEci: [h.los[3 * i]!, h.los[3 * i + 1]!, h.los[3 * i + 2]!],
      observerEciM: [h.observer[3 * i]!, h.observer[3 * i + 1]!, h.observer[3 * i + 2]!],
      sigmaRad: h.sigma[i]!,
      intensity: h.intensity[i]!,
    });
  }
  return out;
}

/** Where a ray from o along unit u (ECI) first meets the WGS-84 ellipsoid, as latitude and longitude at GMST gmst. */
export function rayGroundPoint(
  o: ArrayLike<number>,
  u: ArrayLike<number>,
  gmst: number,
): { latDeg: number; lonDeg: number } | null {
  const s = rayToEllipsoidM(o, u);
  if (Number.isNaN(s)) return null;
  const p = [o[0]! + s * u[0]!, o[1]! + s * u[1]!, o[2]! + s * u[2]!];
  const g = geodeticOf(p, gmst);
  return { latDeg: g.latDeg, lonDeg: g.lonDeg };
}
