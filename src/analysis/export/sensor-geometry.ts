// Sensors drawn on the map: radar faces as ground fans (the area over which a target
// at a reference altitude is inside the face's sector, above its minimum elevation and
// within its range), and satellites' sub-satellite tracks. Shared by CZML and GeoJSON.

import { subSatellitePoint } from '../../orbits/sub-satellite.ts';
import { destination } from '../../physics/geodesy.ts';
import type { RadarFaceSpec, RadarSpec } from '../../scenario/scenario.ts';
import { groundRangeM, slantRangeM } from '../../sensors/radar/horizon.ts';
import type { SensorInfo } from '../../sensors/run-network.ts';

/** Altitude of the target a fan is drawn for, m (a mid-course ICBM, DOMAIN.md §5.5). */
export const FAN_REFERENCE_ALTITUDE_M = 1_000_000;
const RAD = 180 / Math.PI;

/** Ground reach of a face for a target at the reference altitude, m. */
export function faceGroundReachM(face: RadarFaceSpec): number {
  const slant = slantRangeM(FAN_REFERENCE_ALTITUDE_M, face.minElevationRad);
  const ground = groundRangeM(FAN_REFERENCE_ALTITUDE_M, face.minElevationRad);
  return slant <= face.maxRangeM ? ground : ground * (face.maxRangeM / slant);
}

/** The fan of a face as a closed ring of [lonDeg, latDeg]. */
export function faceFan(radar: RadarSpec, face: RadarFaceSpec, steps = 24): number[][] {
  const reach = faceGroundReachM(face);
  const { latRad, lonRad } = radar.site;
  const ring: number[][] = [[lonRad * RAD, latRad * RAD]];
  const p = new Float64Array(3);
  const half = Math.min(face.halfWidthRad, Math.PI);
  for (let k = 0; k <= steps; k++) {
    const az = face.boresightRad - half + (2 * half * k) / steps;
    destination(p, latRad, lonRad, az, reach);
    ring.push([p[1]! * RAD, p[0]! * RAD]);
  }
  ring.push(ring[0]!);
  return ring;
}

export interface TrackPoint {
  tS: number;
  latDeg: number;
  lonDeg: number;
  altM: number;
}

/** Sub-satellite points every `everyS` over [0, durationS]. */
export function satelliteTrack(
  info: SensorInfo,
  epochUnixMs: number,
  durationS: number,
  everyS = 60,
): TrackPoint[] {
  if (!info.orbit) return [];
  const out: TrackPoint[] = [];
  const g = new Float64Array(3);
  for (let t = 0; t <= durationS; t += everyS) {
    if (!subSatellitePoint(g, info.orbit, t, epochUnixMs)) continue;
    out.push({ tS: t, latDeg: g[0]! * RAD, lonDeg: g[1]! * RAD, altM: g[2]! });
  }
  return out;
}
