import { describe, expect, it } from 'vitest';
import { type GospaOptions, gospa, meanGospa } from '../../../src/analysis/metrics/gospa.ts';
import { createRng } from '../../../src/physics/random.ts';

const pts = (...p: number[][]) => Float64Array.from(p.flat());
const opts = (cutoff: number, order = 1, alpha = 2): GospaOptions => ({ cutoff, order, alpha });

// The hand-checked cases of ../shared/bench/FORMAT.md (c = 10, p = 1, α = 2 unless stated).
const cases: {
  name: string;
  x: number[][];
  y: number[][];
  o: GospaOptions;
  gospa: number;
  terms?: number[];
}[] = [
  { name: 'none vs none', x: [], y: [], o: opts(10), gospa: 0, terms: [0, 0, 0] },
  { name: 'one truth, no estimate', x: [[0, 0, 0]], y: [], o: opts(10), gospa: 5, terms: [0, 5, 0] },
  {
    name: 'no truth, two estimates',
    x: [],
    y: [
      [1, 2, 3],
      [4, 5, 6],
    ],
    o: opts(10),
    gospa: 10,
    terms: [0, 0, 10],
  },
  { name: 'one pair at 5', x: [[0, 0, 0]], y: [[3, 4, 0]], o: opts(10), gospa: 5, terms: [5, 0, 0] },
  { name: 'one pair beyond c = 4', x: [[0, 0, 0]], y: [[3, 4, 0]], o: opts(4), gospa: 4, terms: [0, 2, 2] },
  {
    name: 'two pairs and a far estimate, c = 5',
    x: [
      [0, 0, 0],
      [10, 0, 0],
    ],
    y: [
      [1, 0, 0],
      [11, 0, 0],
      [100, 0, 0],
    ],
    o: opts(5),
    gospa: 4.5,
    terms: [2, 0, 2.5],
  },
  {
    name: 'crossed optimal assignment, c = 20',
    x: [
      [0, 0, 0],
      [10, 0, 0],
    ],
    y: [
      [9, 0, 0],
      [1, 0, 0],
    ],
    o: opts(20),
    gospa: 2,
    terms: [2, 0, 0],
  },
  {
    name: 'estimate between two truths, c = 2',
    x: [
      [0, 0, 0],
      [6, 0, 0],
    ],
    y: [[3, 0, 0]],
    o: opts(2),
    gospa: 3,
    terms: [0, 2, 1],
  },
  {
    name: 'p = 2, in squared units',
    x: [[0, 0, 0]],
    y: [
      [3, 4, 0],
      [100, 0, 0],
    ],
    o: opts(10, 2),
    gospa: Math.sqrt(75),
    terms: [25, 0, 50],
  },
  { name: 'α = 1', x: [[0, 0, 0]], y: [], o: opts(10, 1, 1), gospa: 10 },
];

// Oracle from the definition: min over assignments of min(|X|, |Y|) pairs of
// Σ min(d, c)^p + (c^p/α)·||X| − |Y||, by enumeration.
function bruteGospa(x: number[][], y: number[][], o: GospaOptions): number {
  const [small, large] = x.length <= y.length ? [x, y] : [y, x];
  const d = (a: number[], b: number[]) => Math.hypot(a[0]! - b[0]!, a[1]! - b[1]!, a[2]! - b[2]!);
  let best = Number.POSITIVE_INFINITY;
  const used = new Array<boolean>(large.length).fill(false);
  const visit = (i: number, sum: number): void => {
    if (i === small.length) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < large.length; j++) {
      if (used[j]) continue;
      used[j] = true;
      visit(i + 1, sum + Math.min(d(small[i]!, large[j]!), o.cutoff) ** o.order);
      used[j] = false;
    }
  };
  visit(0, 0);
  return (best + (o.cutoff ** o.order / o.alpha) * (large.length - small.length)) ** (1 / o.order);
}

describe('GOSPA', () => {
  for (const c of cases) {
    it(`FORMAT.md case: ${c.name} → ${c.gospa}`, () => {
      const r = gospa(pts(...c.x), c.x.length, pts(...c.y), c.y.length, c.o);
      expect(r.gospa).toBeCloseTo(c.gospa, 12);
      if (c.terms) {
        expect(r.localisation).toBeCloseTo(c.terms[0]!, 12);
        expect(r.missed).toBeCloseTo(c.terms[1]!, 12);
        expect(r.false).toBeCloseTo(c.terms[2]!, 12);
      }
    });
  }

  it('equals the definition by enumeration on 300 random small sets, for several p, α and c', () => {
    const rng = createRng(2, 'gospa');
    for (let trial = 0; trial < 300; trial++) {
      const o = opts([3, 10, 40][trial % 3]!, 1 + (trial % 2), [2, 1, 0.5][Math.floor(trial / 2) % 3]!);
      const x = Array.from({ length: rng.integer(6) }, () => [10 * rng.uniform(), 10 * rng.uniform(), 0]);
      const y = Array.from({ length: rng.integer(6) }, () => [10 * rng.uniform(), 10 * rng.uniform(), 0]);
      const r = gospa(pts(...x), x.length, pts(...y), y.length, o);
      expect(r.gospa).toBeCloseTo(bruteGospa(x, y, o), 9);
      expect(r.localisation + r.missed + r.false).toBeCloseTo(r.gospa ** o.order, 9);
    }
  });

  it('reports the truth → estimate pairing closer than the cut-off', () => {
    const assignment = new Int32Array(3);
    gospa(pts([0, 0, 0], [10, 0, 0], [50, 0, 0]), 3, pts([9, 0, 0], [1, 0, 0]), 2, opts(20), assignment);
    expect(Array.from(assignment)).toEqual([1, 0, -1]);
  });

  it('rejects a cut-off, order or α outside their ranges', () => {
    expect(() => gospa(pts(), 0, pts(), 0, opts(0))).toThrow(RangeError);
    expect(() => gospa(pts(), 0, pts(), 0, opts(1, 0.5))).toThrow(RangeError);
    expect(() => gospa(pts(), 0, pts(), 0, opts(1, 1, 3))).toThrow(RangeError);
  });

  it('meanGospa averages each term over scans', () => {
    const m = meanGospa([
      { gospa: 4, localisation: 1, missed: 2, false: 1 },
      { gospa: 6, localisation: 3, missed: 0, false: 3 },
    ]);
    expect(m).toEqual({ gospa: 5, localisation: 2, missed: 1, false: 2 });
    expect(meanGospa([])).toEqual({ gospa: 0, localisation: 0, missed: 0, false: 0 });
  });
});
