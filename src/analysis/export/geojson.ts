// GeoJSON scene of a run (RFC 7946): each truth object's ground track as a
// MultiLineString split at the antimeridian, and launch and impact points.
import type { Truth } from '../../world/truth.ts';
import { round } from '../summary.ts';
import { fixedPath } from './ground-track.ts';

/** Sample spacing of ground tracks, s. */
const TRACK_STEP_S = 10;

export interface Feature {
  type: 'Feature';
  geometry:
    | { type: 'Point'; coordinates: number[] }
    | { type: 'MultiLineString'; coordinates: number[][][] }
    | { type: 'Polygon'; coordinates: number[][][] };
  properties: Record<string, unknown>;
}

export interface FeatureCollection {
  type: 'FeatureCollection';
  features: Feature[];
}

/** Splits a [lon, lat] polyline where it jumps across the antimeridian. */
export function splitAtAntimeridian(points: number[][]): number[][][] {
  const parts: number[][][] = [];
  let current: number[][] = [];
  for (const p of points) {
    const prev = current[current.length - 1];
    if (prev && Math.abs(p[0]! - prev[0]!) > 180) {
      parts.push(current);
      current = [];
    }
    current.push(p);
  }
  if (current.length > 0) parts.push(current);
  return parts.filter((part) => part.length > 1);
}

export function truthGeoJson(truth: Truth): FeatureCollection {
  const features: Feature[] = [];
  for (const o of truth.objects) {
    const path = fixedPath(o, truth.epochUnixMs, TRACK_STEP_S, truth.durationS);
    const coords = path.map((s) => [round(s.lonDeg, 5), round(s.latDeg, 5)]);
    const lines = splitAtAntimeridian(coords);
    if (lines.length === 0) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'MultiLineString', coordinates: lines },
      properties: {
        role: 'ground-track',
        id: o.id,
        kind: o.kind,
        eventId: o.eventId,
        vehicleClass: o.vehicleClass,
      },
    });
  }
  for (const l of truth.launches) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(l.launchLonDeg, 5), round(l.launchLatDeg, 5)] },
      properties: {
        role: 'launch',
        eventId: l.eventId,
        vehicleClass: l.vehicleClass,
        timeS: round(l.launchTimeS, 3),
      },
    });
  }
  for (const o of truth.objects) {
    const impact = o.milestones.find((m) => m.kind === 'impact');
    if (!impact) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [round(impact.lonDeg, 5), round(impact.latDeg, 5)] },
      properties: {
        role: 'impact',
        id: o.id,
        kind: o.kind,
        eventId: o.eventId,
        timeS: round(impact.timeS, 3),
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
