// Viewing geometry of a space infrared sensor (DOMAIN.md §3.1, §3.5): Earth occlusion
// of the satellite→target segment, the tangent altitude of a ray (how high above the
// Earth a line of sight passes), the limb test of limb-viewing sensors, the Earth-disk
// test, sun exclusion and field-of-regard circles. ECI, metres, radians.
//
// Earth model: at each point the Earth is the sphere of the WGS-84 ellipsoid's
// geocentric radius in that point's direction, r(d̂) = 1/√((d̂x² + d̂y²)/a² + d̂z²/b²)
// (exact on the ellipsoid surface; it depends only on z and x² + y², so it is the same
// in ECI and ECEF). The altitude of a point is |p| − r(p̂); it differs from the geodetic
// height by < 1 m below 1,000 km. The lowest point of a ray is taken at its closest
// approach to the Earth's centre; the true minimum over the ellipsoid lies at most
// ~21 km further along the ray and ~35 m lower (r changes by ≤ 21 km per radian of
// latitude), far below the 100 km limb margin these tests serve.
import { R_EARTH_MEAN, WGS84_A, WGS84_B } from '../../physics/constants.ts';
import { greatCircleDistance } from '../../physics/geodesy.ts';
import { angleBetween, type ReadonlyVec3 } from '../../physics/vec3.ts';
import type { GeoCircle } from '../../scenario/scenario.ts';

const INV_A2 = 1 / (WGS84_A * WGS84_A);
const INV_B2 = 1 / (WGS84_B * WGS84_B);

/**
 * Sun exclusion half-angle, rad [E]: no detection when the sun, seen from the
 * satellite above the Earth's limb, is within 5° of the line of sight (DOMAIN.md §3.1
 * "the sun near the sensor's line of sight"; §3.5 asks for "a few degrees").
 */
export const SUN_EXCLUSION_HALF_ANGLE_RAD = (5 * Math.PI) / 180;

/** Geocentric radius of the WGS-84 ellipsoid in the direction of p, m. */
export function localEarthRadiusM(p: ReadonlyVec3): number {
  const x = p[0]!;
  const y = p[1]!;
  const z = p[2]!;
  const r2 = x * x + y * y + z * z;
  if (r2 === 0) return WGS84_A;
  return Math.sqrt(r2 / ((x * x + y * y) * INV_A2 + z * z * INV_B2));
}

/** Altitude of p above the ellipsoid, measured along its geocentric radius, m. */
export function altitudeM(p: ReadonlyVec3): number {
  return Math.hypot(p[0]!, p[1]!, p[2]!) - localEarthRadiusM(p);
}

/**
 * Lowest altitude of the half-ray origin + s·dir, s ≥ 0 (dir a unit vector), m: the
 * altitude at the ray's closest approach to the Earth's centre, or at the origin when
 * the ray climbs from the start. Negative: the ray meets the Earth.
 */
export function rayMinAltitudeM(origin: ReadonlyVec3, dir: ReadonlyVec3): number {
  const ox = origin[0]!;
  const oy = origin[1]!;
  const oz = origin[2]!;
  const dx = dir[0]!;
  const dy = dir[1]!;
  const dz = dir[2]!;
  const s = -(ox * dx + oy * dy + oz * dz);
  if (s <= 0) return altitudeM(origin);
  const cx = ox + s * dx;
  const cy = oy + s * dy;
  const cz = oz + s * dz;
  const r2 = cx * cx + cy * cy + cz * cz;
  if (r2 === 0) return -WGS84_B;
  return Math.sqrt(r2) - Math.sqrt(r2 / ((cx * cx + cy * cy) * INV_A2 + cz * cz * INV_B2));
}

/**
 * Whether the Earth hides target from sat: the segment between them dips below the
 * surface somewhere strictly between its ends. (The ends themselves are the observer
 * and the source, above the ground or on it.)
 */
export function isOccluded(sat: ReadonlyVec3, target: ReadonlyVec3): boolean {
  const sx = sat[0]!;
  const sy = sat[1]!;
  const sz = sat[2]!;
  const ux = target[0]! - sx;
  const uy = target[1]! - sy;
  const uz = target[2]! - sz;
  const lengthSq = ux * ux + uy * uy + uz * uz;
  // Closest approach to the centre as a fraction of the segment.
  const f = -(sx * ux + sy * uy + sz * uz) / lengthSq;
  if (!(f > 0 && f < 1)) return false;
  const cx = sx + f * ux;
  const cy = sy + f * uy;
  const cz = sz + f * uz;
  // Inside the ellipsoid: (x² + y²)/a² + z²/b² < 1.
  return (cx * cx + cy * cy) * INV_A2 + cz * cz * INV_B2 < 1;
}

const beyondScratch = new Float64Array(3);

/**
 * Tangent altitude of the line of sight continued beyond the target, m: how high above
 * the Earth the background behind the target lies. ≥ the limb margin: the target is
 * silhouetted against space (limb viewing, DOMAIN.md §3.1, §3.5); < 0: the background
 * is the Earth's surface.
 */
export function tangentAltitudeBeyondM(sat: ReadonlyVec3, target: ReadonlyVec3): number {
  const ux = target[0]! - sat[0]!;
  const uy = target[1]! - sat[1]!;
  const uz = target[2]! - sat[2]!;
  const k = 1 / Math.sqrt(ux * ux + uy * uy + uz * uz);
  beyondScratch[0] = ux * k;
  beyondScratch[1] = uy * k;
  beyondScratch[2] = uz * k;
  return rayMinAltitudeM(target, beyondScratch);
}

/** Angle between the line of sight (unit, from the satellite) and the nadir, rad. */
export function offNadirRad(sat: ReadonlyVec3, los: ReadonlyVec3): number {
  const r = Math.hypot(sat[0]!, sat[1]!, sat[2]!);
  const c = -(sat[0]! * los[0]! + sat[1]! * los[1]! + sat[2]! * los[2]!) / r;
  return Math.acos(Math.min(1, Math.max(-1, c)));
}

/**
 * Half-angle, seen from sat, of a sphere of radius R_local(target) + shellM about the
 * Earth's centre, rad: the Earth's disk (shellM = 0) in the target's direction, or the
 * disk of an atmosphere shell. π/2 from inside the sphere.
 */
export function diskHalfAngleRad(sat: ReadonlyVec3, target: ReadonlyVec3, shellM = 0): number {
  const r = Math.hypot(sat[0]!, sat[1]!, sat[2]!);
  const radius = localEarthRadiusM(target) + shellM;
  return r > radius ? Math.asin(radius / r) : Math.PI / 2;
}

/**
 * Whether the sun blinds the sensor along los: the sun within the exclusion half-angle
 * of the line of sight and not hidden by the Earth from the satellite (a sun behind
 * the Earth sends no light into the telescope; the satellite's own eclipse does not
 * matter otherwise, DOMAIN.md §3.1).
 */
export function isSunExcluded(sat: ReadonlyVec3, los: ReadonlyVec3, sunDir: ReadonlyVec3): boolean {
  return angleBetween(los, sunDir) < SUN_EXCLUSION_HALF_ANGLE_RAD && rayMinAltitudeM(sat, sunDir) > 0;
}

/** Whether a ground point (geodetic lat, lon rad) lies in a circle on the ground (mean-radius sphere). */
export function inGroundCircle(circle: GeoCircle, latRad: number, lonRad: number): boolean {
  return (
    greatCircleDistance(circle.center.latRad, circle.center.lonRad, latRad, lonRad, R_EARTH_MEAN) <=
    circle.radiusM
  );
}
