// Gating of one frame's reports (one sensor, one scan) against the 3-D tracks, in two
// steps so that the work grows with tracks + reports rather than their product:
//
// 1. Spatial index. Each report becomes a point — the radar plot converted to ECI, or
//    the IR line of sight as a unit vector — in a hashed grid (tracking/measurement-
//    grid.ts). Each track's position is extrapolated cheaply to the frame time
//    (r + v·δt + a·δt²/2, a = point-mass gravity + aT along v) with a conservative box
//    half-width: √γ times the square root of the trace of its extrapolated position
//    covariance, an allowance for unmodelled acceleration (½(3σ_aT + 10·μ_boost)δt²) and
//    the reports' own extent. For IR the box lives on the unit sphere as seen from the
//    satellite: half-widths divided by the range. Only the reports whose cells meet the
//    box are candidates.
// 2. Exact gate. For each candidate, the track's IMM block is predicted to the report's
//    own time (re-used for the next report at the same time) and the report's model
//    gives ẑ and S from the combined estimate; the pair is an edge when νᵀS⁻¹ν ≤ γ(m).
//    The predicted block is kept per edge, so the update of the chosen pair starts from
//    exactly the prediction that was gated.
//    A pair is skipped when the measurement is too nonlinear over the prediction's spread
//    for a linearised update to be trusted: when the second-order term of h across the
//    largest position standard deviation σ exceeds three measurement σ — σ²/(2ρ) > 3σ_ρ
//    for a radar range at distance ρ, (σ/ρ)² > 3σ_θ for a line of sight. Such a track
//    (an IR track coasting minutes after burnout, hundreds of km uncertain) is handed
//    over instead by the radar starting its own track and the track-to-track fusion
//    combining the two, a linear operation in state space.

import { MU_EARTH } from '../../physics/constants.ts';
import { choleskyLogDeterminant, choleskyQuadraticForm } from '../../physics/matrix.ts';
import type { SensorReport } from '../../sensors/report.ts';
import { STATE_DIM, THRUST, VEL } from '../tracking/flight-state.ts';
import { GateEdges } from '../tracking/gate-edges.ts';
import { selectKth } from '../tracking/gater.ts';
import type { Imm } from '../tracking/imm.ts';
import { MeasurementGrid } from '../tracking/measurement-grid.ts';
import type { ReportMeasurement } from './report-measurement.ts';
import type { FusedTrack } from './tracks.ts';

const LOG_2PI = Math.log(2 * Math.PI);
const BOOST = 0;

export class FrameGater {
  readonly edges = new GateEdges();
  /** Per edge: the track's IMM block predicted to the report's time, and ln N(ν; 0, S). */
  edgeBlocks = new Float64Array(0);
  edgeLogLikelihood = new Float64Array(256);
  private readonly imm: Imm;
  private readonly measurement: ReportMeasurement;
  private readonly threshold: (m: number) => number;
  private readonly grid = new MeasurementGrid();
  private points = new Float64Array(3 * 64);
  private halfWidths = new Float64Array(64);
  private readonly blockSize: number;
  private readonly predicted: Float64Array;
  private readonly x = new Float64Array(STATE_DIM);
  private readonly P = new Float64Array(STATE_DIM * STATE_DIM);
  private readonly zPred = new Float64Array(4);
  private readonly factor = new Float64Array(16);
  private readonly nu = new Float64Array(4);
  private readonly lo = new Float64Array(3);
  private readonly hi = new Float64Array(3);
  private readonly centre = new Float64Array(3);

  constructor(imm: Imm, measurement: ReportMeasurement, threshold: (m: number) => number) {
    this.imm = imm;
    this.measurement = measurement;
    this.threshold = threshold;
    this.blockSize = imm.layout.size;
    this.predicted = new Float64Array(this.blockSize);
    this.edgeBlocks = new Float64Array(256 * this.blockSize);
  }

  /** Fills `edges` (track = index into `tracks`, measurement = index into `reports`). */
  gate(reports: readonly SensorReport[], tracks: readonly FusedTrack[]): void {
    this.edges.clear();
    const count = reports.length;
    if (count === 0 || tracks.length === 0) return;
    const ir = reports[0]!.kind === 'ir';
    if (this.points.length < 3 * count) this.points = new Float64Array(6 * count);
    let extent = 0;
    let tFirst = Number.POSITIVE_INFINITY;
    let tLast = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < count; j++) {
      const r = reports[j]!;
      extent = Math.max(extent, this.measurement.indexPoint(this.centre, r));
      this.points.set(this.centre, 3 * j);
      tFirst = Math.min(tFirst, r.timeS);
      tLast = Math.max(tLast, r.timeS);
    }
    const span = tLast - tFirst;
    const first = reports[0]!;
    const observer = first.kind === 'ir' ? first.observerEci : null;
    let observerSpread = 0;
    if (ir) {
      for (const r of reports) {
        if (r.kind !== 'ir') continue;
        const o = r.observerEci;
        observerSpread = Math.max(
          observerSpread,
          Math.hypot(o[0] - observer![0], o[1] - observer![1], o[2] - observer![2]),
        );
      }
    }
    const gammaBox = Math.sqrt(this.threshold(ir ? 2 : 3));

    // Box centres and half-widths per track.
    if (this.halfWidths.length < 4 * tracks.length) this.halfWidths = new Float64Array(8 * tracks.length);
    const boxes = this.halfWidths;
    const layout = this.imm.layout;
    const n = STATE_DIM;
    for (let k = 0; k < tracks.length; k++) {
      const b = tracks[k]!.block;
      const s = layout.state;
      const c = layout.covariance;
      const dt = tFirst - tracks[k]!.timeS;
      const rx = b[s]!;
      const ry = b[s + 1]!;
      const rz = b[s + 2]!;
      const vx = b[s + VEL]!;
      const vy = b[s + VEL + 1]!;
      const vz = b[s + VEL + 2]!;
      const r2 = rx * rx + ry * ry + rz * rz;
      const g = -MU_EARTH / (r2 * Math.sqrt(r2));
      const speed = Math.hypot(vx, vy, vz);
      const thrust = speed > 0 ? (b[BOOST]! * Math.max(0, b[s + THRUST]!)) / speed : 0;
      const half = 0.5 * dt * dt;
      const px = rx + vx * dt + (g * rx + thrust * vx) * half;
      const py = ry + vy * dt + (g * ry + thrust * vy) * half;
      const pz = rz + vz * dt + (g * rz + thrust * vz) * half;
      let trace = 0;
      for (let a = 0; a < 3; a++) {
        trace +=
          b[c + a * n + a]! + 2 * dt * b[c + a * n + VEL + a]! + dt * dt * b[c + (VEL + a) * n + VEL + a]!;
      }
      const sigmaThrust = Math.sqrt(Math.max(0, b[c + THRUST * n + THRUST]!));
      const slack = (3 * sigmaThrust + 10 * b[BOOST]!) * half + speed * span;
      let w = gammaBox * Math.sqrt(Math.max(trace, 0)) + slack;
      if (ir) {
        const rho = Math.hypot(px - observer![0], py - observer![1], pz - observer![2]);
        boxes[4 * k] = (px - observer![0]) / rho;
        boxes[4 * k + 1] = (py - observer![1]) / rho;
        boxes[4 * k + 2] = (pz - observer![2]) / rho;
        w = (w + observerSpread) / rho + gammaBox * extent;
      } else {
        boxes[4 * k] = px;
        boxes[4 * k + 1] = py;
        boxes[4 * k + 2] = pz;
        w += gammaBox * extent;
      }
      boxes[4 * k + 3] = w;
    }
    const cell = 2 * medianHalfWidth(boxes, tracks.length);
    this.grid.build(this.points, 3, count, null, cell > 0 ? cell : 1);

    let predictedTrack = -1;
    let predictedTime = Number.NaN;
    for (let k = 0; k < tracks.length; k++) {
      const w = boxes[4 * k + 3]!;
      for (let d = 0; d < 3; d++) {
        this.lo[d] = boxes[4 * k + d]! - w;
        this.hi[d] = boxes[4 * k + d]! + w;
      }
      const found = this.grid.query(this.lo, this.hi, count);
      const total = found < 0 ? count : found;
      const firstEdge = this.edges.count;
      for (let q = 0; q < total; q++) {
        const j = found < 0 ? q : this.grid.candidates[q]!;
        if (!insideBox(this.points, j, this.lo, this.hi)) continue;
        const report = reports[j]!;
        const track = tracks[k]!;
        if (predictedTrack !== k || predictedTime !== report.timeS) {
          this.predicted.set(track.block);
          this.imm.predict(this.predicted, report.timeS - track.timeS);
          predictedTrack = k;
          predictedTime = report.timeS;
        }
        const updater = this.measurement.prepare(report);
        this.imm.readCombined(this.predicted, this.x, this.P);
        if (!linearisable(this.x, this.P, report)) continue;
        if (!updater.predictMeasurement(this.zPred, this.factor, this.x, this.P)) continue;
        const m = updater.measDim;
        updater.residual(this.nu, this.measurement.z, this.zPred);
        const d2 = choleskyQuadraticForm(this.factor, this.nu, m);
        if (!(d2 <= this.threshold(m))) continue;
        const e = this.edges.count;
        this.edges.push(k, j, d2);
        this.ensureEdges(e + 1);
        this.edgeBlocks.set(this.predicted, e * this.blockSize);
        this.edgeLogLikelihood[e] =
          -0.5 * d2 - 0.5 * choleskyLogDeterminant(this.factor, m) - 0.5 * m * LOG_2PI;
      }
      if (found >= 0) sortEdgesByMeasurement(this, firstEdge);
    }
  }

  private ensureEdges(count: number): void {
    if (this.edgeLogLikelihood.length < count) {
      const grown = new Float64Array(2 * count);
      grown.set(this.edgeLogLikelihood);
      this.edgeLogLikelihood = grown;
    }
    if (this.edgeBlocks.length < count * this.blockSize) {
      const grown = new Float64Array(2 * count * this.blockSize);
      grown.set(this.edgeBlocks);
      this.edgeBlocks = grown;
    }
  }

  /** Copies edge e's predicted block into `out`. */
  readEdgeBlock(out: Float64Array, e: number): void {
    const start = e * this.blockSize;
    for (let i = 0; i < this.blockSize; i++) out[i] = this.edgeBlocks[start + i]!;
  }

  /** Swaps two edges with everything kept per edge. */
  swapEdges(a: number, b: number): void {
    const E = this.edges;
    swap(E.track, a, b);
    swap(E.measurement, a, b);
    swap(E.distance2, a, b);
    swap(this.edgeLogLikelihood, a, b);
    const size = this.blockSize;
    for (let i = 0; i < size; i++) swap(this.edgeBlocks, a * size + i, b * size + i);
  }
}

/** Whether h is near-linear over the estimate's position spread (see the header). */
function linearisable(x: Float64Array, P: Float64Array, report: SensorReport): boolean {
  const n = STATE_DIM;
  const variance = Math.max(P[0]!, P[n + 1]!, P[2 * n + 2]!);
  if (report.kind === 'radar') return variance / (2 * report.rangeM) <= 3 * report.sigmaRangeM;
  const o = report.observerEci;
  const rho2 = (x[0]! - o[0]) ** 2 + (x[1]! - o[1]) ** 2 + (x[2]! - o[2]) ** 2;
  return variance / rho2 <= 3 * report.sigmaRad;
}

function swap(a: Float64Array | Int32Array, i: number, j: number): void {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Puts one track's edges (from `first` on) in measurement order, as the all-points scan would. */
function sortEdgesByMeasurement(gater: FrameGater, first: number): void {
  const meas = gater.edges.measurement;
  for (let i = first + 1; i < gater.edges.count; i++) {
    for (let p = i; p > first && meas[p - 1]! > meas[p]!; p--) gater.swapEdges(p - 1, p);
  }
}

function insideBox(points: Float64Array, j: number, lo: Float64Array, hi: Float64Array): boolean {
  for (let d = 0; d < 3; d++) {
    const c = points[3 * j + d]!;
    if (c < lo[d]! || c > hi[d]!) return false;
  }
  return true;
}

/** Median of the half-widths stored at every 4th entry from 3 (in a scratch copy). */
function medianHalfWidth(boxes: Float64Array, count: number): number {
  if (medianScratch.length < count) medianScratch = new Float64Array(2 * count);
  for (let k = 0; k < count; k++) medianScratch[k] = boxes[4 * k + 3]!;
  return selectKth(medianScratch, count, count >> 1);
}

let medianScratch = new Float64Array(64);
