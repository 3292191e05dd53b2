// Free flight of a body in the Earth's field and air: point-mass + J2 gravity and
// drag in a co-rotating US Standard Atmosphere 1976 with a ballistic coefficient
// β = m/(Cd·A). One model for everything that coasts — spent stages and RVs in the
// world, and the warning centre's predictions — so both fly the same physics.
import { ussa76Density } from './atmosphere.ts';
import { OMEGA_EARTH, WGS84_A, WGS84_B } from './constants.ts';
import { gravityJ2 } from './gravity.ts';
import type { Derivative } from './integrate/types.ts';

/**
 * Above this altitude the air is ignored: USSA76 density there is below 3e-12 kg/m³, so
 * drag is under 3e-7 m/s² even for a tumbling spent stage (β = 300 kg/m²) at 7.5 km/s —
 * millimetres over a whole flight — and skipping it saves a table lookup per step.
 */
export const DRAG_CEILING_M = 400_000;
// Module-local copies: imported bindings cost a lookup on every access in hot code.
const A = WGS84_A;
const B = WGS84_B;
const OMEGA = OMEGA_EARTH;
const A2 = A * A;
const B2 = B * B;

/**
 * Height above the WGS-84 ellipsoid measured along the geocentric radius: |r| minus the
 * ellipsoid radius at the geocentric latitude. It differs from the geodetic height by
 * less than a metre below 100 km, which is all drag needs, at a fraction of the cost.
 * Invariant under rotation about z, so ECI and ECEF positions both work.
 */
export function radialAltitude(x: number, y: number, z: number): number {
  const r2 = x * x + y * y + z * z;
  const sin2 = (z * z) / r2;
  const ellipsoidR = (A * B) / Math.sqrt(B2 * (1 - sin2) + A2 * sin2);
  return Math.sqrt(r2) - ellipsoidR;
}

/**
 * Velocity relative to the co-rotating air, v − ω × r, of an ECI state: written to
 * out[0..2]; returns its magnitude.
 */
export function airRelativeVelocity(
  out: Float64Array,
  x: number,
  y: number,
  vx: number,
  vy: number,
  vz: number,
): number {
  out[0] = vx + OMEGA * y;
  out[1] = vy - OMEGA * x;
  out[2] = vz;
  return Math.sqrt(out[0] * out[0] + out[1] * out[1] + vz * vz);
}

const gravity = new Float64Array(3);
const air = new Float64Array(3);

/**
 * The derivative of a coasting body's state y = [x, y, z, vx, vy, vz] (ECI, SI) with
 * ballistic coefficient β (kg/m²; Infinity for no drag). Allocates nothing per call.
 */
export function ballisticDerivative(betaKgM2: number): Derivative {
  return (_t, y, dydt) => {
    const x = y[0]!;
    const yy = y[1]!;
    const z = y[2]!;
    const g = gravityJ2(gravity, y);
    let ax = g[0]!;
    let ay = g[1]!;
    let az = g[2]!;
    if (Number.isFinite(betaKgM2)) {
      const h = radialAltitude(x, yy, z);
      if (h < DRAG_CEILING_M) {
        const speed = airRelativeVelocity(air, x, yy, y[3]!, y[4]!, y[5]!);
        const k = (0.5 * ussa76Density(h) * speed) / betaKgM2;
        ax -= k * air[0]!;
        ay -= k * air[1]!;
        az -= k * air[2]!;
      }
    }
    dydt[0] = y[3]!;
    dydt[1] = y[4]!;
    dydt[2] = y[5]!;
    dydt[3] = ax;
    dydt[4] = ay;
    dydt[5] = az;
  };
}
