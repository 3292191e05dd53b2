// Target fluctuation and the detector, drawn per look (DOMAIN.md §5.3). A look's echo
// power s (in noise units) is the mean SNR times a χ² variate with the Swerling case's
// degrees of freedom, redrawn every look (cases I and III decorrelate scan to scan);
// the square-law detector output is y = |√s + w|² with w complex Gaussian noise of unit
// power; the look detects when y exceeds T = −ln Pfa. Averaged over draws this is
// exactly the closed forms in detection.ts (Swerling I and III, steady target).
// Defaults (§5.3, [E]): Swerling III for a re-entry vehicle (one dominant scatterer),
// Swerling I for everything else (tumbling stages, buses, payloads: many scatterers).
import type { Rng } from '../../physics/random.ts';
import type { TruthKind } from '../../world/truth.ts';

/** Swerling case: 0 steady, 1 (χ², 2 DOF), 3 (χ², 4 DOF), both scan to scan. */
export type SwerlingCase = 0 | 1 | 3;

export function swerlingCaseOf(kind: TruthKind): SwerlingCase {
  return kind === 'rv' ? 3 : 1;
}

/** Echo power of one look, noise units, for a target of mean SNR `meanSnr` (linear). */
export function drawEchoPower(rng: Rng, meanSnr: number, swerling: SwerlingCase): number {
  if (swerling === 0) return meanSnr;
  if (swerling === 1) return meanSnr * rng.exponential(1);
  return 0.5 * meanSnr * (rng.exponential(1) + rng.exponential(1));
}

const SQRT_HALF = Math.SQRT1_2;

/** Square-law detector output for echo power s: |√s + w|², w ~ CN(0, 1). */
export function drawDetectorOutput(rng: Rng, echoPower: number): number {
  const i = Math.sqrt(echoPower) + SQRT_HALF * rng.normal();
  const q = SQRT_HALF * rng.normal();
  return i * i + q * q;
}

/** Detector output of a noise-only threshold crossing: T + Exp(1) (the exponential forgets T). */
export function drawNoiseCrossing(rng: Rng, threshold: number): number {
  return threshold + rng.exponential(1);
}
