import { describe, expect, it } from 'vitest';
import { createRng, nextXoshiro128StarStar, type Rng } from '../../src/physics/random.ts';

const draw = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.next());

function meanAndVariance(xs: number[]): [number, number] {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return [mean, variance];
}

describe('xoshiro128** core', () => {
  it('matches the reference C implementation from state (1, 2, 3, 4)', () => {
    // First ten outputs of Blackman & Vigna's xoshiro128starstar.c seeded with s = {1, 2, 3, 4}.
    const state = new Uint32Array([1, 2, 3, 4]);
    const expected = [
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ];
    expect(expected.map(() => nextXoshiro128StarStar(state))).toEqual(expected);
  });
});

describe('createRng', () => {
  it('gives the same sequence for the same seed', () => {
    const a = createRng(7);
    const b = createRng(7);
    expect(draw(a, 100)).toEqual(draw(b, 100));
    expect([a.uniform(), a.normal(), a.normal(), a.poisson(40), a.exponential(2), a.integer(10)]).toEqual([
      b.uniform(),
      b.normal(),
      b.normal(),
      b.poisson(40),
      b.exponential(2),
      b.integer(10),
    ]);
  });

  it('gives different sequences for different seeds, including large and negative ones', () => {
    const seqs = [0, 1, 2, -1, 2 ** 32, 2 ** 53 - 1].map((s) => draw(createRng(s), 4).join(','));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('rejects a seed that is not a safe integer', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(2 ** 53)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
  });

  it('records the seed and the path', () => {
    const rng = createRng(9, 'sensors').split('radar-3');
    expect(rng.seed).toBe(9);
    expect(rng.path).toEqual(['sensors', 'radar-3']);
  });
});

describe('split', () => {
  it('a stream is unchanged when another stream is split off before it', () => {
    const before = createRng(42);
    const radarBefore = draw(before.split('radar'), 50);
    const after = createRng(42);
    const ir = after.split('ir');
    draw(ir, 1000);
    const radarAfter = draw(after.split('radar'), 50);
    expect(radarAfter).toEqual(radarBefore);
  });

  it('does not consume the parent stream', () => {
    const a = createRng(5);
    const b = createRng(5);
    a.split('x');
    a.split('y').next();
    expect(draw(a, 20)).toEqual(draw(b, 20));
  });

  it('depends only on (seed, path): createRng(seed, name) equals createRng(seed).split(name)', () => {
    expect(draw(createRng(3, 'radar'), 20)).toEqual(draw(createRng(3).split('radar'), 20));
    expect(draw(createRng(3).split('a').split('b'), 5)).toEqual(draw(createRng(3).split('a').split('b'), 5));
  });

  it('distinguishes paths that concatenate to the same text', () => {
    const seqs = [
      createRng(1).split('ab'),
      createRng(1).split('a').split('b'),
      createRng(1).split('a/b'),
      createRng(1).split('b').split('a'),
      createRng(1),
      createRng(1).split(''),
    ].map((r) => draw(r, 4).join(','));
    expect(new Set(seqs).size).toBe(seqs.length);
  });

  it('sibling streams are uncorrelated', () => {
    const n = 100000;
    const a = createRng(11).split('a');
    const b = createRng(11).split('b');
    let sum = 0;
    for (let i = 0; i < n; i++) sum += (a.uniform() - 0.5) * (b.uniform() - 0.5);
    const correlation = sum / n / (1 / 12);
    expect(Math.abs(correlation)).toBeLessThan(5 / Math.sqrt(n));
  });
});

describe('variates (statistical bounds at 5σ with fixed seeds)', () => {
  const n = 200000;

  it('uniform lies in [0, 1) with mean 1/2 and variance 1/12, using all 53 bits', () => {
    const rng = createRng(101);
    const xs = Array.from({ length: n }, () => rng.uniform());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    const [mean, variance] = meanAndVariance(xs);
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(5 * Math.sqrt(1 / 180 / n));
    // Values carry bits below 2^-32: some uniform·2^53 are odd.
    expect(xs.slice(0, 100).some((x) => (x * 2 ** 53) % 2 === 1)).toBe(true);
  });

  it('normal has mean 0, variance 1 and 68.27 % of values within 1σ', () => {
    const rng = createRng(202);
    const xs = Array.from({ length: n }, () => rng.normal());
    const [mean, variance] = meanAndVariance(xs);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    const inside = xs.filter((x) => Math.abs(x) < 1).length / n;
    expect(Math.abs(inside - 0.682689)).toBeLessThan(5 * Math.sqrt((0.6827 * 0.3173) / n));
  });

  it('exponential has mean 1/rate and variance 1/rate²', () => {
    const rng = createRng(303);
    const xs = Array.from({ length: n }, () => rng.exponential(4));
    const [mean, variance] = meanAndVariance(xs);
    expect(Math.abs(mean - 0.25)).toBeLessThan(5 * (0.25 / Math.sqrt(n)));
    expect(Math.abs(variance - 0.0625)).toBeLessThan(5 * Math.sqrt((8 * 0.25 ** 4) / n));
    expect(() => rng.exponential(0)).toThrow(RangeError);
  });

  for (const lambda of [0.3, 4, 9.9, 10, 30, 1000]) {
    it(`poisson(${lambda}) has mean and variance ${lambda}`, () => {
      const rng = createRng(404).split(String(lambda));
      const xs = Array.from({ length: n }, () => rng.poisson(lambda));
      expect(xs.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
      const [mean, variance] = meanAndVariance(xs);
      expect(Math.abs(mean - lambda)).toBeLessThan(5 * Math.sqrt(lambda / n));
      expect(Math.abs(variance - lambda)).toBeLessThan(5 * Math.sqrt((lambda + 2 * lambda * lambda) / n));
    });
  }

  it('poisson(12), drawn by transformed rejection, follows the Poisson probabilities (χ² test)', () => {
    const lambda = 12;
    const rng = createRng(505);
    const counts = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const k = rng.poisson(lambda);
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    // Bins k = 3..24 and the two tails; pmf by the recurrence p(k) = p(k−1)·λ/k.
    let p = Math.exp(-lambda);
    let below = 0;
    let chi2 = 0;
    let cumulative = 0;
    for (let k = 0; k <= 24; k++) {
      if (k > 0) p *= lambda / k;
      cumulative += p;
      if (k < 3) {
        below += counts.get(k) ?? 0;
        if (k === 2) chi2 += (below - n * cumulative) ** 2 / (n * cumulative);
        continue;
      }
      chi2 += ((counts.get(k) ?? 0) - n * p) ** 2 / (n * p);
    }
    let above = 0;
    for (const [k, c] of counts) if (k > 24) above += c;
    chi2 += (above - n * (1 - cumulative)) ** 2 / (n * (1 - cumulative));
    // 23 bins → 22 degrees of freedom; the 99.9th percentile of χ²₂₂ is 48.27.
    expect(chi2).toBeLessThan(48.27);
  });

  it('poisson(0) is always 0 and a bad mean throws', () => {
    const rng = createRng(1);
    expect(Array.from({ length: 10 }, () => rng.poisson(0))).toEqual(Array(10).fill(0));
    expect(() => rng.poisson(-1)).toThrow(RangeError);
    expect(() => rng.poisson(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('integer(n) is uniform over [0, n)', () => {
    const rng = createRng(606);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60000; i++) counts[rng.integer(6)]++;
    for (const c of counts)
      expect(Math.abs(c - 10000)).toBeLessThan(5 * Math.sqrt(60000 * (1 / 6) * (5 / 6)));
  });

  it('integer accepts 1 and 2³² and rejects other values', () => {
    const rng = createRng(707);
    expect(rng.integer(1)).toBe(0);
    const big = rng.integer(2 ** 32);
    expect(big).toBeGreaterThanOrEqual(0);
    expect(big).toBeLessThan(2 ** 32);
    expect(() => rng.integer(0)).toThrow(RangeError);
    expect(() => rng.integer(2.5)).toThrow(RangeError);
    expect(() => rng.integer(2 ** 32 + 1)).toThrow(RangeError);
  });
});
