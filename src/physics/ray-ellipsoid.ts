// Where a straight line of sight first meets a surface of constant height above the
// WGS-84 ellipsoid — the ground (h = 0), a cloud top — taken as the ellipsoid of
// semi-axes a+h, b+h: scaling z by (a+h)/(b+h) makes it a sphere, and the ray meets it
// where a quadratic has its smaller positive root. Within metres of the true constant-
// height surface for heights of the weather, exact for h = 0.
import { WGS84_A, WGS84_B } from './constants.ts';

/**
 * Distance along the unit vector u from o to the first crossing of the surface hM
 * above the ellipsoid, m (any Earth-centred frame: the ellipsoid is symmetric about z);
 * NaN when the ray misses it or the surface is behind o.
 */
export function rayToEllipsoidM(o: ArrayLike<number>, u: ArrayLike<number>, hM = 0): number {
  const r = WGS84_A + hM;
  const k = r / (WGS84_B + hM);
  const oz = o[2]! * k;
  const uz = u[2]! * k;
  const a = u[0]! * u[0]! + u[1]! * u[1]! + uz * uz;
  const b = o[0]! * u[0]! + o[1]! * u[1]! + oz * uz;
  const c = o[0]! * o[0]! + o[1]! * o[1]! + oz * oz - r * r;
  const disc = b * b - a * c;
  if (disc < 0) return Number.NaN;
  const s = (-b - Math.sqrt(disc)) / a;
  return s > 0 ? s : Number.NaN;
}
