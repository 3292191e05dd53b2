// The sensor stage on the reference raid (issue 3): 300 launches, ~1,000 objects, 10
// IR satellites, 12 radar faces, 45 min. Target: the sensor stage at least 60× faster
// than real time on one core, with visibility culling. Baseline in the same process:
// generating the raid's truth (the stage before it).
import { simulateNetwork } from '../src/sensors/run-network.ts';
import { generateTruth } from '../src/world/generate.ts';
import { type BenchRow, type BenchSuite, peakRssMb } from './harness.ts';
import { referenceRaid } from './reference-raid.ts';

export const suite: BenchSuite = {
  title: 'Sensor stage on the reference raid (issue 3)',
  run(): BenchRow[] {
    const scenario = referenceRaid();
    const t0 = performance.now();
    const truth = generateTruth(scenario);
    const t1 = performance.now();
    simulateNetwork(scenario, truth, 1); // warm-up
    const t2 = performance.now();
    const run = simulateNetwork(scenario, truth, scenario.seed);
    const t3 = performance.now();
    const sensorS = (t3 - t2) / 1000;
    const realTime = scenario.durationS / sensorS;
    const sats = run.sensors.filter((s) => s.kind === 'ir').length;
    const faces = run.sensors.length - sats;
    return [
      {
        name: `sensor stage: ${truth.objects.length} objects, ${sats} IR satellites, ${faces} radar faces, 45 min`,
        value: realTime,
        unit: '× real time',
        target: '≥ 60× real time',
        met: realTime >= 60,
        note: `${(sensorS * 1000).toFixed(0)} ms wall, ${run.reports.length} reports (${Math.round(run.reports.length / sensorS)} reports/s); first run incl. JIT ${((t2 - t1) / 1000).toFixed(2)} s`,
      },
      {
        name: 'truth generation for the same raid (300 launches shaped and flown)',
        value: (t1 - t0) / 1000,
        unit: 's',
        note: `${truth.objects.length} objects`,
      },
      { name: 'peak memory (process RSS)', value: peakRssMb(), unit: 'MB' },
    ];
  },
};
