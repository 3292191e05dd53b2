// An infrared early-warning satellite as a SensorModel (issue 3; DOMAIN.md §3): each
// turn of its scan (or frame of its stare) it looks at every burning stage, sun glint
// and heat source; whatever passes the viewing geometry (view-rules.ts, geometry.ts),
// the cloud deck, the field of regard, the sun exclusion and the detection draw
// (detection.ts) becomes an IrReport with a noisy line of sight, labelled on the truth
// channel with what really caused it.
// Cost: a look touches only the burn intervals overlapping its turn (burn-index.ts),
// the glint fields and heat sources active then; everything deterministic is checked
// before the first random draw, so the stream of draws depends only on what is seen.

import type { SatelliteOrbit } from '../../orbits/orbit.ts';
import { ecefToGeodetic, eciToEcef } from '../../physics/frames.ts';
import type { Rng } from '../../physics/random.ts';
import { normalize, sub } from '../../physics/vec3.ts';
import type {
  DegradeSpec,
  GlintSpec,
  HeatSourceSpec,
  IrSensorSpec,
  SatelliteSpec,
} from '../../scenario/scenario.ts';
import { stateAt } from '../../world/truth.ts';
import type { IrReport, ReportCause, TruthLabel } from '../report.ts';
import type { Emit, SensorModel } from '../sensor.ts';
import type { WorldView } from '../world-view.ts';
import { BurnCursor, burnIndexOf } from './burn-index.ts';
import { drawDetection, irradianceWPerM2, measuredRelIntensity, neiOf } from './detection.ts';
import { inGroundCircle, isSunExcluded } from './geometry.ts';
import {
  createCloudPoint,
  DEFAULT_GLINT_INTENSITY,
  fieldGlintPoint,
  GLINT_CUTOFF_WIDTHS,
  glintAngleRad,
  glintIntensity,
} from './glint.ts';
import { heatSourceIntensity, heatSourcePosition } from './heat-source.ts';
import { assumedRangeM, perturbLineOfSight, sensorAzEl } from './line-of-sight.ts';
import { lookTimeS } from './revisit.ts';
import { glintInView, heatSourceInView, plumeInView } from './view-rules.ts';

/** Scenario degradation of one satellite (DegradeSpec): Pd and line-of-sight noise multipliers. */
export type IrDegradation = Pick<DegradeSpec, 'pdFactor' | 'sigmaFactor'>;

/** A detection waiting for the end of its turn, to be emitted in time order. */
interface Pending {
  timeS: number;
  observer: [number, number, number];
  los: [number, number, number];
  azRad: number;
  elRad: number;
  intensity: number;
  cause: ReportCause;
  objectId: string | null;
  eventId: string | null;
}

const satPos = new Float64Array(3);
const targetPos = new Float64Array(3);
const los = new Float64Array(3);
const measuredLos = new Float64Array(3);
const azEl = new Float64Array(2);
const sunDir = new Float64Array(3);
const ecef = new Float64Array(3);
const geodetic = new Float64Array(3);
const cloudPoint = createCloudPoint();

export class IrSatelliteSensor implements SensorModel {
  readonly id: string;
  readonly kind = 'ir' as const;
  readonly sensor: IrSensorSpec;
  readonly orbit: SatelliteOrbit;
  /** Noise-equivalent irradiance in use, W/m². */
  readonly neiWPerM2: number;
  /** Line-of-sight noise in use (after degradation), rad per axis. */
  readonly sigmaRad: number;
  private readonly pdFactor: number;

  constructor(spec: SatelliteSpec, orbit: SatelliteOrbit, degradation?: IrDegradation) {
    this.id = spec.id;
    this.sensor = spec.sensor;
    this.orbit = orbit;
    this.neiWPerM2 = neiOf(spec.sensor.kind, spec.sensor.neiWPerM2);
    this.sigmaRad = spec.sensor.sigmaRad * (degradation?.sigmaFactor ?? 1);
    this.pdFactor = degradation?.pdFactor ?? 1;
  }

  simulate(world: WorldView, rng: Rng, emit: Emit): void {
    for (const _ of this.scans(world, rng, emit));
  }

  /** Yields after each frame k the next frame's start: frame k's looks fall in [k, k + 1)·revisit. */
  *scans(world: WorldView, rng: Rng, emit: Emit): Generator<number, void, void> {
    const { revisitS } = this.sensor;
    const index = burnIndexOf(world.truth);
    const cursor = new BurnCursor(index);
    const glints = world.phenomena.glints;
    const heatSources = this.sensor.mode === 'look-down' ? world.phenomena.heatSources : [];
    const pending: Pending[] = [];
    let sequence = 0;

    for (let k = 0; k * revisitS <= world.durationS; k++) {
      const fromS = k * revisitS;
      const untilS = fromS + revisitS;
      pending.length = 0;
      const n = cursor.advance(fromS, untilS);
      for (let i = 0; i < n; i++) {
        const b = cursor.at(i);
        const o = index.objects[b]!;
        const startS = index.startS[b]!;
        const endS = index.endS[b]!;
        const t = this.lookAt(k, (tS, out) => stateAt(o, tS, out), startS, endS, world.durationS);
        if (t === null || !stateAt(o, t, targetPos) || !this.orbit.state(satPos, null, t)) continue;
        this.lookAtPlume(world, rng, t, index.intensity[b]!, o.id, o.eventId, pending);
      }
      for (const g of glints) {
        if (g.untilS <= fromS || g.fromS >= untilS) continue;
        const t = this.lookAt(
          k,
          (tS, out) => this.glintPoint(world, g, tS, out),
          g.fromS,
          g.untilS,
          world.durationS,
        );
        if (t === null || !this.orbit.state(satPos, null, t)) continue;
        this.lookAtGlint(world, rng, t, g, pending);
      }
      for (const h of heatSources) {
        if (h.untilS <= fromS || h.fromS >= untilS) continue;
        const t = this.lookAt(
          k,
          (tS, out) => heatPoint(world, h, tS, out),
          h.fromS,
          h.untilS,
          world.durationS,
        );
        if (t === null || !this.orbit.state(satPos, null, t)) continue;
        this.lookAtHeatSource(world, rng, t, h, pending);
      }
      pending.sort((a, b) => a.timeS - b.timeS);
      for (const p of pending) {
        const id = `${this.id}#${++sequence}`;
        const report: IrReport = {
          kind: 'ir',
          id,
          sensorId: this.id,
          timeS: p.timeS,
          observerEci: p.observer,
          losEci: p.los,
          azRad: p.azRad,
          elRad: p.elRad,
          sigmaRad: this.sigmaRad,
          intensity: p.intensity,
          count: 1,
        };
        const label: TruthLabel = { reportId: id, cause: p.cause, objectId: p.objectId, eventId: p.eventId };
        emit(report, label);
      }
      yield untilS;
    }
  }

  /**
   * The time of turn (or frame) k's look at a source whose position at a time the
   * callback gives, if it falls in [startS, endS) and in the run; else null. A scanner's
   * look depends on the source's azimuth, itself a function of the time: solved by two
   * fixed-point steps from the middle of the turn (a source moves far less than a turn's
   * worth of azimuth during one turn).
   */
  private lookAt(
    k: number,
    position: (tS: number, out: Float64Array) => boolean,
    startS: number,
    endS: number,
    durationS: number,
  ): number | null {
    const { kind, revisitS } = this.sensor;
    let t = lookTimeS(kind, revisitS, k, 0);
    if (kind === 'scanner') {
      const fromS = k * revisitS;
      t = Math.min(Math.max(fromS + 0.5 * revisitS, startS), endS);
      for (let step = 0; step < 2; step++) {
        if (!position(t, targetPos) || !this.orbit.state(satPos, null, t)) return null;
        normalize(los, sub(los, targetPos, satPos));
        t = lookTimeS(kind, revisitS, k, sensorAzEl(azEl, satPos, los)[0]!);
      }
      if (t < fromS || t >= fromS + revisitS) return null;
    }
    return t >= startS && t < endS && t <= durationS ? t : null;
  }

  private glintPoint(world: WorldView, g: GlintSpec, t: number, out: Float64Array): boolean {
    if (!this.orbit.state(satPos, null, t)) return false;
    world.sunDirection(sunDir, t);
    const hM = g.cloudTopM ?? world.weather.cloudTopM(g.region.center.latRad, g.region.center.lonRad);
    fieldGlintPoint(cloudPoint, g.region, satPos, sunDir, hM, world.gmst(t));
    out.set(cloudPoint.position);
    return true;
  }

  /** targetPos, satPos hold the plume's and the satellite's positions at t. */
  private lookAtPlume(
    world: WorldView,
    rng: Rng,
    t: number,
    relIntensity: number,
    objectId: string,
    eventId: string,
    pending: Pending[],
  ): void {
    normalize(los, sub(los, targetPos, satPos));
    if (!plumeInView(this.sensor.mode, satPos, targetPos, los, this.sensor.limbMarginM)) return;
    ecefToGeodetic(geodetic, eciToEcef(ecef, targetPos, world.gmst(t)));
    const latRad = geodetic[0]!;
    const lonRad = geodetic[1]!;
    if (geodetic[2]! <= world.weather.cloudTopM(latRad, lonRad)) return;
    if (!this.inFieldOfRegard(latRad, lonRad)) return;
    if (isSunExcluded(satPos, los, world.sunDirection(sunDir, t))) return;
    this.detect(rng, t, relIntensity, 'object', objectId, eventId, pending);
  }

  /** satPos holds the satellite's position at t. */
  private lookAtGlint(world: WorldView, rng: Rng, t: number, g: GlintSpec, pending: Pending[]): void {
    this.glintPoint(world, g, t, targetPos);
    const up = cloudPoint.up;
    if (sunDir[0]! * up[0]! + sunDir[1]! * up[1]! + sunDir[2]! * up[2]! <= 0) return;
    normalize(los, sub(los, targetPos, satPos));
    if (!glintInView(this.sensor.mode, satPos, targetPos, los)) return;
    if (!this.inFieldOfRegard(cloudPoint.latRad, cloudPoint.lonRad)) return;
    if (isSunExcluded(satPos, los, sunDir)) return;
    const alpha = glintAngleRad(targetPos, up, sunDir, satPos);
    if (alpha > GLINT_CUTOFF_WIDTHS * g.angularWidthRad) return;
    const relIntensity = glintIntensity(g.intensity ?? DEFAULT_GLINT_INTENSITY, alpha, g.angularWidthRad);
    this.detect(rng, t, relIntensity, 'glint', null, g.id, pending);
  }

  /** satPos holds the satellite's position at t. */
  private lookAtHeatSource(
    world: WorldView,
    rng: Rng,
    t: number,
    h: HeatSourceSpec,
    pending: Pending[],
  ): void {
    heatSourcePosition(targetPos, h, world.gmst(t));
    if (!heatSourceInView(this.sensor.mode, satPos, targetPos)) return;
    if (!this.inFieldOfRegard(h.site.latRad, h.site.lonRad)) return;
    normalize(los, sub(los, targetPos, satPos));
    if (isSunExcluded(satPos, los, world.sunDirection(sunDir, t))) return;
    this.detect(rng, t, heatSourceIntensity(h), 'heat-source', null, h.id, pending);
  }

  private inFieldOfRegard(latRad: number, lonRad: number): boolean {
    const field = this.sensor.fieldOfRegard;
    return field === null || inGroundCircle(field, latRad, lonRad);
  }

  /**
   * The detection draw for a source in view (targetPos, satPos, los set): on success
   * queues a report with a perturbed line of sight and the measured intensity.
   */
  private detect(
    rng: Rng,
    t: number,
    relIntensity: number,
    cause: ReportCause,
    objectId: string | null,
    eventId: string | null,
    pending: Pending[],
  ): void {
    const dx = targetPos[0]! - satPos[0]!;
    const dy = targetPos[1]! - satPos[1]!;
    const dz = targetPos[2]! - satPos[2]!;
    const snr = irradianceWPerM2(relIntensity, Math.sqrt(dx * dx + dy * dy + dz * dz)) / this.neiWPerM2;
    const measuredSnr = drawDetection(snr, rng);
    if (Number.isNaN(measuredSnr)) return;
    if (this.pdFactor < 1 && rng.uniform() >= this.pdFactor) return;
    perturbLineOfSight(measuredLos, los, this.sigmaRad, rng);
    sensorAzEl(azEl, satPos, measuredLos);
    pending.push({
      timeS: t,
      observer: [satPos[0]!, satPos[1]!, satPos[2]!],
      los: [measuredLos[0]!, measuredLos[1]!, measuredLos[2]!],
      azRad: azEl[0]!,
      elRad: azEl[1]!,
      intensity: measuredRelIntensity(measuredSnr, this.neiWPerM2, assumedRangeM(satPos, measuredLos)),
      cause,
      objectId,
      eventId,
    });
  }
}

function heatPoint(world: WorldView, h: HeatSourceSpec, t: number, out: Float64Array): boolean {
  heatSourcePosition(out, h, world.gmst(t));
  return true;
}

/** The IR sensor of a satellite, on its orbit, optionally degraded by the scenario. */
export function irSensor(
  spec: SatelliteSpec,
  orbit: SatelliteOrbit,
  degradation?: IrDegradation,
): SensorModel {
  return new IrSatelliteSensor(spec, orbit, degradation);
}
