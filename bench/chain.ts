// The whole chain on the reference raid (issue 5): truth, sensors, tracking and
// assessment of 300 launches watched for 45 minutes. Target: at least 30× faster than
// real time on one core. Baseline in the same process: the sensor stage alone.
import { runScenario } from '../src/analysis/run-scenario.ts';
import { simulateNetwork } from '../src/sensors/run-network.ts';
import { generateTruth } from '../src/world/generate.ts';
import { type BenchRow, type BenchSuite, peakRssMb } from './harness.ts';
import { referenceRaid } from './reference-raid.ts';

export const suite: BenchSuite = {
  title: 'Whole chain on the reference raid (issue 5)',
  run(): BenchRow[] {
    const scenario = referenceRaid();
    const t0 = performance.now();
    const run = runScenario(scenario);
    const t1 = performance.now();
    const truth = generateTruth(scenario);
    const t2 = performance.now();
    simulateNetwork(scenario, truth, scenario.seed);
    const t3 = performance.now();
    const wallS = (t1 - t0) / 1000;
    const ratio = scenario.durationS / wallS;
    const warned = run.summary.alerts.filter((a) => a.level === 'attack-warning').length;
    return [
      {
        name: 'truth + sensors + tracking + assessment, 300 launches, 45 min',
        value: ratio,
        unit: '× real time',
        target: '≥ 30× real time',
        met: ratio >= 30,
        note: `${wallS.toFixed(1)} s wall; ${run.summary.reports.total} reports, ${run.summary.tracks.length} tracks, ${run.summary.alerts.length} alerts (${warned} attack-warning)`,
      },
      {
        name: 'of which truth and sensors (baseline stages)',
        value: (t3 - t1) / 1000,
        unit: 's',
        note: `truth ${((t2 - t1) / 1000).toFixed(2)} s, sensors ${((t3 - t2) / 1000).toFixed(2)} s`,
      },
      { name: 'peak memory (process RSS)', value: peakRssMb(), unit: 'MB' },
    ];
  },
};
