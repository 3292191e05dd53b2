// Frame conversions: geodetic WGS-84 ⇄ ECEF, ECI ⇄ ECEF (rotation about z by GMST),
// and the local ENU / azimuth-elevation-range frame at a site.
// Sources: DOMAIN.md §9.1 (geodetic → ECEF), §9.2 (ECI/TEME → ECEF by GMST);
// ECEF → geodetic: H. Vermeille, "An analytical method to transform geocentric into
// geodetic coordinates", J. Geodesy 85 (2011) 105–117, closed form valid everywhere
// including the poles, the centre of the Earth and the evolute region near it.
// All angles in radians, lengths in metres. Out-parameter style; `out` may alias inputs.

import { OMEGA_EARTH, WGS84_A, WGS84_E2 } from './constants.ts';
import type { ReadonlyVec3, Vec3Like } from './vec3.ts';

const TWO_PI = 2 * Math.PI;
const E4 = WGS84_E2 * WGS84_E2;
const E = Math.sqrt(WGS84_E2);
const A2 = WGS84_A * WGS84_A;
// Module-local copies: imported bindings would be looked up on every call.
const A = WGS84_A;
const E2 = WGS84_E2;
const OMEGA = OMEGA_EARTH;

/** Geodetic (lat, lon rad; h m above the WGS-84 ellipsoid) → ECEF m. */
export function geodeticToEcef<T extends Vec3Like>(out: T, latRad: number, lonRad: number, hM: number): T {
  const sinLat = Math.sin(latRad);
  const cosLat = Math.cos(latRad);
  const n = A / Math.sqrt(1 - E2 * sinLat * sinLat);
  const rho = (n + hM) * cosLat;
  out[0] = rho * Math.cos(lonRad);
  out[1] = rho * Math.sin(lonRad);
  out[2] = (n * (1 - E2) + hM) * sinLat;
  return out;
}

/**
 * ECEF m → geodetic: out = [latRad, lonRad in (−π, π], hM]. Vermeille (2011), closed
 * form: no iteration, sub-millimetre and ~1e-15 rad everywhere. At the poles the
 * longitude is 0 (atan2(0, 0)); inside the evolute, where a point has several
 * normals to the ellipsoid, the solution in the point's own hemisphere is returned.
 */
export function ecefToGeodetic<T extends Vec3Like>(out: T, ecef: ReadonlyVec3): T {
  const x = ecef[0]!;
  const y = ecef[1]!;
  const z = ecef[2]!;
  const rhoSq = x * x + y * y;
  const p = rhoSq / A2;
  const q = ((1 - E2) * z * z) / A2;
  const r = (p + q - E4) / 6;
  const evoluteBorderTest = 8 * r * r * r + E4 * p * q;
  let latRad: number;
  let hM: number;
  if (evoluteBorderTest > 0 || q !== 0) {
    let u: number;
    if (evoluteBorderTest > 0) {
      // Outside the evolute: one real root of the resolvent cubic (Cardano).
      const rad1 = Math.sqrt(evoluteBorderTest);
      const rad2 = Math.sqrt(E4 * p * q);
      if (evoluteBorderTest > 10 * E2) {
        const rad3 = Math.cbrt((rad1 + rad2) * (rad1 + rad2));
        u = r + 0.5 * rad3 + (2 * r * r) / rad3;
      } else {
        u =
          r + 0.5 * Math.cbrt((rad1 + rad2) * (rad1 + rad2)) + 0.5 * Math.cbrt((rad1 - rad2) * (rad1 - rad2));
      }
    } else {
      // Inside the evolute (within ~43 km of the centre): trigonometric root.
      const rad1 = Math.sqrt(-evoluteBorderTest);
      const rad2 = Math.sqrt(-8 * r * r * r);
      const rad3 = Math.sqrt(E4 * p * q);
      const atanVal = (2 / 3) * Math.atan2(rad3, rad1 + rad2);
      u = -4 * r * Math.sin(atanVal) * Math.cos(Math.PI / 6 + atanVal);
    }
    const v = Math.sqrt(u * u + E4 * q);
    const w = (E2 * (u + v - q)) / (2 * v);
    // k = √(u + v + w²) − w, written without the cancellation.
    const k = (u + v) / (Math.sqrt(w * w + u + v) + w);
    const d = (k * Math.sqrt(rhoSq)) / (k + E2);
    const sqrtDDpZZ = Math.sqrt(d * d + z * z);
    hM = ((k + E2 - 1) * sqrtDDpZZ) / k;
    latRad = 2 * Math.atan2(z, sqrtDDpZZ + d);
  } else {
    // On the equatorial plane inside the evolute (p ≤ e⁴, q = 0): the northern normal.
    const rad1 = Math.sqrt(1 - E2);
    const rad2 = Math.sqrt(E2 - p);
    hM = (-A * rad1 * rad2) / E;
    latRad = Math.atan2(Math.sqrt(E4 - p), Math.sqrt(p) * rad1);
  }
  out[0] = latRad;
  out[1] = Math.atan2(y, x);
  out[2] = hM;
  return out;
}

/** ECI (equator and equinox of date, or TEME) → ECEF: rotation about z by GMST (rad). */
export function eciToEcef<T extends Vec3Like>(out: T, eci: ReadonlyVec3, gmst: number): T {
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  const x = eci[0]!;
  const y = eci[1]!;
  out[0] = c * x + s * y;
  out[1] = -s * x + c * y;
  out[2] = eci[2]!;
  return out;
}

/** ECEF → ECI: rotation about z by −GMST (rad). */
export function ecefToEci<T extends Vec3Like>(out: T, ecef: ReadonlyVec3, gmst: number): T {
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  const x = ecef[0]!;
  const y = ecef[1]!;
  out[0] = c * x - s * y;
  out[1] = s * x + c * y;
  out[2] = ecef[2]!;
  return out;
}

/**
 * ECI velocity → ECEF velocity (relative to the rotating Earth):
 * v_ecef = R(θ)·v_eci − ω × r_ecef, with r the ECI position and ω = OMEGA about z.
 */
export function eciToEcefVelocity<T extends Vec3Like>(
  outV: T,
  r: ReadonlyVec3,
  v: ReadonlyVec3,
  gmst: number,
): T {
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  const rx = c * r[0]! + s * r[1]!;
  const ry = -s * r[0]! + c * r[1]!;
  const vx = v[0]!;
  const vy = v[1]!;
  const vz = v[2]!;
  outV[0] = c * vx + s * vy + OMEGA * ry;
  outV[1] = -s * vx + c * vy - OMEGA * rx;
  outV[2] = vz;
  return outV;
}

/** ECEF velocity → ECI velocity: v_eci = R(−θ)·(v_ecef + ω × r_ecef). */
export function ecefToEciVelocity<T extends Vec3Like>(
  outV: T,
  rEcef: ReadonlyVec3,
  vEcef: ReadonlyVec3,
  gmst: number,
): T {
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  const wx = vEcef[0]! - OMEGA * rEcef[1]!;
  const wy = vEcef[1]! + OMEGA * rEcef[0]!;
  const vz = vEcef[2]!;
  outV[0] = c * wx - s * wy;
  outV[1] = s * wx + c * wy;
  outV[2] = vz;
  return outV;
}

/** Unit east, north and up vectors (ECEF) of the local frame at a geodetic point. */
export function enuBasis(
  outE: Vec3Like,
  outN: Vec3Like,
  outU: Vec3Like,
  latRad: number,
  lonRad: number,
): void {
  const sinLat = Math.sin(latRad);
  const cosLat = Math.cos(latRad);
  const sinLon = Math.sin(lonRad);
  const cosLon = Math.cos(lonRad);
  outE[0] = -sinLon;
  outE[1] = cosLon;
  outE[2] = 0;
  outN[0] = -sinLat * cosLon;
  outN[1] = -sinLat * sinLon;
  outN[2] = cosLat;
  outU[0] = cosLat * cosLon;
  outU[1] = cosLat * sinLon;
  outU[2] = sinLat;
}

/** A ground (or airborne) site with its ECEF position and ENU basis precomputed. */
export interface Site {
  readonly latRad: number;
  readonly lonRad: number;
  readonly hM: number;
  readonly ecef: Float64Array;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly up: Float64Array;
}

/** Precomputes a site so that `siteAer`/`siteEnu` need no trigonometry per call. */
export function makeSite(latRad: number, lonRad: number, hM: number): Site {
  const east = new Float64Array(3);
  const north = new Float64Array(3);
  const up = new Float64Array(3);
  enuBasis(east, north, up, latRad, lonRad);
  return {
    latRad,
    lonRad,
    hM,
    ecef: geodeticToEcef(new Float64Array(3), latRad, lonRad, hM),
    east,
    north,
    up,
  };
}

/** Target ECEF → local [east, north, up] m relative to the site. */
export function siteEnu<T extends Vec3Like>(out: T, site: Site, targetEcef: ReadonlyVec3): T {
  const dx = targetEcef[0]! - site.ecef[0]!;
  const dy = targetEcef[1]! - site.ecef[1]!;
  const dz = targetEcef[2]! - site.ecef[2]!;
  const e = site.east;
  const n = site.north;
  const u = site.up;
  out[0] = e[0]! * dx + e[1]! * dy;
  out[1] = n[0]! * dx + n[1]! * dy + n[2]! * dz;
  out[2] = u[0]! * dx + u[1]! * dy + u[2]! * dz;
  return out;
}

/** Local ENU offset → [azimuth rad clockwise from north in [0, 2π), elevation rad, range m]. */
function enuToAer<T extends Vec3Like>(out: T, east: number, north: number, up: number): T {
  let az = Math.atan2(east, north);
  if (az < 0) az += TWO_PI;
  if (az >= TWO_PI) az = 0;
  const horizontal = Math.sqrt(east * east + north * north);
  out[0] = az;
  out[1] = Math.atan2(up, horizontal);
  out[2] = Math.sqrt(horizontal * horizontal + up * up);
  return out;
}

const aerScratch = new Float64Array(3);

/** Target ECEF → [azimuth rad in [0, 2π) clockwise from north, elevation rad, range m] at a site. */
export function siteAer<T extends Vec3Like>(out: T, site: Site, targetEcef: ReadonlyVec3): T {
  siteEnu(aerScratch, site, targetEcef);
  return enuToAer(out, aerScratch[0]!, aerScratch[1]!, aerScratch[2]!);
}

const enuE = new Float64Array(3);
const enuN = new Float64Array(3);
const enuU = new Float64Array(3);

/** Target ECEF → local [east, north, up] m at a site given by its ECEF position and geodetic lat/lon. */
export function ecefToEnu<T extends Vec3Like>(
  out: T,
  siteEcef: ReadonlyVec3,
  latRad: number,
  lonRad: number,
  targetEcef: ReadonlyVec3,
): T {
  enuBasis(enuE, enuN, enuU, latRad, lonRad);
  const dx = targetEcef[0]! - siteEcef[0]!;
  const dy = targetEcef[1]! - siteEcef[1]!;
  const dz = targetEcef[2]! - siteEcef[2]!;
  out[0] = enuE[0]! * dx + enuE[1]! * dy;
  out[1] = enuN[0]! * dx + enuN[1]! * dy + enuN[2]! * dz;
  out[2] = enuU[0]! * dx + enuU[1]! * dy + enuU[2]! * dz;
  return out;
}

/** Target ECEF → [azimuth rad in [0, 2π) clockwise from north, elevation rad, range m]. */
export function ecefToAer<T extends Vec3Like>(
  out: T,
  siteEcef: ReadonlyVec3,
  latRad: number,
  lonRad: number,
  targetEcef: ReadonlyVec3,
): T {
  ecefToEnu(aerScratch, siteEcef, latRad, lonRad, targetEcef);
  return enuToAer(out, aerScratch[0]!, aerScratch[1]!, aerScratch[2]!);
}

/** Azimuth (rad, clockwise from north), elevation (rad) and range (m) at a site → target ECEF. */
export function aerToEcef<T extends Vec3Like>(
  out: T,
  siteEcef: ReadonlyVec3,
  latRad: number,
  lonRad: number,
  az: number,
  el: number,
  range: number,
): T {
  enuBasis(enuE, enuN, enuU, latRad, lonRad);
  const horizontal = range * Math.cos(el);
  const e = horizontal * Math.sin(az);
  const n = horizontal * Math.cos(az);
  const u = range * Math.sin(el);
  const sx = siteEcef[0]!;
  const sy = siteEcef[1]!;
  const sz = siteEcef[2]!;
  out[0] = sx + e * enuE[0]! + n * enuN[0]! + u * enuU[0]!;
  out[1] = sy + e * enuE[1]! + n * enuN[1]! + u * enuU[1]!;
  out[2] = sz + n * enuN[2]! + u * enuU[2]!;
  return out;
}
