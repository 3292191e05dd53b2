// Two-point initiation of a radar track (two-point differencing; Bar-Shalom et al. 2001,
// §5.5.3; Blackman & Popoli 1999, §3.4). One plot alone cannot start a filter at the
// ranges of early-warning radars: the unknown velocity across the line of sight bends
// the range by v⊥²·t²/(2ρ) — hundreds of metres after a few seconds — which a
// linearised filter cannot represent, so its gates would reject the object's own next
// plot. Two plots A, B of one radar (converted to ECI with covariances RA, RB) give
//   r = pB,   v = (pB − pA)/Δt + g(pB)·Δt/2   (free fall over Δt = tB − tA),
//   P_rr = RB,   P_rv = RB/Δt,   P_vv = (RA + RB)/Δt² + (σ_a·Δt/2)²·I,
// σ_a covering unmodelled acceleration (thrust) over the interval; B's range rate, when
// measured, then updates the velocity as the scalar ρ̇ + ρ̂·ṡ = ρ̂·v (ρ̂ the unit line of
// sight, ṡ the site's inertial velocity). Thrust and drag parameters start from their
// priors.
//
// `plausiblePair` is the test two plots must pass first: the implied speed is at most
// maxSpeed (plus 4σ of its noise), and with range rates on both plots, the range
// change over Δt agrees with their mean rate to within 4σ plus the bending term
// maxSpeed²·Δt/(2ρ).

import { gravityJ2 } from '../../physics/gravity.ts';
import { DRAG, STATE_DIM, THRUST, VEL } from './flight-state.ts';

export interface StatePrior {
  /** Unmodelled acceleration over the two plots' interval, 1σ per axis (m/s²). */
  accelerationStdMps2: number;
  /** Prior mean and standard deviation of aT (m/s²) and κ (m²/kg). */
  thrustMean: number;
  thrustStd: number;
  dragMean: number;
  dragStd: number;
}

/** A plot converted to ECI, with what initiation needs of it. */
export interface ConvertedPlot {
  timeS: number;
  /** ECI position (m) and covariance (3×3, m²). */
  position: Float64Array;
  covariance: Float64Array;
  rangeM: number;
  sigmaRangeM: number;
  rangeRateMps: number | null;
  sigmaRangeRateMps: number;
  /** Site position and inertial velocity in ECI at the plot's time. */
  site: Float64Array;
  siteVelocity: Float64Array;
}

const gravity = new Float64Array(3);
const gain = new Float64Array(STATE_DIM);
const Pu = new Float64Array(STATE_DIM);

/** Whether two plots of one radar can be the same object (see the header). */
export function plausiblePair(a: ConvertedPlot, b: ConvertedPlot, maxSpeedMps: number): boolean {
  const dt = b.timeS - a.timeS;
  if (!(dt > 0)) return false;
  let d2 = 0;
  let noise = 0;
  for (let k = 0; k < 3; k++) {
    const d = b.position[k]! - a.position[k]!;
    d2 += d * d;
    noise += a.covariance[k * 4]! + b.covariance[k * 4]!;
  }
  if (Math.sqrt(d2) > maxSpeedMps * dt + 4 * Math.sqrt(noise)) return false;
  if (a.rangeRateMps === null || b.rangeRateMps === null) return true;
  const rate = (b.rangeM - a.rangeM) / dt;
  const meanRate = 0.5 * (a.rangeRateMps + b.rangeRateMps);
  const sigma = Math.sqrt(
    (a.sigmaRangeM ** 2 + b.sigmaRangeM ** 2) / (dt * dt) +
      0.25 * (a.sigmaRangeRateMps ** 2 + b.sigmaRangeRateMps ** 2),
  );
  const bending = (maxSpeedMps * maxSpeedMps * dt) / (2 * Math.min(a.rangeM, b.rangeM));
  return Math.abs(rate - meanRate) <= 4 * sigma + bending;
}

/** Writes the initial state x (8) and covariance P (8×8) at b's time from plots a then b. */
export function initialiseFromTwoPlots(
  x: Float64Array,
  P: Float64Array,
  a: ConvertedPlot,
  b: ConvertedPlot,
  prior: StatePrior,
): void {
  const n = STATE_DIM;
  const dt = b.timeS - a.timeS;
  gravityJ2(gravity, b.position);
  P.fill(0, 0, n * n);
  const accelVar = (prior.accelerationStdMps2 * dt * 0.5) ** 2;
  for (let i = 0; i < 3; i++) {
    x[i] = b.position[i]!;
    x[VEL + i] = (b.position[i]! - a.position[i]!) / dt + 0.5 * gravity[i]! * dt;
    for (let j = 0; j < 3; j++) {
      const rb = b.covariance[i * 3 + j]!;
      P[i * n + j] = rb;
      P[i * n + VEL + j] = rb / dt;
      P[(VEL + i) * n + j] = rb / dt;
      P[(VEL + i) * n + VEL + j] = (a.covariance[i * 3 + j]! + rb) / (dt * dt) + (i === j ? accelVar : 0);
    }
  }
  x[THRUST] = prior.thrustMean;
  x[DRAG] = prior.dragMean;
  P[THRUST * n + THRUST] = prior.thrustStd * prior.thrustStd;
  P[DRAG * n + DRAG] = prior.dragStd * prior.dragStd;
  if (b.rangeRateMps === null) return;
  // Scalar update by ρ̂·v = ρ̇ + ρ̂·ṡ (H = [0, ρ̂ᵀ, 0, 0], ρ̂ held fixed).
  let ux = b.position[0]! - b.site[0]!;
  let uy = b.position[1]! - b.site[1]!;
  let uz = b.position[2]! - b.site[2]!;
  const inv = 1 / Math.sqrt(ux * ux + uy * uy + uz * uz);
  ux *= inv;
  uy *= inv;
  uz *= inv;
  const z = b.rangeRateMps + ux * b.siteVelocity[0]! + uy * b.siteVelocity[1]! + uz * b.siteVelocity[2]!;
  const predicted = ux * x[VEL]! + uy * x[VEL + 1]! + uz * x[VEL + 2]!;
  for (let i = 0; i < n; i++) {
    Pu[i] = P[i * n + VEL]! * ux + P[i * n + VEL + 1]! * uy + P[i * n + VEL + 2]! * uz;
  }
  const s = ux * Pu[VEL]! + uy * Pu[VEL + 1]! + uz * Pu[VEL + 2]! + b.sigmaRangeRateMps ** 2;
  for (let i = 0; i < n; i++) gain[i] = Pu[i]! / s;
  for (let i = 0; i < n; i++) x[i] = x[i]! + gain[i]! * (z - predicted);
  // P ← P − K·S·Kᵀ: the short form, exact for the optimal scalar gain and symmetric by
  // construction (the IMM's covariance guard follows every later step).
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) P[i * n + j] = P[i * n + j]! - gain[i]! * s * gain[j]!;
  }
}
