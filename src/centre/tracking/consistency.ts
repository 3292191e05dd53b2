// Filter consistency statistics (Bar-Shalom et al. 2001, §5.4): the normalised
// estimation error squared NEES = (x − x_true)ᵀ·P⁻¹·(x − x_true), which needs the truth
// and so is computed by whoever holds it (tests, analysis) from a track's exposed state
// and covariance; and the normalised innovation squared NIS = νᵀ·S⁻¹·ν, which the
// tracker computes at every update. For a consistent filter NEES ~ χ²(n) and NIS ~ χ²(m);
// the mean of N independent values lies in [χ²_{N·k}(α/2), χ²_{N·k}(1 − α/2)]/N with
// probability 1 − α (the "95 % band" for α = 0.05).

import { quadraticFormSpd } from '../../physics/matrix.ts';
import { chiSquareQuantile } from './distributions.ts';

const diff = new Float64Array(16);
const block = new Float64Array(256);

/**
 * NEES of the components `first … first + count − 1` of an estimate (x, P) (state
 * dimension n) against the true values of the same components; NaN when the marginal
 * covariance is not positive-definite.
 */
export function normalisedEstimationErrorSquared(
  x: ArrayLike<number>,
  P: ArrayLike<number>,
  n: number,
  truth: ArrayLike<number>,
  first = 0,
  count = n,
): number {
  for (let i = 0; i < count; i++) {
    diff[i] = x[first + i]! - truth[i]!;
    for (let j = 0; j < count; j++) block[i * count + j] = P[(first + i) * n + first + j]!;
  }
  return quadraticFormSpd(block, diff, count);
}

/** The two-sided band of the mean of `samples` χ²(dof) values at the given probability (0.95). */
export function chiSquareMeanBand(dof: number, samples: number, probability = 0.95): [number, number] {
  const tail = (1 - probability) / 2;
  const total = dof * samples;
  return [chiSquareQuantile(tail, total) / samples, chiSquareQuantile(1 - tail, total) / samples];
}
