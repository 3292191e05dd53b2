// The warning centre's tracker on radar plots: time per scan for 100, 1,000 and 5,000
// objects in mid-course seen by one radar face (Pd 0.95, 20 false plots a scan), after
// the tracks have started and confirmed, and the reports processed per second. The
// target is the issue's: per-scan cost growing no worse than about n log n (exponent
// ≤ 1.2 between 100 and 5,000 objects; n log n itself is 1.16 there). The truth is
// propagated here with the centre's own ballistic model (it is a load, not an oracle).
import { createCentreTracker } from '../src/centre/fusion/centre-tracker.ts';
import { createFlightMotionModel } from '../src/centre/tracking/flight-motion.ts';
import { OMEGA_EARTH } from '../src/physics/constants.ts';
import {
  aerToEcef,
  ecefToAer,
  ecefToEci,
  eciToEcef,
  eciToEcefVelocity,
  geodeticToEcef,
} from '../src/physics/frames.ts';
import { createRng, type Rng } from '../src/physics/random.ts';
import type { RadarReport } from '../src/sensors/report.ts';
import type { BenchRow, BenchSuite } from './harness.ts';

const DEG = Math.PI / 180;
const SCAN_S = 5;
const WARM_SCANS = 5;
const TIMED_SCANS = 8;
const gmst = (t: number) => 0.8 + OMEGA_EARTH * t;
const site = { latRad: 55 * DEG, lonRad: 20 * DEG, hM: 100 };
const siteEcef = geodeticToEcef(new Float64Array(3), site.latRad, site.lonRad, site.hM);
const noise = { sigmaRangeM: 30, sigmaAngleRad: 5e-4, sigmaRangeRateMps: 5 };

/** n bodies spread over the face (azimuth ±50° about north, elevation 5–40°, range 1,000–3,500 km), 5–7 km/s. */
function bodies(n: number, rng: Rng): Float64Array[] {
  const out: Float64Array[] = [];
  const p = new Float64Array(3);
  while (out.length < n) {
    const az = (-50 + 100 * rng.uniform()) * DEG;
    const el = (5 + 35 * rng.uniform()) * DEG;
    const range = 1000e3 + 2500e3 * rng.uniform();
    aerToEcef(p, siteEcef, site.latRad, site.lonRad, az < 0 ? az + 2 * Math.PI : az, el, range);
    const r = ecefToEci(new Float64Array(3), p, gmst(0));
    const rn = Math.hypot(r[0]!, r[1]!, r[2]!);
    if (rn - 6371e3 < 150e3) continue;
    // A horizontal direction at random, plus a little climb or descent.
    const up = [r[0]! / rn, r[1]! / rn, r[2]! / rn];
    const a = [-up[1]!, up[0]!, 0];
    const an = Math.hypot(a[0]!, a[1]!, a[2]!);
    const b = [
      up[1]! * a[2]! - up[2]! * a[1]!,
      up[2]! * a[0]! - up[0]! * a[2]!,
      up[0]! * a[1]! - up[1]! * a[0]!,
    ];
    const heading = 2 * Math.PI * rng.uniform();
    const speed = 5000 + 2000 * rng.uniform();
    const climb = -0.2 + 0.4 * rng.uniform();
    const x = new Float64Array(8);
    for (let k = 0; k < 3; k++) {
      x[k] = r[k]!;
      x[3 + k] =
        speed * ((Math.cos(heading) * a[k]!) / an + (Math.sin(heading) * b[k]!) / an + climb * up[k]!);
    }
    out.push(x);
  }
  return out;
}

function plot(id: string, t: number, x: Float64Array, rng: Rng): RadarReport {
  const g = gmst(t);
  const e = eciToEcef(new Float64Array(3), x, g);
  const v = eciToEcefVelocity(new Float64Array(3), x, x.subarray(3, 6), g);
  const aer = ecefToAer(new Float64Array(3), siteEcef, site.latRad, site.lonRad, e);
  const d = [e[0]! - siteEcef[0]!, e[1]! - siteEcef[1]!, e[2]! - siteEcef[2]!];
  const rate = (d[0]! * v[0]! + d[1]! * v[1]! + d[2]! * v[2]!) / aer[2]!;
  let az = aer[0]! + noise.sigmaAngleRad * rng.normal();
  if (az < 0) az += 2 * Math.PI;
  return {
    kind: 'radar',
    id,
    sensorId: 'r:1',
    radarId: 'r',
    timeS: t,
    site,
    rangeM: aer[2]! + noise.sigmaRangeM * rng.normal(),
    azRad: az,
    elRad: aer[1]! + noise.sigmaAngleRad * rng.normal(),
    rangeRateMps: rate + noise.sigmaRangeRateMps * rng.normal(),
    ...noise,
    snrDb: 15,
    count: 1,
  };
}

function clutter(id: string, t: number, rng: Rng): RadarReport {
  const az = (-50 + 100 * rng.uniform()) * DEG;
  return {
    kind: 'radar',
    id,
    sensorId: 'r:1',
    radarId: 'r',
    timeS: t,
    site,
    rangeM: 1000e3 + 2500e3 * rng.uniform(),
    azRad: az < 0 ? az + 2 * Math.PI : az,
    elRad: (5 + 35 * rng.uniform()) * DEG,
    rangeRateMps: -7000 + 14000 * rng.uniform(),
    ...noise,
    snrDb: 13,
    count: 1,
  };
}

/** Scans of plots for n bodies: scans[k] holds the plots at k·SCAN_S. */
function scene(n: number): RadarReport[][] {
  const rng = createRng(n, 'bench-centre');
  const model = createFlightMotionModel('ballistic');
  const states = bodies(n, rng);
  const scans: RadarReport[][] = [];
  let seq = 0;
  for (let k = 0; k < WARM_SCANS + TIMED_SCANS; k++) {
    const t = k * SCAN_S;
    const scan: RadarReport[] = [];
    for (const x of states) {
      if (rng.uniform() < 0.95) scan.push(plot(`r:1#${seq++}`, t, x, rng));
      model.propagate(x, x, SCAN_S);
    }
    for (let c = 0; c < 20; c++) scan.push(clutter(`r:1#${seq++}`, t, rng));
    scans.push(scan);
  }
  return scans;
}

interface Measured {
  msPerScan: number;
  reportsPerS: number;
  confirmed: number;
}

function measure(n: number): Measured {
  const scans = scene(n);
  const centre = createCentreTracker({ gmst });
  const times: number[] = [];
  let reports = 0;
  let total = 0;
  scans.forEach((scan, k) => {
    const t0 = performance.now();
    centre.ingestBatch(scan, k * SCAN_S);
    const ms = performance.now() - t0;
    if (k >= WARM_SCANS) {
      times.push(ms);
      reports += scan.length;
      total += ms;
    }
  });
  times.sort((a, b) => a - b);
  const last = (scans.length - 1) * SCAN_S;
  const confirmed = centre.picture(last).tracks.filter((t) => t.status === 'confirmed').length;
  return { msPerScan: times[times.length >> 1]!, reportsPerS: (reports / total) * 1000, confirmed };
}

export const suite: BenchSuite = {
  title: 'Warning-centre tracker on radar plots (IMM boost/ballistic EKF, gating by spatial index)',
  run(): BenchRow[] {
    measure(100);
    const sizes = [100, 1000, 5000];
    const results = sizes.map((n) => ({ n, ...measure(n) }));
    const rows: BenchRow[] = results.map((r) => ({
      name: `${r.n.toLocaleString('en')} objects: time per scan (median of ${TIMED_SCANS})`,
      value: r.msPerScan,
      unit: 'ms/scan',
      note: `${Math.round(r.reportsPerS).toLocaleString('en')} reports/s; ${r.confirmed} confirmed tracks`,
    }));
    const first = results[0]!;
    const last = results[results.length - 1]!;
    const middle = results[1]!;
    const exponent = Math.log(last.msPerScan / first.msPerScan) / Math.log(last.n / first.n);
    const upper = Math.log(last.msPerScan / middle.msPerScan) / Math.log(last.n / middle.n);
    rows.push({
      name: 'growth exponent of time per scan, 100 → 5,000 objects',
      value: exponent,
      unit: '',
      target: '≤ 1.2 (n log n ≈ 1.16)',
      met: exponent <= 1.2,
      note: `1,000 → 5,000 alone ${upper.toFixed(2)}`,
    });
    rows.push({
      name: 'reports processed per second at 5,000 objects',
      value: last.reportsPerS,
      unit: 'reports/s',
    });
    return rows;
  },
};
