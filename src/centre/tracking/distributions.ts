// Chi-square and normal distribution functions for gating and track existence.
// The regularised lower incomplete gamma function P(a, x) by its power series for
// x < a + 1 and by its continued fraction (modified Lentz) otherwise (Press et al.,
// Numerical Recipes, 3rd ed., §6.2); ln Γ by the Lanczos approximation with g = 7 and
// 9 coefficients (Lanczos 1964; the coefficient set of Godfrey 2001), ~1e-15 relative.
// chi-square CDF(x; k) = P(k/2, x/2); Φ(z) = (1 + sign(z)·P(1/2, z²/2))/2.

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(a) for a > 0. */
export function logGamma(a: number): number {
  if (a < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * a)) - logGamma(1 - a);
  const x = a - 1;
  let s = LANCZOS[0]!;
  for (let i = 1; i < 9; i++) s += LANCZOS[i]! / (x + i);
  const t = x + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(s);
}

/** Regularised lower incomplete gamma P(a, x) = γ(a, x)/Γ(a), for a > 0, x ≥ 0. */
export function regularizedGammaP(a: number, x: number): number {
  if (x <= 0) return 0;
  if (!Number.isFinite(x)) return 1;
  const logPrefix = a * Math.log(x) - x - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-16) break;
    }
    return sum * Math.exp(logPrefix);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return 1 - Math.exp(logPrefix) * h;
}

/** P(X ≤ x) for X chi-square distributed with `dof` degrees of freedom. */
export function chiSquareCdf(x: number, dof: number): number {
  return regularizedGammaP(dof / 2, x / 2);
}

/** The x with chiSquareCdf(x, dof) = probability, for 0 < probability < 1 (bisection to 1e-12 relative). */
export function chiSquareQuantile(probability: number, dof: number): number {
  if (!(probability > 0 && probability < 1))
    throw new RangeError(`probability must be in (0, 1), got ${probability}`);
  let lo = 0;
  let hi = Math.max(1, dof);
  while (chiSquareCdf(hi, dof) < probability) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (chiSquareCdf(mid, dof) < probability) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  const half = 0.5 * regularizedGammaP(0.5, 0.5 * z * z);
  return z >= 0 ? 0.5 + half : 0.5 - half;
}
