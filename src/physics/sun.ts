// Low-precision solar coordinates of The Astronomical Almanac (section C, "Low-precision
// formulas for the Sun"): better than 0.01° in right ascension and declination for
// 1950–2050 (DOMAIN.md §6.3). With n = JD − 2451545.0:
//   L = 280.460° + 0.9856474°·n (mean longitude, aberration included)
//   g = 357.528° + 0.9856003°·n (mean anomaly)
//   λ = L + 1.915° sin g + 0.020° sin 2g (apparent ecliptic longitude; β = 0)
//   ε = 23.439° − 0.0000004°·n (obliquity)
//   R = 1.00014 − 0.01671 cos g − 0.00014 cos 2g (AU)
// The coordinates are apparent, equator and equinox of date, so they pair with GMST
// (the ≤ 1 s of time equation of the equinoxes is below the formula's accuracy).
// The Julian date is UT1 (= UTC); the ~1 min of ΔT moves the Sun by < 0.001°.

import { AU_M, DEG, J2000_JD } from './constants.ts';
import { normalizeLonRad } from './geodesy.ts';
import { gmstRad } from './time.ts';
import type { Vec3Like } from './vec3.ts';

const TWO_PI = 2 * Math.PI;

/** Apparent ecliptic longitude λ of date, rad, at n = JD − 2451545.0 days. */
function apparentLongitude(n: number): number {
  const meanLongitudeDeg = (280.46 + 0.9856474 * n) % 360;
  const meanAnomaly = ((357.528 + 0.9856003 * n) % 360) * DEG;
  return (meanLongitudeDeg + 1.915 * Math.sin(meanAnomaly) + 0.02 * Math.sin(2 * meanAnomaly)) * DEG;
}

/** Obliquity of the ecliptic ε, rad, at n = JD − 2451545.0 days. */
function obliquity(n: number): number {
  return (23.439 - 0.0000004 * n) * DEG;
}

/** Unit vector towards the Sun in ECI (true equator and equinox of date). */
export function sunDirectionEci<T extends Vec3Like>(out: T, jd: number): T {
  const n = jd - J2000_JD;
  const lambda = apparentLongitude(n);
  const epsilon = obliquity(n);
  const sinLambda = Math.sin(lambda);
  out[0] = Math.cos(lambda);
  out[1] = Math.cos(epsilon) * sinLambda;
  out[2] = Math.sin(epsilon) * sinLambda;
  return out;
}

/** Earth–Sun distance, m. */
export function sunDistanceM(jd: number): number {
  const g = ((357.528 + 0.9856003 * (jd - J2000_JD)) % 360) * DEG;
  return (1.00014 - 0.01671 * Math.cos(g) - 0.00014 * Math.cos(2 * g)) * AU_M;
}

/** Apparent right ascension in [0, 2π) and declination of the Sun: out = [raRad, decRad]. */
export function sunRaDecRad<T extends Vec3Like>(out: T, jd: number): T {
  const n = jd - J2000_JD;
  const lambda = apparentLongitude(n);
  const epsilon = obliquity(n);
  const sinLambda = Math.sin(lambda);
  let ra = Math.atan2(Math.cos(epsilon) * sinLambda, Math.cos(lambda));
  if (ra < 0) ra += TWO_PI;
  out[0] = ra < TWO_PI ? ra : 0;
  out[1] = Math.asin(Math.sin(epsilon) * sinLambda);
  return out;
}

const raDecScratch = new Float64Array(2);

/**
 * Subsolar point, out = [latRad, lonRad in [−π, π)]: where the Sun is at the zenith.
 * The geodetic latitude equals the declination (the local vertical points at the Sun;
 * the 8.8″ solar parallax is neglected) and the longitude is RA − GMST.
 */
export function subsolarPoint<T extends Vec3Like>(out: T, jd: number): T {
  sunRaDecRad(raDecScratch, jd);
  out[0] = raDecScratch[1]!;
  out[1] = normalizeLonRad(raDecScratch[0]! - gmstRad(jd));
  return out;
}
