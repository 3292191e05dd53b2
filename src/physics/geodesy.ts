// Distances and azimuths on the Earth. Sphere (radius R_EARTH_MEAN by default, the
// §1 sphere of DOMAIN.md): haversine distance in atan2 form, forward azimuth, and the
// direct problem solved with unit vectors (exact on the sphere, well behaved at the
// poles). Ellipsoid (WGS-84): C. F. F. Karney, "Algorithms for geodesics", J. Geodesy
// 87 (2013) 43–55, through geographiclib-geodesic (accurate to ~15 nm).
// All angles in radians in and out; azimuths clockwise from north in [0, 2π),
// longitudes in [−π, π).

import geodesic from 'geographiclib-geodesic';
import { R_EARTH_MEAN } from './constants.ts';
import type { Vec3Like } from './vec3.ts';

const TWO_PI = 2 * Math.PI;
const TO_DEG = 180 / Math.PI;
const TO_RAD = Math.PI / 180;
const WGS84 = geodesic.Geodesic.WGS84;
const INVERSE_MASK = geodesic.Geodesic.DISTANCE | geodesic.Geodesic.AZIMUTH;
const DIRECT_MASK = geodesic.Geodesic.LATITUDE | geodesic.Geodesic.LONGITUDE;

/** Wraps a longitude into [−π, π); values already in range are returned unchanged. */
export function normalizeLonRad(lonRad: number): number {
  if (lonRad >= -Math.PI && lonRad < Math.PI) return lonRad;
  const x = lonRad + Math.PI;
  const wrapped = x - TWO_PI * Math.floor(x / TWO_PI) - Math.PI;
  return wrapped < Math.PI ? wrapped : -Math.PI;
}

/** Wraps an azimuth into [0, 2π). */
function normalizeAzimuthRad(az: number): number {
  if (az >= 0 && az < TWO_PI) return az;
  const wrapped = az - TWO_PI * Math.floor(az / TWO_PI);
  return wrapped < TWO_PI ? wrapped : 0;
}

/** Great-circle distance on a sphere, m (haversine in atan2 form: exact for antipodes too). */
export function greatCircleDistance(
  lat1: number,
  lon1: number,
  lat2: number,
  lon2: number,
  radius = R_EARTH_MEAN,
): number {
  const sinDLat = Math.sin((lat2 - lat1) / 2);
  const sinDLon = Math.sin((lon2 - lon1) / 2);
  const a = sinDLat * sinDLat + Math.cos(lat1) * Math.cos(lat2) * sinDLon * sinDLon;
  return 2 * radius * Math.atan2(Math.sqrt(a), Math.sqrt(Math.max(0, 1 - a)));
}

/** Initial (forward) azimuth of the great circle from point 1 to point 2, rad in [0, 2π). */
export function initialAzimuth(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const dLon = lon2 - lon1;
  const cosLat2 = Math.cos(lat2);
  const y = Math.sin(dLon) * cosLat2;
  const x = Math.cos(lat1) * Math.sin(lat2) - Math.sin(lat1) * cosLat2 * Math.cos(dLon);
  return normalizeAzimuthRad(Math.atan2(y, x));
}

/**
 * Point reached by travelling `distance` m along a great circle from (lat, lon) with
 * initial azimuth `azimuth` on a sphere of `radius`: out = [latRad, lonRad].
 */
export function destination<T extends Vec3Like>(
  out: T,
  lat: number,
  lon: number,
  azimuth: number,
  distance: number,
  radius = R_EARTH_MEAN,
): T {
  const delta = distance / radius;
  const sinLat = Math.sin(lat);
  const cosLat = Math.cos(lat);
  const sinLon = Math.sin(lon);
  const cosLon = Math.cos(lon);
  const cosAz = Math.cos(azimuth);
  const sinAz = Math.sin(azimuth);
  // Start point n, and the unit heading t = north·cos(az) + east·sin(az), both in ECEF axes.
  const tx = -sinLat * cosLon * cosAz - sinLon * sinAz;
  const ty = -sinLat * sinLon * cosAz + cosLon * sinAz;
  const tz = cosLat * cosAz;
  const c = Math.cos(delta);
  const s = Math.sin(delta);
  const x = cosLat * cosLon * c + tx * s;
  const y = cosLat * sinLon * c + ty * s;
  const z = sinLat * c + tz * s;
  out[0] = Math.atan2(z, Math.sqrt(x * x + y * y));
  out[1] = normalizeLonRad(Math.atan2(y, x));
  return out;
}

/** Solution of the inverse geodesic problem on the WGS-84 ellipsoid. */
export interface GeodesicInverse {
  /** Geodesic distance, m. */
  distanceM: number;
  /** Azimuth at point 1, rad clockwise from north in [0, 2π). */
  azimuth1Rad: number;
  /** Forward azimuth at point 2 (direction of travel on arrival), rad in [0, 2π). */
  azimuth2Rad: number;
}

/** Shortest geodesic between two points on the WGS-84 ellipsoid (Karney 2013). */
export function geodesicInverse(lat1: number, lon1: number, lat2: number, lon2: number): GeodesicInverse {
  const r = WGS84.Inverse(lat1 * TO_DEG, lon1 * TO_DEG, lat2 * TO_DEG, lon2 * TO_DEG, INVERSE_MASK);
  return {
    distanceM: r.s12!,
    azimuth1Rad: normalizeAzimuthRad(r.azi1! * TO_RAD),
    azimuth2Rad: normalizeAzimuthRad(r.azi2! * TO_RAD),
  };
}

/** Direct geodesic problem on WGS-84: out = [latRad, lonRad] reached after distanceM m. */
export function geodesicDestination<T extends Vec3Like>(
  out: T,
  lat: number,
  lon: number,
  azimuth: number,
  distanceM: number,
): T {
  const r = WGS84.Direct(lat * TO_DEG, lon * TO_DEG, azimuth * TO_DEG, distanceM, DIRECT_MASK);
  out[0] = r.lat2! * TO_RAD;
  out[1] = normalizeLonRad(r.lon2! * TO_RAD);
  return out;
}
