// The Earth's rotation angle the way the whole run uses it: IAU-82 GMST at the
// scenario epoch (DOMAIN.md §9.2, physics/time.ts) advanced at the WGS-84 rate, so
// ECEF = ECI rotated about z by gmstAt(epoch, t). The one definition of it: flights,
// sensors and exports all use this function.
import { OMEGA_EARTH } from '../physics/constants.ts';
import { gmstRad, julianDateFromUnixMs } from '../physics/time.ts';

/** Greenwich sidereal angle at tS seconds after the epoch (Unix ms), rad (not wrapped). */
export function gmstAt(epochUnixMs: number, tS: number): number {
  return gmstRad(julianDateFromUnixMs(epochUnixMs)) + OMEGA_EARTH * tS;
}
