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

/** Range-rate noise of a face that measures it, 1σ, m/s. */
export const RANGE_RATE_SIGMA_MPS = 5;

/**
 * Whether a face measures range rate: UHF and the higher bands do (pulse-Doppler
 * processing); the metre-wave (VHF) faces report position only.
 */
export function measuresRangeRate(band: RadarFaceSpec['band']): boolean {
  return band !== 'VHF';
}
