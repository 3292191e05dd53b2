// The boost and ballistic motion models of flight-dynamics.ts as MotionModels, with
// nonlinear propagation by classical RK4 (src/physics/integrate/rk4.ts) in equal
// sub-steps of at most: 3 s in boost, less at high thrust (aT grows by aT·h/vₑ per
// step: ≤ 15 %, so h ≤ 0.15·vₑ/aT, and never under 1 s), 5 s in
// ballistic flight above the drag ceiling, 1 s down to 40 km and 0.25 s below (the
// deceleration time of a re-entering body, ~H/v with scale height H ≈ 7 km, is about a
// second). Over each sub-step of length h the transition is the third-order Taylor
// series of the variational equation Φ̇ = A(t)·Φ with A linear in time between its
// values A₀, A₁ at the sub-step's ends (Ȧ = (A₁ − A₀)/h; A₁ is the next step's A₀):
//   Φₖ = I + A₀h + (A₀² + Ȧ)h²/2 + (A₀³ + 2ȦA₀ + A₀Ȧ)h³/6,
// and the process noise is that of white noise through the linearised dynamics:
//   white acceleration q on each velocity axis: [[h³/3, h²/2], [h²/2, h]]·q per axis,
//     in boost q = q₀ + qₛ·aT² (the thrust axis off the velocity by a wandering angle);
//   boost: white jerk qT on aT, entering v along v̂: Q_aa = qT·h, Q_va = qT·h²/2·v̂,
//     Q_ra = qT·h³/6·v̂, Q_vv += qT·h³/3·v̂v̂ᵀ, Q_rv += qT·h⁴/8·v̂v̂ᵀ, Q_rr += qT·h⁵/20·v̂v̂ᵀ;
//   ballistic below the drag ceiling: random walk qκ on κ.
// (Bar-Shalom et al. 2001, §6.2 for the white-noise integrals.) The EKF predictor
// propagates P sub-step by sub-step, P ← Φₖ·P·Φₖᵀ + Qₖ, which is more accurate over a
// long coast than one Φ and one Q for the whole interval.
//
// The ballistic mode carries no thrust: after each prediction aT is set to 0 with the
// small variance `thrustFloorVariance` (its row and column of P cleared), so that the
// interacting-multiple-model mixing sees a ballistic estimate that asserts aT = 0.
// A negative dt (retrodiction) integrates backwards with the noise of |h|.

import { Rk4 } from '../../physics/integrate/rk4.ts';
import { multiply, multiplyTransposeB, symmetrize } from '../../physics/matrix.ts';
import {
  approximateAltitude,
  DEFAULT_EXHAUST_VELOCITY_MPS,
  DRAG_CEILING_M,
  type FlightMode,
  flightDerivative,
  flightJacobian,
} from './flight-dynamics.ts';
import { DRAG, STATE_DIM, THRUST, VEL } from './flight-state.ts';
import type { MotionModel } from './motion-model.ts';
import type { Predictor } from './predictor.ts';

export interface FlightMotionOptions {
  /** White acceleration noise on each velocity axis, spectral density (m²/s³). */
  accelerationNoise: number;
  /**
   * Boost: the thrust axis wanders off the velocity (the pitch programme's angle of
   * attack): extra white acceleration noise of density steeringNoise·aT² (s; 0.1 s ≈ a
   * 6° wander correlated over 10 s).
   */
  steeringNoise: number;
  /** Boost: white jerk on aT, spectral density (m²/s⁵). */
  thrustNoise: number;
  /** Ballistic below the drag ceiling: random walk of κ, ((m²/kg)²/s). */
  dragNoise: number;
  /** Boost: nominal exhaust velocity vₑ (m/s). */
  exhaustVelocityMps: number;
  /** Ballistic: variance (m²/s⁴) left on aT after it is set to 0. */
  thrustFloorVariance: number;
}

/** Defaults per mode: steering and staging make boost noisy; a coasting body follows gravity closely. */
export const defaultFlightMotion: Readonly<Record<FlightMode, FlightMotionOptions>> = {
  boost: {
    accelerationNoise: 50,
    steeringNoise: 0.1,
    thrustNoise: 200,
    dragNoise: 0,
    exhaustVelocityMps: DEFAULT_EXHAUST_VELOCITY_MPS,
    thrustFloorVariance: 0,
  },
  ballistic: {
    accelerationNoise: 1e-3,
    steeringNoise: 0,
    thrustNoise: 0,
    dragNoise: 1e-9,
    exhaustVelocityMps: DEFAULT_EXHAUST_VELOCITY_MPS,
    thrustFloorVariance: 1e-4,
  },
};

export interface FlightMotionModel extends MotionModel {
  readonly mode: FlightMode;
  /** The EKF prediction: x ← f(x, dt) and P ← Φ·P·Φᵀ + Q, sub-step by sub-step, in place. */
  predict(x: Float64Array, P: Float64Array, dt: number): void;
}

const N = STATE_DIM;

export function createFlightMotionModel(
  mode: FlightMode,
  options: Partial<FlightMotionOptions> = {},
): FlightMotionModel {
  const o: FlightMotionOptions = { ...defaultFlightMotion[mode], ...options };
  const ve = o.exhaustVelocityMps;
  const rk4 = new Rk4(N);
  const derivative = (_t: number, y: Float64Array, dydt: Float64Array) => {
    flightDerivative(dydt, y, mode, ve);
  };
  const A = new Float64Array(N * N);
  const A2 = new Float64Array(N * N);
  const A3 = new Float64Array(N * N);
  const A3b = new Float64Array(N * N);
  const A1 = new Float64Array(N * N);
  const Adot = new Float64Array(N * N);
  const Phi = new Float64Array(N * N);
  const Q = new Float64Array(N * N);
  const work = new Float64Array(N * N);
  const xStep = new Float64Array(N);
  const xStart = new Float64Array(N);

  function subStep(x: Float64Array): number {
    // Boost: aT grows by aT·h/vₑ over a step; keep that under 15 %.
    if (mode === 'boost') return Math.min(3, Math.max(1, (0.15 * ve) / Math.max(x[THRUST]!, 1)));
    const h = approximateAltitude(x[0]!, x[1]!, x[2]!);
    if (h > DRAG_CEILING_M) return 5;
    return h > 40_000 ? 1 : 0.25;
  }

  /** Φₖ for one sub-step of length h from A₀ (in A) and A₁ (in A1), as in the header. */
  function stepTransition(out: Float64Array, h: number): void {
    for (let i = 0; i < N * N; i++) Adot[i] = (A1[i]! - A[i]!) / h;
    multiplySparseLeft(A2, A, A);
    multiplySparseLeft(A3, A2, A);
    multiplySparseLeft(work, Adot, A);
    multiplySparseLeft(A3b, A, Adot);
    const h2 = (h * h) / 2;
    const h3 = (h * h * h) / 6;
    for (let i = 0; i < N * N; i++) {
      out[i] = A[i]! * h + (A2[i]! + Adot[i]!) * h2 + (A3[i]! + 2 * work[i]! + A3b[i]!) * h3;
    }
    for (let i = 0; i < N; i++) out[i * N + i] = out[i * N + i]! + 1;
  }

  /** Qₖ for one sub-step of length |h| from x. */
  function stepNoise(out: Float64Array, x: Float64Array, hSigned: number): void {
    const h = Math.abs(hSigned);
    out.fill(0, 0, N * N);
    const aT = Math.max(0, x[THRUST]!);
    const q = o.accelerationNoise + (mode === 'boost' ? o.steeringNoise * aT * aT : 0);
    for (let k = 0; k < 3; k++) {
      out[k * N + k] = (q * h * h * h) / 3;
      out[k * N + VEL + k] = (q * h * h) / 2;
      out[(VEL + k) * N + k] = (q * h * h) / 2;
      out[(VEL + k) * N + VEL + k] = q * h;
    }
    if (mode === 'boost') {
      const qT = o.thrustNoise;
      const vx = x[3]!;
      const vy = x[4]!;
      const vz = x[5]!;
      const speed = Math.sqrt(vx * vx + vy * vy + vz * vz);
      out[THRUST * N + THRUST] = qT * h;
      if (speed > 0) {
        const u0 = vx / speed;
        const u1 = vy / speed;
        const u2 = vz / speed;
        const h2 = h * h;
        const h3 = h2 * h;
        for (let i = 0; i < 3; i++) {
          const ui = i === 0 ? u0 : i === 1 ? u1 : u2;
          out[(VEL + i) * N + THRUST] = (qT * h2 * ui) / 2;
          out[THRUST * N + VEL + i] = (qT * h2 * ui) / 2;
          out[i * N + THRUST] = (qT * h3 * ui) / 6;
          out[THRUST * N + i] = (qT * h3 * ui) / 6;
          for (let j = 0; j < 3; j++) {
            const uu = ui * (j === 0 ? u0 : j === 1 ? u1 : u2);
            out[(VEL + i) * N + VEL + j] = out[(VEL + i) * N + VEL + j]! + (qT * h3 * uu) / 3;
            out[i * N + VEL + j] = out[i * N + VEL + j]! + (qT * h2 * h2 * uu) / 8;
            out[(VEL + j) * N + i] = out[(VEL + j) * N + i]! + (qT * h2 * h2 * uu) / 8;
            out[i * N + j] = out[i * N + j]! + (qT * h3 * h2 * uu) / 20;
          }
        }
      }
    } else if (approximateAltitude(x[0]!, x[1]!, x[2]!) < DRAG_CEILING_M) {
      out[DRAG * N + DRAG] = o.dragNoise * h;
    }
  }

  /** Ballistic flight asserts aT = 0: clear its row and column of P and leave the floor variance. */
  function clearThrust(x: Float64Array, P: Float64Array | null): void {
    if (mode !== 'ballistic') return;
    x[THRUST] = 0;
    if (!P) return;
    for (let i = 0; i < N; i++) {
      P[i * N + THRUST] = 0;
      P[THRUST * N + i] = 0;
    }
    P[THRUST * N + THRUST] = o.thrustFloorVariance;
  }

  /**
   * Integrates x over dt in sub-steps; accumulates, when given, the transition Φ, the
   * noise Q (as if P were 0 at the start) and the covariance P.
   */
  function run(
    x: Float64Array,
    dt: number,
    phi: Float64Array | null,
    noise: Float64Array | null,
    P: Float64Array | null,
  ): void {
    if (phi) {
      phi.fill(0, 0, N * N);
      for (let i = 0; i < N; i++) phi[i * N + i] = 1;
    }
    if (noise) noise.fill(0, 0, N * N);
    if (dt === 0) return;
    const steps = Math.max(1, Math.ceil(Math.abs(dt) / subStep(x) - 1e-9));
    const h = dt / steps;
    const linearise = phi !== null || noise !== null || P !== null;
    if (linearise) flightJacobian(A, x, mode, ve);
    for (let s = 0; s < steps; s++) {
      if (!linearise) {
        rk4.step(derivative, 0, x, h, x);
        continue;
      }
      stepNoise(Q, x, h);
      rk4.step(derivative, 0, x, h, x);
      flightJacobian(A1, x, mode, ve);
      stepTransition(Phi, h);
      if (phi) multiply(phi, Phi, phi, N, N, N);
      if (noise) propagateCovariance(noise, Phi, Q, work);
      if (P) propagateCovariance(P, Phi, Q, work);
      A.set(A1);
    }
  }

  return {
    mode,
    stateDim: N,
    propagate(out, x, dt) {
      xStep.set(x.subarray(0, N));
      run(xStep, dt, null, null, null);
      clearThrust(xStep, null);
      out.set(xStep);
      return out;
    },
    jacobian(out, x, dt) {
      xStart.set(x.subarray(0, N));
      run(xStart, dt, out, null, null);
      if (mode === 'ballistic') for (let j = 0; j < N; j++) out[THRUST * N + j] = 0;
      return out;
    },
    processNoise(out, x, dt) {
      xStart.set(x.subarray(0, N));
      run(xStart, dt, null, out, null);
      if (mode === 'ballistic') {
        for (let i = 0; i < N; i++) {
          out[i * N + THRUST] = 0;
          out[THRUST * N + i] = 0;
        }
        out[THRUST * N + THRUST] = o.thrustFloorVariance;
      }
      return out;
    },
    predict(x, P, dt) {
      run(x, dt, null, null, P);
      clearThrust(x, P);
      symmetrize(P, P, N);
    },
  };
}

/**
 * out (8×8) = a·b, skipping the zero entries of a: the flight Jacobian A has about 20
 * non-zeros of 64 (identity block, gravity gradient, thrust and drag partials), and
 * its powers stay sparse in their last rows.
 */
function multiplySparseLeft(out: Float64Array, a: Float64Array, b: Float64Array): void {
  out.fill(0, 0, N * N);
  for (let i = 0; i < N; i++) {
    const row = i * N;
    for (let p = 0; p < N; p++) {
      const aip = a[row + p]!;
      if (aip === 0) continue;
      const col = p * N;
      for (let j = 0; j < N; j++) out[row + j] = out[row + j]! + aip * b[col + j]!;
    }
  }
}

/** P ← Φ·P·Φᵀ + Q (n = 8), using `work` (8×8) as scratch. */
function propagateCovariance(P: Float64Array, Phi: Float64Array, Q: Float64Array, work: Float64Array): void {
  multiply(work, Phi, P, N, N, N);
  multiplyTransposeB(P, work, Phi, N, N, N);
  for (let i = 0; i < N * N; i++) P[i] = P[i]! + Q[i]!;
}

/** The EKF predictor of a flight motion model (its sub-stepped covariance propagation). */
export function createFlightPredictor(model: FlightMotionModel): Predictor {
  return {
    stateDim: model.stateDim,
    predict(x, P, dt) {
      model.predict(x, P, dt);
    },
  };
}
