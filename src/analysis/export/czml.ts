// CZML scene of a run (Cesium's time-dynamic format; opens in any Cesium viewer):
// one packet per truth object with Earth-fixed sampled positions, its availability
// and a trailing path, plus launch and impact markers; with the sensor network, the
// satellites along their orbits and each radar face's coverage fan; the alerts' areas;
// when given, the centre's tracks as it held them step by step (track-czml.ts) and the
// defended territory (`defended/<i>`: a country by name, a polygon as an outline).
// Positions are in the FIXED frame (ECEF computed here with GMST) so a viewer needs no
// ICRF data.
import { isoFromUnixMs } from '../../physics/time.ts';
import { ellipseRing } from '../../scenario/places/territory.ts';
import type { DefendedArea } from '../../scenario/scenario.ts';
import type { NetworkRun } from '../../sensors/run-network.ts';
import type { Truth, TruthObject } from '../../world/truth.ts';
import type { AlertSummary } from '../summary.ts';
import { round } from '../summary.ts';
import { IMPACT_RGBA, LAUNCH_RGBA, markerPacket } from './czml-marker.ts';
import { defendedView } from './defended-view.ts';
import { fixedPath } from './ground-track.ts';
import { faceFan, satelliteTrack } from './sensor-geometry.ts';
import { trackPacket } from './track-czml.ts';
import type { RecordedTrack } from './track-recorder.ts';

/** Sample spacing of CZML positions, s (Lagrange interpolation fills in between). */
const CZML_STEP_S = 5;

export type CzmlPacket = Record<string, unknown>;

const KIND_COLOURS: Record<string, [number, number, number, number]> = {
  rv: [255, 64, 64, 255],
  'booster-stage': [255, 180, 0, 200],
  payload: [80, 200, 255, 255],
  'slv-stage': [160, 160, 255, 200],
};

function iso(epochUnixMs: number, tS: number): string {
  return isoFromUnixMs(epochUnixMs + tS * 1000);
}

function objectPacket(o: TruthObject, truth: Truth): CzmlPacket | null {
  const path = fixedPath(o, truth.epochUnixMs, CZML_STEP_S, truth.durationS);
  if (path.length === 0) return null;
  const t0 = path[0]!.tS;
  const cartesian: number[] = [];
  for (const s of path) cartesian.push(round(s.tS - t0, 3), round(s.x, 1), round(s.y, 1), round(s.z, 1));
  const colour = KIND_COLOURS[o.kind] ?? [255, 255, 255, 255];
  return {
    id: o.id,
    name: `${o.id} (${o.kind}, ${o.vehicleClass})`,
    availability: `${iso(truth.epochUnixMs, t0)}/${iso(truth.epochUnixMs, path[path.length - 1]!.tS)}`,
    properties: { kind: o.kind, eventId: o.eventId, vehicleClass: o.vehicleClass },
    position: {
      epoch: iso(truth.epochUnixMs, t0),
      referenceFrame: 'FIXED',
      interpolationAlgorithm: 'LAGRANGE',
      interpolationDegree: 5,
      cartesian,
    },
    point: { pixelSize: o.kind === 'rv' ? 7 : 4, color: { rgba: colour } },
    path: { width: 1.5, leadTime: 0, trailTime: 3600, material: { solidColor: { color: { rgba: colour } } } },
  };
}

function satellitePackets(network: NetworkRun, truth: Truth): CzmlPacket[] {
  const packets: CzmlPacket[] = [];
  for (const info of network.sensors) {
    if (info.kind !== 'ir') continue;
    const track = satelliteTrack(info, truth.epochUnixMs, truth.durationS, 60);
    if (track.length === 0) continue;
    const cartographicDegrees: number[] = [];
    for (const p of track)
      cartographicDegrees.push(p.tS, round(p.lonDeg, 4), round(p.latDeg, 4), round(p.altM, 0));
    packets.push({
      id: `sensor/${info.id}`,
      name: `${info.id} (IR satellite${info.orbit ? `, ${info.orbit.describe()}` : ''})`,
      properties: { sensorKind: 'ir' },
      position: {
        epoch: iso(truth.epochUnixMs, 0),
        interpolationAlgorithm: 'LAGRANGE',
        interpolationDegree: 5,
        cartographicDegrees,
      },
      point: { pixelSize: 6, color: { rgba: [0, 255, 128, 255] } },
      label: {
        text: info.id,
        font: '11px sans-serif',
        pixelOffset: { cartesian2: [8, 0] },
        fillColor: { rgba: [0, 255, 128, 255] },
      },
      path: {
        width: 1,
        leadTime: 0,
        trailTime: 1800,
        material: { solidColor: { color: { rgba: [0, 255, 128, 120] } } },
      },
    });
  }
  for (const radar of network.network.radars) {
    packets.push(
      markerPacket(
        `sensor/${radar.id}`,
        radar.id,
        radar.site.latRad * (180 / Math.PI),
        radar.site.lonRad * (180 / Math.PI),
        [0, 200, 255, 255],
      ),
    );
    for (const face of radar.faces) {
      const ring = faceFan(radar, face);
      packets.push({
        id: `fan/${face.id}`,
        name: `${face.id} coverage (target at 1,000 km)`,
        properties: { sensorKind: 'radar' },
        polygon: {
          positions: {
            cartographicDegrees: ring
              .slice(0, -1)
              .flatMap(([lon, lat]) => [round(lon!, 4), round(lat!, 4), 0]),
          },
          material: { solidColor: { color: { rgba: [0, 200, 255, 40] } } },
          outline: true,
          outlineColor: { rgba: [0, 200, 255, 160] },
          height: 0,
        },
      });
    }
  }
  return packets;
}

/** Launch (yellow) and impact (red) ellipses of the alerts still standing, shown from when they were raised. */
function alertPackets(alerts: readonly AlertSummary[], truth: Truth): CzmlPacket[] {
  const packets: CzmlPacket[] = [];
  const end = iso(truth.epochUnixMs, truth.durationS);
  for (const a of alerts) {
    if (a.cancelled) continue;
    for (const [kind, area, region, rgba] of [
      ['launch', a.launchArea, a.launchRegion, [255, 220, 0, 90]],
      ['impact', a.impactArea, a.impactRegion, [255, 40, 40, 90]],
    ] as const) {
      if (!area) continue;
      const ring = ellipseRing(area);
      packets.push({
        id: `${kind}-ellipse/${a.id}`,
        name: `${a.id} ${kind} area: ${region ?? ''} (${a.level})`,
        availability: `${iso(truth.epochUnixMs, a.timeS)}/${end}`,
        properties: { alertId: a.id, level: a.level, role: `${kind}-ellipse` },
        polygon: {
          positions: {
            cartographicDegrees: ring
              .slice(0, -1)
              .flatMap(([lon, lat]) => [round(lon!, 4), round(lat!, 4), 0]),
          },
          material: { solidColor: { color: { rgba: [...rgba] } } },
          outline: true,
          outlineColor: { rgba: [rgba[0], rgba[1], rgba[2], 255] },
          height: 0,
        },
      });
    }
  }
  return packets;
}

/** The defended territory: each country a packet naming it, each polygon its outline. */
function defendedPackets(areas: readonly DefendedArea[]): CzmlPacket[] {
  const view = defendedView(areas);
  const packets: CzmlPacket[] = view.countries.map((country, i) => ({
    id: `defended/${i}`,
    name: `${country} (defended)`,
    properties: { defended: 'country', country },
  }));
  view.polygons.forEach((ring, i) => {
    const closed = [...ring, ring[0]!];
    packets.push({
      id: `defended/${view.countries.length + i}`,
      name: 'defended polygon',
      properties: { defended: 'polygon' },
      polyline: {
        positions: { cartographicDegrees: closed.flatMap(([lat, lon]) => [lon, lat, 0]) },
        width: 2,
        material: { solidColor: { color: { rgba: [255, 140, 0, 255] } } },
      },
    });
  });
  return packets;
}

export interface SceneExtras {
  /** The centre's tracks as recorded at each assessment. */
  tracks?: ReadonlyMap<string, RecordedTrack> | null;
  /** The scenario's defended territory. */
  defended?: readonly DefendedArea[];
}

/** The CZML document (an array of packets, the first being the document packet). */
export function sceneCzml(
  truth: Truth,
  name: string,
  network?: NetworkRun,
  alerts: readonly AlertSummary[] = [],
  extras: SceneExtras = {},
): CzmlPacket[] {
  const start = iso(truth.epochUnixMs, 0);
  const end = iso(truth.epochUnixMs, truth.durationS);
  const packets: CzmlPacket[] = [
    {
      id: 'document',
      name,
      version: '1.0',
      clock: {
        interval: `${start}/${end}`,
        currentTime: start,
        multiplier: 30,
        range: 'LOOP_STOP',
        step: 'SYSTEM_CLOCK_MULTIPLIER',
      },
    },
  ];
  for (const o of truth.objects) {
    const p = objectPacket(o, truth);
    if (p) packets.push(p);
  }
  for (const l of truth.launches) {
    packets.push(
      markerPacket(`launch/${l.eventId}`, `${l.eventId} launch`, l.launchLatDeg, l.launchLonDeg, LAUNCH_RGBA),
    );
  }
  for (const o of truth.objects) {
    const impact = o.kind === 'rv' ? o.milestones.find((m) => m.kind === 'impact') : undefined;
    if (impact)
      packets.push(
        markerPacket(`impact/${o.id}`, `${o.eventId} impact`, impact.latDeg, impact.lonDeg, IMPACT_RGBA),
      );
  }
  if (network) packets.push(...satellitePackets(network, truth));
  packets.push(...alertPackets(alerts, truth));
  for (const r of extras.tracks?.values() ?? []) {
    const p = trackPacket(r, truth.epochUnixMs);
    if (p) packets.push(p);
  }
  if (extras.defended) packets.push(...defendedPackets(extras.defended));
  return packets;
}
