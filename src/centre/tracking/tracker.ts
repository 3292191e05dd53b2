// A multi-target tracker assembled from parts, in the manner of Stone Soup's
// MultiTargetTracker: a predictor and an updater (the filter), a gater (hypothesiser),
// an associator, an initiator; track management (confirmation, reporting, deletion) is
// the tracker's own, driven by each track's existence probability (existence.ts).
//
// One scan: predict every track to the scan time → associate confirmed tracks with the
// scan's measurements → associate tentative tracks with what is left → update or count
// a miss → delete → start a tentative track on each measurement still unused → report.
// Confirmed tracks get first claim so that clutter-born tentative tracks never take a
// measurement from an established track (the two-stage scheme of Stone Soup's
// MultiMeasurementInitiator).
//
// Assignment cost of a gated pair (track i with existence r, measurement z), relative to
// "track missed, z is clutter":  −ln(r·Pd·g(z)/κ) + ln(1 − r·Pd·Pg),  g = N(z; ẑ, S).
// That is the negative log-likelihood ratio of the two joint events, so the assignment
// with the least total cost is the most probable one (Blackman & Popoli 1999, §6.5).
//
// Lifecycle: tentative (started by one measurement) → confirmed once it has `confirmHits`
// measurements and existence ≥ confirmProbability → coasting while it misses (reported
// while existence ≥ reportProbability) → deleted after too many consecutive misses, when
// existence falls below deleteProbability, or when its position uncertainty outgrows
// maxPositionStd. Ids are stable integers, never reused.

import { choleskyLogDeterminant } from '../../physics/matrix.ts';
import { chiSquareQuantile, normalCdf } from './distributions.ts';
import {
  detectedLogOdds,
  logOddsFromProbability,
  missedLogOdds,
  probabilityFromLogOdds,
  survivalLogOdds,
} from './existence.ts';
import { GateEdges } from './gate-edges.ts';
import type { Gater } from './gater.ts';
import type { Associator } from './gnn-associator.ts';
import type { Initiator } from './initiator.ts';
import { LineageLog } from './lineage-log.ts';
import type { Predictor } from './predictor.ts';
import { TrackStatus, TrackStore } from './track-store.ts';
import type { Updater } from './updater.ts';

export interface TrackerParts {
  predictor: Predictor;
  updater: Updater;
  initiator: Initiator;
  gater: Gater;
  associator: Associator;
}

/** An axis-aligned box on the first three state components (m): where objects can be seen. */
export interface SurveillanceRegion {
  min: readonly [number, number, number];
  max: readonly [number, number, number];
}

export interface TrackerOptions {
  /** Probability that an existing object yields a measurement in a scan. */
  detectionProbability: number;
  /** Expected false measurements per unit measurement-space volume per scan (1/m³ for positions). */
  clutterDensity: number;
  /** Probability that a gate contains the object's measurement; sets the chi-square gate size. */
  gateProbability: number;
  /** Probability that an object survives one second (ps^dt over a step of dt s). */
  survivalProbability: number;
  /** Prior probability that a measurement starting a tentative track comes from an object. */
  birthProbability: number;
  /** Measurements a tentative track needs before it can be confirmed (2: velocity observable). */
  confirmHits: number;
  /** Existence probability at which a tentative track is confirmed. */
  confirmProbability: number;
  /** Confirmed tracks are reported while their existence probability is at least this. */
  reportProbability: number;
  /** Consecutive misses that delete a confirmed track. */
  maxMisses: number;
  /** Consecutive misses that delete a tentative track. */
  tentativeMaxMisses: number;
  /** Tracks whose existence probability falls below this are deleted. */
  deleteProbability: number;
  /** Tracks whose largest position standard deviation exceeds this (m) are deleted. */
  maxPositionStd: number;
  /** Objects outside this box cannot be measured: existence is scaled by P(inside). Null: everywhere. */
  region: SurveillanceRegion | null;
}

export const defaultTrackerOptions: Omit<TrackerOptions, 'detectionProbability' | 'clutterDensity'> = {
  gateProbability: 0.9999,
  survivalProbability: 0.99,
  birthProbability: 0.5,
  confirmHits: 2,
  confirmProbability: 0.99,
  reportProbability: 0.5,
  maxMisses: 3,
  tentativeMaxMisses: 2,
  deleteProbability: 0.01,
  maxPositionStd: Number.POSITIVE_INFINITY,
  region: null,
};

/** Status names as reported. */
export type TrackStatusName = 'tentative' | 'confirmed' | 'coasting';

/** The tracks reported at one scan; the arrays are reused by the next scan. */
export interface TrackReport {
  time: number;
  count: number;
  /** Track ids (count). */
  ids: Int32Array;
  /** States, count × n. */
  states: Float64Array;
  /** Covariances, count × n². */
  covariances: Float64Array;
  /** Existence probabilities (count). */
  existence: Float64Array;
  /** 1 when the track was updated this scan, 0 when coasting (count). */
  updated: Uint8Array;
}

export interface MultiTargetTracker {
  readonly options: Readonly<TrackerOptions>;
  /** Live tracks (slots valid until the next scan). */
  readonly tracks: TrackStore;
  /** Every measurement update so far. */
  readonly lineageLog: LineageLog;
  /**
   * Processes one scan at time t (s, not before the previous scan): `measurements`
   * holds `count` measurement vectors back to back. Measurement ids are assigned in
   * arrival order over the tracker's life, from 0. Returns the reported tracks.
   * Throws RangeError for a time before the previous scan or a non-finite value.
   */
  processScan(t: number, measurements: Float64Array, count: number): TrackReport;
  /** Ids of the measurements that updated track `id` (oldest first); [] for an unknown id. */
  lineage(id: number): number[];
  /** NIS of each update of track `id` (oldest first; NaN for the initiating measurement). */
  nisHistory(id: number): number[];
  /** Status of a live track, or null when the id is not live. */
  status(id: number): TrackStatusName | null;
}

export function createTracker(parts: TrackerParts, options: TrackerOptions): MultiTargetTracker {
  const { predictor, updater, initiator, gater, associator } = parts;
  const n = predictor.stateDim;
  const m = updater.measDim;
  if (updater.stateDim !== n || initiator.stateDim !== n) {
    throw new RangeError('predictor, updater and initiator disagree on the state dimension');
  }
  const opts: TrackerOptions = { ...options };
  const pd = opts.detectionProbability;
  if (!(pd > 0 && pd < 1)) throw new RangeError(`detectionProbability must be in (0, 1), got ${pd}`);
  if (!(opts.clutterDensity > 0))
    throw new RangeError(`clutterDensity must be > 0, got ${opts.clutterDensity}`);
  const gateThreshold = chiSquareQuantile(opts.gateProbability, m);
  const pdPg = pd * opts.gateProbability;
  const logPd = Math.log(pd);
  const logClutter = Math.log(opts.clutterDensity);
  const logNormaliser = 0.5 * m * Math.log(2 * Math.PI);
  const birthLogOdds = logOddsFromProbability(opts.birthProbability);
  const maxPositionVariance = opts.maxPositionStd * opts.maxPositionStd;
  const region = opts.region;

  const store = new TrackStore(n, m);
  const log = new LineageLog();
  const edges = new GateEdges();
  let headById = new Int32Array(256).fill(-1);
  let nextId = 0;
  let nextMeasurementId = 0;
  let lastTime = Number.NEGATIVE_INFINITY;
  let available = new Uint8Array(64);
  let stageSlots = new Int32Array(64);
  let measurementForTrack = new Int32Array(64);
  const zj = new Float64Array(m);

  const report: TrackReport = {
    time: 0,
    count: 0,
    ids: new Int32Array(64),
    states: new Float64Array(64 * n),
    covariances: new Float64Array(64 * n * n),
    existence: new Float64Array(64),
    updated: new Uint8Array(64),
  };

  function ensureScanCapacity(count: number): void {
    if (available.length < count) available = new Uint8Array(2 * count);
    const tracks = store.count;
    if (stageSlots.length < tracks) {
      stageSlots = new Int32Array(2 * tracks);
      measurementForTrack = new Int32Array(2 * tracks);
    }
  }

  function regionProbability(x: Float64Array, P: Float64Array): number {
    if (!region) return 1;
    let p = 1;
    for (let k = 0; k < 3; k++) {
      const sd = Math.sqrt(P[k * n + k]!);
      const below = (x[k]! - region.min[k]!) / sd;
      const above = (region.max[k]! - x[k]!) / sd;
      // Far inside on this axis (beyond 8σ): the factor is 1 to double precision.
      if (below > 8 && above > 8) continue;
      p *= Math.max(0, normalCdf(above) - normalCdf(-below));
    }
    return p;
  }

  function predictAll(t: number): void {
    for (let s = 0; s < store.count; s++) {
      const x = store.stateView[s]!;
      const P = store.covarianceView[s]!;
      const dt = t - store.time[s]!;
      if (dt > 0) {
        predictor.predict(x, P, dt);
        store.time[s] = t;
        const survival = opts.survivalProbability ** dt * regionProbability(x, P);
        store.logOdds[s] = survivalLogOdds(store.logOdds[s]!, survival);
      }
      store.assigned[s] = -1;
      const L = store.innovationFactorView[s]!;
      const ok = updater.predictMeasurement(store.zPredictedView[s]!, L, x, P);
      store.gateable[s] = ok ? 1 : 0;
      if (!ok) continue;
      store.logDetInnovation[s] = choleskyLogDeterminant(L, m);
      for (let k = 0; k < m; k++) {
        let skk = 0;
        for (let p = 0; p <= k; p++) skk += L[k * m + p]! * L[k * m + p]!;
        store.gateHalfWidth[s * m + k] = Math.sqrt(gateThreshold * skk);
      }
    }
  }

  /** Gates and assigns the tracks of one status against the still-available measurements. */
  function associateStage(status: number, z: Float64Array, count: number): void {
    let k = 0;
    for (let s = 0; s < store.count; s++) {
      if (store.status[s] === status) stageSlots[k++] = s;
    }
    if (k === 0) return;
    edges.clear();
    gater.gate(store, stageSlots, k, z, count, available, gateThreshold, edges);
    for (let e = 0; e < edges.count; e++) {
      const s = stageSlots[edges.track[e]!]!;
      const r = probabilityFromLogOdds(store.logOdds[s]!);
      const logLikelihood = -0.5 * edges.distance2[e]! - 0.5 * store.logDetInnovation[s]! - logNormaliser;
      edges.cost[e] = -(Math.log(r) + logPd + logLikelihood - logClutter) + Math.log1p(-r * pdPg);
    }
    associator.associate(edges, k, count, measurementForTrack);
    for (let i = 0; i < k; i++) {
      const j = measurementForTrack[i]!;
      if (j < 0) continue;
      store.assigned[stageSlots[i]!] = j;
      available[j] = 0;
    }
  }

  function updateAll(t: number, z: Float64Array, firstMeasurementId: number): void {
    for (let s = 0; s < store.count; s++) {
      const j = store.assigned[s]!;
      if (j < 0) {
        store.logOdds[s] = missedLogOdds(store.logOdds[s]!, pdPg);
        store.misses[s]!++;
        continue;
      }
      for (let d = 0; d < m; d++) zj[d] = z[j * m + d]!;
      const x = store.stateView[s]!;
      const P = store.covarianceView[s]!;
      const nis = updater.update(x, P, zj, store.zPredictedView[s]!, store.innovationFactorView[s]!);
      const logLikelihoodRatio =
        logPd - 0.5 * nis - 0.5 * store.logDetInnovation[s]! - logNormaliser - logClutter;
      store.logOdds[s] = detectedLogOdds(store.logOdds[s]!, logLikelihoodRatio, pdPg);
      store.hits[s]!++;
      store.misses[s] = 0;
      const head = log.append(store.lineageHead[s]!, firstMeasurementId + j, nis, t);
      store.lineageHead[s] = head;
      headById[store.id[s]!] = head;
      if (
        store.status[s] === TrackStatus.tentative &&
        store.hits[s]! >= opts.confirmHits &&
        probabilityFromLogOdds(store.logOdds[s]!) >= opts.confirmProbability
      ) {
        store.status[s] = TrackStatus.confirmed;
      }
    }
  }

  function shouldDelete(s: number): boolean {
    const misses = store.misses[s]!;
    const limit = store.status[s] === TrackStatus.tentative ? opts.tentativeMaxMisses : opts.maxMisses;
    if (misses >= limit) return true;
    if (probabilityFromLogOdds(store.logOdds[s]!) < opts.deleteProbability) return true;
    const P = store.covarianceView[s]!;
    for (let k = 0; k < 3 && k < n; k++) {
      if (P[k * n + k]! > maxPositionVariance) return true;
    }
    return false;
  }

  function initiate(t: number, z: Float64Array, count: number, firstMeasurementId: number): void {
    for (let j = 0; j < count; j++) {
      if (!available[j]) continue;
      const id = nextId++;
      const s = store.add(id);
      for (let d = 0; d < m; d++) zj[d] = z[j * m + d]!;
      initiator.initialise(store.stateView[s]!, store.covarianceView[s]!, zj);
      store.time[s] = t;
      store.firstTime[s] = t;
      store.hits[s] = 1;
      store.logOdds[s] = birthLogOdds;
      const head = log.append(-1, firstMeasurementId + j, Number.NaN, t);
      store.lineageHead[s] = head;
      if (id >= headById.length) {
        const grown = new Int32Array(2 * headById.length).fill(-1);
        grown.set(headById);
        headById = grown;
      }
      headById[id] = head;
    }
  }

  function fillReport(t: number): TrackReport {
    report.time = t;
    let count = 0;
    for (let s = 0; s < store.count; s++) {
      if (store.status[s] !== TrackStatus.confirmed) continue;
      const existence = probabilityFromLogOdds(store.logOdds[s]!);
      if (existence < opts.reportProbability) continue;
      if (count === report.ids.length) growReport();
      report.ids[count] = store.id[s]!;
      report.existence[count] = existence;
      report.updated[count] = store.misses[s] === 0 ? 1 : 0;
      report.states.set(store.stateView[s]!, count * n);
      report.covariances.set(store.covarianceView[s]!, count * n * n);
      count++;
    }
    report.count = count;
    return report;
  }

  function growReport(): void {
    const size = 2 * report.ids.length;
    const ids = new Int32Array(size);
    ids.set(report.ids);
    report.ids = ids;
    const states = new Float64Array(size * n);
    states.set(report.states);
    report.states = states;
    const covariances = new Float64Array(size * n * n);
    covariances.set(report.covariances);
    report.covariances = covariances;
    const existence = new Float64Array(size);
    existence.set(report.existence);
    report.existence = existence;
    const updated = new Uint8Array(size);
    updated.set(report.updated);
    report.updated = updated;
  }

  function slotOf(id: number): number {
    for (let s = 0; s < store.count; s++) if (store.id[s] === id) return s;
    return -1;
  }

  return {
    options: opts,
    tracks: store,
    lineageLog: log,
    processScan(t, measurements, count) {
      if (t < lastTime) throw new RangeError(`scan time ${t} s is before the previous scan (${lastTime} s)`);
      if (measurements.length < count * m) {
        throw new RangeError(`${count} measurements need ${count * m} numbers, got ${measurements.length}`);
      }
      for (let i = 0; i < count * m; i++) {
        if (!Number.isFinite(measurements[i]!)) {
          throw new RangeError(`measurement ${Math.floor(i / m)} of the scan at ${t} s is not finite`);
        }
      }
      lastTime = t;
      const firstMeasurementId = nextMeasurementId;
      nextMeasurementId += count;
      ensureScanCapacity(count);
      available.fill(1, 0, count);
      predictAll(t);
      associateStage(TrackStatus.confirmed, measurements, count);
      associateStage(TrackStatus.tentative, measurements, count);
      updateAll(t, measurements, firstMeasurementId);
      for (let s = store.count - 1; s >= 0; s--) {
        if (shouldDelete(s)) store.remove(s);
      }
      initiate(t, measurements, count, firstMeasurementId);
      return fillReport(t);
    },
    lineage(id) {
      const head = id >= 0 && id < headById.length ? headById[id]! : -1;
      return head < 0 ? [] : log.measurementIds(head);
    },
    nisHistory(id) {
      const head = id >= 0 && id < headById.length ? headById[id]! : -1;
      return head < 0 ? [] : log.nisHistory(head);
    },
    status(id) {
      const s = slotOf(id);
      if (s < 0) return null;
      if (store.status[s] === TrackStatus.tentative) return 'tentative';
      return store.misses[s] === 0 ? 'confirmed' : 'coasting';
    },
  };
}
