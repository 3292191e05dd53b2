// IR sensor stage on the reference raid of issue 3: 300 launches within 10 minutes
// (≈1,000 truth objects with spent stages), watched for 45 minutes by 10 IR satellites
// (8 GEO look-down scanners, 2 Molniya limb scanners, 10 s revisit). Rows: the stage's
// wall time and speed relative to real time (target ≥ 60× for the whole sensor stage,
// issue 3, so the IR part should take a small share of it); its work rate in looks ×
// burning objects per second; reports per second. Baseline in the same process: the
// same looks made by walking every object alive at each look (WorldView.forEachAlive)
// and asking whether it burns — the cost the burn index avoids, before any geometry.
import { makeOrbit } from '../src/orbits/presets.ts';
import { createRng } from '../src/physics/random.ts';
import { parseScenario } from '../src/scenario/load.ts';
import { BurnCursor, burnIndexOf } from '../src/sensors/ir/burn-index.ts';
import { irSensor } from '../src/sensors/ir/satellite-sensor.ts';
import type { SensorModel } from '../src/sensors/sensor.ts';
import { WorldView } from '../src/sensors/world-view.ts';
import { generateTruth } from '../src/world/generate.ts';
import { phenomenaOf } from '../src/world/phenomena.ts';
import { burnAt } from '../src/world/truth.ts';
import { type BenchRow, type BenchSuite, medianMs } from './harness.ts';

const RAID = [
  ['A', 'icbm-solid', [55.0, 90.0], [47.5, -111.2]],
  ['B', 'icbm-liquid', [51.1, 59.8], [41.2, -96.0]],
  ['C', 'icbm-solid', [52.0, 104.0], [38.0, -97.0]],
  ['D', 'icbm-liquid', [50.0, 70.0], [40.0, -105.0]],
  ['E', 'icbm-solid', [57.0, 60.0], [44.0, -90.0]],
  ['F', 'icbm-solid', [53.0, 45.0], [39.0, -77.0]],
  ['G', 'slbm', [73.0, 40.0], [44.0, -93.0]],
  ['H', 'slbm', [45.0, -150.0], [36.5, -119.5]],
  ['I', 'slbm', [40.0, -50.0], [40.5, -78.0]],
  ['J', 'icbm-liquid', [48.0, 80.0], [33.0, -112.0]],
] as const;

const GEO_LONGITUDES = [-150, -100, -60, -20, 10, 50, 80, 120];

const yamlText = `
name: Reference raid
epoch: 2026-05-01T12:00:00Z
duration: 45m
seed: 300
defended: [USA]
weather: { cloudTopKm: 3 }
events:
${RAID.map(
  ([id, cls, from, to], i) => `  - type: launch
    id: ${id}
    class: ${cls}
    from: [${from.join(', ')}]
    to: [${to.join(', ')}]
    at: ${i * 2}s
    count: 30
    spacing: 20s`,
).join('\n')}
network:
  preset: none
  satellites:
${GEO_LONGITUDES.map(
  (lon) => `    - id: geo${lon}
      orbit: { geo: { lonDeg: ${lon} } }
      sensor: { mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50 }`,
).join('\n')}
    - id: heo-a
      orbit: { molniya: { apogeeLonDeg: 30, meanAnomalyDeg: 150 } }
      sensor: { mode: limb, kind: scanner, revisitS: 10, sigmaMicrorad: 100 }
    - id: heo-b
      orbit: { molniya: { apogeeLonDeg: -150, meanAnomalyDeg: 330 } }
      sensor: { mode: limb, kind: scanner, revisitS: 10, sigmaMicrorad: 100 }
`;

export const suite: BenchSuite = {
  title: 'IR sensors on the reference raid (300 launches, 10 satellites, 45 min)',
  run(): BenchRow[] {
    const scenario = parseScenario(yamlText, 'bench-ir.yaml');
    const truth = generateTruth(scenario);
    const cloudTopM = scenario.weather?.cloudTopM ?? 0;
    const world = new WorldView(truth, phenomenaOf(scenario), { cloudTopM: () => cloudTopM });
    const sensors: SensorModel[] = scenario.network.satellites.map((s) =>
      irSensor(s, makeOrbit(s.orbit, scenario.epochUnixMs)),
    );
    const revisitS = 10;
    const looks = Math.floor(world.durationS / revisitS) + 1;

    let reports = 0;
    const stage = () => {
      reports = 0;
      const root = createRng(scenario.seed);
      for (const sensor of sensors)
        sensor.simulate(world, root.split(sensor.id), () => {
          reports++;
        });
    };
    const stageMs = medianMs(stage, 5, 1);

    // Looks × burning objects: every satellite's turns, each with the intervals burning in it.
    const index = burnIndexOf(truth);
    let burningLooks = 0;
    for (let s = 0; s < sensors.length; s++) {
      const cursor = new BurnCursor(index);
      for (let k = 0; k < looks; k++) burningLooks += cursor.advance(k * revisitS, (k + 1) * revisitS);
    }

    let sink = 0;
    const naive = () => {
      for (let s = 0; s < sensors.length; s++)
        for (let k = 0; k < looks; k++)
          world.forEachAlive(k * revisitS, (o) => {
            if (burnAt(o, k * revisitS) !== null) sink++;
          });
    };
    const naiveMs = medianMs(naive, 5, 1);
    const realTimeRatio = world.durationS / (stageMs / 1000);
    return [
      {
        name: 'truth objects',
        value: truth.objects.length,
        unit: 'objects',
        note: `${truth.launches.length} launches`,
      },
      {
        name: 'IR stage wall time',
        value: stageMs,
        unit: 'ms',
        note: `${sensors.length} satellites × ${looks} turns; ${reports} reports`,
      },
      {
        name: 'IR stage speed',
        value: realTimeRatio,
        unit: '× real time',
        target: '≥ 60× (whole sensor stage, issue 3)',
        met: realTimeRatio >= 60,
      },
      {
        name: 'looks × burning objects',
        value: burningLooks / (stageMs / 1000),
        unit: '/s',
        note: `${burningLooks} object-looks`,
      },
      { name: 'reports', value: reports / (stageMs / 1000), unit: 'reports/s' },
      {
        name: 'baseline: walk every live object at each look',
        value: naiveMs,
        unit: 'ms',
        note: `no geometry at all; IR stage with culling = ${(stageMs / naiveMs).toFixed(2)}× it (${sink > 0 ? 'checked' : 'empty'})`,
      },
    ];
  },
};
