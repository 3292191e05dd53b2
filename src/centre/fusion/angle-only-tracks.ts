// Angle-only tracks: the IR detections of one satellite that no 3-D track took,
// chained into bearing histories (tracking/bearing-history.ts). Each frame of a
// satellite: its live angle-only tracks predict their line of sight (fit once, then
// evaluated at each report's time), the frame's lines of sight are indexed in a hashed
// grid on the unit sphere, each track gates the reports inside its box with
// d² = angle²/(σ_pred² + σ²) ≤ γ(2 dof), and the gate graph is solved by global nearest
// neighbour (tracking/gnn-associator.ts) with the likelihood-ratio costs of the
// trackers. Reports left over start tentative tracks. A track is confirmed after
// `angleOnlyConfirmHits` bearings and ends after too many missed revisits of its
// satellite (a revisit is missed when the satellite reports again more than 1.5
// revisits after the track's last bearing; the revisit is the track's own shortest
// recent interval, or the configured default).

import type { IrReport } from '../../sensors/report.ts';
import { type BearingFitOptions, BearingHistory } from '../tracking/bearing-history.ts';
import { GateEdges } from '../tracking/gate-edges.ts';
import { createGnnAssociator } from '../tracking/gnn-associator.ts';
import { MeasurementGrid } from '../tracking/measurement-grid.ts';
import type { IrTrackingConfig } from './config.ts';
import { TrackLineage } from './lineage.ts';
import type { AngleOnlyTrack } from './tracks.ts';

const LOG_2PI = Math.log(2 * Math.PI);

export class AngleOnlyTracks {
  /** Live angle-only tracks by satellite, in creation order. */
  readonly bySensor = new Map<string, AngleOnlyTrack[]>();
  private readonly config: IrTrackingConfig;
  private readonly fit: BearingFitOptions;
  private readonly gateThreshold: number;
  private readonly grid = new MeasurementGrid();
  private readonly edges = new GateEdges();
  private readonly associator = createGnnAssociator();
  private points = new Float64Array(3 * 64);
  private assignment = new Int32Array(64);
  private readonly predicted = new Float64Array(3);
  private readonly lo = new Float64Array(3);
  private readonly hi = new Float64Array(3);

  constructor(config: IrTrackingConfig, gateThreshold2: number) {
    this.config = config;
    this.fit = {
      maxRateRadS: config.maxAngularRateRadS,
      maxAccelerationRadS2: config.maxAngularAccelerationRadS2,
      fitPoints: 6,
    };
    this.gateThreshold = gateThreshold2;
  }

  live(sensorId: string): AngleOnlyTrack[] {
    let list = this.bySensor.get(sensorId);
    if (!list) {
      list = [];
      this.bySensor.set(sensorId, list);
    }
    return list;
  }

  /**
   * Associates the frame's still-available reports (available[j] ≠ 0) with the
   * satellite's angle-only tracks, extends them, starts new ones and counts misses.
   * Returns the tracks updated or started, and calls `ended` for each track deleted.
   */
  process(
    sensorId: string,
    reports: readonly IrReport[],
    available: Uint8Array,
    newId: () => string,
    ended: (track: AngleOnlyTrack, timeS: number) => void,
  ): AngleOnlyTrack[] {
    const tracks = this.live(sensorId);
    const count = reports.length;
    const touched: AngleOnlyTrack[] = [];
    const extended = new Set<AngleOnlyTrack>();
    if (count === 0) return touched;
    let tFirst = Number.POSITIVE_INFINITY;
    let tLast = Number.NEGATIVE_INFINITY;
    let sigmaMax = 0;
    if (this.points.length < 3 * count) this.points = new Float64Array(6 * count);
    for (let j = 0; j < count; j++) {
      const r = reports[j]!;
      const l = r.losEci;
      const inv = 1 / Math.hypot(l[0], l[1], l[2]);
      this.points[3 * j] = l[0] * inv;
      this.points[3 * j + 1] = l[1] * inv;
      this.points[3 * j + 2] = l[2] * inv;
      tFirst = Math.min(tFirst, r.timeS);
      tLast = Math.max(tLast, r.timeS);
      sigmaMax = Math.max(sigmaMax, r.sigmaRad);
    }
    this.edges.clear();
    if (tracks.length > 0) {
      this.grid.build(this.points, 3, count, available, 20 * sigmaMax + this.fit.maxRateRadS);
      const gamma = Math.sqrt(this.gateThreshold);
      for (let k = 0; k < tracks.length; k++) {
        const h = tracks[k]!.history;
        if (!h.fit(this.fit)) continue;
        const variance = h.evaluate(this.predicted, tFirst);
        const w = gamma * Math.sqrt(variance + sigmaMax * sigmaMax) + this.fit.maxRateRadS * (tLast - tFirst);
        for (let d = 0; d < 3; d++) {
          this.lo[d] = this.predicted[d]! - w;
          this.hi[d] = this.predicted[d]! + w;
        }
        const found = this.grid.query(this.lo, this.hi, count);
        const total = found < 0 ? count : found;
        for (let q = 0; q < total; q++) {
          const j = found < 0 ? q : this.grid.candidates[q]!;
          if (!available[j]) continue;
          const r = reports[j]!;
          const v = h.evaluate(this.predicted, r.timeS) + r.sigmaRad * r.sigmaRad;
          const l = r.losEci;
          const dot =
            (this.predicted[0]! * l[0] + this.predicted[1]! * l[1] + this.predicted[2]! * l[2]) /
            Math.hypot(l[0], l[1], l[2]);
          const angle = Math.acos(Math.min(1, dot));
          const d2 = (angle * angle) / v;
          if (!(d2 <= this.gateThreshold)) continue;
          const e = this.edges.count;
          this.edges.push(k, j, d2);
          const logLikelihood = -0.5 * d2 - Math.log(v) - LOG_2PI;
          const pd = this.config.detectionProbability;
          this.edges.cost[e] =
            -(Math.log(pd) + logLikelihood - Math.log(this.config.clutterDensity)) + Math.log1p(-pd);
        }
      }
      if (this.assignment.length < tracks.length) this.assignment = new Int32Array(2 * tracks.length);
      this.associator.associate(this.edges, tracks.length, count, this.assignment);
      for (let k = 0; k < tracks.length; k++) {
        const j = this.assignment[k]!;
        if (j < 0) continue;
        available[j] = 0;
        this.extend(tracks[k]!, reports[j]!);
        touched.push(tracks[k]!);
        extended.add(tracks[k]!);
      }
    }
    // Missed revisits.
    for (let k = tracks.length - 1; k >= 0; k--) {
      const t = tracks[k]!;
      if (extended.has(t)) continue;
      const last = t.history.latestTime();
      if (tFirst > last + 1.5 * t.revisitS && tFirst >= t.lastMissS + t.revisitS) {
        t.misses++;
        t.lastMissS = tFirst;
        const limit =
          t.status === 'confirmed'
            ? this.config.angleOnlyConfirmedMisses
            : this.config.angleOnlyTentativeMisses;
        if (t.misses >= limit) {
          tracks.splice(k, 1);
          t.deletedAtS = tFirst;
          ended(t, tFirst);
        }
      }
    }
    for (let j = 0; j < count; j++) {
      if (!available[j]) continue;
      available[j] = 0;
      const track: AngleOnlyTrack = {
        kind: 'angle-only',
        id: newId(),
        sensorId,
        history: new BearingHistory(16),
        status: 'tentative',
        hits: 0,
        misses: 0,
        lastMissS: reports[j]!.timeS,
        revisitS: this.config.defaultRevisitS,
        revisitMeasured: false,
        deletedAtS: null,
        absorbedInto: null,
        lineage: new TrackLineage(),
      };
      this.extend(track, reports[j]!);
      tracks.push(track);
      touched.push(track);
    }
    return touched;
  }

  /** Removes a track from its satellite's live list (a stereo start absorbed it). */
  remove(track: AngleOnlyTrack): void {
    const list = this.bySensor.get(track.sensorId);
    if (!list) return;
    const i = list.indexOf(track);
    if (i >= 0) list.splice(i, 1);
  }

  private extend(track: AngleOnlyTrack, r: IrReport): void {
    const h = track.history;
    if (h.count > 0) {
      const gap = r.timeS - h.latestTime();
      if (gap > 0) {
        track.revisitS = track.revisitMeasured ? Math.min(gap, 0.7 * track.revisitS + 0.3 * gap) : gap;
        track.revisitMeasured = true;
      }
    }
    h.push(r.timeS, r.observerEci, r.losEci, r.sigmaRad, r.intensity);
    track.hits++;
    track.misses = 0;
    track.lastMissS = r.timeS;
    track.lineage.record(r, this.config.defaultRevisitS);
    if (track.status === 'tentative' && track.hits >= this.config.angleOnlyConfirmHits)
      track.status = 'confirmed';
  }
}
