// The sensor network on the globe: each IR satellite where it is at the time shown,
// its path over the run (Earth-fixed) and the ground it watches — its field of regard,
// or the disk it sees to the horizon; each radar site coloured by its status (idle,
// reporting, quiet, flagged inconsistent), its faces' ground fans, and — when the
// source knows a face's volume — the edges of that volume: the arcs at its lowest
// and highest elevation at full range across its sector, and the rays to their ends.
import {
  Cartesian2,
  Cartesian3,
  ColorMaterialProperty,
  ConstantProperty,
  type Entity,
  LabelStyle,
  Matrix4,
  type PointPrimitive,
  PointPrimitiveCollection,
  PolygonHierarchy,
  type Polyline,
  PolylineCollection,
  Transforms,
  type Viewer,
} from 'cesium';
import type { PictureModel } from '../data/picture-model.ts';
import type { GlobeNetwork } from '../data/types.ts';
import {
  FAN_EDGE,
  FAN_FILL,
  ORBIT_COLOUR,
  REGARD_COLOUR,
  SATELLITE_COLOUR,
  SENSOR_COLOURS,
} from './colours.ts';
import { circleRing, horizonRadiusKm, sampleTrack } from './geo.ts';
import { colourMaterial } from './pools.ts';

const RAD = Math.PI / 180;
/** Points along each elevation arc of a radar volume. */
const ARC_POINTS = 24;
/** Move a satellite's footprint only after this much, degrees. */
const FOOTPRINT_STEP_DEG = 0.25;

type Volume = NonNullable<GlobeNetwork['radars'][number]['faces'][number]['volume']>;

const enuScratch = new Matrix4();
const localScratch = new Cartesian3();

/** Points of a face's volume edges (ECEF), from its site frame (east, north, up). */
export function volumeEdges(site: Cartesian3, v: Volume): Cartesian3[][] {
  Transforms.eastNorthUpToFixedFrame(site, undefined, enuScratch);
  const at = (azDeg: number, elDeg: number, rangeM: number) => {
    const az = azDeg * RAD;
    const el = elDeg * RAD;
    localScratch.x = rangeM * Math.sin(az) * Math.cos(el);
    localScratch.y = rangeM * Math.cos(az) * Math.cos(el);
    localScratch.z = rangeM * Math.sin(el);
    return Matrix4.multiplyByPoint(enuScratch, localScratch, new Cartesian3());
  };
  const r = v.maxRangeKm * 1000;
  const arc = (el: number) => {
    const out: Cartesian3[] = [];
    for (let i = 0; i <= ARC_POINTS; i++)
      out.push(at(v.boresightDeg - v.halfWidthDeg + (2 * v.halfWidthDeg * i) / ARC_POINTS, el, r));
    return out;
  };
  const low = arc(v.minElevationDeg);
  const high = arc(v.maxElevationDeg);
  return [low, high, [site, low[0]!], [site, low[ARC_POINTS]!], [site, high[0]!], [site, high[ARC_POINTS]!]];
}

interface SatelliteDrawn {
  track: GlobeNetwork['satellites'][number]['track'];
  fieldOfRegard: GlobeNetwork['satellites'][number]['fieldOfRegard'];
  point: PointPrimitive;
  footprint: Polyline;
  footprintAt: [number, number] | null;
}

export class SensorLayer {
  private readonly viewer: Viewer;
  private readonly model: PictureModel;
  private readonly satellites = new Map<string, SatelliteDrawn>();
  private readonly sites = new Map<string, Entity>();
  private readonly faces = new Map<string, string>();
  private readonly points = new PointPrimitiveCollection();
  private readonly lines = new PolylineCollection();
  /** Radar volume edges: they reach thousands of km into space, so they are shown on demand. */
  private readonly volumes = new PolylineCollection({ show: false });
  private readonly entities: Entity[] = [];
  private readonly unlisten: Array<() => void> = [];

  constructor(viewer: Viewer, model: PictureModel, network: GlobeNetwork) {
    this.viewer = viewer;
    this.model = model;
    viewer.scene.primitives.add(this.lines);
    viewer.scene.primitives.add(this.volumes);
    viewer.scene.primitives.add(this.points);
    for (const sat of network.satellites) this.addSatellite(sat);
    for (const radar of network.radars) this.addRadar(radar);
    this.unlisten.push(
      model.on('clock', () => this.moveSatellites()),
      model.on('sensors', () => this.colourSites()),
    );
    this.moveSatellites();
    this.colourSites();
  }

  /** Sensors drawn: satellites and radar faces. */
  get count(): number {
    return this.satellites.size + this.faces.size;
  }

  set volumesVisible(show: boolean) {
    this.volumes.show = show;
    this.viewer.scene.requestRender();
  }

  destroy(): void {
    for (const u of this.unlisten) u();
    for (const e of this.entities) this.viewer.entities.remove(e);
    this.viewer.scene.primitives.remove(this.lines);
    this.viewer.scene.primitives.remove(this.volumes);
    this.viewer.scene.primitives.remove(this.points);
  }

  private addSatellite(sat: GlobeNetwork['satellites'][number]): void {
    const moving = sat.track.some(
      (p) => Math.abs(p[1] - sat.track[0]![1]) + Math.abs(p[2] - sat.track[0]![2]) > 0.01,
    );
    if (moving) {
      const degrees: number[] = [];
      for (const p of sat.track) degrees.push(p[2], p[1], p[3] * 1000);
      this.lines.add({
        positions: Cartesian3.fromDegreesArrayHeights(degrees),
        width: 1,
        material: colourMaterial(ORBIT_COLOUR),
      });
    }
    const point = this.points.add({
      id: `sensor/${sat.id}`,
      pixelSize: 8,
      color: SATELLITE_COLOUR,
      outlineColor: SENSOR_COLOURS.idle,
      outlineWidth: 2,
    });
    const footprint = this.lines.add({ width: 1, material: colourMaterial(REGARD_COLOUR), positions: [] });
    this.satellites.set(sat.id, {
      track: sat.track,
      fieldOfRegard: sat.fieldOfRegard,
      point,
      footprint,
      footprintAt: null,
    });
  }

  private addRadar(radar: GlobeNetwork['radars'][number]): void {
    const site = Cartesian3.fromDegrees(radar.site.lonDeg, radar.site.latDeg, radar.site.altKm * 1000);
    const entity = this.viewer.entities.add({
      id: `sensor/${radar.id}`,
      position: site,
      point: { pixelSize: 8, color: SENSOR_COLOURS.idle, outlineColor: SENSOR_COLOURS.idle, outlineWidth: 1 },
      label: {
        text: radar.id,
        font: '11px sans-serif',
        style: LabelStyle.FILL,
        fillColor: SENSOR_COLOURS.quiet,
        pixelOffset: new Cartesian2(10, -8),
      },
    });
    this.entities.push(entity);
    this.sites.set(radar.id, entity);
    for (const face of radar.faces) {
      this.faces.set(face.id, radar.id);
      const ring = face.fan.flat();
      if (ring.length >= 6)
        this.entities.push(
          this.viewer.entities.add({
            id: `fan/${face.id}`,
            polygon: {
              hierarchy: new PolygonHierarchy(Cartesian3.fromDegreesArray(ring)),
              material: new ColorMaterialProperty(FAN_FILL),
              outline: false,
            },
          }),
        );
      if (face.volume)
        for (const edge of volumeEdges(site, face.volume))
          this.volumes.add({ positions: edge, width: 1, material: colourMaterial(FAN_EDGE) });
    }
  }

  private moveSatellites(): void {
    const t = this.model.clock.timeS;
    let moved = false;
    for (const sat of this.satellites.values()) {
      const p = sampleTrack(sat.track, t);
      if (!p) continue;
      sat.point.position = Cartesian3.fromDegrees(p[1], p[0], p[2] * 1000);
      const centre: [number, number] = sat.fieldOfRegard
        ? [sat.fieldOfRegard.latDeg, sat.fieldOfRegard.lonDeg]
        : [p[0], p[1]];
      const at = sat.footprintAt;
      if (!at || Math.abs(at[0] - centre[0]) + Math.abs(at[1] - centre[1]) > FOOTPRINT_STEP_DEG) {
        const radius = sat.fieldOfRegard ? sat.fieldOfRegard.radiusKm : horizonRadiusKm(p[2]);
        sat.footprint.positions = Cartesian3.fromDegreesArray(circleRing(centre[0], centre[1], radius, 90));
        sat.footprintAt = centre;
      }
      moved = true;
    }
    if (moved) this.viewer.scene.requestRender();
  }

  private colourSites(): void {
    const radarState = new Map<string, keyof typeof SENSOR_COLOURS>();
    const rank = { idle: 0, quiet: 1, active: 2, flagged: 3 } as const;
    for (const s of this.model.sensors.values()) {
      const state: keyof typeof SENSOR_COLOURS = s.flagged ? 'flagged' : s.state;
      const sat = this.satellites.get(s.id);
      if (sat) sat.point.outlineColor = SENSOR_COLOURS[state];
      const radarId = s.radarId ?? this.faces.get(s.id);
      if (radarId) {
        const held = radarState.get(radarId);
        if (!held || rank[state] > rank[held]) radarState.set(radarId, state);
      }
    }
    for (const [radarId, entity] of this.sites) {
      const colour = SENSOR_COLOURS[radarState.get(radarId) ?? 'idle'];
      if (entity.point) entity.point.color = new ConstantProperty(colour);
    }
    this.viewer.scene.requestRender();
  }
}
