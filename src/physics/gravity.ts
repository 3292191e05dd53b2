// Gravitational acceleration, m/s², from a position in metres in any Earth-centred
// frame whose z axis is the polar axis (ECI of date or ECEF; J2 is symmetric about z,
// so the same formula serves both). Point mass, and point mass plus the J2 zonal term
// of the geopotential U = μ/r·[1 − J2 (a/r)² P₂(z/r)] (Vallado, Fundamentals of
// Astrodynamics and Applications, §8.6.1), WGS-84 a, μ and J2 (DOMAIN.md §9.1).
// Closed form, no allocation; `out` may alias `r`.

import { J2_EARTH, MU_EARTH, WGS84_A } from './constants.ts';
import type { ReadonlyVec3, Vec3Like } from './vec3.ts';

/** Point-mass gravity: out = −μ r/|r|³. */
export function gravityPointMass<T extends Vec3Like>(out: T, r: ReadonlyVec3, mu = MU_EARTH): T {
  const x = r[0]!;
  const y = r[1]!;
  const z = r[2]!;
  const r2 = x * x + y * y + z * z;
  const k = -mu / (r2 * Math.sqrt(r2));
  out[0] = k * x;
  out[1] = k * y;
  out[2] = k * z;
  return out;
}

const J2_FACTOR = 1.5 * J2_EARTH * MU_EARTH * WGS84_A * WGS84_A;
// A module-local copy: the imported binding would be looked up on every call.
const MU = MU_EARTH;

/**
 * Point mass plus J2: out = −μ r/|r|³ − (3/2) J2 μ a²/|r|⁵ ·
 * [x(1 − 5z²/r²), y(1 − 5z²/r²), z(3 − 5z²/r²)].
 */
export function gravityJ2<T extends Vec3Like>(out: T, r: ReadonlyVec3): T {
  const x = r[0]!;
  const y = r[1]!;
  const z = r[2]!;
  const r2 = x * x + y * y + z * z;
  const invR2 = 1 / r2;
  const invR3 = invR2 / Math.sqrt(r2);
  const kPoint = -MU * invR3;
  const kJ2 = -J2_FACTOR * invR3 * invR2;
  const zz5 = 5 * z * z * invR2;
  const kXY = kPoint + kJ2 * (1 - zz5);
  out[0] = kXY * x;
  out[1] = kXY * y;
  out[2] = (kPoint + kJ2 * (3 - zz5)) * z;
  return out;
}
