// Generalised optimal sub-pattern assignment (GOSPA) metric between a set of true
// positions X and a set of estimates Y (Rahmathullah, García-Fernández & Svensson,
// "Generalized optimal sub-pattern assignment metric", FUSION 2017), as the peer
// benchmark defines it (../shared/bench/FORMAT.md): Euclidean distance d, cut-off c,
// order p, α:
//   GOSPA^p = min over assignments γ of |X| ∧ |Y| pairs of Σ min(d, c)^p + (c^p/α)·||X| − |Y||.
// For α = 2 this equals (the paper's Proposition 1)
//   min over partial assignments γ of pairs with d < c of Σ d^p + (c^p/2)·(|X| + |Y| − 2|γ|),
// which splits into localisation Σ d^p, missed (c^p/2)·#unassigned truths and false
// (c^p/2)·#unassigned estimates (in p-th-power units; GOSPA is the p-th root of their
// sum). That form only needs the pairs closer than c, solved cluster by cluster with the
// tracker's GNN associator (assignment cost d^p − c^p against leaving both unassigned).
// Other α use the first form with a dense optimal assignment; their decomposition
// counts an assigned pair with d ≥ c as half missed, half false.

import { solveAssignment } from '../../centre/tracking/assignment.ts';
import { GateEdges } from '../../centre/tracking/gate-edges.ts';
import { createGnnAssociator } from '../../centre/tracking/gnn-associator.ts';

export interface GospaOptions {
  /** Cut-off distance c (m). */
  cutoff: number;
  /** Order p ≥ 1. */
  order: number;
  /** α ∈ (0, 2]. */
  alpha: number;
}

export const benchmarkGospaOptions: GospaOptions = { cutoff: 1000, order: 1, alpha: 2 };

export interface GospaResult {
  /** The metric (m). */
  gospa: number;
  /** Terms in p-th-power units (m^p), summing to gospa^p. */
  localisation: number;
  missed: number;
  false: number;
}

const edges = new GateEdges();
const associator = createGnnAssociator();
let estimateForTruth = new Int32Array(64);
let denseCost = new Float64Array(64);
let denseColForRow = new Int32Array(16);

/**
 * GOSPA between `truthCount` truths and `estimateCount` estimates, each stored as
 * consecutive 3-D positions. When `assignment` is given (length ≥ truthCount) it
 * receives, per truth, the index of the estimate assigned to it at a distance below
 * the cut-off, or −1.
 */
export function gospa(
  truths: Float64Array,
  truthCount: number,
  estimates: Float64Array,
  estimateCount: number,
  options: GospaOptions = benchmarkGospaOptions,
  assignment?: Int32Array,
): GospaResult {
  const { cutoff: c, order: p, alpha } = options;
  if (!(c > 0) || !(p >= 1) || !(alpha > 0 && alpha <= 2)) {
    throw new RangeError(`GOSPA needs c > 0, p ≥ 1 and 0 < α ≤ 2; got c = ${c}, p = ${p}, α = ${alpha}`);
  }
  const cp = c ** p;
  if (assignment) assignment.fill(-1, 0, truthCount);
  if (alpha !== 2) return denseGospa(truths, truthCount, estimates, estimateCount, options, assignment);

  edges.clear();
  for (let i = 0; i < truthCount; i++) {
    for (let j = 0; j < estimateCount; j++) {
      const d = distance(truths, i, estimates, j);
      if (d < c) {
        edges.push(i, j, d * d);
        edges.cost[edges.count - 1] = d ** p - cp;
      }
    }
  }
  if (estimateForTruth.length < truthCount) estimateForTruth = new Int32Array(2 * truthCount);
  associator.associate(edges, truthCount, estimateCount, estimateForTruth);
  let localisation = 0;
  let pairs = 0;
  for (let i = 0; i < truthCount; i++) {
    const j = estimateForTruth[i]!;
    if (j < 0) continue;
    localisation += distance(truths, i, estimates, j) ** p;
    pairs++;
    if (assignment) assignment[i] = j;
  }
  const missed = (cp / 2) * (truthCount - pairs);
  const falseTerm = (cp / 2) * (estimateCount - pairs);
  return { gospa: (localisation + missed + falseTerm) ** (1 / p), localisation, missed, false: falseTerm };
}

function denseGospa(
  truths: Float64Array,
  truthCount: number,
  estimates: Float64Array,
  estimateCount: number,
  options: GospaOptions,
  assignment: Int32Array | undefined,
): GospaResult {
  const { cutoff: c, order: p, alpha } = options;
  const cp = c ** p;
  // Rows: the smaller set, so every row is assigned.
  const truthRows = truthCount <= estimateCount;
  const rows = truthRows ? truthCount : estimateCount;
  const cols = truthRows ? estimateCount : truthCount;
  if (denseCost.length < rows * cols) denseCost = new Float64Array(2 * rows * cols);
  if (denseColForRow.length < rows) denseColForRow = new Int32Array(2 * rows);
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      const d = truthRows ? distance(truths, r, estimates, q) : distance(truths, q, estimates, r);
      denseCost[r * cols + q] = Math.min(d, c) ** p;
    }
  }
  if (rows > 0) solveAssignment(denseCost, rows, cols, denseColForRow);
  let localisation = 0;
  let cutPairs = 0;
  for (let r = 0; r < rows; r++) {
    const q = denseColForRow[r]!;
    const d = truthRows ? distance(truths, r, estimates, q) : distance(truths, q, estimates, r);
    if (d < c) {
      localisation += d ** p;
      if (assignment) assignment[truthRows ? r : q] = truthRows ? q : r;
    } else cutPairs++;
  }
  const unmatched = (cp / alpha) * (cols - rows);
  const missed = (cp / 2) * cutPairs + (truthRows ? 0 : unmatched);
  const falseTerm = (cp / 2) * cutPairs + (truthRows ? unmatched : 0);
  return { gospa: (localisation + missed + falseTerm) ** (1 / p), localisation, missed, false: falseTerm };
}

function distance(a: Float64Array, i: number, b: Float64Array, j: number): number {
  const dx = a[3 * i]! - b[3 * j]!;
  const dy = a[3 * i + 1]! - b[3 * j + 1]!;
  const dz = a[3 * i + 2]! - b[3 * j + 2]!;
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Mean of each field over scans (the benchmark's score); zeros for no scans. */
export function meanGospa(results: readonly GospaResult[]): GospaResult {
  const mean: GospaResult = { gospa: 0, localisation: 0, missed: 0, false: 0 };
  if (results.length === 0) return mean;
  for (const r of results) {
    mean.gospa += r.gospa;
    mean.localisation += r.localisation;
    mean.missed += r.missed;
    mean.false += r.false;
  }
  const k = results.length;
  return {
    gospa: mean.gospa / k,
    localisation: mean.localisation / k,
    missed: mean.missed / k,
    false: mean.false / k,
  };
}
