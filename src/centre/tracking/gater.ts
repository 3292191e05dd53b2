// Gating (Stone Soup's "hypothesiser"): for each track of a stage, the measurements
// inside its validation gate νᵀ·S⁻¹·ν ≤ γ, with γ the chi-square quantile of the gate
// probability (Bar-Shalom et al. 2001, §3.4.3). The grid gater visits only the
// measurements whose grid cells meet the gate's bounding box (the box of the ellipsoid
// has half-width √(γ·Sₖₖ) on axis k), so the work grows with tracks + measurements
// rather than their product; the all-pairs gater tests every pair and is the baseline
// and the oracle for the grid. Both emit each track's edges in measurement order, so
// they feed the associator identical graphs. The grid and its box test work on raw
// measurement coordinates: right for positions and ranges, but a model with an angle
// that wraps at ±π needs the all-pairs gater (or a wrap-aware index) near the seam.

import { choleskyQuadraticForm } from '../../physics/matrix.ts';
import type { GateEdges } from './gate-edges.ts';
import { MeasurementGrid } from './measurement-grid.ts';
import type { TrackStore } from './track-store.ts';
import type { Updater } from './updater.ts';

export interface Gater {
  /**
   * Adds to `edges` every (k, j) with track slots[k] (k < slotCount) gateable and
   * measurement j (j < zCount, available[j] ≠ 0) inside its gate of size `threshold`.
   * Uses the store's per-scan ẑ, S factor and gate half-widths.
   */
  gate(
    store: TrackStore,
    slots: Int32Array,
    slotCount: number,
    z: Float64Array,
    zCount: number,
    available: Uint8Array,
    threshold: number,
    edges: GateEdges,
  ): void;
}

export function createAllPairsGater(updater: Updater): Gater {
  const m = updater.measDim;
  const zj = new Float64Array(m);
  const nu = new Float64Array(m);
  return {
    gate(store, slots, slotCount, z, zCount, available, threshold, edges) {
      for (let k = 0; k < slotCount; k++) {
        const slot = slots[k]!;
        if (!store.gateable[slot]) continue;
        const zPredicted = store.zPredictedView[slot]!;
        const L = store.innovationFactorView[slot]!;
        for (let j = 0; j < zCount; j++) {
          if (!available[j]) continue;
          for (let d = 0; d < m; d++) zj[d] = z[j * m + d]!;
          updater.residual(nu, zj, zPredicted);
          const d2 = choleskyQuadraticForm(L, nu, m);
          if (d2 <= threshold) edges.push(k, j, d2);
        }
      }
    },
  };
}

export function createGridGater(updater: Updater): Gater {
  const m = updater.measDim;
  const dims = Math.min(m, 3);
  const grid = new MeasurementGrid();
  const zj = new Float64Array(m);
  const nu = new Float64Array(m);
  const lo = new Float64Array(3);
  const hi = new Float64Array(3);
  let widths = new Float64Array(64);
  // The gate's bounding box rejects most grid candidates before the Mahalanobis test.
  const insideBox = (z: Float64Array, offset: number, dims: number): boolean => {
    for (let d = 0; d < dims; d++) {
      const c = z[offset + d]!;
      if (c < lo[d]! || c > hi[d]!) return false;
    }
    return true;
  };
  return {
    gate(store, slots, slotCount, z, zCount, available, threshold, edges) {
      if (slotCount === 0 || zCount === 0) return;
      // Cell side: twice the median gate half-width, so a typical gate meets ≤ 8 cells.
      if (widths.length < slotCount) widths = new Float64Array(2 * slotCount);
      let gateable = 0;
      for (let k = 0; k < slotCount; k++) {
        const slot = slots[k]!;
        if (!store.gateable[slot]) continue;
        let w = 0;
        for (let d = 0; d < dims; d++) w = Math.max(w, store.gateHalfWidth[slot * m + d]!);
        widths[gateable++] = w;
      }
      if (gateable === 0) return;
      const cellSize = 2 * selectKth(widths, gateable, gateable >> 1);
      grid.build(z, m, zCount, available, cellSize > 0 ? cellSize : 1);
      const points = grid.pointCount;
      if (points === 0) return;
      for (let k = 0; k < slotCount; k++) {
        const slot = slots[k]!;
        if (!store.gateable[slot]) continue;
        const zPredicted = store.zPredictedView[slot]!;
        const L = store.innovationFactorView[slot]!;
        for (let d = 0; d < dims; d++) {
          const w = store.gateHalfWidth[slot * m + d]!;
          lo[d] = zPredicted[d]! - w;
          hi[d] = zPredicted[d]! + w;
        }
        const first = edges.count;
        const found = grid.query(lo, hi, points);
        const candidates = grid.candidates;
        // A gate box covering more cells than there are points is cheaper to scan whole.
        const count = found < 0 ? zCount : found;
        for (let c = 0; c < count; c++) {
          const j = found < 0 ? c : candidates[c]!;
          if (!available[j] || !insideBox(z, j * m, dims)) continue;
          for (let d = 0; d < m; d++) zj[d] = z[j * m + d]!;
          updater.residual(nu, zj, zPredicted);
          const d2 = choleskyQuadraticForm(L, nu, m);
          if (d2 <= threshold) edges.push(k, j, d2);
        }
        if (found >= 0) sortRunByMeasurement(edges, first);
      }
    },
  };
}

/** The k-th smallest of a[0 … n) (Hoare's selection, partially reordering a in place). */
export function selectKth(a: Float64Array, n: number, k: number): number {
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1]!;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i]! < pivot) i++;
      while (a[j]! > pivot) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i++] = a[j]!;
        a[j--] = t;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k]!;
}

/** Insertion sort of edges[first …] by measurement index (runs are a handful long). */
function sortRunByMeasurement(edges: GateEdges, first: number): void {
  const meas = edges.measurement;
  const d2 = edges.distance2;
  for (let i = first + 1; i < edges.count; i++) {
    const mi = meas[i]!;
    const di = d2[i]!;
    let p = i - 1;
    while (p >= first && meas[p]! > mi) {
      meas[p + 1] = meas[p]!;
      d2[p + 1] = d2[p]!;
      p--;
    }
    meas[p + 1] = mi;
    d2[p + 1] = di;
  }
}
