// The warning centre's tracker: every sensor report in, one fused track picture out.
//
// Reports pass a reorder buffer (reorder-buffer.ts) and leave in time order once the
// newest report seen is `reorderDelayS` ahead of them; a report older than what has
// already been processed (a feed delayed beyond the buffer) is associated with the
// track it fits by retrodiction (the track's estimate predicted back to its time) and
// recorded in that track's lineage as late, but never changes a state — so a delayed
// feed cannot corrupt a track, and within the buffer's delay the order of arrival makes
// no difference at all. Released reports are cut into batches spanning `frameWindowS`
// and each batch into frames, one per sensor: a radar face's plots of one scan, or one
// satellite's lines of sight of one revisit. Reports with a non-finite number or a
// non-positive σ (a garbled feed) are counted and set aside.
//
// A frame (one sensor):
// 1. gate its reports against the 3-D tracks (frame-gating.ts; IR only against tracks
//    that may be burning: boost probability ≥ boostEligibility, or IR in the last
//    irRecentS);
// 2. associate, confirmed tracks first and tentative ones with what is left (the
//    two-stage scheme of the peer-benchmark tracker), by global nearest neighbour on
//    clusters with likelihood-ratio costs, or for radar by JPDA on dense clusters
//    when configured (tracking/jpda.ts);
// 3. update each associated track's IMM (boost ↔ ballistic; imm.ts) with the report's
//    own measurement model — radar range/azimuth/elevation(/range rate) from its site,
//    or the IR line of sight from its satellite: central measurement-level fusion. An IR
//    detection is also evidence of a burning plume (mode likelihoods Pd for boost, 1 − Pd
//    for ballistic), the only way back to boost for a track whose boost mode has been
//    pruned at the probability floor after a long coast;
// 4. count missed revisits of the sensors on the tracks they have been updating: a radar
//    face's missed scans count against M-of-N; an IR satellite that saw a plume and has
//    not reported it for a revisit (checked before each batch, whether or not the
//    satellite sent anything else: a scanner keeps looking) gives burnout evidence — the
//    estimate is taken to the missed revisit with one IMM mixing half-way, the spread of
//    the unknown burnout time is added to the velocity along the thrust, and the modes
//    are weighed by (1 − Pd)^k for boost against 1 for ballistic;
// 5. start tracks: a radar plot no track took is paired with an earlier unpaired plot of
//    the same radar to start a tentative track (two-point initiation, radar-
//    initiation.ts), confirmed by M of N scans; an IR line of sight no 3-D track took
//    joins or starts an angle-only track of its satellite (angle-only-tracks.ts), and
//    angle-only tracks of two satellites that fit one path become a 3-D track
//    (stereo-start.ts).
// A track too uncertain for a linearised update by a precise report (frame-gating.ts) is
// not updated by it; the radar's own track and the track-to-track fusion take over.
// Every `checkIntervalS` an IR-built and a radar-built track that agree in position and
// velocity (track-to-track.ts) are noted, and merged after `mergeAfterChecks`
// consecutive agreements; every `sweepIntervalS` coasting tracks are predicted to the
// sweep time, and tracks are deleted that went too long without an update, grew too
// uncertain, or reached the ground.
//
// Track management: tentative → confirmed (radar: M of N scans; IR stereo: further
// updates) → coasting (no update for coastAfterS) → deleted (tentative: M-of-N failure
// or tentativeMaxCoastS without update; confirmed: maxCoastS without update, position σ
// over maxPositionStdM, or impact). Confirmed tracks are not deleted by misses alone: a
// track leaving one radar's coverage coasts on its ballistic prediction until another
// sensor takes it up. Ids are stable ("T1", "T2", … never reused).

import { OMEGA_EARTH } from '../../physics/constants.ts';
import { choleskyQuadraticForm } from '../../physics/matrix.ts';
import type { SensorReport } from '../../sensors/report.ts';
import { chiSquareCdf, chiSquareQuantile } from '../tracking/distributions.ts';
import { approximateAltitude } from '../tracking/flight-dynamics.ts';
import { createFlightMotionModel, createFlightPredictor } from '../tracking/flight-motion.ts';
import { DRAG, STATE_DIM, THRUST, VEL } from '../tracking/flight-state.ts';
import { GateEdges } from '../tracking/gate-edges.ts';
import { createGnnAssociator } from '../tracking/gnn-associator.ts';
import { createImm, type Imm } from '../tracking/imm.ts';
import { createJpdaSolver, JpdaMarginals } from '../tracking/jpda.ts';
import { MeasurementGrid } from '../tracking/measurement-grid.ts';
import type { Predictor } from '../tracking/predictor.ts';
import { type ConvertedPlot, initialiseFromTwoPlots, plausiblePair } from '../tracking/radar-initiation.ts';
import { radarPlotToEci } from '../tracking/radar-measurement.ts';
import { createUnscentedPredictor } from '../tracking/unscented.ts';
import { AngleOnlyTracks } from './angle-only-tracks.ts';
import { type CentreTrackerConfig, type CentreTrackerOptions, resolveCentreConfig } from './config.ts';
import { FrameGater } from './frame-gating.ts';
import { type SensorContribution, TrackLineage } from './lineage.ts';
import {
  bearingsJson,
  type CentreTrackSummary,
  featuresJson,
  geodeticOf,
  lineageJson,
  numbersOf,
  type PictureAngleOnlyTrack,
  type PictureTrack,
  rayGroundPoint,
  type TrackAssociationJson,
  type TrackPicture,
} from './picture.ts';
import { ReorderBuffer } from './reorder-buffer.ts';
import { ReportMeasurement } from './report-measurement.ts';
import { StereoInitiator, type StereoStart } from './stereo-start.ts';
import { TrackFeatures } from './track-features.ts';
import { fuseIndependent, trackDistance2, trackDistancePValue } from './track-to-track.ts';
import { type AngleOnlyTrack, emptyNisStatistics, type FusedTrack, type TrackOrigin } from './tracks.ts';

const N = STATE_DIM;
const BOOST = 0;
const BALLISTIC = 1;
/** Existence probabilities in the association costs of confirmed and tentative tracks. */
const CONFIRMED_EXISTENCE = 0.99;
const TENTATIVE_EXISTENCE = 0.5;
/** Least variances of the state components (covariance guard). */
const VARIANCE_FLOOR = [1e-2, 1e-2, 1e-2, 1e-6, 1e-6, 1e-6, 1e-6, 1e-16];

/** A radar plot no track took, waiting for a second plot to start a track with. */
interface RadarCandidate {
  plot: ConvertedPlot;
  report: SensorReport;
  used: boolean;
}

export interface CentreStats {
  reportsIngested: number;
  /** Reports set aside for a non-finite or non-positive field (a garbled feed). */
  reportsRejected: number;
  reportsProcessed: number;
  lateReports: number;
  frames: number;
  tracksStarted: number;
  angleOnlyStarted: number;
  stereoStarts: number;
  merges: number;
  tracksDeleted: number;
  /** Track updates made by JPDA (several reports, weighted) rather than one assigned report. */
  jpdaUpdates: number;
}

/** Agreement of two tracks in position and velocity at one time. */
export interface TrackAgreement {
  timeS: number;
  statistic: number;
  dof: number;
  pValue: number;
  consistent: boolean;
}

export interface CentreTracker {
  readonly config: Readonly<CentreTrackerConfig>;
  /** Takes one report (any order within the reorder delay). */
  ingest(report: SensorReport): void;
  /**
   * Takes many reports; with upToTimeS, also processes everything up to that time (the
   * caller promises no report older than it will come).
   */
  ingestBatch(reports: readonly SensorReport[], upToTimeS?: number): void;
  /** Processes every buffered report up to upToTimeS (all of them when omitted). */
  flush(upToTimeS?: number): void;
  /** The track picture at tS, after processing every report up to tS. */
  picture(tS: number): TrackPicture;
  /** Every track that was ever confirmed, as rows of the run summary's tracks[]. */
  summary(): CentreTrackSummary[];
  /** Position/velocity agreement of two live 3-D tracks at tS, or null when either is unknown. */
  agreement(idA: string, idB: string, tS: number): TrackAgreement | null;
  stats(): CentreStats;
}

/** Whether every number the centre reads from a report is finite (and every σ positive). */
function wellFormed(r: SensorReport): boolean {
  if (!Number.isFinite(r.timeS)) return false;
  if (r.kind === 'ir') {
    const o = r.observerEci;
    const l = r.losEci;
    const norm = Math.hypot(l[0], l[1], l[2]);
    return (
      Number.isFinite(o[0] + o[1] + o[2]) &&
      Number.isFinite(norm) &&
      norm > 0 &&
      r.sigmaRad > 0 &&
      Number.isFinite(r.sigmaRad)
    );
  }
  const s = r.site;
  return (
    Number.isFinite(s.latRad + s.lonRad + s.hM + r.rangeM + r.azRad + r.elRad) &&
    r.rangeM > 0 &&
    r.sigmaRangeM > 0 &&
    r.sigmaAngleRad > 0 &&
    (r.rangeRateMps === null || (Number.isFinite(r.rangeRateMps) && (r.sigmaRangeRateMps ?? 0) > 0))
  );
}

export function createCentreTracker(options: CentreTrackerOptions): CentreTracker {
  const cfg = resolveCentreConfig(options);
  const gmst = cfg.gmst;
  const gamma = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((m) =>
    m === 0 ? 0 : chiSquareQuantile(cfg.gateProbability, m),
  );
  const trackGamma = chiSquareQuantile(cfg.fusion.trackGateProbability, 6);
  const modeModels = [
    createFlightMotionModel('boost', cfg.motion.boost),
    createFlightMotionModel('ballistic', cfg.motion.ballistic),
  ];
  const predictors: Predictor[] = modeModels.map((m) =>
    cfg.filter === 'ukf' ? createUnscentedPredictor(m) : createFlightPredictor(m),
  );
  const imm: Imm = createImm(predictors, {
    switchRates: [0, cfg.imm.boostToBallisticRate, cfg.imm.ballisticToBoostRate, 0],
    minModeProbability: cfg.imm.minModeProbability,
    varianceFloor: VARIANCE_FLOOR,
    maxCycleS: cfg.imm.maxCycleS,
    pruneProbability: 2 * cfg.imm.minModeProbability,
  });
  const blockSize = imm.layout.size;
  const measurement = new ReportMeasurement(cfg.filter, gmst);
  const gater = new FrameGater(imm, measurement, (m) => gamma[m]!);
  const angleOnly = new AngleOnlyTracks(cfg.ir, gamma[2]!);
  const stereo = new StereoInitiator(cfg.ir, cfg.imm);
  const gnn = createGnnAssociator();
  const jpda = createJpdaSolver();
  const marginals = new JpdaMarginals();
  const buffer = new ReorderBuffer();

  const live: FusedTrack[] = [];
  const byId = new Map<string, FusedTrack | AngleOnlyTrack>();
  const retired: Array<FusedTrack | AngleOnlyTrack> = [];
  const everConfirmed = new Set<string>();
  const sensorTracks = new Map<string, Set<FusedTrack>>();
  const associations = new Map<string, TrackAssociationJson>();
  const radarCandidates = new Map<string, RadarCandidate[]>();
  const candidateGrid = new MeasurementGrid();
  let candidatePoints = new Float64Array(3 * 64);
  let nextId = 1;
  let removedSince = false;
  let frameNumber = 0;
  let maxSeenS = Number.NEGATIVE_INFINITY;
  let processedS = Number.NEGATIVE_INFINITY;
  let lastSweepS = Number.NEGATIVE_INFINITY;
  let lastCheckS = Number.NEGATIVE_INFINITY;
  const stats: CentreStats = {
    reportsIngested: 0,
    reportsRejected: 0,
    reportsProcessed: 0,
    lateReports: 0,
    frames: 0,
    tracksStarted: 0,
    angleOnlyStarted: 0,
    stereoStarts: 0,
    merges: 0,
    tracksDeleted: 0,
    jpdaUpdates: 0,
  };

  // Scratch, reused across frames.
  const stageEdges = new GateEdges();
  let available = new Uint8Array(64);
  let stageOfTrack = new Int32Array(64);
  let stageTracks = new Int32Array(64);
  let assignment = new Int32Array(64);
  let stageEdgeSource = new Int32Array(256);
  let stageEdgeStart = new Int32Array(64);
  let stageEdgeEnd = new Int32Array(64);
  const scratchBlock = new Float64Array(blockSize);
  const scratchBlock2 = new Float64Array(blockSize);
  const xA = new Float64Array(N);
  const PA = new Float64Array(N * N);
  const xB = new Float64Array(N);
  const PB = new Float64Array(N * N);
  const zPred = new Float64Array(4);
  const factor = new Float64Array(16);
  const nu = new Float64Array(4);
  const t2taGrid = new MeasurementGrid();
  const lo = new Float64Array(3);
  const hi = new Float64Array(3);
  const missLikelihood = Float64Array.of(1, 1);
  let pdaBetas = new Float64Array(8);
  let pdaZ = new Float64Array(32);
  /** An IR detection is a plume: likelihoods Pd for boost against 1 − Pd for ballistic. */
  const plumeSeen = Float64Array.of(cfg.ir.detectionProbability, 1 - cfg.ir.detectionProbability);
  const spread = new Float64Array(N * N);

  const newId = (): string => `T${nextId++}`;

  function defaultRevisit(kind: 'ir' | 'radar'): number {
    return kind === 'ir' ? cfg.ir.defaultRevisitS : cfg.radar.defaultRevisitS;
  }

  function subscribe(sensorId: string, track: FusedTrack): void {
    let set = sensorTracks.get(sensorId);
    if (!set) {
      set = new Set();
      sensorTracks.set(sensorId, set);
    }
    set.add(track);
  }

  function newTrack(id: string, origin: TrackOrigin, lineage: TrackLineage): FusedTrack {
    const track: FusedTrack = {
      kind: '3d',
      id,
      origin,
      block: new Float64Array(blockSize),
      status: 'tentative',
      timeS: 0,
      lastUpdateS: 0,
      confirmedAtS: null,
      hits: 0,
      opportunities: 0,
      deletedAtS: null,
      deleteReason: null,
      mergedInto: null,
      lineage,
      features: new TrackFeatures(cfg.historySamples),
      nis: emptyNisStatistics(),
      consistentChecks: new Map(),
      frameStamp: -1,
    };
    live.push(track);
    byId.set(id, track);
    stats.tracksStarted++;
    return track;
  }

  function confirm(track: FusedTrack, t: number): void {
    if (track.status === 'confirmed') return;
    track.status = 'confirmed';
    track.confirmedAtS = t;
    everConfirmed.add(track.id);
  }

  /** Deletes a track; `live` is compacted by `compact` at the end of the frame or sweep. */
  function remove(track: FusedTrack, t: number, reason: string): void {
    if (track.deletedAtS !== null) return;
    removedSince = true;
    track.deletedAtS = t;
    track.deleteReason = reason;
    for (const id of track.lineage.sensors.keys()) sensorTracks.get(id)?.delete(track);
    for (const key of [...associations.keys()]) {
      const a = associations.get(key)!;
      if (a.irTrackId === track.id || a.radarTrackId === track.id) associations.delete(key);
    }
    if (everConfirmed.has(track.id)) retired.push(track);
    stats.tracksDeleted++;
  }

  function compact(): void {
    if (!removedSince) return;
    removedSince = false;
    let k = 0;
    for (const track of live) if (track.deletedAtS === null) live[k++] = track;
    live.length = k;
  }

  function endAngleOnly(track: AngleOnlyTrack, _t: number): void {
    if (track.status === 'confirmed') {
      everConfirmed.add(track.id);
      retired.push(track);
    }
  }

  function boostProbability(track: FusedTrack): number {
    return track.block[BOOST]!;
  }

  function irEligible(track: FusedTrack, t: number): boolean {
    if (boostProbability(track) >= cfg.ir.boostEligibility) return true;
    const ir = track.lineage.ir;
    return ir !== null && t - ir.lastTimeS <= cfg.ir.irRecentS;
  }

  /** Bookkeeping after a track took report `report` with innovation statistic d2 (m dof). */
  function afterUpdate(track: FusedTrack, report: SensorReport, d2: number, m: number): void {
    const t = report.timeS;
    const l = track.lineage;
    const other = report.kind === 'ir' ? 'radar' : 'ir';
    if (l.has(other) && !l.has(report.kind)) {
      l.agreements.push({
        timeS: t,
        via: 'measurement',
        reference: report.id,
        statistic: d2,
        dof: m,
        pValue: 1 - chiSquareCdf(d2, m),
      });
    }
    l.record(report, defaultRevisit(report.kind));
    subscribe(report.sensorId, track);
    track.lastUpdateS = Math.max(track.lastUpdateS, t);
    track.hits++;
    track.opportunities++;
    track.frameStamp = frameNumber;
    const s = track.nis;
    s.count++;
    s.sum += d2;
    s.dofSum += m;
    s.last = d2;
    s.lastDof = m;
    imm.readCombined(track.block, xA, PA);
    track.features.record(t, xA, boostProbability(track), report.kind === 'ir');
    if (track.status === 'tentative') {
      const needed = track.origin === 'radar' ? cfg.radar.confirmM : cfg.management.stereoConfirmUpdates;
      if (track.hits >= needed && (track.origin !== 'radar' || track.opportunities <= cfg.radar.confirmN)) {
        confirm(track, t);
      }
    }
  }

  /** Builds the edges of one association stage (tracks of `status`, reports still available). */
  function buildStage(
    eligible: readonly FusedTrack[],
    status: 'confirmed' | 'tentative',
    pd: number,
    clutter: number,
  ): number {
    const all = gater.edges;
    if (stageOfTrack.length < eligible.length) {
      stageOfTrack = new Int32Array(2 * eligible.length);
      stageTracks = new Int32Array(2 * eligible.length);
      assignment = new Int32Array(2 * eligible.length);
      stageEdgeStart = new Int32Array(2 * eligible.length);
      stageEdgeEnd = new Int32Array(2 * eligible.length);
    }
    let count = 0;
    for (let k = 0; k < eligible.length; k++) {
      if (eligible[k]!.status === status) {
        stageOfTrack[k] = count;
        stageTracks[count++] = k;
      } else stageOfTrack[k] = -1;
    }
    stageEdges.clear();
    if (count === 0) return 0;
    const r = status === 'confirmed' ? CONFIRMED_EXISTENCE : TENTATIVE_EXISTENCE;
    const pg = cfg.gateProbability;
    const base = -Math.log(r) - Math.log(pd) + Math.log(clutter) + Math.log1p(-r * pd * pg);
    if (stageEdgeSource.length < all.count) stageEdgeSource = new Int32Array(2 * all.count);
    stageEdgeStart.fill(0, 0, count);
    stageEdgeEnd.fill(0, 0, count);
    // The gater emits each track's edges together, so a track's stage edges are one run.
    for (let e = 0; e < all.count; e++) {
      const local = stageOfTrack[all.track[e]!]!;
      const j = all.measurement[e]!;
      if (local < 0 || !available[j]) continue;
      if (stageEdgeEnd[local] === 0) stageEdgeStart[local] = stageEdges.count;
      stageEdgeEnd[local] = stageEdges.count + 1;
      stageEdgeSource[stageEdges.count] = e;
      const s = stageEdges.count;
      stageEdges.push(local, j, all.distance2[e]!);
      stageEdges.cost[s] = base - gater.edgeLogLikelihood[e]!;
    }
    return count;
  }

  function associateStage(
    eligible: readonly FusedTrack[],
    reports: readonly SensorReport[],
    status: 'confirmed' | 'tentative',
  ): void {
    const radar = reports[0]!.kind === 'radar';
    const pd = radar ? cfg.radar.detectionProbability : cfg.ir.detectionProbability;
    const clutter = radar ? cfg.radar.clutterDensity : cfg.ir.clutterDensity;
    const count = buildStage(eligible, status, pd, clutter);
    if (count === 0 || stageEdges.count === 0) return;
    let jpdaTracks = 0;
    if (radar && cfg.association === 'jpda') {
      jpdaTracks = jpda.solve(
        stageEdges,
        count,
        reports.length,
        (a, b) => reports[a]!.timeS === reports[b]!.timeS,
        marginals,
      );
    }
    gnn.associate(stageEdges, count, reports.length, assignment);
    if (jpdaTracks > 0) {
      for (let local = 0; local < count; local++) {
        if (marginals.jpdaTrack[local]) pdaUpdate(eligible[stageTracks[local]!]!, local, reports, pd);
      }
      for (let j = 0; j < reports.length; j++) if (marginals.jpdaMeasurement[j]) available[j] = 0;
    }
    for (let local = 0; local < count; local++) {
      if (jpdaTracks > 0 && marginals.jpdaTrack[local]) continue;
      const j = assignment[local]!;
      if (j < 0 || !available[j]) continue;
      let edge = -1;
      for (let s = stageEdgeStart[local]!; s < stageEdgeEnd[local]!; s++) {
        if (stageEdges.measurement[s] === j) {
          edge = stageEdgeSource[s]!;
          break;
        }
      }
      if (edge < 0) continue;
      available[j] = 0;
      const track = eligible[stageTracks[local]!]!;
      const report = reports[j]!;
      gater.readEdgeBlock(track.block, edge);
      track.timeS = report.timeS;
      const updater = measurement.prepare(report);
      if (report.kind === 'ir') imm.weighModes(track.block, plumeSeen);
      imm.update(track.block, measurement.z, updater);
      afterUpdate(track, report, gater.edges.distance2[edge]!, updater.measDim);
    }
  }

  /** The JPDA (IMM-PDA) update of a track with every report its gate holds, weighted by the marginals. */
  function pdaUpdate(track: FusedTrack, local: number, reports: readonly SensorReport[], pd: number): void {
    const first = stageEdgeStart[local]!;
    const count = stageEdgeEnd[local]! - first;
    if (count <= 0) return;
    if (pdaBetas.length < count) {
      pdaBetas = new Float64Array(2 * count);
      pdaZ = new Float64Array(8 * count);
    }
    let m = 3;
    let best = first;
    for (let s = first; s < first + count; s++) {
      const updater = measurement.prepare(reports[stageEdges.measurement[s]!]!);
      m = updater.measDim;
      for (let d = 0; d < m; d++) pdaZ[(s - first) * m + d] = measurement.z[d]!;
      pdaBetas[s - first] = marginals.edgeWeight[s]!;
      if (marginals.edgeWeight[s]! > marginals.edgeWeight[best]!) best = s;
    }
    // One frame of one face: the reports share the site and the time of the first.
    gater.readEdgeBlock(track.block, stageEdgeSource[first]!);
    const lead = reports[stageEdges.measurement[first]!]!;
    track.timeS = lead.timeS;
    stats.jpdaUpdates++;
    imm.pdaUpdate(
      track.block,
      pdaZ,
      count,
      pdaBetas,
      marginals.missWeight[local]!,
      measurement.prepare(lead),
      pd * cfg.gateProbability,
      pd / cfg.radar.clutterDensity,
    );
    // Lineage: the likeliest report first (it carries the NIS), then every other with β ≥ 0.1.
    track.frameStamp = frameNumber;
    if (marginals.edgeWeight[best]! < 0.1) return;
    const bestReport = reports[stageEdges.measurement[best]!]!;
    afterUpdate(track, bestReport, gater.edges.distance2[stageEdgeSource[best]!]!, m);
    for (let s = first; s < first + count; s++) {
      if (s === best || marginals.edgeWeight[s]! < 0.1) continue;
      const report = reports[stageEdges.measurement[s]!]!;
      track.lineage.record(report, defaultRevisit(report.kind));
    }
  }

  /**
   * Counts the revisits of sensor contribution `c` that passed by t without a report on
   * the track (a revisit is missed once t is half a revisit past its slot) and applies
   * them: an IR miss is evidence of burnout (mode likelihoods (1 − Pd)^k for boost, 1
   * for ballistic); radar misses count against M-of-N. Returns the new misses.
   */
  function applyMissedRevisits(track: FusedTrack, c: SensorContribution, t: number): number {
    const passed = Math.floor((t - c.lastTimeS) / c.revisitS - 0.5);
    const fresh = passed - c.misses;
    if (fresh <= 0) return 0;
    if (c.phenomenology === 'ir') {
      // The plume went out between the last bearing and the first missed revisit: the
      // estimate is taken to that revisit with one IMM mixing half-way, so the ballistic
      // mode starts from the thrusting estimate at the likeliest burnout time.
      // That time is uniform over the interval, so the velocity along the thrust is
      // uncertain by aT·Δ/√12 (Δ the revisit), which the models cannot know: it is added.
      const slot = c.lastTimeS + (c.misses + 1) * c.revisitS;
      const firstMiss = c.misses === 0 && track.timeS < slot;
      if (firstMiss) {
        const half = Math.max(track.timeS, c.lastTimeS + 0.5 * c.revisitS);
        imm.predict(track.block, half - track.timeS);
        imm.predict(track.block, slot - half);
        track.timeS = slot;
      }
      const thrust = track.block[imm.layout.modeState(BOOST) + THRUST]!;
      missLikelihood[0] = (1 - cfg.ir.detectionProbability) ** fresh;
      imm.weighModes(track.block, missLikelihood);
      if (firstMiss && thrust > 0) burnoutSpread(track, thrust * c.revisitS);
    } else {
      track.opportunities += fresh;
    }
    c.misses = passed;
    if (track.status === 'tentative') {
      if (track.origin === 'radar') {
        if (track.opportunities - track.hits > cfg.radar.confirmN - cfg.radar.confirmM)
          remove(track, t, 'm-of-n');
      } else if (c.misses >= 2) {
        remove(track, t, 'missed');
      }
    }
    return fresh;
  }

  /** Adds (Δv)²/12 along the velocity to the track's covariance: a burnout time uniform over an interval. */
  function burnoutSpread(track: FusedTrack, deltaV: number): void {
    const s = imm.layout.state;
    const vx = track.block[s + VEL]!;
    const vy = track.block[s + VEL + 1]!;
    const vz = track.block[s + VEL + 2]!;
    const speed = Math.hypot(vx, vy, vz);
    if (!(speed > 0)) return;
    const variance = (deltaV * deltaV) / 12;
    spread.fill(0);
    for (let i = 0; i < 3; i++) {
      const ui = track.block[s + VEL + i]! / speed;
      for (let j = 0; j < 3; j++)
        spread[(VEL + i) * N + VEL + j] = (variance * ui * track.block[s + VEL + j]!) / speed;
    }
    imm.addCovariance(track.block, spread);
  }

  /** Missed scans of a radar face on the tracks it has been updating. */
  function countRadarMisses(sensorId: string, t: number): void {
    const set = sensorTracks.get(sensorId);
    if (!set) return;
    for (const track of set) {
      if (track.frameStamp === frameNumber) continue;
      const c = track.lineage.sensors.get(sensorId);
      if (c) applyMissedRevisits(track, c, t);
    }
  }

  /**
   * IR silence: a satellite that saw a plume and has not reported it for a revisit has
   * missed it, whether or not it sent other reports meanwhile (a scanning sensor keeps
   * looking), so before each batch every track that may still be burning takes its
   * missed IR revisits.
   */
  function countIrSilence(t: number): void {
    for (const track of live) {
      if (track.deletedAtS !== null || track.lineage.ir === null || !irEligible(track, t)) continue;
      for (const c of track.lineage.sensors.values()) {
        if (c.phenomenology === 'ir') applyMissedRevisits(track, c, t);
      }
    }
  }

  /** Converts a radar plot no track took, for two-point initiation. */
  function convertPlot(report: SensorReport): ConvertedPlot | null {
    if (report.kind !== 'radar') return null;
    measurement.prepare(report);
    const g = measurement.radar;
    const position = new Float64Array(3);
    const covariance = new Float64Array(9);
    radarPlotToEci(position, covariance, g, report.rangeM, report.azRad, report.elRad);
    return {
      timeS: report.timeS,
      position,
      covariance,
      rangeM: report.rangeM,
      sigmaRangeM: report.sigmaRangeM,
      rangeRateMps: report.rangeRateMps,
      sigmaRangeRateMps: report.sigmaRangeRateMps ?? 1,
      site: Float64Array.from(g.site),
      siteVelocity: Float64Array.from(g.siteVelocity),
    };
  }

  /**
   * Radar initiation: each plot no track took is paired with an earlier unpaired plot of
   * the same radar (within candidateMaxAgeS, passing plausiblePair; the nearest in range
   * rate, or in position without rates) to start a tentative track; unpaired plots wait
   * as candidates for the next scans.
   */
  function startRadarTracks(reports: readonly SensorReport[]): void {
    const first = reports[0]!;
    if (first.kind !== 'radar') return;
    const t = first.timeS;
    const key = first.radarId;
    const pool = (radarCandidates.get(key) ?? []).filter(
      (c) => t - c.plot.timeS <= cfg.radar.candidateMaxAgeS,
    );
    const fresh: RadarCandidate[] = [];
    if (pool.length > 0) {
      if (candidatePoints.length < 3 * pool.length) candidatePoints = new Float64Array(6 * pool.length);
      for (let i = 0; i < pool.length; i++) candidatePoints.set(pool[i]!.plot.position, 3 * i);
      candidateGrid.build(
        candidatePoints,
        3,
        pool.length,
        null,
        cfg.radar.maxSpeedMps * cfg.radar.candidateMaxAgeS,
      );
    }
    for (let j = 0; j < reports.length; j++) {
      if (!available[j]) continue;
      const report = reports[j]!;
      const plot = convertPlot(report);
      if (!plot) continue;
      let best = -1;
      let bestScore = Number.POSITIVE_INFINITY;
      if (pool.length > 0) {
        const reach = cfg.radar.maxSpeedMps * cfg.radar.candidateMaxAgeS;
        for (let d = 0; d < 3; d++) {
          lo[d] = plot.position[d]! - reach;
          hi[d] = plot.position[d]! + reach;
        }
        const found = candidateGrid.query(lo, hi, pool.length);
        const total = found < 0 ? pool.length : found;
        for (let q = 0; q < total; q++) {
          const i = found < 0 ? q : candidateGrid.candidates[q]!;
          const c = pool[i]!;
          if (c.used || !plausiblePair(c.plot, plot, cfg.radar.maxSpeedMps)) continue;
          const dt = plot.timeS - c.plot.timeS;
          const score =
            plot.rangeRateMps !== null && c.plot.rangeRateMps !== null
              ? Math.abs((plot.rangeM - c.plot.rangeM) / dt - 0.5 * (plot.rangeRateMps + c.plot.rangeRateMps))
              : Math.hypot(
                  plot.position[0]! - c.plot.position[0]!,
                  plot.position[1]! - c.plot.position[1]!,
                  plot.position[2]! - c.plot.position[2]!,
                );
          if (score < bestScore) {
            bestScore = score;
            best = i;
          }
        }
      }
      if (best < 0) {
        fresh.push({ plot, report, used: false });
        continue;
      }
      const c = pool[best]!;
      c.used = true;
      initialiseFromTwoPlots(xA, PA, c.plot, plot, {
        accelerationStdMps2: cfg.radar.accelerationStdMps2,
        thrustMean: cfg.imm.thrustMean,
        thrustStd: cfg.imm.thrustStd,
        dragMean: cfg.imm.dragMean,
        dragStd: cfg.imm.dragStd,
      });
      const track = newTrack(newId(), 'radar', new TrackLineage());
      imm.initialise(track.block, xA, PA, cfg.imm.radarStart);
      track.timeS = plot.timeS;
      track.lastUpdateS = plot.timeS;
      track.lineage.record(c.report, cfg.radar.defaultRevisitS);
      track.lineage.record(report, cfg.radar.defaultRevisitS);
      subscribe(report.sensorId, track);
      subscribe(c.report.sensorId, track);
      track.hits = 2;
      track.opportunities = 2;
      track.frameStamp = frameNumber;
      imm.readCombined(track.block, xA, PA);
      track.features.record(plot.timeS, xA, boostProbability(track), false);
      if (cfg.radar.confirmM <= 2) confirm(track, plot.timeS);
    }
    radarCandidates.set(key, [...pool.filter((c) => !c.used), ...fresh]);
  }

  function startStereoTrack(start: StereoStart): void {
    const { first, second } = start;
    const lineage = first.lineage;
    lineage.absorb(second.lineage, second.id);
    const track = newTrack(first.id, 'ir-stereo', lineage);
    imm.initialise(track.block, start.x, start.P, cfg.imm.irStart);
    track.timeS = start.timeS;
    track.lastUpdateS = start.timeS;
    track.frameStamp = frameNumber;
    first.absorbedInto = track.id;
    second.absorbedInto = track.id;
    angleOnly.remove(first);
    angleOnly.remove(second);
    for (const c of lineage.sensors.values()) {
      c.misses = 0;
      subscribe(c.sensorId, track);
    }
    imm.readCombined(track.block, xA, PA);
    track.features.record(start.timeS, xA, boostProbability(track), true);
    stats.stereoStarts++;
  }

  function processFrame(sensorId: string, reports: SensorReport[]): void {
    frameNumber++;
    stats.frames++;
    stats.reportsProcessed += reports.length;
    const kind = reports[0]!.kind;
    const t = reports[0]!.timeS;
    const eligible = live.filter(
      (track) => track.deletedAtS === null && (kind === 'radar' || irEligible(track, t)),
    );
    if (available.length < reports.length) available = new Uint8Array(2 * reports.length);
    available.fill(1, 0, reports.length);
    gater.gate(reports, eligible);
    associateStage(eligible, reports, 'confirmed');
    associateStage(eligible, reports, 'tentative');
    if (kind === 'radar') countRadarMisses(sensorId, t);
    if (kind === 'radar') {
      startRadarTracks(reports);
      return;
    }
    const before = nextId;
    const touched = angleOnly.process(
      sensorId,
      reports.filter((r) => r.kind === 'ir'),
      available,
      newId,
      endAngleOnly,
    );
    stats.angleOnlyStarted += nextId - before;
    for (const a of touched) {
      byId.set(a.id, a);
      if (a.status === 'confirmed') everConfirmed.add(a.id);
    }
    const ready = touched.filter((a) => a.history.count >= cfg.ir.stereoMinBearings);
    if (ready.length === 0) return;
    stereo.index(allAngleOnly());
    for (const a of ready) {
      if (a.absorbedInto !== null) continue;
      const start = stereo.tryStart(a);
      if (start && start.first.absorbedInto === null && start.second.absorbedInto === null)
        startStereoTrack(start);
    }
  }

  function* allAngleOnly(): Iterable<AngleOnlyTrack> {
    for (const list of angleOnly.bySensor.values()) yield* list;
  }

  /** Deletes tracks that went too long without update, grew too uncertain, or reached the ground. */
  function sweep(t: number): void {
    lastSweepS = t;
    const m = cfg.management;
    for (const track of live) {
      if (track.deletedAtS !== null) continue;
      const quiet = t - track.lastUpdateS;
      if (track.status === 'tentative' && quiet > m.tentativeMaxCoastS) {
        remove(track, t, 'no updates');
        continue;
      }
      if (quiet > m.maxCoastS) {
        remove(track, t, 'coasted too long');
        continue;
      }
      // A track updated within coastAfterS is checked as it stands; a coasting one is
      // predicted to now and kept there (every later report is later than the sweep), so
      // that no prediction of a long coast is ever made from far back.
      if (quiet > m.coastAfterS && t > track.timeS) {
        imm.predict(track.block, t - track.timeS);
        track.timeS = t;
      }
      imm.readCombined(track.block, xA, PA);
      const maxVar = Math.max(PA[0]!, PA[N + 1]!, PA[2 * N + 2]!);
      if (maxVar > m.maxPositionStdM * m.maxPositionStdM) remove(track, t, 'too uncertain');
      else if (approximateAltitude(xA[0]!, xA[1]!, xA[2]!) < m.impactAltitudeM) remove(track, t, 'impact');
    }
    for (const [, list] of angleOnly.bySensor) {
      for (let i = list.length - 1; i >= 0; i--) {
        const a = list[i]!;
        if (t - a.history.latestTime() > 6 * a.revisitS) {
          list.splice(i, 1);
          a.deletedAtS = t;
          endAngleOnly(a, t);
        }
      }
    }
  }

  /** Compares IR-built with radar-built tracks; notes agreements and merges lasting ones. */
  function trackToTrack(t: number): void {
    lastCheckS = t;
    const irTracks = live.filter(
      (k) =>
        k.deletedAtS === null && k.status === 'confirmed' && k.lineage.has('ir') && !k.lineage.has('radar'),
    );
    const radarTracks = live.filter(
      (k) =>
        k.deletedAtS === null && k.status === 'confirmed' && k.lineage.has('radar') && !k.lineage.has('ir'),
    );
    if (irTracks.length === 0 || radarTracks.length === 0) {
      for (const k of irTracks) k.consistentChecks.clear();
      return;
    }
    const radarX = new Float64Array(radarTracks.length * N);
    const radarP = new Float64Array(radarTracks.length * N * N);
    const points = new Float64Array(3 * radarTracks.length);
    let radarSigma = 0;
    for (let i = 0; i < radarTracks.length; i++) {
      const k = radarTracks[i]!;
      scratchBlock.set(k.block);
      imm.predict(scratchBlock, t - k.timeS);
      imm.readCombined(scratchBlock, xB, PB);
      radarX.set(xB, i * N);
      radarP.set(PB, i * N * N);
      points.set(xB.subarray(0, 3), 3 * i);
      radarSigma = Math.max(radarSigma, Math.sqrt(PB[0]! + PB[N + 1]! + PB[2 * N + 2]!));
    }
    const gammaBox = Math.sqrt(trackGamma);
    const irX = new Float64Array(irTracks.length * N);
    const irP = new Float64Array(irTracks.length * N * N);
    const widths: number[] = [];
    for (let i = 0; i < irTracks.length; i++) {
      const k = irTracks[i]!;
      scratchBlock.set(k.block);
      imm.predict(scratchBlock, t - k.timeS);
      imm.readCombined(scratchBlock, xA, PA);
      irX.set(xA, i * N);
      irP.set(PA, i * N * N);
      widths.push(gammaBox * (Math.sqrt(PA[0]! + PA[N + 1]! + PA[2 * N + 2]!) + radarSigma));
    }
    const sortedWidths = [...widths].sort((a, b) => a - b);
    t2taGrid.build(
      points,
      3,
      radarTracks.length,
      null,
      Math.max(1, 2 * sortedWidths[sortedWidths.length >> 1]!),
    );
    for (let i = 0; i < irTracks.length; i++) {
      const k = irTracks[i]!;
      const w = widths[i]!;
      for (let d = 0; d < 3; d++) {
        lo[d] = irX[i * N + d]! - w;
        hi[d] = irX[i * N + d]! + w;
      }
      const found = t2taGrid.query(lo, hi, radarTracks.length);
      const total = found < 0 ? radarTracks.length : found;
      const consistent = new Map<string, number>();
      let best: { other: FusedTrack; index: number; d2: number } | null = null;
      for (let q = 0; q < total; q++) {
        const j = found < 0 ? q : t2taGrid.candidates[q]!;
        const d2 = trackDistance2(
          irX.subarray(i * N, (i + 1) * N),
          irP.subarray(i * N * N, (i + 1) * N * N),
          radarX.subarray(j * N, (j + 1) * N),
          radarP.subarray(j * N * N, (j + 1) * N * N),
          N,
        );
        if (!(d2 <= trackGamma)) continue;
        const other = radarTracks[j]!;
        const checks = (k.consistentChecks.get(other.id) ?? 0) + 1;
        consistent.set(other.id, checks);
        associations.set(`${k.id}|${other.id}`, {
          irTrackId: k.id,
          radarTrackId: other.id,
          timeS: t,
          statistic: d2,
          dof: 6,
          pValue: trackDistancePValue(d2),
          consecutiveChecks: checks,
        });
        if (checks >= cfg.fusion.mergeAfterChecks && (!best || d2 < best.d2)) best = { other, index: j, d2 };
      }
      for (const id of k.consistentChecks.keys()) {
        if (!consistent.has(id)) associations.delete(`${k.id}|${id}`);
      }
      k.consistentChecks.clear();
      for (const [id, c] of consistent) k.consistentChecks.set(id, c);
      if (best && best.other.deletedAtS === null && k.deletedAtS === null) {
        merge(
          k,
          irX.subarray(i * N, (i + 1) * N),
          irP.subarray(i * N * N, (i + 1) * N * N),
          best.other,
          best.index,
          best.d2,
          t,
        );
        radarX.fill(Number.NaN, best.index * N, (best.index + 1) * N);
      }
    }
  }

  function merge(
    irTrack: FusedTrack,
    xIr: Float64Array,
    PIr: Float64Array,
    radarTrack: FusedTrack,
    _index: number,
    d2: number,
    t: number,
  ): void {
    scratchBlock2.set(radarTrack.block);
    imm.predict(scratchBlock2, t - radarTrack.timeS);
    imm.readCombined(scratchBlock2, xB, PB);
    if (!fuseIndependent(xA, PA, xIr, PIr, xB, PB, N)) return;
    const older = Number(irTrack.id.slice(1)) < Number(radarTrack.id.slice(1));
    const keep = older ? irTrack : radarTrack;
    const drop = older ? radarTrack : irTrack;
    const muBoost = 0.5 * (irTrack.block[BOOST]! + scratchBlock2[BOOST]!);
    imm.initialise(keep.block, xA, PA, [muBoost, 1 - muBoost]);
    keep.timeS = t;
    keep.lastUpdateS = Math.max(keep.lastUpdateS, drop.lastUpdateS);
    keep.lineage.agreements.push({
      timeS: t,
      via: 'track',
      reference: drop.id,
      statistic: d2,
      dof: 6,
      pValue: trackDistancePValue(d2),
    });
    keep.lineage.absorb(drop.lineage, drop.id);
    keep.features.absorbEvents(drop.features);
    keep.hits += drop.hits;
    keep.consistentChecks.clear();
    for (const id of keep.lineage.sensors.keys()) subscribe(id, keep);
    drop.mergedInto = keep.id;
    remove(drop, t, 'merged');
    associations.delete(`${irTrack.id}|${radarTrack.id}`);
    stats.merges++;
  }

  /** A report older than what has been processed: associate by retrodiction, record as late, change nothing. */
  function late(report: SensorReport): void {
    stats.lateReports++;
    let best: FusedTrack | null = null;
    let bestD2 = Number.POSITIVE_INFINITY;
    const updater = measurement.prepare(report);
    const m = updater.measDim;
    for (const track of live) {
      if (report.kind === 'ir' && !irEligible(track, report.timeS)) continue;
      scratchBlock.set(track.block);
      imm.predict(scratchBlock, report.timeS - track.timeS);
      imm.readCombined(scratchBlock, xA, PA);
      if (!updater.predictMeasurement(zPred, factor, xA, PA)) continue;
      updater.residual(nu, measurement.z, zPred);
      const d2 = choleskyQuadraticForm(factor, nu, m);
      if (d2 <= gamma[m]! && d2 < bestD2) {
        bestD2 = d2;
        best = track;
      }
    }
    if (best) best.lineage.lateReportIds.push(report.id);
  }

  function processBatch(batch: SensorReport[]): void {
    countIrSilence(batch[0]!.timeS);
    compact();
    const frames = new Map<string, SensorReport[]>();
    for (const r of batch) {
      let f = frames.get(r.sensorId);
      if (!f) {
        f = [];
        frames.set(r.sensorId, f);
      }
      f.push(r);
    }
    for (const [sensorId, reports] of frames) {
      processFrame(sensorId, reports);
      compact();
    }
    const tEnd = batch[batch.length - 1]!.timeS;
    processedS = Math.max(processedS, tEnd);
    if (tEnd >= lastSweepS + cfg.management.sweepIntervalS) sweep(tEnd);
    compact();
    if (tEnd >= lastCheckS + cfg.fusion.checkIntervalS) trackToTrack(tEnd);
    compact();
  }

  /** Processes the buffered batches whose window has closed by `watermark` (all starting by it when final). */
  function release(watermark: number, final: boolean): void {
    for (;;) {
      const t0 = buffer.peekTime();
      if (!Number.isFinite(t0)) return;
      const end = t0 + cfg.frameWindowS;
      if (final ? t0 > watermark : end > watermark) return;
      const batch: SensorReport[] = [];
      while (buffer.size > 0 && buffer.peekTime() <= end) batch.push(buffer.pop()!);
      processBatch(batch);
    }
  }

  function accept(report: SensorReport): boolean {
    stats.reportsIngested++;
    if (!wellFormed(report)) {
      stats.reportsRejected++;
      return false;
    }
    if (report.timeS < processedS) {
      late(report);
      return false;
    }
    buffer.push(report);
    maxSeenS = Math.max(maxSeenS, report.timeS);
    return true;
  }

  function angleOnlyJson(a: AngleOnlyTrack): PictureAngleOnlyTrack {
    const h = a.history;
    const bearings = bearingsJson(h);
    const first = bearings[0]!;
    let intensity = 0;
    for (const b of bearings) intensity += b.intensity;
    return {
      id: a.id,
      kind: 'angle-only',
      status: a.status,
      sensorId: a.sensorId,
      firstTimeS: a.lineage.firstTimeS(),
      lastTimeS: a.lineage.lastTimeS(),
      bearingCount: h.total,
      bearings,
      angularRateRadS: h.angularRate(),
      meanIntensity: intensity / bearings.length,
      groundPoint: rayGroundPoint(first.observerEciM, first.losEci, gmst(first.timeS)),
      lineage: lineageJson(a.lineage),
    };
  }

  function trackJson(track: FusedTrack, tS: number): PictureTrack {
    scratchBlock.set(track.block);
    const timeS = Math.max(tS, track.timeS);
    imm.predict(scratchBlock, timeS - track.timeS);
    imm.readCombined(scratchBlock, xA, PA);
    const position: [number, number, number] = [xA[0]!, xA[1]!, xA[2]!];
    const velocity: [number, number, number] = [xA[VEL]!, xA[VEL + 1]!, xA[VEL + 2]!];
    const s = track.nis;
    return {
      id: track.id,
      kind: '3d',
      status:
        track.status === 'tentative'
          ? 'tentative'
          : timeS - track.lastUpdateS > cfg.management.coastAfterS
            ? 'coasting'
            : 'confirmed',
      origin: track.origin,
      firstTimeS: track.lineage.firstTimeS(),
      lastUpdateS: track.lastUpdateS,
      timeS,
      positionEciM: position,
      velocityEciMps: velocity,
      thrustAccelMps2: xA[THRUST]!,
      thrustAccelStdMps2: Math.sqrt(PA[THRUST * N + THRUST]!),
      inverseBallisticCoefficientM2PerKg: xA[DRAG]!,
      covariance: numbersOf(PA),
      modeProbabilities: { boost: scratchBlock[BOOST]!, ballistic: scratchBlock[BALLISTIC]! },
      geodetic: geodeticOf(position, gmst(timeS)),
      speedMps: Math.hypot(...velocity),
      earthSpeedMps: Math.hypot(
        velocity[0] + OMEGA_EARTH * position[1],
        velocity[1] - OMEGA_EARTH * position[0],
        velocity[2],
      ),
      features: featuresJson(track.features),
      lineage: lineageJson(track.lineage),
      consistency: {
        updates: s.count,
        meanNisPerDof: s.dofSum > 0 ? s.sum / s.dofSum : null,
        lastNis: Number.isNaN(s.last) ? null : s.last,
        lastNisDof: s.lastDof,
      },
    };
  }

  return {
    config: cfg,
    ingest(report) {
      if (accept(report)) release(maxSeenS - cfg.reorderDelayS, false);
    },
    ingestBatch(reports, upToTimeS) {
      for (const r of reports) accept(r);
      if (upToTimeS === undefined) release(maxSeenS - cfg.reorderDelayS, false);
      else release(Math.max(upToTimeS, maxSeenS - cfg.reorderDelayS - cfg.frameWindowS), true);
    },
    flush(upToTimeS) {
      release(upToTimeS ?? Number.POSITIVE_INFINITY, true);
    },
    picture(tS) {
      release(tS, true);
      compact();
      const tracks = live.map((track) => trackJson(track, tS));
      const angle: PictureAngleOnlyTrack[] = [];
      for (const a of allAngleOnly()) angle.push(angleOnlyJson(a));
      return {
        timeS: tS,
        tracks,
        angleOnly: angle,
        associations: [...associations.values()].map((a) => ({ ...a })),
      };
    },
    summary() {
      const rows: CentreTrackSummary[] = [];
      const seen = new Set<string>();
      const add = (k: FusedTrack | AngleOnlyTrack) => {
        if (seen.has(k.id) || !everConfirmed.has(k.id)) return;
        if (k.kind === 'angle-only' && k.absorbedInto !== null) return;
        if (k.kind === '3d' && k.mergedInto !== null) return;
        seen.add(k.id);
        rows.push({
          id: k.id,
          firstTimeS: k.lineage.firstTimeS(),
          lastTimeS: k.lineage.lastTimeS(),
          sensors: [...k.lineage.sensors.keys()].sort(),
          classification: 'unclassified',
        });
      };
      for (const k of live) add(k);
      for (const k of allAngleOnly()) add(k);
      for (const k of retired) add(k);
      return rows.sort(
        (a, b) => a.firstTimeS - b.firstTimeS || Number(a.id.slice(1)) - Number(b.id.slice(1)),
      );
    },
    agreement(idA, idB, tS) {
      const a = byId.get(idA);
      const b = byId.get(idB);
      if (!a || !b || a.kind !== '3d' || b.kind !== '3d') return null;
      scratchBlock.set(a.block);
      imm.predict(scratchBlock, tS - a.timeS);
      imm.readCombined(scratchBlock, xA, PA);
      scratchBlock2.set(b.block);
      imm.predict(scratchBlock2, tS - b.timeS);
      imm.readCombined(scratchBlock2, xB, PB);
      const d2 = trackDistance2(xA, PA, xB, PB, N);
      return {
        timeS: tS,
        statistic: d2,
        dof: 6,
        pValue: trackDistancePValue(d2),
        consistent: d2 <= trackGamma,
      };
    },
    stats() {
      return { ...stats };
    },
  };
}
