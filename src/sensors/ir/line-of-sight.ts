// The line of sight as an IR sensor reports it (issue 3, src/sensors/report.ts): a unit
// vector in ECI perturbed by the sensor's angular noise, its azimuth and off-nadir angle
// in the sensor frame, and the range the sensor assumes to turn irradiance into
// intensity (it measures no range).
//
// Sensor frame: boresight at nadir n = −r̂_sat; "north" is the ECI +z axis projected
// onto the plane normal to n (ECI +x over a pole); east = n × north, so over the
// equator the frame's north and east are the sub-satellite point's. Azimuth is
// measured from north towards east in [0, 2π); elevation is the off-nadir angle.
import { R_EARTH_MEAN } from '../../physics/constants.ts';
import type { Rng } from '../../physics/random.ts';
import type { ReadonlyVec3, Vec3Like } from '../../physics/vec3.ts';

const TWO_PI = 2 * Math.PI;
/** Below this length the projected north is degenerate (satellite over a pole). */
const DEGENERATE = 1e-9;

/** out = [azRad, offNadirRad] of the unit line of sight los from a satellite at sat. */
export function sensorAzEl<T extends Vec3Like>(out: T, sat: ReadonlyVec3, los: ReadonlyVec3): T {
  const r = Math.hypot(sat[0]!, sat[1]!, sat[2]!);
  const nx = -sat[0]! / r;
  const ny = -sat[1]! / r;
  const nz = -sat[2]! / r;
  // north = ẑ − (ẑ·n) n, or x̂ − (x̂·n) n over a pole.
  let hx = -nz * nx;
  let hy = -nz * ny;
  let hz = 1 - nz * nz;
  let h = Math.sqrt(hx * hx + hy * hy + hz * hz);
  if (h < DEGENERATE) {
    hx = 1 - nx * nx;
    hy = -nx * ny;
    hz = -nx * nz;
    h = Math.sqrt(hx * hx + hy * hy + hz * hz);
  }
  hx /= h;
  hy /= h;
  hz /= h;
  const ex = ny * hz - nz * hy;
  const ey = nz * hx - nx * hz;
  const ez = nx * hy - ny * hx;
  const lx = los[0]!;
  const ly = los[1]!;
  const lz = los[2]!;
  let az = Math.atan2(lx * ex + ly * ey + lz * ez, lx * hx + ly * hy + lz * hz);
  if (az < 0) az += TWO_PI;
  const cosEl = lx * nx + ly * ny + lz * nz;
  out[0] = az < TWO_PI ? az : 0;
  out[1] = Math.acos(Math.min(1, Math.max(-1, cosEl)));
  return out;
}

/**
 * out = the unit line of sight los turned by independent N(0, σ²) angles about two
 * axes normal to it (σ per axis, rad): the measured direction.
 */
export function perturbLineOfSight<T extends Vec3Like>(
  out: T,
  los: ReadonlyVec3,
  sigmaRad: number,
  rng: Rng,
): T {
  const lx = los[0]!;
  const ly = los[1]!;
  const lz = los[2]!;
  // e1 = los × ẑ (or los × x̂ near the poles), e2 = los × e1.
  let ax = ly;
  let ay = -lx;
  let az = 0;
  let a = Math.hypot(ax, ay);
  if (a < 1e-6) {
    ax = 0;
    ay = lz;
    az = -ly;
    a = Math.hypot(ay, az);
  }
  ax /= a;
  ay /= a;
  az /= a;
  const bx = ly * az - lz * ay;
  const by = lz * ax - lx * az;
  const bz = lx * ay - ly * ax;
  const g1 = sigmaRad * rng.normal();
  const g2 = sigmaRad * rng.normal();
  const x = lx + g1 * ax + g2 * bx;
  const y = ly + g1 * ay + g2 * by;
  const z = lz + g1 * az + g2 * bz;
  const k = 1 / Math.sqrt(x * x + y * y + z * z);
  out[0] = x * k;
  out[1] = y * k;
  out[2] = z * k;
  return out;
}

/**
 * The range a sensor assumes along los, m: to where the line of sight meets the
 * mean-radius sphere, or to its tangent point when it passes above the Earth (a limb
 * view). Used only to express measured irradiance as a radiant intensity.
 */
export function assumedRangeM(sat: ReadonlyVec3, los: ReadonlyVec3): number {
  const b = sat[0]! * los[0]! + sat[1]! * los[1]! + sat[2]! * los[2]!;
  const c = sat[0]! * sat[0]! + sat[1]! * sat[1]! + sat[2]! * sat[2]! - R_EARTH_MEAN * R_EARTH_MEAN;
  const disc = b * b - c;
  if (b < 0 && disc >= 0) return -b - Math.sqrt(disc);
  return Math.max(-b, 0);
}
