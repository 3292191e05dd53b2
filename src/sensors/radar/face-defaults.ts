// Face parameters the scenario's RadarFaceSpec does not carry, with the values the
// model uses for every face [E] (candidates for schema fields).
import { DEG } from '../../physics/constants.ts';
import type { RadarFaceSpec } from '../../scenario/scenario.ts';

/** False-alarm probability per resolution cell per look (the value of DOMAIN.md §5.2's oracles). */
export const DEFAULT_PFA = 1e-6;

/**
 * Beamwidth that sizes a resolution cell: 2.2°, the PAVE PAWS UHF face (DOMAIN.md §4.2),
 * used for every band for want of public figures.
 */
export const DEFAULT_BEAMWIDTH_RAD = 2.2 * DEG;

/**
 * Probability that a noise crossing also crosses on the confirmation beam a phased
 * array sends after every detection [E]. Sequential (alert–confirm) detection is
 * standard practice for electronically steered search radars (Skolnik, 3rd ed., §8);
 * with it a face passes on about Pfa × cells × 1e-2 ≈ 0.1–0.2 false plots per scan
 * instead of 13–15, while a real target, well above threshold, confirms almost surely.
 */
export const CONFIRMATION_PFA = 1e-2;

/** Range-rate noise of a face that measures it, 1σ, m/s. */
export const RANGE_RATE_SIGMA_MPS = 5;

/**
 * Whether a face measures range rate: UHF and the higher bands do (pulse-Doppler
 * processing); the metre-wave (VHF) faces report position only.
 */
export function measuresRangeRate(band: RadarFaceSpec['band']): boolean {
  return band !== 'VHF';
}
