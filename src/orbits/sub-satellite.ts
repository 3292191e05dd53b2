// The point on the ground under a satellite: its ECI position rotated into ECEF by the
// sidereal angle of the run (sidereal.ts; DOMAIN.md §9.2), then geodetic WGS-84
// (physics/frames.ts, Vermeille 2011).
import { ecefToGeodetic, eciToEcef } from '../physics/frames.ts';
import type { SatelliteOrbit } from './orbit.ts';
import { gmstAt } from './sidereal.ts';

const positionScratch = new Float64Array(3);

/**
 * Geodetic sub-satellite point at tS s after the epoch (Unix ms): out = [latRad,
 * lonRad in (−π, π], altM above the ellipsoid]. Null when the orbit has no state then.
 */
export function subSatellitePoint(
  out: Float64Array,
  orbit: SatelliteOrbit,
  tS: number,
  epochUnixMs: number,
): Float64Array | null {
  if (!orbit.state(positionScratch, null, tS)) return null;
  eciToEcef(positionScratch, positionScratch, gmstAt(epochUnixMs, tS));
  return ecefToGeodetic(out, positionScratch);
}
