// Synthetic truth and sensor reports for the centre's tests, written independently of
// the code under test: gravity (point mass + J2, Vallado §8.6.1) and an RK4 integrator
// are spelled out here; radar plots go through src/physics/frames (ECEF AER), not the
// centre's ECI measurement model; noise comes from the project RNG.
import { OMEGA_EARTH } from '../../src/physics/constants.ts';
import { ecefToAer, eciToEcef, eciToEcefVelocity, geodeticToEcef } from '../../src/physics/frames.ts';
import type { Rng } from '../../src/physics/random.ts';
import type { IrReport, RadarReport } from '../../src/sensors/report.ts';

const MU = 3.986004418e14;
const RE = 6378137;
const J2 = 1.08262998905e-3;

/** Point mass + J2 acceleration (m/s²) at r (m), written out for the tests. */
export function testGravity(r: readonly number[]): [number, number, number] {
  const [x, y, z] = r as [number, number, number];
  const r2 = x * x + y * y + z * z;
  const rn = Math.sqrt(r2);
  const k = -MU / (r2 * rn);
  const j = (-1.5 * J2 * MU * RE * RE) / (r2 * r2 * rn);
  const zz = (5 * z * z) / r2;
  return [k * x + j * x * (1 - zz), k * y + j * y * (1 - zz), k * z + j * z * (3 - zz)];
}

export interface TruthState {
  t: number;
  r: [number, number, number];
  v: [number, number, number];
}

/**
 * A body in free flight (no drag) sampled every `sampleS` from t0 to t1 (backwards when
 * t1 < t0): RK4 with `stepS` sub-steps on testGravity. `extra(t, r, v)` adds an
 * acceleration (thrust).
 */
export function flyBallistic(
  r0: ArrayLike<number>,
  v0: ArrayLike<number>,
  t0: number,
  t1: number,
  sampleS = 1,
  stepS = 0.05,
  extra?: (t: number, r: number[], v: number[]) => number[],
): TruthState[] {
  const f = (t: number, y: number[]): number[] => {
    const g = testGravity(y.slice(0, 3));
    const a = extra ? extra(t, y.slice(0, 3), y.slice(3, 6)) : [0, 0, 0];
    return [y[3]!, y[4]!, y[5]!, g[0] + a[0]!, g[1] + a[1]!, g[2] + a[2]!];
  };
  const dir = t1 >= t0 ? 1 : -1;
  let y = [r0[0]!, r0[1]!, r0[2]!, v0[0]!, v0[1]!, v0[2]!];
  let t = t0;
  const out: TruthState[] = [];
  const push = () => out.push({ t, r: [y[0]!, y[1]!, y[2]!], v: [y[3]!, y[4]!, y[5]!] });
  push();
  const sub = Math.round(sampleS / stepS);
  const h = (dir * sampleS) / sub;
  while (dir * (t1 - t) > 1e-9) {
    for (let s = 0; s < sub; s++) {
      const k1 = f(t, y);
      const k2 = f(
        t + h / 2,
        y.map((v, i) => v + (h / 2) * k1[i]!),
      );
      const k3 = f(
        t + h / 2,
        y.map((v, i) => v + (h / 2) * k2[i]!),
      );
      const k4 = f(
        t + h,
        y.map((v, i) => v + h * k3[i]!),
      );
      y = y.map((v, i) => v + (h / 6) * (k1[i]! + 2 * (k2[i]! + k3[i]!) + k4[i]!));
      t += h;
    }
    t = Math.round(t / sampleS) * sampleS;
    push();
  }
  return out;
}

/** The truth sample at time t (t must be on the sample grid). */
export function sampleAt(track: TruthState[], t: number): TruthState {
  const s = track.find((p) => Math.abs(p.t - t) < 1e-6);
  if (!s) throw new Error(`no truth sample at ${t}`);
  return s;
}

/** GMST as a function of seconds after an epoch whose GMST is gmst0. */
export function gmstFunction(gmst0 = 1.234): (t: number) => number {
  return (t) => gmst0 + OMEGA_EARTH * t;
}

export interface RadarSite {
  latRad: number;
  lonRad: number;
  hM: number;
}

export interface RadarNoise {
  sigmaRangeM: number;
  sigmaAngleRad: number;
  /** Null: the face does not measure range rate. */
  sigmaRangeRateMps: number | null;
}

/** A radar plot of a target at ECI (r, v) seen from a site, through ECEF AER, with noise. */
export function radarPlot(
  id: string,
  sensorId: string,
  t: number,
  site: RadarSite,
  r: ArrayLike<number>,
  v: ArrayLike<number>,
  gmst: number,
  noise: RadarNoise,
  rng: Rng | null,
): RadarReport {
  const siteEcef = geodeticToEcef(new Float64Array(3), site.latRad, site.lonRad, site.hM);
  const tEcef = eciToEcef(new Float64Array(3), r, gmst);
  const vEcef = eciToEcefVelocity(new Float64Array(3), r, v, gmst);
  const aer = ecefToAer(new Float64Array(3), siteEcef, site.latRad, site.lonRad, tEcef);
  const d = [tEcef[0]! - siteEcef[0]!, tEcef[1]! - siteEcef[1]!, tEcef[2]! - siteEcef[2]!];
  const range = Math.hypot(d[0]!, d[1]!, d[2]!);
  const rate = (d[0]! * vEcef[0]! + d[1]! * vEcef[1]! + d[2]! * vEcef[2]!) / range;
  const n = () => (rng ? rng.normal() : 0);
  let az = aer[0]! + noise.sigmaAngleRad * n();
  if (az < 0) az += 2 * Math.PI;
  if (az >= 2 * Math.PI) az -= 2 * Math.PI;
  return {
    kind: 'radar',
    id,
    sensorId,
    radarId: sensorId.split(':')[0]!,
    timeS: t,
    site: { ...site },
    rangeM: range + noise.sigmaRangeM * n(),
    azRad: az,
    elRad: aer[1]! + noise.sigmaAngleRad * n(),
    rangeRateMps: noise.sigmaRangeRateMps === null ? null : rate + noise.sigmaRangeRateMps * n(),
    sigmaRangeM: noise.sigmaRangeM,
    sigmaAngleRad: noise.sigmaAngleRad,
    sigmaRangeRateMps: noise.sigmaRangeRateMps,
    snrDb: 20,
    count: 1,
  };
}

/** Position (ECI m) of a geostationary satellite over longitude lonRad at GMST gmst. */
export function geoPosition(lonRad: number, gmst: number): [number, number, number] {
  const a = 42164170;
  return [a * Math.cos(lonRad + gmst), a * Math.sin(lonRad + gmst), 0];
}

/** A unit vector perpendicular to u, and a second one completing the frame (independent of the centre's basis). */
function perpendicularPair(u: readonly number[]): [number[], number[]] {
  const ref = Math.abs(u[2]!) < 0.9 ? [0, 0, 1] : [1, 0, 0];
  const a = [
    u[1]! * ref[2]! - u[2]! * ref[1]!,
    u[2]! * ref[0]! - u[0]! * ref[2]!,
    u[0]! * ref[1]! - u[1]! * ref[0]!,
  ];
  const an = Math.hypot(a[0]!, a[1]!, a[2]!);
  const a1 = a.map((c) => c / an);
  const b = [
    u[1]! * a1[2]! - u[2]! * a1[1]!,
    u[2]! * a1[0]! - u[0]! * a1[2]!,
    u[0]! * a1[1]! - u[1]! * a1[0]!,
  ];
  return [a1, b];
}

/** An IR line-of-sight report from an observer to a source at ECI r, with angular noise σ per axis. */
export function irReport(
  id: string,
  sensorId: string,
  t: number,
  observer: ArrayLike<number>,
  r: ArrayLike<number>,
  sigmaRad: number,
  rng: Rng | null,
  intensity = 1,
): IrReport {
  const d = [r[0]! - observer[0]!, r[1]! - observer[1]!, r[2]! - observer[2]!];
  const dn = Math.hypot(d[0]!, d[1]!, d[2]!);
  const u = d.map((c) => c / dn);
  const [a, b] = perpendicularPair(u);
  const na = rng ? sigmaRad * rng.normal() : 0;
  const nb = rng ? sigmaRad * rng.normal() : 0;
  const w = u.map((c, i) => c + na * a[i]! + nb * b[i]!);
  const wn = Math.hypot(w[0]!, w[1]!, w[2]!);
  return {
    kind: 'ir',
    id,
    sensorId,
    timeS: t,
    observerEci: [observer[0]!, observer[1]!, observer[2]!],
    losEci: [w[0]! / wn, w[1]! / wn, w[2]! / wn],
    azRad: 0,
    elRad: 0,
    sigmaRad,
    intensity,
    count: 1,
  };
}

/** ECI position of a point fixed on the Earth (geodetic lat, lon rad, h m) at GMST gmst. */
export function earthFixedEci(
  latRad: number,
  lonRad: number,
  hM: number,
  gmst: number,
): [number, number, number] {
  const e = geodeticToEcef(new Float64Array(3), latRad, lonRad, hM);
  const c = Math.cos(gmst);
  const s = Math.sin(gmst);
  return [c * e[0]! - s * e[1]!, s * e[0]! + c * e[1]!, e[2]!];
}

/** ECI velocity of a point fixed on the Earth at ECI position r: ω × r. */
export function earthFixedVelocity(r: readonly number[]): [number, number, number] {
  return [-OMEGA_EARTH * r[1]!, OMEGA_EARTH * r[0]!, 0];
}
