// Radar sensor-stage cost on the reference raid of issue 3: 334 launches within 10 min
// (1,002 objects: an RV on a full arc and two spent stages per launch) from central
// Russia at the US, watched for 45 min by 12 faces at the §4.2 sites (Clear, Thule,
// Fylingdales, Beale, Cape Cod, Cavalier). The arcs are kinematic stand-ins (great
// circle, parabolic height, 1,200 km apogee), sampled at 1 s like generated truth: the
// radar's cost depends on how many objects are alive and in view, not on the flight
// model. Rows: the 12 faces with visibility culling; baseline in the same process, the
// same faces looking at every object every scan (cull off, identical reports).
// Target: the sensor stage (IR and radar) runs ≥ 60× faster than real time on one core;
// the radar row states its share of that budget.

import { gmstAt } from '../src/orbits/sidereal.ts';
import { ecefToEci, geodeticToEcef } from '../src/physics/frames.ts';
import { createRng } from '../src/physics/random.ts';
import type { RadarFaceSpec, RadarSpec } from '../src/scenario/scenario.ts';
import { RadarFace } from '../src/sensors/radar/face.ts';
import { WorldView } from '../src/sensors/world-view.ts';
import type { TruthKind, TruthObject } from '../src/world/truth.ts';
import { type BenchRow, type BenchSuite, medianMs } from './harness.ts';

const D = Math.PI / 180;
const EPOCH_MS = Date.UTC(2026, 4, 1, 12);
const DURATION_S = 45 * 60;
const R = 6371e3;
const LAUNCHES = 334;

/** A kinematic arc from (lat, lon) to (lat, lon): great circle, parabolic height, ECI samples every second. */
function arc(
  id: string,
  kind: TruthKind,
  from: [number, number],
  to: [number, number],
  launchS: number,
  flightS: number,
  endFraction: number,
): TruthObject {
  const a = geodeticToEcef(new Float64Array(3), from[0] * D, from[1] * D, 0).map((x) => x / R);
  const b = geodeticToEcef(new Float64Array(3), to[0] * D, to[1] * D, 0).map((x) => x / R);
  const na = Math.hypot(a[0]!, a[1]!, a[2]!);
  const nb = Math.hypot(b[0]!, b[1]!, b[2]!);
  const omega = Math.acos((a[0]! * b[0]! + a[1]! * b[1]! + a[2]! * b[2]!) / (na * nb));
  const end = Math.min(DURATION_S, launchS + endFraction * flightS);
  const count = Math.floor(end - launchS) + 1;
  const position = new Float64Array(3 * count);
  const velocity = new Float64Array(3 * count);
  const ecef = new Float64Array(3);
  const eci = new Float64Array(3);
  for (let i = 0; i < count; i++) {
    const s = i / flightS;
    const wa = Math.sin((1 - s) * omega) / Math.sin(omega) / na;
    const wb = Math.sin(s * omega) / Math.sin(omega) / nb;
    const radius = R + 4 * 1200e3 * s * (1 - s);
    for (let k = 0; k < 3; k++) ecef[k] = radius * (wa * a[k]! + wb * b[k]!);
    ecefToEci(eci, ecef, gmstAt(EPOCH_MS, launchS + i));
    position.set(eci, 3 * i);
  }
  // Velocities by differences of the samples, plus nothing else: the bench needs motion, not dynamics.
  for (let i = 0; i < count; i++) {
    const lo = Math.max(0, i - 1);
    const hi = Math.min(count - 1, i + 1);
    for (let k = 0; k < 3; k++)
      velocity[3 * i + k] = hi > lo ? (position[3 * hi + k]! - position[3 * lo + k]!) / (hi - lo) : 0;
  }
  return {
    id,
    kind,
    eventId: id.split('/')[0]!,
    vehicleClass: 'icbm-solid',
    launchTimeS: launchS,
    startTimeS: launchS,
    impactTimeS: null,
    samples: { t0: launchS, dt: 1, count, tEnd: launchS + count - 1, position, velocity },
    burns: [],
    milestones: [],
    rcsM2: kind === 'rv' ? 0.01 : kind === 'booster-stage' ? 5 : 1,
    betaKgM2: 1000,
  };
}

function raid(): WorldView {
  const rng = createRng(2026, 'bench-raid');
  const objects: TruthObject[] = [];
  for (let i = 0; i < LAUNCHES; i++) {
    const from: [number, number] = [50 + 10 * rng.uniform(), 55 + 45 * rng.uniform()];
    const to: [number, number] = [33 + 15 * rng.uniform(), -122 + 47 * rng.uniform()];
    const launchS = 600 * rng.uniform();
    const flightS = 1700 + 300 * rng.uniform();
    objects.push(arc(`L${i}/rv`, 'rv', from, to, launchS, flightS, 1));
    objects.push(arc(`L${i}/s1`, 'booster-stage', from, to, launchS, flightS, 0.15));
    objects.push(arc(`L${i}/s2`, 'booster-stage', from, to, launchS, flightS, 0.6));
  }
  return new WorldView(
    { epochUnixMs: EPOCH_MS, durationS: DURATION_S, launches: [], objects },
    { glints: [], heatSources: [] },
    { cloudTopM: () => 0 },
  );
}

function face(id: string, boresightDeg: number, maxRangeKm: number, halfWidthDeg = 60): RadarFaceSpec {
  return {
    id,
    boresightRad: boresightDeg * D,
    halfWidthRad: halfWidthDeg * D,
    minElevationRad: 3 * D,
    maxElevationRad: 85 * D,
    maxRangeM: maxRangeKm * 1e3,
    band: 'UHF',
    revisitS: 5,
    rangeSigmaM: 150,
    angleSigmaRad: 0.1 * D,
    refSnrDb: null,
    refRangeM: null,
    rejectFoldedEchoes: true,
    unambiguousRangeM: null,
  };
}

function radar(id: string, latDeg: number, lonDeg: number, faces: RadarFaceSpec[]): RadarSpec {
  return { id, site: { latRad: latDeg * D, lonRad: lonDeg * D, altM: 0 }, faces };
}

// DOMAIN.md §4.2 sites and derived boresights.
const RADARS: RadarSpec[] = [
  radar('clear', 64.291, -149.187, [face('clear:1', 244, 5556), face('clear:2', 4, 5556)]),
  radar('thule', 76.57, -68.299, [face('thule:1', 357, 5556), face('thule:2', 117, 5556)]),
  radar('fylingdales', 54.362, -0.67, [
    face('fyl:1', 0, 4800),
    face('fyl:2', 120, 4800),
    face('fyl:3', 240, 4800),
  ]),
  radar('beale', 39.136, -121.351, [face('beale:1', 186, 5556), face('beale:2', 306, 5556)]),
  radar('capecod', 41.755, -70.539, [face('capecod:1', 47, 5556), face('capecod:2', 167, 5556)]),
  radar('cavalier', 48.725, -97.9, [face('cavalier:1', 8, 3300, 70)]),
];

interface Counts {
  objects: number;
  clutter: number;
}

function runAll(world: WorldView, cull: boolean): Counts {
  const counts = { objects: 0, clutter: 0 };
  const root = createRng(7);
  for (const r of RADARS) {
    for (const f of r.faces) {
      new RadarFace(r, f, { cull }).simulate(world, root.split(f.id), (_report, label) => {
        if (label.cause === 'object') counts.objects++;
        else counts.clutter++;
      });
    }
  }
  return counts;
}

/** Object looks the faces would make without culling: Σ over faces and scans of objects alive. */
function looksWithoutCulling(world: WorldView): number {
  let looks = 0;
  for (const r of RADARS) {
    for (const f of r.faces) {
      const phase = createRng(7).split(f.id).split('phase').uniform() * f.revisitS;
      for (let t = phase; t <= DURATION_S; t += f.revisitS) world.forEachAlive(t, () => looks++);
    }
  }
  return looks;
}

export const suite: BenchSuite = {
  title: 'Radar faces: 12 faces × 1,002 objects × 45 min (reference raid)',
  run(): BenchRow[] {
    const world = raid();
    const faces = RADARS.reduce((n, r) => n + r.faces.length, 0);
    const looks = looksWithoutCulling(world);
    let counts: Counts = { objects: 0, clutter: 0 };
    const culledMs = medianMs(
      () => {
        counts = runAll(world, true);
      },
      5,
      1,
    );
    const reports = counts.objects + counts.clutter;
    const bruteMs = medianMs(() => runAll(world, false), 3, 1);
    const realTime = DURATION_S / (culledMs / 1000);
    // The whole sensor stage must run ≥ 60× real time: a 45 s budget for 45 min.
    const budgetShare = culledMs / ((DURATION_S / 60) * 1000);
    return [
      {
        name: `${faces} faces, culled: wall time`,
        value: culledMs,
        unit: 'ms',
        note: `${reports} reports (${counts.objects} of objects, ${counts.clutter} false plots): ${Math.round(reports / (culledMs / 1000))} reports/s`,
      },
      {
        name: 'object looks (faces × alive objects × scans) per second',
        value: looks / (culledMs / 1000),
        unit: 'looks/s',
        note: `${looks} looks in the run; brute force ${Math.round(looks / (bruteMs / 1000))} looks/s`,
      },
      {
        name: 'radar stage vs real time',
        value: realTime,
        unit: '× real time',
        target: '≥ 60× for the whole sensor stage',
        met: realTime >= 60,
        note: `radar uses ${(100 * budgetShare).toFixed(1)} % of the 60× budget (45 s)`,
      },
      {
        name: 'culling speed-up over looking at every object every scan',
        value: bruteMs / culledMs,
        unit: '×',
        note: `baseline (cull off, same reports) ${bruteMs.toFixed(0)} ms`,
      },
    ];
  },
};
