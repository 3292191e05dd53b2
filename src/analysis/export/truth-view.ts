// The ground truth of a run as a console draws it, for training and replay only: the
// launches, every object's path sampled every few seconds ([tS, latDeg, lonDeg, altKm],
// Earth-fixed), the false-alarm sources the scenario places (glint fields, heat
// sources) with the times they are active, and where each report that no real object
// caused came from — a glint's line of sight meeting its cloud top, a fire's meeting the
// ground, a radar's false plot where the radar put it. Degrees and km at this edge.
import { gmstAt } from '../../orbits/sidereal.ts';
import { aerToEcef, ecefToGeodetic, eciToEcef, geodeticToEcef } from '../../physics/frames.ts';
import { rayToEllipsoidM } from '../../physics/ray-ellipsoid.ts';
import type { Scenario } from '../../scenario/scenario.ts';
import type { SensorReport, TruthLabel } from '../../sensors/report.ts';
import { weatherOf } from '../../sensors/run-network.ts';
import type { Truth } from '../../world/truth.ts';
import { round } from '../summary.ts';
import { fixedPath } from './ground-track.ts';

const RAD = 180 / Math.PI;

export interface TruthLaunchView {
  id: string;
  vehicleClass: string;
  launchTimeS: number;
  latDeg: number;
  lonDeg: number;
  aim: { latDeg: number; lonDeg: number } | null;
}

export interface TruthObjectView {
  id: string;
  /** The launch event that made it. */
  launchId: string;
  kind: string;
  vehicleClass: string;
  /** When it became a body of its own (the launch for the head of the stack), s. */
  startTimeS: number;
  impactTimeS: number | null;
  impact: { latDeg: number; lonDeg: number } | null;
  /** [tS, latDeg, lonDeg, altKm] from its start to its end or the run's, both ends included. */
  samples: Array<[number, number, number, number]>;
}

export interface TruthSourceView {
  id: string;
  kind: 'glint' | 'heat-source';
  latDeg: number;
  lonDeg: number;
  /** The glint field's radius; 0 for a heat source, km. */
  radiusKm: number;
  fromS: number;
  untilS: number;
}

export interface TruthFiringView {
  tS: number;
  /** What really caused the report (glint, heat-source, false-alarm, clutter, moon, fault-…). */
  cause: string;
  /** The scenario event behind it, when there is one. */
  eventId: string | null;
  sensorId: string;
  reportId: string;
  latDeg: number;
  lonDeg: number;
  altKm: number;
}

/** The launches and every object's path, sampled every `everyS` up to the run's end. */
export function truthObjectsView(
  truth: Truth,
  everyS: number,
): { launches: TruthLaunchView[]; objects: TruthObjectView[] } {
  const launches = truth.launches.map((l) => ({
    id: l.eventId,
    vehicleClass: l.vehicleClass,
    launchTimeS: round(l.launchTimeS, 3),
    latDeg: round(l.launchLatDeg, 5),
    lonDeg: round(l.launchLonDeg, 5),
    aim: l.aim ? { latDeg: round(l.aim.latDeg, 5), lonDeg: round(l.aim.lonDeg, 5) } : null,
  }));
  const objects: TruthObjectView[] = [];
  for (const o of truth.objects) {
    const path = fixedPath(o, truth.epochUnixMs, everyS, truth.durationS);
    if (path.length === 0) continue;
    const impact = o.milestones.find((m) => m.kind === 'impact');
    objects.push({
      id: o.id,
      launchId: o.eventId,
      kind: o.kind,
      vehicleClass: o.vehicleClass,
      startTimeS: round(o.startTimeS, 3),
      impactTimeS: o.impactTimeS === null ? null : round(o.impactTimeS, 3),
      impact: impact ? { latDeg: round(impact.latDeg, 5), lonDeg: round(impact.lonDeg, 5) } : null,
      samples: path.map((s) => [
        round(s.tS, 3),
        round(s.latDeg, 5),
        round(s.lonDeg, 5),
        round(s.altM / 1000, 3),
      ]),
    });
  }
  return { launches, objects };
}

/** The glint fields and heat sources of the scenario. */
export function truthSourcesView(scenario: Scenario): TruthSourceView[] {
  const out: TruthSourceView[] = [];
  for (const e of scenario.events) {
    if (e.type === 'glint')
      out.push({
        id: e.id,
        kind: 'glint',
        latDeg: round(e.region.center.latRad * RAD, 5),
        lonDeg: round(e.region.center.lonRad * RAD, 5),
        radiusKm: round(e.region.radiusM / 1000, 3),
        fromS: e.fromS,
        untilS: e.untilS,
      });
    else if (e.type === 'heat-source')
      out.push({
        id: e.id,
        kind: 'heat-source',
        latDeg: round(e.site.latRad * RAD, 5),
        lonDeg: round(e.site.lonRad * RAD, 5),
        radiusKm: 0,
        fromS: e.fromS,
        untilS: e.untilS,
      });
  }
  return out;
}

const siteScratch = new Float64Array(3);
const eciScratch = new Float64Array(3);
const pointScratch = new Float64Array(3);
const geoScratch = new Float64Array(3);

/**
 * Where a ray from o along unit u (ECI) first meets the surface hM above the WGS-84
 * ellipsoid (ray-ellipsoid.ts), into geoScratch [latRad, lonRad, hM]; false if it misses.
 */
function rayAtHeight(o: ArrayLike<number>, u: ArrayLike<number>, hM: number, gmst: number): boolean {
  const s = rayToEllipsoidM(o, u, hM);
  if (Number.isNaN(s)) return false;
  for (let i = 0; i < 3; i++) eciScratch[i] = o[i]! + s * u[i]!;
  eciToEcef(pointScratch, eciScratch, gmst);
  ecefToGeodetic(geoScratch, pointScratch);
  return true;
}

/** Height of each glint field's cloud top, m, as the sensors take it (the field's own, else the weather's). */
export function glintHeightsM(scenario: Scenario): Map<string, number> {
  const weather = weatherOf(scenario.weather);
  const heights = new Map<string, number>();
  for (const e of scenario.events)
    if (e.type === 'glint')
      heights.set(e.id, e.cloudTopM ?? weather.cloudTopM(e.region.center.latRad, e.region.center.lonRad));
  return heights;
}

/**
 * Where a report no real object caused came from: an IR line of sight where it meets
 * the glinting cloud top (a glint) or the ground, a radar plot at its measured range,
 * azimuth and elevation. Null for a report of a real object, or a line of sight that
 * misses the Earth (limb viewing).
 */
export function firingOf(
  report: SensorReport,
  label: TruthLabel,
  epochUnixMs: number,
  glintHeights: ReadonlyMap<string, number>,
): TruthFiringView | null {
  if (label.cause === 'object') return null;
  if (report.kind === 'ir') {
    const hM = label.cause === 'glint' && label.eventId ? (glintHeights.get(label.eventId) ?? 0) : 0;
    if (!rayAtHeight(report.observerEci, report.losEci, hM, gmstAt(epochUnixMs, report.timeS))) return null;
  } else {
    const { latRad, lonRad, hM } = report.site;
    geodeticToEcef(siteScratch, latRad, lonRad, hM);
    aerToEcef(pointScratch, siteScratch, latRad, lonRad, report.azRad, report.elRad, report.rangeM);
    ecefToGeodetic(geoScratch, pointScratch);
  }
  return {
    tS: round(report.timeS, 3),
    cause: label.cause,
    eventId: label.eventId,
    sensorId: report.sensorId,
    reportId: report.id,
    latDeg: round(geoScratch[0]! * RAD, 4),
    lonDeg: round(geoScratch[1]! * RAD, 4),
    altKm: round(geoScratch[2]! / 1000, 3),
  };
}
