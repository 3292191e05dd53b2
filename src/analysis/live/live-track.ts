// One track of the live picture, as a live run stores it step by step and streams it
// to the console: the run summary's track row (src/analysis/summary.ts TrackSummary)
// plus where the track is, how fast it moves and how sure the centre is — what a
// globe needs to draw it. Degrees, kilometres and m/s at this edge; the velocity is
// Earth-fixed (ECEF), the frame a globe draws in. Values are rounded to what they
// carry, so the stored picture is compact and byte-stable.
import { geodeticOf, type PictureAngleOnlyTrack, type PictureTrack } from '../../centre/fusion/picture.ts';
import { eciToEcef, eciToEcefVelocity } from '../../physics/frames.ts';
import { round, type TrackSummary } from '../summary.ts';

export interface LivePosition {
  latDeg: number;
  lonDeg: number;
  altKm: number;
}

export interface LiveTrack extends TrackSummary {
  kind: '3d' | 'angle-only';
  status: 'tentative' | 'confirmed' | 'coasting';
  /** Time of the state below, s after the epoch. */
  timeS: number;
  /** 3-D tracks: the estimated position; angle-only tracks: null. */
  position: LivePosition | null;
  /** 3-D tracks: Earth-fixed velocity (ECEF), m/s; null otherwise. */
  velocityEcefMps: [number, number, number] | null;
  /** 3-D tracks: RMS of the position error per axis (1σ), km. */
  positionSigmaKm: number | null;
  /** 3-D tracks: probability of powered flight (the boost mode of the IMM). */
  boostProbability: number | null;
  /** Angle-only tracks: the satellite that sees it, and where its first held bearing meets the ground. */
  sensorId: string | null;
  groundPoint: { latDeg: number; lonDeg: number } | null;
  /** Angle-only tracks: the latest bearing, from the satellite's position along an ECEF unit vector. */
  bearing: { from: LivePosition; losEcef: [number, number, number] } | null;
}

const ecefScratch = new Float64Array(3);
const velocityScratch = new Float64Array(3);
const positionScratch = new Float64Array(3);

function livePosition(g: { latDeg: number; lonDeg: number; altKm: number }): LivePosition {
  return { latDeg: round(g.latDeg, 4), lonDeg: round(g.lonDeg, 4), altKm: round(g.altKm, 3) };
}

function sensorsOf(lineage: PictureTrack['lineage']): string[] {
  return lineage.sensors.map((s) => s.sensorId);
}

/** `gmst`: the sidereal angle at the track's state time `t.timeS`. */
export function liveTrackOf3d(t: PictureTrack, classification: string, gmst: number): LiveTrack {
  positionScratch.set(t.positionEciM);
  velocityScratch.set(t.velocityEciMps);
  eciToEcefVelocity(velocityScratch, positionScratch, velocityScratch, gmst);
  const c = t.covariance;
  return {
    id: t.id,
    firstTimeS: round(t.firstTimeS, 3),
    lastTimeS: round(t.lastUpdateS, 3),
    sensors: sensorsOf(t.lineage),
    classification,
    kind: '3d',
    status: t.status,
    timeS: round(t.timeS, 3),
    position: livePosition(t.geodetic),
    velocityEcefMps: [
      round(velocityScratch[0]!, 1),
      round(velocityScratch[1]!, 1),
      round(velocityScratch[2]!, 1),
    ],
    positionSigmaKm: round(Math.sqrt((c[0]! + c[9]! + c[18]!) / 3) / 1000, 3),
    boostProbability: round(t.modeProbabilities.boost, 3),
    sensorId: null,
    groundPoint: null,
    bearing: null,
  };
}

export function liveTrackOfAngleOnly(
  a: PictureAngleOnlyTrack,
  classification: string,
  gmstAt: (tS: number) => number,
): LiveTrack {
  const last = a.bearings[a.bearings.length - 1];
  let bearing: LiveTrack['bearing'] = null;
  if (last) {
    const gmst = gmstAt(last.timeS);
    eciToEcef(ecefScratch, last.losEci, gmst);
    bearing = {
      from: livePosition(geodeticOf(last.observerEciM, gmst)),
      losEcef: [round(ecefScratch[0]!, 6), round(ecefScratch[1]!, 6), round(ecefScratch[2]!, 6)],
    };
  }
  return {
    id: a.id,
    firstTimeS: round(a.firstTimeS, 3),
    lastTimeS: round(a.lastTimeS, 3),
    sensors: sensorsOf(a.lineage),
    classification,
    kind: 'angle-only',
    status: a.status,
    timeS: round(a.lastTimeS, 3),
    position: null,
    velocityEcefMps: null,
    positionSigmaKm: null,
    boostProbability: null,
    sensorId: a.sensorId,
    groundPoint: a.groundPoint
      ? { latDeg: round(a.groundPoint.latDeg, 4), lonDeg: round(a.groundPoint.lonDeg, 4) }
      : null,
    bearing,
  };
}
