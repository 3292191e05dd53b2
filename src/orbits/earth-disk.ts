// How big the Earth looks from a satellite, on a spherical Earth: from distance r the
// disk's half-angle is asin(R/r), and the limb (where lines of sight graze the sphere)
// lies arccos(R/r) of great-circle arc from the sub-satellite point. With the mean
// radius 6,371 km these give DOMAIN.md §3.1's 8.69° / 81.3° from GEO and 7.95° / 82.1°
// from 39,700 km. Pass R plus a margin to get the limb of an atmosphere shell.
import { R_EARTH_MEAN } from '../physics/constants.ts';

/** Half-angle of the Earth's disk seen from rM (m from the centre), rad; π/2 at or inside the sphere. */
export function earthAngularRadius(rM: number, radiusM = R_EARTH_MEAN): number {
  return rM > radiusM ? Math.asin(radiusM / rM) : Math.PI / 2;
}

/** Great-circle arc from the sub-satellite point to the limb seen from rM (m from the centre), rad; 0 inside the sphere. */
export function limbArcRad(rM: number, radiusM = R_EARTH_MEAN): number {
  return rM > radiusM ? Math.acos(radiusM / rM) : 0;
}
