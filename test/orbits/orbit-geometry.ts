// Geometry read off an orbit's positions alone, for tests: the node from the equator
// crossings, and the perigee and apogee found by searching the radius. Written
// independently of src/orbits so the propagator's elements are measured, not echoed.
import type { SatelliteOrbit } from '../../src/orbits/orbit.ts';

const TWO_PI = 2 * Math.PI;

export function radiusAt(orbit: SatelliteOrbit, t: number): number {
  const p = new Float64Array(3);
  if (!orbit.state(p, null, t)) throw new Error(`no state at ${t}`);
  return Math.hypot(p[0]!, p[1]!, p[2]!);
}

function positionAt(orbit: SatelliteOrbit, t: number): Float64Array {
  const p = new Float64Array(3);
  if (!orbit.state(p, null, t)) throw new Error(`no state at ${t}`);
  return p;
}

/**
 * The first ascending-node crossing (z from − to +) in [t0, t0 + one period]: its time
 * and the right ascension of the position there, which is the node of the plane at
 * that instant (rad, [0, 2π)). Bisection on z, 60 halvings (to the float spacing of t).
 */
export function ascendingNodeAfter(orbit: SatelliteOrbit, t0: number): { tS: number; raanRad: number } {
  const steps = 720;
  const dt = orbit.periodS / steps;
  for (let i = 0; i < steps; i++) {
    let lo = t0 + i * dt;
    let hi = lo + dt;
    if (!(positionAt(orbit, lo)[2]! < 0 && positionAt(orbit, hi)[2]! >= 0)) continue;
    for (let k = 0; k < 60; k++) {
      const mid = (lo + hi) / 2;
      if (positionAt(orbit, mid)[2]! < 0) lo = mid;
      else hi = mid;
    }
    const p = positionAt(orbit, hi);
    const raan = Math.atan2(p[1]!, p[0]!);
    return { tS: hi, raanRad: raan < 0 ? raan + TWO_PI : raan };
  }
  throw new Error(`no ascending node after ${t0}`);
}

/** Golden-section search for the extremum of f on [lo, hi] (sign +1 for a minimum, −1 for a maximum). */
function golden(f: (t: number) => number, lo: number, hi: number, sign: 1 | -1): number {
  const g = (Math.sqrt(5) - 1) / 2;
  let a = lo;
  let b = hi;
  for (let i = 0; i < 200 && b - a > 1e-7; i++) {
    const c = b - g * (b - a);
    const d = a + g * (b - a);
    if (sign * f(c) < sign * f(d)) b = d;
    else a = c;
  }
  return (a + b) / 2;
}

/**
 * Times of the radius extrema (sign +1: perigees, −1: apogees) in [t0, t1], found on a
 * grid of `steps` samples and refined by golden section.
 */
export function apsisTimes(
  orbit: SatelliteOrbit,
  t0: number,
  t1: number,
  sign: 1 | -1,
  steps = 4000,
): number[] {
  const f = (t: number) => radiusAt(orbit, t);
  const dt = (t1 - t0) / steps;
  const found: number[] = [];
  let prev = sign * f(t0 - dt);
  let cur = sign * f(t0);
  for (let i = 0; i <= steps; i++) {
    const t = t0 + i * dt;
    const next = sign * f(t + dt);
    if (cur < prev && cur <= next) found.push(golden(f, t - dt, t + dt, sign));
    prev = cur;
    cur = next;
  }
  return found;
}

/**
 * Argument of latitude (rad, [0, 2π)) of the position at t on an orbit of inclination
 * incRad: sin u = z/(r sin i), and the sign of cos u from the node line of the last
 * ascending node before t (only its side matters, so the node's drift since is harmless).
 */
export function argumentOfLatitude(orbit: SatelliteOrbit, t: number, incRad: number): number {
  const p = positionAt(orbit, t);
  const r = Math.hypot(p[0]!, p[1]!, p[2]!);
  const s = p[2]! / Math.sin(incRad);
  const node = ascendingNodeAfter(orbit, t - orbit.periodS).raanRad;
  const side = p[0]! * Math.cos(node) + p[1]! * Math.sin(node) >= 0 ? 1 : -1;
  const u = Math.atan2(s, side * Math.sqrt(Math.max(0, r * r - s * s)));
  return u < 0 ? u + TWO_PI : u;
}

/** The first perigee after t (within one period): its time and argument of latitude (= ω). */
export function perigeeAfter(
  orbit: SatelliteOrbit,
  t: number,
  incRad: number,
): { tS: number; argpRad: number } {
  const tp = apsisTimes(orbit, t, t + orbit.periodS, 1)[0];
  if (tp === undefined) throw new Error(`no perigee after ${t}`);
  return { tS: tp, argpRad: argumentOfLatitude(orbit, tp, incRad) };
}

/** Signed difference a − b wrapped to (−π, π]. */
export function angleDiff(a: number, b: number): number {
  const d = (a - b) % TWO_PI;
  return d > Math.PI ? d - TWO_PI : d <= -Math.PI ? d + TWO_PI : d;
}
