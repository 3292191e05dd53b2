// A geostationary slot: a satellite held over one longitude on the equator, turning
// with the Earth at the WGS-84 rate. Real GEO satellites keep their slot by
// station-keeping against the J2, lunar and solar drifts (without it J2 alone moves
// the longitude by ~0.03° a day), so the slot is modelled as station-kept, exactly.
// Radius: the two-body circular orbit whose period is the Earth's rotation period,
// (μ/ω⊕²)^(1/3) = 42,164.17 km, altitude 35,786 km (DOMAIN.md §9.1).
import { MU_EARTH, OMEGA_EARTH, RAD } from '../physics/constants.ts';
import type { SatelliteOrbit } from './orbit.ts';
import { gmstAt } from './sidereal.ts';

/** Radius of the geostationary orbit, m. */
export const GEO_RADIUS_M = Math.cbrt(MU_EARTH / (OMEGA_EARTH * OMEGA_EARTH));

export class GeostationaryOrbit implements SatelliteOrbit {
  readonly lonRad: number;
  /** One turn of the Earth, 2π/ω⊕ (a sidereal day), s. */
  readonly periodS = (2 * Math.PI) / OMEGA_EARTH;
  /** Right ascension of the slot at the scenario epoch, rad. */
  private readonly rightAscension0: number;

  constructor(lonRad: number, epochUnixMs: number) {
    if (!Number.isFinite(lonRad) || !Number.isFinite(epochUnixMs)) {
      throw new RangeError(`a geostationary slot needs a finite longitude and epoch, got ${lonRad} rad`);
    }
    this.lonRad = lonRad;
    this.rightAscension0 = lonRad + gmstAt(epochUnixMs, 0);
  }

  state(outPos: Float64Array, outVel: Float64Array | null, tS: number): boolean {
    if (!Number.isFinite(tS)) return false;
    const alpha = this.rightAscension0 + OMEGA_EARTH * tS;
    const c = Math.cos(alpha);
    const s = Math.sin(alpha);
    outPos[0] = GEO_RADIUS_M * c;
    outPos[1] = GEO_RADIUS_M * s;
    outPos[2] = 0;
    if (outVel !== null) {
      const speed = GEO_RADIUS_M * OMEGA_EARTH;
      outVel[0] = -speed * s;
      outVel[1] = speed * c;
      outVel[2] = 0;
    }
    return true;
  }

  describe(): string {
    const deg = ((((this.lonRad * RAD + 180) % 360) + 360) % 360) - 180;
    return `GEO slot ${Math.abs(deg).toFixed(1)}°${deg < 0 ? 'W' : 'E'}, radius ${(GEO_RADIUS_M / 1000).toFixed(1)} km`;
  }
}
