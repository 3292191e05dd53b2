// JPDA marginals against joint events enumerated by hand.
import { describe, expect, it } from 'vitest';
import { GateEdges } from '../../../src/centre/tracking/gate-edges.ts';
import { createJpdaSolver, JpdaMarginals } from '../../../src/centre/tracking/jpda.ts';

function edges(list: Array<[number, number, number]>): GateEdges {
  const e = new GateEdges();
  for (const [t, m, cost] of list) {
    const i = e.count;
    e.push(t, m, 0);
    e.cost[i] = cost;
  }
  return e;
}

describe('JPDA marginals', () => {
  it('two tracks sharing two measurements: the marginals of the seven joint events', () => {
    // Costs are −ln(likelihood ratio); weights are e^(−cost).
    const c = { t0m0: -2, t0m1: -0.5, t1m0: -1, t1m1: -1.5 };
    const e = edges([
      [0, 0, c.t0m0],
      [0, 1, c.t0m1],
      [1, 0, c.t1m0],
      [1, 1, c.t1m1],
    ]);
    const w = (x: number) => Math.exp(-x);
    // Events: none; t0→m0; t0→m1; t1→m0; t1→m1; t0→m0 & t1→m1; t0→m1 & t1→m0.
    const events = [
      { p: 1, t0: -1, t1: -1 },
      { p: w(c.t0m0), t0: 0, t1: -1 },
      { p: w(c.t0m1), t0: 1, t1: -1 },
      { p: w(c.t1m0), t0: -1, t1: 0 },
      { p: w(c.t1m1), t0: -1, t1: 1 },
      { p: w(c.t0m0) * w(c.t1m1), t0: 0, t1: 1 },
      { p: w(c.t0m1) * w(c.t1m0), t0: 1, t1: 0 },
    ];
    const total = events.reduce((s, ev) => s + ev.p, 0);
    const marginal = (track: 't0' | 't1', m: number) =>
      events.filter((ev) => ev[track] === m).reduce((s, ev) => s + ev.p, 0) / total;
    const out = new JpdaMarginals();
    const decided = createJpdaSolver().solve(e, 2, 2, () => true, out);
    expect(decided).toBe(2);
    expect(out.edgeWeight[0]).toBeCloseTo(marginal('t0', 0), 12);
    expect(out.edgeWeight[1]).toBeCloseTo(marginal('t0', 1), 12);
    expect(out.edgeWeight[2]).toBeCloseTo(marginal('t1', 0), 12);
    expect(out.edgeWeight[3]).toBeCloseTo(marginal('t1', 1), 12);
    expect(out.missWeight[0]).toBeCloseTo(marginal('t0', -1), 12);
    expect(out.missWeight[1]).toBeCloseTo(marginal('t1', -1), 12);
  });

  it('leaves sparse clusters, mixed-time clusters and oversized clusters to GNN', () => {
    const out = new JpdaMarginals();
    const solver = createJpdaSolver({ maxTracks: 2, maxEvents: 100 });
    // Track 0 alone with measurement 0; track 1 alone with measurement 1.
    expect(
      solver.solve(
        edges([
          [0, 0, -1],
          [1, 1, -1],
        ]),
        2,
        2,
        () => true,
        out,
      ),
    ).toBe(0);
    // A shared measurement, but the cluster's measurements have different times.
    expect(
      solver.solve(
        edges([
          [0, 0, -1],
          [1, 0, -1],
          [1, 1, -1],
        ]),
        2,
        2,
        (a, b) => a === b,
        out,
      ),
    ).toBe(0);
    // Three tracks sharing one measurement: more than maxTracks.
    expect(
      solver.solve(
        edges([
          [0, 0, -1],
          [1, 0, -1],
          [2, 0, -1],
        ]),
        3,
        1,
        () => true,
        out,
      ),
    ).toBe(0);
    // Two tracks sharing one measurement: enumerated.
    expect(
      solver.solve(
        edges([
          [0, 0, -1],
          [1, 0, -1],
        ]),
        2,
        1,
        () => true,
        out,
      ),
    ).toBe(2);
  });

  it('very strong likelihood ratios do not overflow', () => {
    const out = new JpdaMarginals();
    createJpdaSolver().solve(
      edges([
        [0, 0, -900],
        [0, 1, -899],
        [1, 0, -800],
        [1, 1, -900],
      ]),
      2,
      2,
      () => true,
      out,
    );
    for (let i = 0; i < 4; i++) expect(Number.isFinite(out.edgeWeight[i]!)).toBe(true);
    // The pairing t0→m0, t1→m1 beats t0→m1, t1→m0 by e^(1800 − 1699).
    expect(out.edgeWeight[0]).toBeCloseTo(1, 12);
    expect(out.edgeWeight[3]).toBeCloseTo(1, 12);
  });
});
