// Summaries of Monte Carlo samples: percentiles by linear interpolation between order
// statistics (Hyndman & Fan 1996, type 7 — the default of R and NumPy), and the Wilson
// score interval for a binomial proportion (E. B. Wilson, JASA 22, 1927), which stays
// inside [0, 1] and behaves at p near 0 or 1 where the normal approximation does not.

export interface Distribution {
  n: number;
  mean: number | null;
  min: number | null;
  p5: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  max: number | null;
}

export interface Proportion {
  /** Successes over trials. */
  k: number;
  n: number;
  p: number | null;
  /** Wilson 95% interval. */
  lo: number | null;
  hi: number | null;
}

const Z95 = 1.959963984540054;

/** Type-7 percentile of sorted values, q in [0, 1]. */
export function percentileOfSorted(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const i = Math.floor(h);
  const lower = sorted[i]!;
  const upper = sorted[Math.min(i + 1, sorted.length - 1)]!;
  return lower + (h - i) * (upper - lower);
}

function rounded(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f + 0;
}

/** Distribution of the values (nulls left out), rounded to `digits` decimals. */
export function distribution(values: ReadonlyArray<number | null>, digits = 3): Distribution {
  const v = values.filter((x): x is number => x !== null && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0)
    return { n: 0, mean: null, min: null, p5: null, p25: null, p50: null, p75: null, p95: null, max: null };
  let sum = 0;
  for (const x of v) sum += x;
  const q = (p: number) => rounded(percentileOfSorted(v, p), digits);
  return {
    n: v.length,
    mean: rounded(sum / v.length, digits),
    min: rounded(v[0]!, digits),
    p5: q(0.05),
    p25: q(0.25),
    p50: q(0.5),
    p75: q(0.75),
    p95: q(0.95),
    max: rounded(v[v.length - 1]!, digits),
  };
}

/** k successes in n trials with the Wilson 95% interval, to 4 decimals. */
export function proportion(k: number, n: number): Proportion {
  if (n === 0) return { k, n, p: null, lo: null, hi: null };
  const p = k / n;
  const z2 = Z95 * Z95;
  const centre = (p + z2 / (2 * n)) / (1 + z2 / n);
  const half = (Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / (1 + z2 / n);
  return {
    k,
    n,
    p: rounded(p, 4),
    lo: rounded(Math.max(0, centre - half), 4),
    hi: rounded(Math.min(1, centre + half), 4),
  };
}
