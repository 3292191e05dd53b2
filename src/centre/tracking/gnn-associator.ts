// Global nearest neighbour association: the single joint assignment of measurements to
// tracks with the least total cost, where each gate edge's cost is its assignment cost
// relative to leaving that track unassigned and that measurement as clutter (so only
// edges with cost < 0 can help and a track may always stay unassigned). The gate graph
// splits into connected components (union–find), each solved on its own: one edge or
// one track or one measurement directly, larger clusters by the optimal rectangular
// assignment of assignment.ts with one private "missed" column (cost 0) per track
// (Blackman & Popoli, Design and Analysis of Modern Tracking Systems, 1999, §6.5).

import { solveAssignment } from './assignment.ts';
import type { GateEdges } from './gate-edges.ts';

export interface Associator {
  /**
   * Writes into measurementForTrack[k] (k < trackCount) the measurement assigned to
   * stage-local track k, or −1; no measurement is given to two tracks.
   */
  associate(
    edges: GateEdges,
    trackCount: number,
    measurementCount: number,
    measurementForTrack: Int32Array,
  ): void;
}

export function createGnnAssociator(): Associator {
  let parent = new Int32Array(64);
  let clusterOf = new Int32Array(64);
  let edgeCluster = new Int32Array(64);
  let order = new Int32Array(64);
  let clusterStart = new Int32Array(64);
  let rowOf = new Int32Array(64).fill(-1);
  let colOf = new Int32Array(64).fill(-1);
  let rowTrack = new Int32Array(16);
  let colMeasurement = new Int32Array(16);
  let colForRow = new Int32Array(16);
  let matrix = new Float64Array(256);

  function find(i: number): number {
    while (parent[i] !== i) {
      const grand = parent[parent[i]!]!;
      parent[i] = grand;
      i = grand;
    }
    return i;
  }

  return {
    associate(edges, trackCount, measurementCount, measurementForTrack) {
      measurementForTrack.fill(-1, 0, trackCount);
      const nodes = trackCount + measurementCount;
      const edgeCount = edges.count;
      if (parent.length < nodes) {
        parent = new Int32Array(2 * nodes);
        clusterOf = new Int32Array(2 * nodes);
        rowOf = new Int32Array(2 * nodes).fill(-1);
        colOf = new Int32Array(2 * nodes).fill(-1);
      }
      if (edgeCluster.length < edgeCount + 1) {
        edgeCluster = new Int32Array(2 * edgeCount + 1);
        order = new Int32Array(2 * edgeCount + 1);
        clusterStart = new Int32Array(2 * edgeCount + 2);
      }
      for (let i = 0; i < nodes; i++) {
        parent[i] = i;
        clusterOf[i] = -1;
      }
      const track = edges.track;
      const meas = edges.measurement;
      const cost = edges.cost;
      for (let e = 0; e < edgeCount; e++) {
        if (!(cost[e]! < 0)) continue;
        const a = find(track[e]!);
        const b = find(trackCount + meas[e]!);
        if (a !== b) parent[a] = b;
      }
      let clusters = 0;
      for (let e = 0; e < edgeCount; e++) {
        if (!(cost[e]! < 0)) {
          edgeCluster[e] = -1;
          continue;
        }
        const root = find(track[e]!);
        if (clusterOf[root]! < 0) clusterOf[root] = clusters++;
        edgeCluster[e] = clusterOf[root]!;
      }
      // Counting sort of the useful edges by cluster.
      clusterStart.fill(0, 0, clusters + 1);
      for (let e = 0; e < edgeCount; e++) {
        const c = edgeCluster[e]!;
        if (c >= 0) clusterStart[c + 1]!++;
      }
      for (let c = 0; c < clusters; c++) clusterStart[c + 1] = clusterStart[c + 1]! + clusterStart[c]!;
      for (let e = 0; e < edgeCount; e++) {
        const c = edgeCluster[e]!;
        if (c >= 0) order[clusterStart[c]!++] = e;
      }
      for (let c = clusters; c > 0; c--) clusterStart[c] = clusterStart[c - 1]!;
      clusterStart[0] = 0;

      for (let c = 0; c < clusters; c++) {
        const first = clusterStart[c]!;
        const end = clusterStart[c + 1]!;
        // Number the cluster's tracks (rows) and measurements (columns) locally.
        let rows = 0;
        let cols = 0;
        for (let k = first; k < end; k++) {
          const e = order[k]!;
          const t = track[e]!;
          const j = meas[e]!;
          if (rowOf[t]! < 0) {
            if (rowTrack.length === rows) rowTrack = grownInt32(rowTrack);
            rowOf[t] = rows;
            rowTrack[rows++] = t;
          }
          if (colOf[j]! < 0) {
            if (colMeasurement.length === cols) colMeasurement = grownInt32(colMeasurement);
            colOf[j] = cols;
            colMeasurement[cols++] = j;
          }
        }
        if (rows === 1 || cols === 1) {
          // One track or one measurement: the cheapest edge is the optimum.
          let best = first;
          for (let k = first + 1; k < end; k++) {
            if (cost[order[k]!]! < cost[order[best]!]!) best = k;
          }
          const e = order[best]!;
          measurementForTrack[track[e]!] = meas[e]!;
        } else {
          const width = cols + rows;
          if (matrix.length < rows * width) matrix = new Float64Array(2 * rows * width);
          matrix.fill(Number.POSITIVE_INFINITY, 0, rows * width);
          for (let r = 0; r < rows; r++) matrix[r * width + cols + r] = 0;
          for (let k = first; k < end; k++) {
            const e = order[k]!;
            matrix[rowOf[track[e]!]! * width + colOf[meas[e]!]!] = cost[e]!;
          }
          if (colForRow.length < rows) colForRow = new Int32Array(2 * rows);
          solveAssignment(matrix, rows, width, colForRow);
          for (let r = 0; r < rows; r++) {
            const col = colForRow[r]!;
            if (col < cols) measurementForTrack[rowTrack[r]!] = colMeasurement[col]!;
          }
        }
        for (let r = 0; r < rows; r++) rowOf[rowTrack[r]!] = -1;
        for (let q = 0; q < cols; q++) colOf[colMeasurement[q]!] = -1;
      }
    },
  };
}

function grownInt32(a: Int32Array): Int32Array<ArrayBuffer> {
  const next = new Int32Array(2 * a.length);
  next.set(a);
  return next;
}
