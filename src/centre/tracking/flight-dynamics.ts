// Equations of motion of a tracked body in ECI on the state of flight-state.ts, and
// their Jacobian A = ∂f/∂x, for the two flight modes the tracker distinguishes:
//
//   boost:      ṙ = v,  v̇ = g(r) + aT·v/|v|,  ȧT = (aT²/vₑ)·(1 − aT/A),  κ̇ = 0
//   ballistic:  ṙ = v,  v̇ = g(r) − ½ρ(h)κ|w|w (h < 100 km),  ȧT = 0,  κ̇ = 0
//
// g is point-mass + J2 gravity (src/physics/gravity.ts, Vallado §8.6.1). In boost, aT
// is the net axial acceleration (thrust minus drag) along the velocity, as in a gravity
// turn; for a rocket burning at constant mass flow ṁ with exhaust velocity vₑ,
// aT = ṁvₑ/m grows as daT/dt = ṁvₑ·ṁ/m² = aT²/vₑ (Tsiolkovsky's rocket, differentiated),
// so the model carries the "unknown and growing" thrust acceleration with one unknown
// (aT itself) and a nominal vₑ; process noise covers the rest (steering, staging, vₑ).
// Unchecked, that growth reaches infinity in vₑ/aT seconds (the stage would have burnt
// its whole mass); the factor (1 − aT/A) saturates it at A = MAX_THRUST_ACCEL, 300 m/s²
// (30 g, above any stage's burnout acceleration), so that a long prediction in the boost
// mode stays finite.
// In ballistic flight the drag term uses w = v − ω×r, the velocity relative to the air
// turning with the Earth, and USSA76 density (src/physics/atmosphere.ts, DOMAIN.md
// §9.4); above DRAG_CEILING_M (100 km: ρ < 6e-7 kg/m³, under 0.02 m/s² on a 7 km/s
// body of β = 1,000 kg/m²) drag is dropped and κ is unobservable and left alone.
// Altitude for the density is above a sphere-corrected ellipsoid, |r| − a(1 − f·sin²φ),
// good to tens of metres: enough for an exponential atmosphere.
//
// A: ∂v̇/∂r by central differences of the gravity (step 1e-6·|r|, truncation error
// ~1e-12 relative); the thrust and drag partials are written out.

import { ussa76Density } from '../../physics/atmosphere.ts';
import { OMEGA_EARTH, WGS84_A, WGS84_F } from '../../physics/constants.ts';
import { gravityJ2 } from '../../physics/gravity.ts';
import { DRAG, STATE_DIM, THRUST, VEL } from './flight-state.ts';

export type FlightMode = 'boost' | 'ballistic';

/** Below this altitude (m) ballistic motion includes drag. */
export const DRAG_CEILING_M = 100_000;

/** Saturation of the boost model's thrust acceleration (m/s²). */
export const MAX_THRUST_ACCEL = 300;

/** Nominal exhaust velocity of the boost model (m/s): Isp ≈ 285 s, solid and storable-liquid stages. */
export const DEFAULT_EXHAUST_VELOCITY_MPS = 2800;

/** Approximate altitude (m) above the WGS-84 ellipsoid of an ECI or ECEF position. */
export function approximateAltitude(x: number, y: number, z: number): number {
  const r = Math.sqrt(x * x + y * y + z * z);
  const sinLat = z / r;
  return r - WGS84_A * (1 - WGS84_F * sinLat * sinLat);
}

const gravity = new Float64Array(3);
const gPlus = new Float64Array(3);
const gMinus = new Float64Array(3);
const probe = new Float64Array(3);

/** out (8) = ẋ = f(x) in the given mode; out may not be x. */
export function flightDerivative(
  out: Float64Array,
  x: Float64Array,
  mode: FlightMode,
  exhaustVelocity: number,
): Float64Array {
  const rx = x[0]!;
  const ry = x[1]!;
  const rz = x[2]!;
  const vx = x[3]!;
  const vy = x[4]!;
  const vz = x[5]!;
  probe[0] = rx;
  probe[1] = ry;
  probe[2] = rz;
  gravityJ2(gravity, probe);
  let ax = gravity[0]!;
  let ay = gravity[1]!;
  let az = gravity[2]!;
  out[0] = vx;
  out[1] = vy;
  out[2] = vz;
  out[THRUST] = 0;
  out[DRAG] = 0;
  if (mode === 'boost') {
    const aT = x[THRUST]!;
    const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
    if (speed > 0) {
      const s = aT / speed;
      ax += s * vx;
      ay += s * vy;
      az += s * vz;
    }
    out[THRUST] = ((aT * aT) / exhaustVelocity) * (1 - aT / MAX_THRUST_ACCEL);
  } else {
    const h = approximateAltitude(rx, ry, rz);
    const kappa = x[DRAG]!;
    if (h < DRAG_CEILING_M && kappa > 0) {
      const wx = vx + OMEGA_EARTH * ry;
      const wy = vy - OMEGA_EARTH * rx;
      const k = 0.5 * ussa76Density(h) * kappa * Math.sqrt(wx * wx + wy * wy + vz * vz);
      ax -= k * wx;
      ay -= k * wy;
      az -= k * vz;
    }
  }
  out[VEL] = ax;
  out[VEL + 1] = ay;
  out[VEL + 2] = az;
  return out;
}

/** out (8×8, row-major) = A = ∂f/∂x at x in the given mode. */
export function flightJacobian(
  out: Float64Array,
  x: Float64Array,
  mode: FlightMode,
  exhaustVelocity: number,
): Float64Array {
  const n = STATE_DIM;
  out.fill(0, 0, n * n);
  for (let k = 0; k < 3; k++) out[k * n + VEL + k] = 1;
  const rx = x[0]!;
  const ry = x[1]!;
  const rz = x[2]!;
  const r = Math.sqrt(rx * rx + ry * ry + rz * rz);
  const step = 1e-6 * r;
  for (let j = 0; j < 3; j++) {
    probe[0] = rx;
    probe[1] = ry;
    probe[2] = rz;
    probe[j] = probe[j]! + step;
    gravityJ2(gPlus, probe);
    probe[j] = probe[j]! - 2 * step;
    gravityJ2(gMinus, probe);
    for (let i = 0; i < 3; i++) out[(VEL + i) * n + j] = (gPlus[i]! - gMinus[i]!) / (2 * step);
  }
  const vx = x[3]!;
  const vy = x[4]!;
  const vz = x[5]!;
  if (mode === 'boost') {
    const aT = x[THRUST]!;
    const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
    if (speed > 0) {
      // ∂(aT·v/|v|)/∂v = aT·(I − v̂v̂ᵀ)/|v|;  ∂/∂aT = v̂.
      const u = unitScratch;
      u[0] = vx / speed;
      u[1] = vy / speed;
      u[2] = vz / speed;
      const s = aT / speed;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          out[(VEL + i) * n + VEL + j] = s * ((i === j ? 1 : 0) - u[i]! * u[j]!);
        }
        out[(VEL + i) * n + THRUST] = u[i]!;
      }
    }
    // d/daT of (aT²/vₑ)(1 − aT/A) = (2aT − 3aT²/A)/vₑ.
    const a = x[THRUST]!;
    out[THRUST * n + THRUST] = (2 * a - (3 * a * a) / MAX_THRUST_ACCEL) / exhaustVelocity;
    return out;
  }
  const h = approximateAltitude(rx, ry, rz);
  const kappa = x[DRAG]!;
  if (!(h < DRAG_CEILING_M)) return out;
  const rho = ussa76Density(h);
  const wx = vx + OMEGA_EARTH * ry;
  const wy = vy - OMEGA_EARTH * rx;
  const wz = vz;
  const wn = Math.sqrt(wx * wx + wy * wy + wz * wz);
  if (!(wn > 0)) return out;
  const w = unitScratch;
  w[0] = wx;
  w[1] = wy;
  w[2] = wz;
  // a = −k|w|w, k = ½ρκ.  ∂a/∂w = −k(|w|I + wwᵀ/|w|);  ∂a/∂κ = −½ρ|w|w.
  const k = 0.5 * rho * Math.max(kappa, 0);
  const D = dragScratch;
  for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) D[i * 3 + j] = -k * ((i === j ? wn : 0) + (w[i]! * w[j]!) / wn);
    out[(VEL + i) * n + DRAG] = -0.5 * rho * wn * w[i]!;
  }
  // ∂w/∂r = −[ω×] = [[0, ω, 0], [−ω, 0, 0], [0, 0, 0]]; ∂k/∂r = ½κρ′(h)·r̂.
  const dRho = (ussa76Density(h + 50) - ussa76Density(h - 50)) / 100;
  const dk = 0.5 * Math.max(kappa, 0) * dRho;
  for (let i = 0; i < 3; i++) {
    out[(VEL + i) * n + 0] = out[(VEL + i) * n + 0]! - OMEGA_EARTH * D[i * 3 + 1]!;
    out[(VEL + i) * n + 1] = out[(VEL + i) * n + 1]! + OMEGA_EARTH * D[i * 3]!;
    for (let j = 0; j < 3; j++) {
      out[(VEL + i) * n + j] = out[(VEL + i) * n + j]! - (wn * w[i]! * dk * probeR(j, rx, ry, rz)) / r;
      out[(VEL + i) * n + VEL + j] = D[i * 3 + j]!;
    }
  }
  return out;
}

const dragScratch = new Float64Array(9);
const unitScratch = new Float64Array(3);

function probeR(j: number, rx: number, ry: number, rz: number): number {
  return j === 0 ? rx : j === 1 ? ry : rz;
}
