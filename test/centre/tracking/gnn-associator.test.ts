import { describe, expect, it } from 'vitest';
import { GateEdges } from '../../../src/centre/tracking/gate-edges.ts';
import { createGnnAssociator } from '../../../src/centre/tracking/gnn-associator.ts';
import { createRng } from '../../../src/physics/random.ts';

// Oracle: the best total cost over every matching of the edge graph (each track to at
// most one measurement, each measurement to at most one track), by exhaustive search.
function bruteForce(edges: GateEdges, tracks: number): number {
  const byTrack: { j: number; cost: number }[][] = Array.from({ length: tracks }, () => []);
  for (let e = 0; e < edges.count; e++)
    byTrack[edges.track[e]!]!.push({ j: edges.measurement[e]!, cost: edges.cost[e]! });
  const used = new Set<number>();
  const visit = (t: number): number => {
    if (t === tracks) return 0;
    let best = visit(t + 1);
    for (const { j, cost } of byTrack[t]!) {
      if (used.has(j)) continue;
      used.add(j);
      best = Math.min(best, cost + visit(t + 1));
      used.delete(j);
    }
    return best;
  };
  return visit(0);
}

describe('GNN associator', () => {
  it('finds the minimum-cost matching of random gate graphs (brute force oracle, 300 cases)', () => {
    const rng = createRng(11, 'gnn');
    const associator = createGnnAssociator();
    const edges = new GateEdges();
    for (let trial = 0; trial < 300; trial++) {
      const tracks = 1 + rng.integer(7);
      const measurements = 1 + rng.integer(7);
      edges.clear();
      for (let t = 0; t < tracks; t++) {
        for (let j = 0; j < measurements; j++) {
          if (rng.uniform() < 0.35) {
            edges.push(t, j, 0);
            // Mostly useful (negative) costs, some useless (≥ 0) ones the associator must ignore.
            edges.cost[edges.count - 1] = -10 + 12 * rng.uniform();
          }
        }
      }
      const out = new Int32Array(tracks);
      associator.associate(edges, tracks, measurements, out);
      const seen = new Set<number>();
      let total = 0;
      for (let t = 0; t < tracks; t++) {
        const j = out[t]!;
        if (j < 0) continue;
        expect(seen.has(j)).toBe(false);
        seen.add(j);
        let cost = Number.NaN;
        for (let e = 0; e < edges.count; e++)
          if (edges.track[e] === t && edges.measurement[e] === j) cost = edges.cost[e]!;
        expect(cost).toBeLessThan(0);
        total += cost;
      }
      expect(total).toBeCloseTo(bruteForce(edges, tracks), 9);
    }
  });

  it('leaves a track unassigned rather than take a pair whose cost is not negative', () => {
    const edges = new GateEdges();
    edges.push(0, 0, 0);
    edges.cost[0] = 0.5;
    const out = new Int32Array(1);
    createGnnAssociator().associate(edges, 1, 1, out);
    expect(out[0]).toBe(-1);
  });
});
