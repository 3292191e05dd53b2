// Geometry on the ground for the globe: circles (fields of regard, horizons) and the
// 95% ellipses of launch and impact areas, on a sphere of the Earth's mean radius
// (the direct geodesic problem on a sphere: Williams, Aviation Formulary, "Lat/lon
// given radial and distance") — metres of error at these sizes, far below a pixel;
// a sampled satellite track read at any time; and the box round a set of points.
import type { Area } from '../data/types.ts';

const EARTH_KM = 6371;
const RAD = Math.PI / 180;

/** The point `distanceKm` from (latDeg, lonDeg) along `bearingDeg` (clockwise from north): [lonDeg, latDeg]. */
export function destination(
  latDeg: number,
  lonDeg: number,
  bearingDeg: number,
  distanceKm: number,
): [number, number] {
  const lat1 = latDeg * RAD;
  const lon1 = lonDeg * RAD;
  const b = bearingDeg * RAD;
  const d = distanceKm / EARTH_KM;
  const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(b));
  const lon2 =
    lon1 +
    Math.atan2(Math.sin(b) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
  return [((((lon2 / RAD + 180) % 360) + 360) % 360) - 180, lat2 / RAD];
}

/** A closed ring of [lonDeg, latDeg] round a circle on the ground. */
export function circleRing(latDeg: number, lonDeg: number, radiusKm: number, points = 72): number[] {
  const out: number[] = [];
  for (let i = 0; i <= points; i++) out.push(...destination(latDeg, lonDeg, (360 * i) / points, radiusKm));
  return out;
}

/**
 * A closed ring of [lonDeg, latDeg] round an area's ellipse: the point at parameter θ
 * lies at distance r(θ) = ab / √((b cos θ)² + (a sin θ)²) along azimuth orientation + θ.
 */
export function ellipseRing(area: Area, points = 72): number[] {
  const a = Math.max(area.semiMajorKm, 0.01);
  const b = Math.max(area.semiMinorKm, 0.01);
  const out: number[] = [];
  for (let i = 0; i <= points; i++) {
    const theta = (2 * Math.PI * i) / points;
    const r = (a * b) / Math.hypot(b * Math.cos(theta), a * Math.sin(theta));
    out.push(...destination(area.latDeg, area.lonDeg, area.orientationDeg + theta / RAD, r));
  }
  return out;
}

/** Ground distance from a satellite's nadir to its horizon (the edge of the disk it sees), km. */
export function horizonRadiusKm(altKm: number): number {
  return EARTH_KM * Math.acos(EARTH_KM / (EARTH_KM + Math.max(0, altKm)));
}

/** Interpolates a sampled track [tS, latDeg, lonDeg, altKm][] at tS (longitude across the antimeridian). */
export function sampleTrack(
  track: ReadonlyArray<readonly [number, number, number, number]>,
  tS: number,
): [number, number, number] | null {
  if (track.length === 0) return null;
  const first = track[0]!;
  if (tS <= first[0]) return [first[1], first[2], first[3]];
  for (let i = 1; i < track.length; i++) {
    const b = track[i]!;
    if (tS > b[0]) continue;
    const a = track[i - 1]!;
    const f = (tS - a[0]) / (b[0] - a[0] || 1);
    let dLon = b[2] - a[2];
    if (dLon > 180) dLon -= 360;
    if (dLon < -180) dLon += 360;
    return [a[1] + f * (b[1] - a[1]), a[2] + f * dLon, a[3] + f * (b[3] - a[3])];
  }
  const last = track[track.length - 1]!;
  return [last[1], last[2], last[3]];
}

/** The [w, s, e, n] box round points [lonDeg, latDeg] (the short way round in longitude), or null. */
export function boundsOfPoints(
  points: ReadonlyArray<[number, number]>,
): [number, number, number, number] | null {
  if (points.length === 0) return null;
  const lats = points.map((p) => p[1]);
  const lons = points.map((p) => ((((p[0] + 180) % 360) + 360) % 360) - 180).sort((a, b) => a - b);
  // The widest gap between sorted longitudes is where the box does not go.
  let gapAt = lons.length - 1;
  let gap = lons[0]! + 360 - lons[lons.length - 1]!;
  for (let i = 0; i + 1 < lons.length; i++) {
    const g = lons[i + 1]! - lons[i]!;
    if (g > gap) {
      gap = g;
      gapAt = i;
    }
  }
  const west = lons[(gapAt + 1) % lons.length]!;
  const east = lons[gapAt]!;
  return [west, Math.min(...lats), east, Math.max(...lats)];
}
