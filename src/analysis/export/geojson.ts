// GeoJSON scene of a run (RFC 7946): each truth object's ground track as a
// MultiLineString split at the antimeridian, launch and impact points, and with the
// sensor network the satellites' ground tracks, radar sites and face coverage fans.

import { ellipseRing } from '../../scenario/places/territory.ts';
import type { NetworkRun } from '../../sensors/run-network.ts';
import type { Truth } from '../../world/truth.ts';
import type { AlertSummary } from '../summary.ts';
import { round } from '../summary.ts';
import { fixedPath } from './ground-track.ts';
import { faceFan, satelliteTrack } from './sensor-geometry.ts';

const RAD = 180 / Math.PI;

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

function sensorFeatures(network: NetworkRun, truth: Truth): Feature[] {
  const features: Feature[] = [];
  for (const info of network.sensors) {
    if (info.kind !== 'ir') continue;
    const lines = splitAtAntimeridian(
      satelliteTrack(info, truth.epochUnixMs, truth.durationS, 60).map((p) => [
        round(p.lonDeg, 4),
        round(p.latDeg, 4),
      ]),
    );
    if (lines.length > 0) {
      features.push({
        type: 'Feature',
        geometry: { type: 'MultiLineString', coordinates: lines },
        properties: { role: 'satellite-track', sensorId: info.id },
      });
    }
  }
  for (const radar of network.network.radars) {
    features.push({
      type: 'Feature',
      geometry: {
        type: 'Point',
        coordinates: [round(radar.site.lonRad * RAD, 5), round(radar.site.latRad * RAD, 5)],
      },
      properties: { role: 'radar-site', radarId: radar.id },
    });
    for (const face of radar.faces) {
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [faceFan(radar, face).map(([lon, lat]) => [round(lon!, 4), round(lat!, 4)])],
        },
        properties: { role: 'radar-fan', sensorId: face.id, radarId: radar.id, referenceAltitudeKm: 1000 },
      });
    }
  }
  return features;
}

/** Launch and impact ellipses of the alerts still standing. */
function alertFeatures(alerts: readonly AlertSummary[]): Feature[] {
  const features: Feature[] = [];
  for (const a of alerts) {
    if (a.cancelled) continue;
    for (const [role, area, region] of [
      ['launch-ellipse', a.launchArea, a.launchRegion],
      ['impact-ellipse', a.impactArea, a.impactRegion],
    ] as const) {
      if (!area) continue;
      features.push({
        type: 'Feature',
        geometry: {
          type: 'Polygon',
          coordinates: [ellipseRing(area).map(([lon, lat]) => [round(lon!, 4), round(lat!, 4)])],
        },
        properties: { role, alertId: a.id, level: a.level, region: region ?? null, ...area },
      });
    }
  }
  return features;
}

export function sceneGeoJson(
  truth: Truth,
  network?: NetworkRun,
  alerts: readonly AlertSummary[] = [],
): FeatureCollection {
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
  if (network) features.push(...sensorFeatures(network, truth));
  features.push(...alertFeatures(alerts));
  return { type: 'FeatureCollection', features };
}
