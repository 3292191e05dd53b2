// The sensor network of a run as the console draws it: each IR satellite with its
// orbit described and its sub-satellite track over the run (the console interpolates
// between points), its mode and field of regard; each radar with its site and every
// face's sector, elevation and range limits, and the ground fan they make for a
// target at the reference altitude (sensor-geometry.ts). Degrees and km at this edge.
import { makeOrbit } from '../../orbits/presets.ts';
import type { GeoCircle, Scenario } from '../../scenario/scenario.ts';
import { type ResolvedNetwork, resolveNetwork } from '../../sensors/network.ts';
import type { SensorInfo } from '../../sensors/run-network.ts';
import { FAN_REFERENCE_ALTITUDE_M, faceFan, satelliteTrack } from '../export/sensor-geometry.ts';
import { round } from '../summary.ts';

const RAD = 180 / Math.PI;

export interface SatelliteView {
  id: string;
  kind: 'ir';
  orbit: string;
  periodS: number;
  mode: 'look-down' | 'limb';
  scan: 'scanner' | 'starer';
  revisitS: number;
  /** The region it watches, or null for its whole visible disk. */
  fieldOfRegard: { latDeg: number; lonDeg: number; radiusKm: number } | null;
  /** Sub-satellite points [tS, latDeg, lonDeg, altKm] every `trackEveryS` over the run. */
  track: Array<[number, number, number, number]>;
}

export interface RadarFaceView {
  id: string;
  boresightDeg: number;
  halfWidthDeg: number;
  minElevationDeg: number;
  maxElevationDeg: number;
  maxRangeKm: number;
  band: string;
  revisitS: number;
  /** Ground fan for a target at `fanAltitudeKm`, a closed ring of [lonDeg, latDeg]. */
  fan: number[][];
}

export interface RadarView {
  id: string;
  kind: 'radar';
  site: { latDeg: number; lonDeg: number; altKm: number };
  faces: RadarFaceView[];
}

export interface NetworkView {
  trackEveryS: number;
  fanAltitudeKm: number;
  satellites: SatelliteView[];
  radars: RadarView[];
}

function circleView(c: GeoCircle | null): SatelliteView['fieldOfRegard'] {
  return c
    ? {
        latDeg: round(c.center.latRad * RAD, 4),
        lonDeg: round(c.center.lonRad * RAD, 4),
        radiusKm: c.radiusM / 1000,
      }
    : null;
}

export interface RunNetwork {
  network: ResolvedNetwork;
  /** Every sensor of the network: each satellite, each radar face — the ids reports carry. */
  sensors: SensorInfo[];
}

/** The scenario's network with each satellite's orbit, without simulating it (as simulateNetwork lists it). */
export function runNetwork(scenario: Scenario): RunNetwork {
  const network = resolveNetwork(scenario.network, scenario.source);
  const sensors: SensorInfo[] = [
    ...network.satellites.map(
      (sat): SensorInfo => ({
        id: sat.id,
        kind: 'ir',
        orbit: makeOrbit(sat.orbit, scenario.epochUnixMs),
        revisitS: sat.sensor.revisitS,
      }),
    ),
    ...network.radars.flatMap((radar) =>
      radar.faces.map(
        (face): SensorInfo => ({ id: face.id, kind: 'radar', radarId: radar.id, revisitS: face.revisitS }),
      ),
    ),
  ];
  return { network, sensors };
}

export function networkView(scenario: Scenario, run: RunNetwork, trackEveryS = 60): NetworkView {
  const infos = new Map(run.sensors.map((s) => [s.id, s]));
  const satellites = run.network.satellites.map((sat): SatelliteView => {
    const info = infos.get(sat.id);
    const track = info ? satelliteTrack(info, scenario.epochUnixMs, scenario.durationS, trackEveryS) : [];
    return {
      id: sat.id,
      kind: 'ir',
      orbit: info?.orbit?.describe() ?? sat.orbit.kind,
      periodS: round(info?.orbit?.periodS ?? 0, 1),
      mode: sat.sensor.mode,
      scan: sat.sensor.kind,
      revisitS: sat.sensor.revisitS,
      fieldOfRegard: circleView(sat.sensor.fieldOfRegard),
      track: track.map((p) => [p.tS, round(p.latDeg, 4), round(p.lonDeg, 4), round(p.altM / 1000, 1)]),
    };
  });
  const radars = run.network.radars.map(
    (radar): RadarView => ({
      id: radar.id,
      kind: 'radar',
      site: {
        latDeg: round(radar.site.latRad * RAD, 4),
        lonDeg: round(radar.site.lonRad * RAD, 4),
        altKm: round(radar.site.altM / 1000, 3),
      },
      faces: radar.faces.map((f) => ({
        id: f.id,
        boresightDeg: round(f.boresightRad * RAD, 2),
        halfWidthDeg: round(f.halfWidthRad * RAD, 2),
        minElevationDeg: round(f.minElevationRad * RAD, 2),
        maxElevationDeg: round(f.maxElevationRad * RAD, 2),
        maxRangeKm: f.maxRangeM / 1000,
        band: f.band,
        revisitS: f.revisitS,
        fan: faceFan(radar, f).map(([lon, lat]) => [round(lon!, 4), round(lat!, 4)]),
      })),
    }),
  );
  return { trackEveryS, fanAltitudeKm: FAN_REFERENCE_ALTITUDE_M / 1000, satellites, radars };
}
