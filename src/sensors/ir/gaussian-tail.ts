// Tail of the standard normal distribution, for detection thresholds and Pd.
// Q(x) = ½ erfc(x/√2). erfc by the Chebyshev fit of W. H. Press et al., Numerical
// Recipes in C, 2nd ed. (1992) §6.2 `erfcc`, fractional error < 1.2e-7 everywhere;
// Q⁻¹ by bisection on Q (monotone), exact to that accuracy.

/** Complementary error function erfc(x) (fractional error < 1.2e-7). */
export function erfc(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  const poly =
    -z * z -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t *
                  (-0.18628806 +
                    t *
                      (0.27886807 +
                        t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const r = t * Math.exp(poly);
  return x >= 0 ? r : 2 - r;
}

/** Q(x) = P(N(0,1) > x). */
export function gaussianQ(x: number): number {
  return 0.5 * erfc(x / Math.SQRT2);
}

/** The x with Q(x) = p, for 0 < p < 1. Throws RangeError otherwise. */
export function gaussianQInverse(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`gaussianQInverse: p must be in (0, 1), got ${p}`);
  let lo = -40;
  let hi = 40;
  for (let i = 0; i < 100; i++) {
    const mid = 0.5 * (lo + hi);
    if (gaussianQ(mid) > p) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}
