// Sun glint: sunlight reflected specularly off a horizontal cloud top into an IR sensor
// (DOMAIN.md §3.1, §3.5, §6.3). At a cloud point with local vertical n (the geodetic
// normal) and unit sun direction ŝ, the reflected ray leaves along the specular
// direction r = 2(ŝ·n)n − ŝ; the glint angle α is the angle between r and the direction
// from the cloud point to the satellite. Real cloud tops are rough, so the reflected
// light spreads about r: the glint's radiant intensity falls off as a Gaussian in α with
// the field's angular width w, I(α) = I_glint·exp(−α²/2w²), and goes through the
// sensor's detection model like a plume (so probability and intensity both fall with α,
// "sharply below a few degrees", §3.5). The sun must be above the cloud point's horizon.
//
// Which point of a field glints: the point of perfect specular geometry (where the
// normal bisects the directions to the sun and to the satellite) if it lies inside the
// field's circle, else the point of the circle nearest to it. It is found by fixed-point
// iteration: from the bisector b, the cloud point whose geodetic normal is b, then the
// bisector of ŝ and that point's direction to the satellite; each step shrinks the
// error by about R⊕/range (≈ 0.15 from high orbit), so 8 steps reach ~1e-7 rad.
import { ecefToEci, eciToEcef, geodeticToEcef } from '../../physics/frames.ts';
import { destination, greatCircleDistance, initialAzimuth } from '../../physics/geodesy.ts';
import type { ReadonlyVec3, Vec3Like } from '../../physics/vec3.ts';
import type { GeoCircle } from '../../scenario/scenario.ts';

/** Radiant intensity of a glint at α = 0 when the scenario gives none, relative to a solid-ICBM first stage [E]. */
export const DEFAULT_GLINT_INTENSITY = 1;

/** Beyond this many angular widths a glint is too faint to matter (exp(−12.5) < 4e-6). */
export const GLINT_CUTOFF_WIDTHS = 5;

const SPECULAR_ITERATIONS = 8;

/** out = 2(ŝ·n)n − ŝ: the direction sunlight leaves a horizontal surface with unit normal n. */
export function specularDirection<T extends Vec3Like>(out: T, up: ReadonlyVec3, sunDir: ReadonlyVec3): T {
  const nx = up[0]!;
  const ny = up[1]!;
  const nz = up[2]!;
  const sx = sunDir[0]!;
  const sy = sunDir[1]!;
  const sz = sunDir[2]!;
  const k = 2 * (sx * nx + sy * ny + sz * nz);
  out[0] = k * nx - sx;
  out[1] = k * ny - sy;
  out[2] = k * nz - sz;
  return out;
}

const specScratch = new Float64Array(3);

/** Glint angle α at a cloud point with unit normal up: specular direction vs direction to the satellite, rad. */
export function glintAngleRad(
  point: ReadonlyVec3,
  up: ReadonlyVec3,
  sunDir: ReadonlyVec3,
  sat: ReadonlyVec3,
): number {
  specularDirection(specScratch, up, sunDir);
  const dx = sat[0]! - point[0]!;
  const dy = sat[1]! - point[1]!;
  const dz = sat[2]! - point[2]!;
  const c =
    (specScratch[0]! * dx + specScratch[1]! * dy + specScratch[2]! * dz) /
    Math.sqrt(dx * dx + dy * dy + dz * dz);
  return Math.acos(Math.min(1, Math.max(-1, c)));
}

/** Relative intensity of a glint seen at glint angle α by a field of angular width w. */
export function glintIntensity(peak: number, alphaRad: number, widthRad: number): number {
  const q = alphaRad / widthRad;
  return peak * Math.exp(-0.5 * q * q);
}

/** A point on a cloud top, in ECI at one instant. */
export interface CloudPoint {
  latRad: number;
  lonRad: number;
  /** Position, m. */
  position: Float64Array;
  /** Local vertical (geodetic normal), unit. */
  up: Float64Array;
}

export function createCloudPoint(): CloudPoint {
  return { latRad: 0, lonRad: 0, position: new Float64Array(3), up: new Float64Array(3) };
}

const ecefScratch = new Float64Array(3);
const latLonScratch = new Float64Array(2);

/** Sets out to the cloud point at (lat, lon) and cloud-top altitude hM, in ECI at Greenwich angle gmst. */
export function setCloudPoint(
  out: CloudPoint,
  latRad: number,
  lonRad: number,
  hM: number,
  gmst: number,
): CloudPoint {
  out.latRad = latRad;
  out.lonRad = lonRad;
  ecefToEci(out.position, geodeticToEcef(ecefScratch, latRad, lonRad, hM), gmst);
  const c = Math.cos(latRad);
  ecefScratch[0] = c * Math.cos(lonRad);
  ecefScratch[1] = c * Math.sin(lonRad);
  ecefScratch[2] = Math.sin(latRad);
  ecefToEci(out.up, ecefScratch, gmst);
  return out;
}

const bisector = new Float64Array(3);

/**
 * The cloud point of perfect specular geometry for a satellite at sat and the sun along
 * sunDir, at cloud-top altitude hM (ECI, Greenwich angle gmst). It may lie on the far
 * side of the Earth or in the dark: callers check visibility and sun elevation.
 */
export function specularPoint(
  out: CloudPoint,
  sat: ReadonlyVec3,
  sunDir: ReadonlyVec3,
  hM: number,
  gmst: number,
): CloudPoint {
  const r = Math.hypot(sat[0]!, sat[1]!, sat[2]!);
  let bx = sunDir[0]! + sat[0]! / r;
  let by = sunDir[1]! + sat[1]! / r;
  let bz = sunDir[2]! + sat[2]! / r;
  for (let i = 0; i < SPECULAR_ITERATIONS; i++) {
    const b = Math.sqrt(bx * bx + by * by + bz * bz);
    bisector[0] = bx / b;
    bisector[1] = by / b;
    bisector[2] = bz / b;
    eciToEcef(ecefScratch, bisector, gmst);
    const z = ecefScratch[2]!;
    setCloudPoint(
      out,
      Math.asin(Math.min(1, Math.max(-1, z))),
      Math.atan2(ecefScratch[1]!, ecefScratch[0]!),
      hM,
      gmst,
    );
    const dx = sat[0]! - out.position[0]!;
    const dy = sat[1]! - out.position[1]!;
    const dz = sat[2]! - out.position[2]!;
    const d = Math.sqrt(dx * dx + dy * dy + dz * dz);
    bx = sunDir[0]! + dx / d;
    by = sunDir[1]! + dy / d;
    bz = sunDir[2]! + dz / d;
  }
  return out;
}

/**
 * The glinting point of a field: the specular point if inside the field's circle, else
 * the point of the circle's edge on the great circle towards it.
 */
export function fieldGlintPoint(
  out: CloudPoint,
  field: GeoCircle,
  sat: ReadonlyVec3,
  sunDir: ReadonlyVec3,
  hM: number,
  gmst: number,
): CloudPoint {
  specularPoint(out, sat, sunDir, hM, gmst);
  const { latRad, lonRad } = field.center;
  if (greatCircleDistance(latRad, lonRad, out.latRad, out.lonRad) <= field.radiusM) return out;
  const bearing = initialAzimuth(latRad, lonRad, out.latRad, out.lonRad);
  destination(latLonScratch, latRad, lonRad, bearing, field.radiusM);
  return setCloudPoint(out, latLonScratch[0]!, latLonScratch[1]!, hM, gmst);
}
