// Joint probabilistic data association (Fortmann, Bar-Shalom & Scheffe, "Sonar tracking
// of multiple targets using joint probabilistic data association", IEEE J. Oceanic Eng.
// 8(3), 1983; Bar-Shalom et al. 2001, §6.7 of Blackman & Popoli for the cluster form)
// on the dense clusters of a gate graph. A joint event gives each track at most one of
// its gated measurements and no measurement to two tracks; its probability is
// proportional to Π over assigned pairs of exp(−cost), where the cost of an edge is
// the negative log-likelihood ratio of "track i took z" against "track i missed, z is
// clutter" (as the trackers' GNN costs are). The marginals are
//   βᵢⱼ = Σ_{events ∋ (i,j)} P(event),   βᵢ₀ = Σ_{events where i is missed} P(event),
// by exact enumeration (depth-first over the cluster's tracks). A cluster is dense when
// it has two or more tracks and a measurement gated by two of them; only dense clusters
// with at most `maxTracks` tracks and at most `maxEvents` joint events are enumerated,
// the rest are left to global-nearest-neighbour assignment. Per-track scaling of the
// likelihood ratios keeps every factor ≤ 1, so the sums cannot overflow.

import type { GateEdges } from './gate-edges.ts';

export interface JpdaOptions {
  maxTracks: number;
  maxEvents: number;
}

export const defaultJpdaOptions: JpdaOptions = { maxTracks: 6, maxEvents: 4096 };

export class JpdaMarginals {
  /** 1 for the stage-local tracks decided by JPDA. */
  jpdaTrack = new Uint8Array(64);
  /** βᵢ₀ per stage-local track. */
  missWeight = new Float64Array(64);
  /** βᵢⱼ per gate edge, aligned with the GateEdges. */
  edgeWeight = new Float64Array(256);
  /** 1 for measurements in an enumerated cluster. */
  jpdaMeasurement = new Uint8Array(64);

  ensure(tracks: number, measurements: number, edges: number): void {
    if (this.jpdaTrack.length < tracks) {
      this.jpdaTrack = new Uint8Array(2 * tracks);
      this.missWeight = new Float64Array(2 * tracks);
    }
    if (this.jpdaMeasurement.length < measurements) this.jpdaMeasurement = new Uint8Array(2 * measurements);
    if (this.edgeWeight.length < edges) this.edgeWeight = new Float64Array(2 * edges);
  }
}

export interface JpdaSolver {
  /**
   * Finds the dense clusters of `edges` and writes their marginals into `out`; returns
   * the number of tracks decided by JPDA. `sameTime(j, k)` says whether measurements j
   * and k share one time (a cluster mixing times is left to GNN).
   */
  solve(
    edges: GateEdges,
    trackCount: number,
    measurementCount: number,
    sameTime: (j: number, k: number) => boolean,
    out: JpdaMarginals,
  ): number;
}

export function createJpdaSolver(options: JpdaOptions = defaultJpdaOptions): JpdaSolver {
  let parent = new Int32Array(64);
  let trackEdgeStart = new Int32Array(64);
  let trackEdges = new Int32Array(256);
  let measurementDegree = new Int32Array(64);
  let used = new Uint8Array(64);
  let clusterRoot = new Int32Array(64);
  let shift = new Float64Array(64);
  let memberStart = new Int32Array(64);
  let members = new Int32Array(64);
  const clusterTracks: number[] = [];
  const clusterMeasurements: number[] = [];
  let eventTotal = 0;
  let edgesRef: GateEdges | null = null;
  let outRef: JpdaMarginals | null = null;

  function find(i: number): number {
    while (parent[i] !== i) {
      const g = parent[parent[i]!]!;
      parent[i] = g;
      i = g;
    }
    return i;
  }

  /** Depth-first enumeration of joint events over clusterTracks[depth …]. */
  function enumerate(depth: number, weight: number): void {
    if (depth === clusterTracks.length) {
      eventTotal += weight;
      return;
    }
    const edges = edgesRef!;
    const k = clusterTracks[depth]!;
    // Track k missed.
    const missFactor = Math.exp(-shift[k]!);
    accumulate(depth + 1, weight * missFactor, -1, k);
    for (let p = trackEdgeStart[k]!; p < trackEdgeStart[k + 1]!; p++) {
      const e = trackEdges[p]!;
      const j = edges.measurement[e]!;
      if (used[j]) continue;
      used[j] = 1;
      accumulate(depth + 1, weight * Math.exp(-edges.cost[e]! - shift[k]!), e, k);
      used[j] = 0;
    }
  }

  // Adds the completed events' weight below this choice to its marginal.
  function accumulate(depth: number, weight: number, edge: number, track: number): void {
    const before = eventTotal;
    enumerate(depth, weight);
    const added = eventTotal - before;
    if (edge < 0) outRef!.missWeight[track] = outRef!.missWeight[track]! + added;
    else outRef!.edgeWeight[edge] = outRef!.edgeWeight[edge]! + added;
  }

  return {
    solve(edges, trackCount, measurementCount, sameTime, out) {
      const nodes = trackCount + measurementCount;
      const E = edges.count;
      out.ensure(trackCount, measurementCount, E);
      out.jpdaTrack.fill(0, 0, trackCount);
      out.missWeight.fill(0, 0, trackCount);
      out.edgeWeight.fill(0, 0, E);
      out.jpdaMeasurement.fill(0, 0, measurementCount);
      if (E === 0) return 0;
      if (parent.length < nodes) {
        parent = new Int32Array(2 * nodes);
        clusterRoot = new Int32Array(2 * nodes);
      }
      if (trackEdgeStart.length < trackCount + 2) {
        trackEdgeStart = new Int32Array(2 * trackCount + 2);
        shift = new Float64Array(2 * trackCount + 2);
      }
      if (trackEdges.length < E) trackEdges = new Int32Array(2 * E);
      if (measurementDegree.length < measurementCount) {
        measurementDegree = new Int32Array(2 * measurementCount);
        used = new Uint8Array(2 * measurementCount);
      }
      for (let i = 0; i < nodes; i++) parent[i] = i;
      measurementDegree.fill(0, 0, measurementCount);
      trackEdgeStart.fill(0, 0, trackCount + 1);
      for (let e = 0; e < E; e++) {
        const a = find(edges.track[e]!);
        const b = find(trackCount + edges.measurement[e]!);
        if (a !== b) parent[a] = b;
        measurementDegree[edges.measurement[e]!]!++;
        trackEdgeStart[edges.track[e]! + 1]!++;
      }
      for (let k = 0; k < trackCount; k++)
        trackEdgeStart[k + 1] = trackEdgeStart[k + 1]! + trackEdgeStart[k]!;
      for (let e = 0; e < E; e++) trackEdges[trackEdgeStart[edges.track[e]!]!++] = e;
      for (let k = trackCount; k > 0; k--) trackEdgeStart[k] = trackEdgeStart[k - 1]!;
      trackEdgeStart[0] = 0;

      // Per track, the largest log-likelihood ratio among its options (missing is 0).
      for (let k = 0; k < trackCount; k++) {
        let best = 0;
        for (let p = trackEdgeStart[k]!; p < trackEdgeStart[k + 1]!; p++)
          best = Math.max(best, -edges.cost[trackEdges[p]!]!);
        shift[k] = best;
      }

      // Dense clusters: the components holding a measurement gated by two tracks.
      clusterRoot.fill(0, 0, nodes);
      let clusters = 0;
      for (let j = 0; j < measurementCount; j++) {
        if (measurementDegree[j]! < 2) continue;
        const root = find(trackCount + j);
        if (clusterRoot[root] === 0) clusterRoot[root] = ++clusters;
      }
      if (clusters === 0) return 0;
      // Members of each dense cluster, by a counting sort on the cluster number.
      if (memberStart.length < clusters + 2) memberStart = new Int32Array(2 * clusters + 2);
      if (members.length < nodes) members = new Int32Array(2 * nodes);
      memberStart.fill(0, 0, clusters + 2);
      for (let i = 0; i < nodes; i++) {
        const c = clusterRoot[find(i)]!;
        if (c > 0) memberStart[c + 1]!++;
      }
      for (let c = 1; c <= clusters; c++) memberStart[c + 1] = memberStart[c + 1]! + memberStart[c]!;
      for (let i = 0; i < nodes; i++) {
        const c = clusterRoot[find(i)]!;
        if (c > 0) members[memberStart[c]!++] = i;
      }
      for (let c = clusters + 1; c > 1; c--) memberStart[c] = memberStart[c - 1]!;
      memberStart[1] = 0;

      let decided = 0;
      edgesRef = edges;
      outRef = out;
      for (let c = 1; c <= clusters; c++) {
        clusterTracks.length = 0;
        clusterMeasurements.length = 0;
        for (let p = memberStart[c]!; p < memberStart[c + 1]!; p++) {
          const i = members[p]!;
          if (i < trackCount) clusterTracks.push(i);
          else clusterMeasurements.push(i - trackCount);
        }
        if (!isEnumerable(clusterTracks, clusterMeasurements, sameTime)) continue;
        eventTotal = 0;
        enumerate(0, 1);
        if (!(eventTotal > 0)) {
          for (const t of clusterTracks) {
            out.missWeight[t] = 0;
            for (let p = trackEdgeStart[t]!; p < trackEdgeStart[t + 1]!; p++)
              out.edgeWeight[trackEdges[p]!] = 0;
          }
          continue;
        }
        for (const t of clusterTracks) {
          out.jpdaTrack[t] = 1;
          out.missWeight[t] = out.missWeight[t]! / eventTotal;
          for (let p = trackEdgeStart[t]!; p < trackEdgeStart[t + 1]!; p++) {
            const e = trackEdges[p]!;
            out.edgeWeight[e] = out.edgeWeight[e]! / eventTotal;
          }
          decided++;
        }
        for (const j of clusterMeasurements) out.jpdaMeasurement[j] = 1;
      }
      edgesRef = null;
      outRef = null;
      return decided;
    },
  };

  function isEnumerable(
    tracks: number[],
    measurements: number[],
    sameTime: (j: number, k: number) => boolean,
  ): boolean {
    if (tracks.length < 2 || tracks.length > options.maxTracks) return false;
    let shared = false;
    for (const j of measurements) if (measurementDegree[j]! >= 2) shared = true;
    if (!shared) return false;
    for (let i = 1; i < measurements.length; i++)
      if (!sameTime(measurements[0]!, measurements[i]!)) return false;
    let events = 1;
    for (const t of tracks) {
      events *= trackEdgeStart[t + 1]! - trackEdgeStart[t]! + 1;
      if (events > options.maxEvents) return false;
    }
    return true;
  }
}
