// Percentiles and the Wilson interval against published and hand-computed values.
import { describe, expect, it } from 'vitest';
import { distribution, percentileOfSorted, proportion } from '../../../src/analysis/montecarlo/statistics.ts';

describe('Monte Carlo statistics', () => {
  it('percentiles interpolate between order statistics as NumPy does (type 7)', () => {
    // numpy.percentile([1, 2, 3, 4], [25, 50, 90]) = [1.75, 2.5, 3.7]
    const v = [1, 2, 3, 4];
    expect(percentileOfSorted(v, 0.25)).toBeCloseTo(1.75, 12);
    expect(percentileOfSorted(v, 0.5)).toBeCloseTo(2.5, 12);
    expect(percentileOfSorted(v, 0.9)).toBeCloseTo(3.7, 12);
  });

  it('a distribution leaves out nulls, sorts, and rounds', () => {
    const d = distribution([3, null, 1, 2, null, 4]);
    expect(d).toEqual({
      n: 4,
      mean: 2.5,
      min: 1,
      p5: 1.15,
      p25: 1.75,
      p50: 2.5,
      p75: 3.25,
      p95: 3.85,
      max: 4,
    });
  });

  it('an empty distribution has n = 0 and null figures', () => {
    expect(distribution([null]).p50).toBeNull();
    expect(distribution([]).n).toBe(0);
  });

  it('the Wilson 95% interval matches the textbook values (Newcombe 1998, table I)', () => {
    // Newcombe, Stat. Med. 17:857 (1998): 81/263 → 0.2553–0.3662; 15/148 → 0.0624–0.1605; 0/20 → 0–0.1611.
    expect(proportion(81, 263)).toMatchObject({ lo: 0.2553, hi: 0.3662 });
    expect(proportion(15, 148)).toMatchObject({ lo: 0.0624, hi: 0.1605 });
    expect(proportion(0, 20)).toMatchObject({ p: 0, lo: 0, hi: 0.1611 });
  });

  it('a proportion of no trials has no estimate', () => {
    expect(proportion(0, 0)).toEqual({ k: 0, n: 0, p: null, lo: null, hi: null });
  });
});
