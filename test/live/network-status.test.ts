// The network as the console draws it lists the sensors the simulator runs, in its
// order; sensor statuses follow the reports received, by hand-counted cases.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { networkView, runNetwork } from '../../src/analysis/live/network-view.ts';
import { SensorTally, sensorStatuses } from '../../src/analysis/live/sensor-status.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { SensorReport } from '../../src/sensors/report.ts';
import type { SensorInfo } from '../../src/sensors/run-network.ts';
import { simulateNetwork } from '../../src/sensors/run-network.ts';
import { generateTruth } from '../../src/world/generate.ts';

const text = readFileSync(resolve(import.meta.dirname, '../../scenarios/polar-icbm.yaml'), 'utf8').replace(
  /^duration: .*$/m,
  'duration: 5m',
);

describe("a run's network", () => {
  it('has the sensors the simulator runs, in its order, with their revisit times', () => {
    const scenario = parseScenario(text, 'polar.yaml');
    const simulated = simulateNetwork(scenario, generateTruth(scenario), 7).sensors;
    const listed = runNetwork(scenario).sensors;
    expect(listed.map((s) => [s.id, s.kind, s.radarId ?? null, s.revisitS])).toEqual(
      simulated.map((s) => [s.id, s.kind, s.radarId ?? null, s.revisitS]),
    );
  });

  it('draws each satellite over the run and each radar face as a closed fan from its site', () => {
    const scenario = parseScenario(text, 'polar.yaml');
    const view = networkView(scenario, runNetwork(scenario), 60);
    expect(view.satellites.length).toBeGreaterThan(0);
    for (const sat of view.satellites)
      expect(sat.track.map((p) => p[0])).toEqual([0, 60, 120, 180, 240, 300]);
    for (const radar of view.radars)
      for (const face of radar.faces) {
        expect(face.fan[0]).toEqual([radar.site.lonDeg, radar.site.latDeg]);
        expect(face.fan.at(-1)).toEqual(face.fan[0]);
      }
  });
});

function report(sensorId: string, timeS: number): SensorReport {
  return { kind: 'ir', id: `${sensorId}#${timeS}`, sensorId, timeS } as SensorReport;
}

describe('sensor statuses', () => {
  const sensors: SensorInfo[] = [
    { id: 'sat-a', kind: 'ir', revisitS: 10 },
    { id: 'sat-b', kind: 'ir', revisitS: 30 },
    { id: 'site:1', kind: 'radar', radarId: 'site', revisitS: 5 },
    { id: 'site:2', kind: 'radar', radarId: 'site', revisitS: 5 },
  ];
  const tally = new SensorTally();
  tally.add([
    report('sat-a', 10),
    report('sat-a', 20),
    report('sat-b', 15),
    report('site:1', 100),
    report('site:1', 90),
  ]);

  it('count each sensor’s reports and keep the latest time', () => {
    const at = sensorStatuses(sensors, tally, new Set(), 100);
    expect(at.map((s) => [s.id, s.reports, s.lastReportS])).toEqual([
      ['sat-a', 2, 20],
      ['sat-b', 1, 15],
      ['site:1', 2, 100],
      ['site:2', 0, null],
    ]);
  });

  it('are active within three revisits (at least a minute) of the last report, quiet after, idle before any', () => {
    // sat-a: 3 × 10 s < 60 s, so active until 80 s; sat-b: 3 × 30 s = 90 s, until 105 s.
    const states = (t: number) => sensorStatuses(sensors, tally, new Set(), t).map((s) => s.state);
    expect(states(80)).toEqual(['active', 'active', 'active', 'idle']);
    expect(states(81)).toEqual(['quiet', 'active', 'active', 'idle']);
    expect(states(106)).toEqual(['quiet', 'quiet', 'active', 'idle']);
  });

  it('flag a sensor the centre holds inconsistent, and every face of a flagged radar', () => {
    expect(sensorStatuses(sensors, tally, new Set(['sat-b']), 100).map((s) => s.flagged)).toEqual([
      false,
      true,
      false,
      false,
    ]);
    expect(sensorStatuses(sensors, tally, new Set(['site']), 100).map((s) => s.flagged)).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
