// Launch point and launch time of a track (issue 5), by what the track holds:
// - a track seen climbing: its earliest state flown back as a uniformly accelerated
//   climb from rest (launchFromEarliestState);
// - a track seen in powered flight: its earliest Earth-fixed positions fitted by a
//   quadratic in time per axis and extrapolated back to the ground (a rocket's early
//   climb is close to constant acceleration); the fit's residual spread gives the
//   uncertainty;
// - a track first seen in free flight (radar in mid-course): its state flown backwards
//   without drag to the ground (the boost is not modelled, so the area is wide);
// - an angle-only IR track: where its earliest line of sight meets the ground.
import { ballisticDerivative } from '../../physics/ballistic.ts';
import { ecefToGeodetic, eciToEcef, eciToEcefVelocity } from '../../physics/frames.ts';
import { Dopri5, integrateUntil } from '../../physics/integrate/index.ts';

export interface LaunchEstimate {
  timeS: number;
  /** 1σ of the launch time, s. */
  timeSigmaS: number;
  latRad: number;
  lonRad: number;
  /** Uncertainty ellipse of the launch point (95%), m, and its orientation from north. */
  semiMajorM: number;
  semiMinorM: number;
  orientationRad: number;
  method: 'earliest-state' | 'boost-fit' | 'ballistic-backtrack' | 'line-of-sight';
}

/** An Earth-fixed position (and Earth-relative velocity) of the track at a time. */
export interface FixedSample {
  tS: number;
  ecef: [number, number, number];
  velocity: [number, number, number];
}

/** Share of the distance extrapolated taken as the boost fit's model error [E]. */
const MODEL_ERROR_FRACTION = 0.3;
/** Longest back-extrapolation of a boost fit, s. */
const MAX_EXTRAPOLATION_S = 180;
const geo = new Float64Array(3);
// Points of launchFromBoost's fitted climb, Earth-fixed (the bisection evaluates ~70).
const fitPoint = new Float64Array(3);
const fitStart = new Float64Array(3);
const SCALE95 = Math.sqrt(-2 * Math.log(0.05));

/** Least-squares quadratic fit y = c0 + c1 t + c2 t² (t relative to t0); returns coefficients and residual RMS. */
function quadraticFit(ts: number[], ys: number[]): { c: [number, number, number]; rms: number } {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let s4 = 0;
  let b0 = 0;
  let b1 = 0;
  let b2 = 0;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const y = ys[i]!;
    const t2 = t * t;
    s0 += 1;
    s1 += t;
    s2 += t2;
    s3 += t2 * t;
    s4 += t2 * t2;
    b0 += y;
    b1 += y * t;
    b2 += y * t2;
  }
  // Solve the 3×3 normal equations by Cramer's rule.
  const det = s0 * (s2 * s4 - s3 * s3) - s1 * (s1 * s4 - s3 * s2) + s2 * (s1 * s3 - s2 * s2);
  const solve = (col: number) => {
    const m = [
      [s0, s1, s2],
      [s1, s2, s3],
      [s2, s3, s4],
    ];
    const rhs = [b0, b1, b2];
    for (let r = 0; r < 3; r++) m[r]![col] = rhs[r]!;
    const d =
      m[0]![0]! * (m[1]![1]! * m[2]![2]! - m[1]![2]! * m[2]![1]!) -
      m[0]![1]! * (m[1]![0]! * m[2]![2]! - m[1]![2]! * m[2]![0]!) +
      m[0]![2]! * (m[1]![0]! * m[2]![1]! - m[1]![1]! * m[2]![0]!);
    return d / det;
  };
  const c: [number, number, number] = Math.abs(det) < 1e-12 ? [ys[0]!, 0, 0] : [solve(0), solve(1), solve(2)];
  let ss = 0;
  for (let i = 0; i < ts.length; i++) {
    const t = ts[i]!;
    const r = ys[i]! - (c[0] + c[1] * t + c[2] * t * t);
    ss += r * r;
  }
  return { c, rms: Math.sqrt(ss / Math.max(1, ts.length - 3)) };
}

/**
 * Launch from the earliest powered-flight positions (at least 3, Earth-fixed): each
 * axis fitted as a quadratic in time, the fit flown back to where its height above
 * the ellipsoid is zero. Null when the fit never reaches the ground.
 */
export function launchFromBoost(samples: readonly FixedSample[]): LaunchEstimate | null {
  if (samples.length < 3) return null;
  const t0 = samples[0]!.tS;
  const ts = samples.map((s) => s.tS - t0);
  const fits = [0, 1, 2].map((k) =>
    quadraticFit(
      ts,
      samples.map((s) => s.ecef[k]!),
    ),
  );
  const at = (out: Float64Array, t: number): Float64Array => {
    out[0] = fits[0]!.c[0] + fits[0]!.c[1] * t + fits[0]!.c[2] * t * t;
    out[1] = fits[1]!.c[0] + fits[1]!.c[1] * t + fits[1]!.c[2] * t * t;
    out[2] = fits[2]!.c[0] + fits[2]!.c[1] * t + fits[2]!.c[2] * t * t;
    return out;
  };
  const height = (t: number) => ecefToGeodetic(geo, at(fitPoint, t))[2]!;
  // Walk back in 5 s steps to a negative height, then bisect. A quadratic is a fair
  // model of the climb only near the data: no more than MAX_EXTRAPOLATION_S back.
  let hi = 0;
  if (height(hi) <= 0) return null;
  let lo = hi;
  for (let k = 0; k < MAX_EXTRAPOLATION_S / 5 && height(lo) > 0; k++) lo -= 5;
  if (height(lo) > 0) return null;
  for (let k = 0; k < 50; k++) {
    const mid = (lo + hi) / 2;
    if (height(mid) > 0) hi = mid;
    else lo = mid;
  }
  const tl = (lo + hi) / 2;
  ecefToGeodetic(geo, at(fitPoint, tl));
  // Uncertainty: the position residual spread grown by the extrapolation lever arm
  // (the quadratic's error grows with the square of the time extrapolated beyond the
  // data), and a model-error term: a real climb is not a parabola, so an error of
  // MODEL_ERROR_FRACTION of the ground distance covered over the extrapolated time.
  const span = Math.max(1, ts[ts.length - 1]!);
  const lever = 1 + (-tl / span) ** 2;
  const p0 = at(fitStart, 0);
  const pl = at(fitPoint, tl);
  const covered = Math.hypot(p0[0]! - pl[0]!, p0[1]! - pl[1]!, p0[2]! - pl[2]!);
  const sigma = Math.max(
    1000,
    Math.hypot(Math.hypot(fits[0]!.rms, fits[1]!.rms, fits[2]!.rms) * lever, MODEL_ERROR_FRACTION * covered),
  );
  return {
    timeS: t0 + tl,
    timeSigmaS: Math.max(2, sigma / 1000),
    latRad: geo[0]!,
    lonRad: geo[1]!,
    semiMajorM: SCALE95 * sigma,
    semiMinorM: SCALE95 * sigma,
    orientationRad: 0,
    method: 'boost-fit',
  };
}

/**
 * Launch area of a body seen only in free flight: its ECI state flown back in time
 * (time-reversed, drag-free) to the ground. The boost is not modelled, so the area is
 * given a wide ellipse along the track (a few hundred km, DOMAIN.md §1.2: the boost
 * and re-entry add a few hundred kilometres of range).
 */
export function launchFromBacktrack(
  positionEci: ArrayLike<number>,
  velocityEci: ArrayLike<number>,
  tS: number,
  gmstAt: (t: number) => number,
): LaunchEstimate | null {
  // Reversing the velocity turns a conservative flight backwards into a forward one.
  const y0 = Float64Array.of(
    positionEci[0]!,
    positionEci[1]!,
    positionEci[2]!,
    -velocityEci[0]!,
    -velocityEci[1]!,
    -velocityEci[2]!,
  );
  if (ecefToGeodetic(geo, y0)[2]! <= 0) return null;
  const integrator = new Dopri5(6, { rtol: 1e-8, atol: 1 });
  integrator.reset(ballisticDerivative(Number.POSITIVE_INFINITY), 0, y0);
  const end = integrateUntil(integrator, {
    tEnd: 3 * 3600,
    events: [{ g: (_t, y) => ecefToGeodetic(geo, y)[2]!, direction: 'falling', terminal: true }],
  });
  if (end.event !== 0) return null;
  const t = tS - end.t;
  const ecef = eciToEcef(new Float64Array(3), end.y, gmstAt(t));
  ecefToGeodetic(geo, ecef);
  return {
    timeS: t,
    timeSigmaS: 120,
    latRad: geo[0]!,
    lonRad: geo[1]!,
    semiMajorM: 600_000,
    semiMinorM: 150_000,
    orientationRad: headingAt(end.y, gmstAt(t)),
    method: 'ballistic-backtrack',
  };
}

/** Azimuth (from north, in [0, π)) of the flight direction at the end of a reversed flight: the along-track axis. */
function headingAt(y: Float64Array, gmst: number): number {
  const r = Float64Array.of(y[0]!, y[1]!, y[2]!);
  const v = Float64Array.of(-y[3]!, -y[4]!, -y[5]!);
  const ecef = eciToEcef(new Float64Array(3), r, gmst);
  const vf = eciToEcef(new Float64Array(3), v, gmst);
  ecefToGeodetic(geo, ecef);
  const lat = geo[0]!;
  const lon = geo[1]!;
  const e = -Math.sin(lon) * vf[0]! + Math.cos(lon) * vf[1]!;
  const n =
    -Math.sin(lat) * Math.cos(lon) * vf[0]! - Math.sin(lat) * Math.sin(lon) * vf[1]! + Math.cos(lat) * vf[2]!;
  const az = Math.atan2(e, n);
  return ((az % Math.PI) + Math.PI) % Math.PI;
}

/** Launch of an angle-only track: its earliest line of sight meets the ground at `groundPoint`. */
export function launchFromLineOfSight(
  groundPoint: { latDeg: number; lonDeg: number },
  firstTimeS: number,
): LaunchEstimate {
  const D = Math.PI / 180;
  return {
    // A plume is first seen tens of seconds after lift-off (DOMAIN.md §3.5).
    timeS: firstTimeS - 40,
    timeSigmaS: 30,
    latRad: groundPoint.latDeg * D,
    lonRad: groundPoint.lonDeg * D,
    // The earliest sighting is above the cloud top: its ground point lies beyond the
    // launch point along the line of sight by up to a few tens of km.
    semiMajorM: 60_000,
    semiMinorM: 60_000,
    orientationRad: 0,
    method: 'line-of-sight',
  };
}

/** Earth-fixed sample of an ECI state. */
export function fixedSample(
  tS: number,
  positionEci: ArrayLike<number>,
  velocityEci: ArrayLike<number>,
  gmst: number,
): FixedSample {
  const e = eciToEcef(new Float64Array(3), positionEci, gmst);
  const v = eciToEcefVelocity(new Float64Array(3), positionEci, velocityEci, gmst);
  return { tS, ecef: [e[0]!, e[1]!, e[2]!], velocity: [v[0]!, v[1]!, v[2]!] };
}

/**
 * Launch from the earliest state of a climbing rocket: a rocket starts from rest and its
 * early climb is close to uniformly accelerated, so it has been flying τ = 2h/v_up since
 * lift-off. Its horizontal acceleration grows from zero as the pitch programme tilts the
 * thrust (and the thrust acceleration grows as propellant burns): roughly linearly, so
 * v_h ∝ t² and the ground covered is v_h·τ/3.
 * The uncertainty is MODEL_ERROR_FRACTION of that ground distance, at least
 * `positionSigmaM` (the track's own position error).
 */
export function launchFromEarliestState(s: FixedSample, positionSigmaM: number): LaunchEstimate | null {
  const [x, y, z] = s.ecef;
  ecefToGeodetic(geo, s.ecef);
  const lat = geo[0]!;
  const lon = geo[1]!;
  const h = geo[2]!;
  const up = [Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)];
  const [vx, vy, vz] = s.velocity;
  const vUp = vx * up[0]! + vy * up[1]! + vz * up[2]!;
  if (!(vUp > 50) || !(h > 0)) return null;
  const tau = Math.min(300, 2 * (h / vUp));
  // Back along the horizontal velocity by v_h·τ/3, and down to the ground.
  const hx = vx - vUp * up[0]!;
  const hy = vy - vUp * up[1]!;
  const hz = vz - vUp * up[2]!;
  const back = tau / 3;
  const p = Float64Array.of(
    x - hx * back - h * up[0]!,
    y - hy * back - h * up[1]!,
    z - hz * back - h * up[2]!,
  );
  ecefToGeodetic(geo, p);
  const covered = Math.hypot(hx, hy, hz) * back;
  const sigma = Math.max(positionSigmaM, MODEL_ERROR_FRACTION * covered, 1000);
  return {
    timeS: s.tS - tau,
    timeSigmaS: Math.max(3, 0.25 * tau),
    latRad: geo[0]!,
    lonRad: geo[1]!,
    semiMajorM: SCALE95 * sigma,
    semiMinorM: SCALE95 * sigma,
    orientationRad: 0,
    method: 'earliest-state',
  };
}
