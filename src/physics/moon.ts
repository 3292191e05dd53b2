// Low-precision lunar coordinates of The Astronomical Almanac (section D, "Low-precision
// formulae for geocentric coordinates of the Moon"): about 0.3° in ecliptic longitude,
// 0.2° in latitude and 0.003° in horizontal parallax (≈ 0.3 % in distance), 1950–2050.
// With T = (JD − 2451545.0)/36525, all angles in degrees:
//   λ = 218.32 + 481267.881 T + 6.29 sin(135.0 + 477198.87 T) − 1.27 sin(259.3 − 413335.36 T)
//       + 0.66 sin(235.7 + 890534.22 T) + 0.21 sin(269.9 + 954397.74 T)
//       − 0.19 sin(357.5 + 35999.05 T) − 0.11 sin(186.5 + 966404.03 T)
//   β = 5.13 sin(93.3 + 483202.02 T) + 0.28 sin(228.2 + 960400.89 T)
//       − 0.28 sin(318.3 + 6003.15 T) − 0.17 sin(217.6 − 407332.21 T)
//   π = 0.9508 + 0.0518 cos(135.0 + 477198.87 T) + 0.0095 cos(259.3 − 413335.36 T)
//       + 0.0078 cos(235.7 + 890534.22 T) + 0.0028 cos(269.9 + 954397.74 T)
//   distance = a⊕ / sin π (a⊕ the equatorial radius).
// Ecliptic → equator of date by the obliquity of sun.ts (23.439° − 0.0000004°·n); the
// result is referred to the equinox of date, so it pairs with GMST. The Julian date is
// UT1 (= UTC): the ~1 min of ΔT moves the Moon by 0.01°, far below the series' error.

import { DEG, J2000_JD, WGS84_A } from './constants.ts';
import type { Vec3Like } from './vec3.ts';

/** Mean radius of the Moon, m (IAU Working Group on Cartographic Coordinates, 1737.4 km). */
export const MOON_RADIUS_M = 1737400;

const TWO_PI = 2 * Math.PI;

/** sin/cos of an argument a + b·T given in degrees. */
function sinDeg(a: number, b: number, t: number): number {
  return Math.sin(((a + b * t) % 360) * DEG);
}
function cosDeg(a: number, b: number, t: number): number {
  return Math.cos(((a + b * t) % 360) * DEG);
}

/** Geocentric ecliptic longitude in [0, 2π), latitude (rad) and distance (m): out = [λ, β, r]. */
export function moonEcliptic<T extends Vec3Like>(out: T, jd: number): T {
  const t = (jd - J2000_JD) / 36525;
  const lambdaDeg =
    ((218.32 + 481267.881 * t) % 360) +
    6.29 * sinDeg(135.0, 477198.87, t) -
    1.27 * sinDeg(259.3, -413335.36, t) +
    0.66 * sinDeg(235.7, 890534.22, t) +
    0.21 * sinDeg(269.9, 954397.74, t) -
    0.19 * sinDeg(357.5, 35999.05, t) -
    0.11 * sinDeg(186.5, 966404.03, t);
  const betaDeg =
    5.13 * sinDeg(93.3, 483202.02, t) +
    0.28 * sinDeg(228.2, 960400.89, t) -
    0.28 * sinDeg(318.3, 6003.15, t) -
    0.17 * sinDeg(217.6, -407332.21, t);
  const parallaxDeg =
    0.9508 +
    0.0518 * cosDeg(135.0, 477198.87, t) +
    0.0095 * cosDeg(259.3, -413335.36, t) +
    0.0078 * cosDeg(235.7, 890534.22, t) +
    0.0028 * cosDeg(269.9, 954397.74, t);
  const lambda = (((lambdaDeg % 360) + 360) % 360) * DEG;
  out[0] = lambda < TWO_PI ? lambda : 0;
  out[1] = betaDeg * DEG;
  out[2] = WGS84_A / Math.sin(parallaxDeg * DEG);
  return out;
}

const eclipticScratch = new Float64Array(3);

/** Geocentric position of the Moon, ECI (equator and equinox of date), m. */
export function moonPositionEci<T extends Vec3Like>(out: T, jd: number): T {
  moonEcliptic(eclipticScratch, jd);
  const lambda = eclipticScratch[0]!;
  const beta = eclipticScratch[1]!;
  const r = eclipticScratch[2]!;
  const epsilon = (23.439 - 0.0000004 * (jd - J2000_JD)) * DEG;
  const cosBeta = Math.cos(beta);
  const x = cosBeta * Math.cos(lambda);
  const y = cosBeta * Math.sin(lambda);
  const z = Math.sin(beta);
  const cosEps = Math.cos(epsilon);
  const sinEps = Math.sin(epsilon);
  out[0] = r * x;
  out[1] = r * (cosEps * y - sinEps * z);
  out[2] = r * (sinEps * y + cosEps * z);
  return out;
}

const positionScratch = new Float64Array(3);

/** Geocentric right ascension in [0, 2π), declination (rad) and distance (m): out = [α, δ, r]. */
export function moonRaDec<T extends Vec3Like>(out: T, jd: number): T {
  moonPositionEci(positionScratch, jd);
  const x = positionScratch[0]!;
  const y = positionScratch[1]!;
  const z = positionScratch[2]!;
  const r = Math.sqrt(x * x + y * y + z * z);
  let ra = Math.atan2(y, x);
  if (ra < 0) ra += TWO_PI;
  out[0] = ra < TWO_PI ? ra : 0;
  out[1] = Math.asin(z / r);
  out[2] = r;
  return out;
}
