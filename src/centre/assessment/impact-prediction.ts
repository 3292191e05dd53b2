// Predicted impact point and time of a ballistic track (issue 5): the track's state
// and covariance propagated forward with J2 gravity and re-entry drag (the shared
// coasting model of physics/ballistic.ts) through an unscented transform — 2n + 1
// sigma points, each flown to the ground — giving the mean impact, its time, and a
// ground ellipse (semi-axes, orientation) at a stated containment probability.
// Predicted in ECI and turned Earth-fixed at each point's own impact time (DOMAIN.md
// §1.4: predicting in a rotating frame without fictitious forces errs by hundreds of km).
import { ballisticDerivative } from '../../physics/ballistic.ts';
import { ecefToGeodetic, eciToEcef } from '../../physics/frames.ts';
import { Dopri5, type EventSpec, integrateUntil } from '../../physics/integrate/index.ts';
import { choleskyFactor } from '../../physics/matrix.ts';

export interface GroundEllipse {
  latRad: number;
  lonRad: number;
  semiMajorM: number;
  semiMinorM: number;
  /** Azimuth of the major axis, rad clockwise from north in [0, π). */
  orientationRad: number;
  /** Probability that the true point lies inside. */
  probability: number;
}

export interface ImpactPrediction {
  /** Mean impact time, s after the scenario epoch, and its 1σ. */
  timeS: number;
  timeSigmaS: number;
  area: GroundEllipse;
  /** Sigma points that reached the ground (all of them, unless the state is orbital). */
  pointsImpacted: number;
}

/** Containment probability of reported ellipses, and the matching 2-D χ² scale √(−2 ln(1−p)). */
export const ELLIPSE_PROBABILITY = 0.95;
const ELLIPSE_SCALE = Math.sqrt(-2 * Math.log(1 - ELLIPSE_PROBABILITY));
/** Impact dispersion the model does not represent, 1σ per axis, m [E] … */
export const IMPACT_MODEL_SIGMA_M = 2000;
/** … growing with the time from prediction to impact, m per s [E]. */
export const IMPACT_MODEL_SIGMA_GROWTH_MPS = 10;
/** Longest forward prediction, s (an ICBM from burnout lands within ~40 min). */
const MAX_PREDICTION_S = 3 * 3600;

const geodetic = new Float64Array(3);
const ecef = new Float64Array(3);

/** Flies one ECI state to the ground; returns [t, lat, lon] or null if it does not come down. */
function flyToGround(
  integrator: Dopri5,
  derivative: ReturnType<typeof ballisticDerivative>,
  events: EventSpec[],
  t0: number,
  y0: Float64Array,
  gmstAt: (tS: number) => number,
): [number, number, number] | null {
  integrator.reset(derivative, t0, y0);
  const end = integrateUntil(integrator, { tEnd: t0 + MAX_PREDICTION_S, events });
  if (end.event !== 0) return null;
  eciToEcef(ecef, end.y, gmstAt(end.t));
  ecefToGeodetic(geodetic, ecef);
  return [end.t, geodetic[0]!, geodetic[1]!];
}

/**
 * Unscented prediction of where and when a ballistic state comes down. `state` is
 * [x, y, z, vx, vy, vz] ECI (m, m/s) at time tS with covariance `cov` (6×6 row-major);
 * `betaKgM2` the ballistic coefficient assumed for re-entry and `betaLogSigma` its
 * uncertainty (σ of ln β; 0 for exact); `gmstAt(t)` the Earth's rotation angle;
 * `includeModelError` adds the dispersion the model leaves out. Null when the mean
 * state does not reach the ground (orbital).
 */
export function predictImpact(
  state: Float64Array,
  cov: Float64Array,
  tS: number,
  betaKgM2: number,
  gmstAt: (tS: number) => number,
  betaLogSigma = 0,
  includeModelError = true,
): ImpactPrediction | null {
  // The state's 6 dimensions, plus the ballistic coefficient (log-normal, σ of ln β)
  // as a 7th when it is uncertain.
  const m = 6;
  const n = betaLogSigma > 0 ? 7 : 6;
  // Unscented transform (Julier & Uhlmann 1997) with κ = 0: 2n symmetric points at
  // ±√n columns of √P, weights 1/(2n); the centre point fixes the local frame only.
  // (κ = 3 − n would give the centre a negative weight and can make the spread
  // indefinite.)
  const lambda = n;
  const chol = new Float64Array(m * m);
  const scaled = Float64Array.from(cov, (v) => v * lambda);
  if (!choleskyFactor(chol, scaled, m)) return null;
  // 1e-7 relative keeps the integration error (metres) far below any track's uncertainty.
  const integrator = new Dopri5(6, { rtol: 1e-7, atol: Float64Array.of(10, 10, 10, 1e-2, 1e-2, 1e-2) });
  const derivative = ballisticDerivative(betaKgM2);
  const events: EventSpec[] = [
    { g: (_t, y) => ecefToGeodetic(geodetic, y)[2]!, direction: 'falling', terminal: true },
  ];
  const centre = flyToGround(integrator, derivative, events, tS, state, gmstAt);
  if (!centre) return null;
  const points: Array<[number, number, number]> = [centre];
  const weights = [0];
  const sigma = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    for (const sign of [1, -1]) {
      // Column j of the lower Cholesky factor.
      for (let i = 0; i < m; i++) sigma[i] = state[i]! + sign * chol[i * m + j]!;
      const p = flyToGround(integrator, derivative, events, tS, sigma, gmstAt);
      if (p) {
        points.push(p);
        weights.push(1 / (2 * lambda));
      }
    }
  }
  if (n === 7) {
    for (const sign of [1, -1]) {
      const beta = betaKgM2 * Math.exp(sign * Math.sqrt(lambda) * betaLogSigma);
      const p = flyToGround(integrator, ballisticDerivative(beta), events, tS, state, gmstAt);
      if (p) {
        points.push(p);
        weights.push(1 / (2 * lambda));
      }
    }
  }
  // Moments in a local north/east plane at the centre point (metres), and in time.
  const [, lat0, lon0] = centre;
  const R = 6_371_000;
  const cosLat = Math.cos(lat0);
  let wSum = 0;
  let mt = 0;
  let mn = 0;
  let me = 0;
  const north: number[] = [];
  const east: number[] = [];
  for (const [k, [t, lat, lon]] of points.entries()) {
    const w = weights[k]!;
    const dLon = Math.atan2(Math.sin(lon - lon0), Math.cos(lon - lon0));
    north.push((lat - lat0) * R);
    east.push(dLon * R * cosLat);
    wSum += w;
    mt += w * t;
    mn += w * north[k]!;
    me += w * east[k]!;
  }
  mt /= wSum;
  mn /= wSum;
  me /= wSum;
  let cnn = 0;
  let cee = 0;
  let cne = 0;
  let ctt = 0;
  for (const [k, [t]] of points.entries()) {
    const w = weights[k]! / wSum;
    const dn = north[k]! - mn;
    const de = east[k]! - me;
    cnn += w * dn * dn;
    cee += w * de * de;
    cne += w * dn * de;
    ctt += w * (t - mt) * (t - mt);
  }
  // What the flight model leaves out (winds, lift, break-up in re-entry, and the small
  // unmodelled accelerations that grow with the prediction horizon) [E].
  const modelSigma = includeModelError
    ? IMPACT_MODEL_SIGMA_M + IMPACT_MODEL_SIGMA_GROWTH_MPS * Math.max(0, mt - tS)
    : 0;
  cnn += modelSigma ** 2;
  cee += modelSigma ** 2;
  const tr = cnn + cee;
  const det = cnn * cee - cne * cne;
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = tr / 2 + disc;
  const l2 = Math.max(0, tr / 2 - disc);
  // Major axis direction (north, east components) → azimuth from north.
  let orientation = Math.atan2(l1 - cnn, cne);
  if (Math.abs(cne) < 1e-12) orientation = cnn >= cee ? 0 : Math.PI / 2;
  orientation = ((orientation % Math.PI) + Math.PI) % Math.PI;
  return {
    timeS: mt,
    timeSigmaS: Math.sqrt(Math.max(0, ctt)),
    area: {
      latRad: lat0 + mn / R,
      lonRad: lon0 + me / (R * cosLat),
      semiMajorM: ELLIPSE_SCALE * Math.sqrt(l1),
      semiMinorM: ELLIPSE_SCALE * Math.sqrt(l2),
      orientationRad: orientation,
      probability: ELLIPSE_PROBABILITY,
    },
    pointsImpacted: points.length,
  };
}
