// Samples a truth object's path in Earth-fixed coordinates for display and export:
// ECI samples rotated to ECEF at their own times, then geodetic.

import { gmstAt } from '../../orbits/sidereal.ts';
import { ecefToGeodetic, eciToEcef } from '../../physics/frames.ts';
import type { TruthObject } from '../../world/truth.ts';
import { stateAt } from '../../world/truth.ts';

export interface FixedSample {
  /** Seconds after the scenario epoch. */
  tS: number;
  /** ECEF, m. */
  x: number;
  y: number;
  z: number;
  latDeg: number;
  lonDeg: number;
  altM: number;
}

/**
 * The object's path every `everyS` seconds from its separation to its end (both ends
 * included), in ECEF and geodetic coordinates.
 */
export function fixedPath(
  o: TruthObject,
  epochUnixMs: number,
  everyS: number,
  untilS = Number.POSITIVE_INFINITY,
): FixedSample[] {
  const out: FixedSample[] = [];
  const eci = new Float64Array(3);
  const ecef = new Float64Array(3);
  const geo = new Float64Array(3);
  const start = o.samples.t0;
  const end = Math.min(o.samples.tEnd, untilS);
  const push = (t: number) => {
    if (!stateAt(o, t, eci)) return;
    eciToEcef(ecef, eci, gmstAt(epochUnixMs, t));
    ecefToGeodetic(geo, ecef);
    out.push({
      tS: t,
      x: ecef[0]!,
      y: ecef[1]!,
      z: ecef[2]!,
      latDeg: (geo[0]! * 180) / Math.PI,
      lonDeg: (geo[1]! * 180) / Math.PI,
      altM: geo[2]!,
    });
  };
  for (let t = start; t < end; t += everyS) push(t);
  if (end >= start) push(end);
  return out;
}
