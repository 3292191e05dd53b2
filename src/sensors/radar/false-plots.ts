// False plots: noise crossing the detection threshold in a face's resolution cells
// (issue 3). Cell count model [E]: beam positions × range gates, with
//   beam positions = Ω / θ_B², Ω = 2·min(half-width, π)·(sin el_max − sin el_min) the
//                    face's solid angle, θ_B the beamwidth (face-defaults.ts);
//   range gates    = R_max / ΔR, ΔR = √12·σ_R (a gate whose uniform quantisation error
//                    has the face's range σ).
// Each cell crosses with probability Pfa per look, so a scan gives a Poisson number of
// false plots with mean Pfa × cells (or a rate given outright), spread uniformly over
// the cells: range uniform in [0, R_max], azimuth uniform over the sector, sin(elev.)
// uniform (equal solid angle). A measured range rate is uniform over ±8 km/s, the
// Doppler span of ballistic targets.
import type { Rng } from '../../physics/random.ts';
import type { RadarFaceSpec } from '../../scenario/scenario.ts';

export const FALSE_PLOT_RANGE_RATE_SPAN_MPS = 8000;

const TWO_PI = 2 * Math.PI;
const SQRT_12 = Math.sqrt(12);

/** Number of resolution cells in a face's search volume. */
export function resolutionCells(face: RadarFaceSpec, beamwidthRad: number): number {
  const solidAngle =
    2 *
    Math.min(face.halfWidthRad, Math.PI) *
    (Math.sin(face.maxElevationRad) - Math.sin(face.minElevationRad));
  const beams = solidAngle / (beamwidthRad * beamwidthRad);
  const gates = face.maxRangeM / (SQRT_12 * face.rangeSigmaM);
  return beams * gates;
}

/** Mean number of false plots per scan: Pfa × cells. */
export function meanFalsePlotsPerScan(face: RadarFaceSpec, pfa: number, beamwidthRad: number): number {
  return pfa * resolutionCells(face, beamwidthRad);
}

/** Draws one false plot's cell: out = [azRad in [0, 2π), elRad, rangeM]. */
export function drawFalsePlotCell(out: Float64Array, rng: Rng, face: RadarFaceSpec): Float64Array {
  const halfWidth = Math.min(face.halfWidthRad, Math.PI);
  let az = face.boresightRad + halfWidth * (2 * rng.uniform() - 1);
  az -= TWO_PI * Math.floor(az / TWO_PI);
  const sinLow = Math.sin(face.minElevationRad);
  const sinHigh = Math.sin(face.maxElevationRad);
  out[0] = az < TWO_PI ? az : 0;
  out[1] = Math.asin(sinLow + (sinHigh - sinLow) * rng.uniform());
  out[2] = face.maxRangeM * rng.uniform();
  return out;
}
