// The network runner: seeded and independent streams, disabled sensors, the scenario's
// false alarms and faults, and every bundled scenario seen by the default network.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/scenario/input-error.ts';
import { loadScenarioFile, parseScenario } from '../../src/scenario/load.ts';
import { openNetwork, simulateNetwork } from '../../src/sensors/run-network.ts';
import { generateTruth } from '../../src/world/generate.ts';

const BASE = `name: network test
epoch: 2026-05-01T12:00:00Z
duration: 25m
seed: 5
defended: [USA]
events:
  - { type: launch, id: L1, class: slbm, from: [40.0, -50.0], to: [40.5, -78.0], at: 60s }
`;

function run(text: string, seed = 5) {
  const s = parseScenario(text, 'test.yaml');
  return simulateNetwork(s, generateTruth(s), seed);
}

function reportsOf(r: ReturnType<typeof run>, sensorId: string) {
  return r.reports.filter((x) => x.sensorId === sensorId);
}

describe('sensor network runner', () => {
  const base = run(BASE);

  it('sees a real launch with both phenomenologies on the default network', () => {
    const causes = base.labels.filter((l) => l.cause === 'object');
    expect(base.reports.some((r, i) => r.kind === 'ir' && base.labels[i]!.cause === 'object')).toBe(true);
    expect(base.reports.some((r, i) => r.kind === 'radar' && base.labels[i]!.cause === 'object')).toBe(true);
    expect(causes.every((l) => l.objectId?.startsWith('L1/'))).toBe(true);
  });

  it('merges every sensor stream in time order', () => {
    for (let i = 1; i < base.reports.length; i++)
      expect(base.reports[i]!.timeS).toBeGreaterThanOrEqual(base.reports[i - 1]!.timeS);
    expect(base.labels.map((l) => l.reportId)).toEqual(base.reports.map((r) => r.id));
  });

  it('gives identical reports for the same seed and different ones for another seed', () => {
    expect(run(BASE)).toEqual(base);
    expect(run(BASE, 6).reports).not.toEqual(base.reports);
  });

  it('adding a sensor leaves every other sensor’s reports unchanged', () => {
    const more = run(`${BASE}network:
  satellites:
    - id: extra-geo
      orbit: { geo: { lonDeg: -60 } }
      sensor: { mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50 }
`);
    expect(reportsOf(more, 'extra-geo').length).toBeGreaterThan(0);
    for (const id of new Set(base.reports.map((r) => r.sensorId)))
      expect(reportsOf(more, id)).toEqual(reportsOf(base, id));
  });

  it('a disabled sensor reports nothing, and an unknown id is a located error', () => {
    const off = run(`${BASE}network: { disable: [geo-e10, cape-cod] }\n`);
    expect(reportsOf(off, 'geo-e10')).toEqual([]);
    expect(off.reports.filter((r) => r.kind === 'radar' && r.radarId === 'cape-cod')).toEqual([]);
    expect(reportsOf(base, 'geo-e10').length).toBeGreaterThan(0);
    expect(() => run(`${BASE}network: { disable: [geo-e11] }\n`)).toThrow(InputError);
    try {
      run(`${BASE}network: { disable: [geo-e11] }\n`);
    } catch (e) {
      expect((e as InputError).problems[0]!.message).toMatch(
        /no sensor 'geo-e11' in this network — did you mean 'geo-e10'\?/,
      );
    }
  });

  it('adds Poisson false alarms at the stated rate on the named sensor', () => {
    const r = run(`${BASE}  - { type: false-alarms, id: F1, sensor: geo-w80, ratePerHour: 600 }\n`);
    const alarms = r.labels.filter((l) => l.cause === 'false-alarm');
    // 600/h over 25 min: mean 250; 4σ band.
    expect(Math.abs(alarms.length - 250)).toBeLessThan(4 * Math.sqrt(250));
    expect(alarms.every((l) => l.eventId === 'F1' && l.reportId.startsWith('geo-w80#'))).toBe(true);
  });

  it('an outage empties the window; a stuck feed repeats its last report', () => {
    const outage = run(
      `${BASE}  - { type: sensor-fault, id: X1, sensor: geo-e10, kind: outage, from: 0s, until: 25m }\n`,
    );
    expect(reportsOf(outage, 'geo-e10')).toEqual([]);
    const first = reportsOf(base, 'geo-e10')[0]!;
    const stuck = run(
      `${BASE}  - { type: sensor-fault, id: X2, sensor: geo-e10, kind: stuck, from: ${Math.ceil(first.timeS) + 1}s, until: 20m }\n`,
    );
    const copies = stuck.reports.filter((_, i) => stuck.labels[i]!.cause === 'fault-stuck');
    expect(copies.length).toBeGreaterThan(10);
    for (const c of copies) {
      expect(c.kind).toBe('ir');
      if (c.kind === 'ir' && first.kind === 'ir') expect(c.losEci).toEqual(first.losEci);
    }
  });

  it('a replay fault feeds a full attack into one sensor only (1979)', () => {
    const r = run(
      `${BASE}  - { type: sensor-fault, id: TAPE, sensor: geo-w80, kind: replay, source: exercise-attack, from: 2m, until: 25m }\n`,
    );
    const replayed = r.reports.filter((_, i) => r.labels[i]!.cause === 'fault-replay');
    expect(replayed.length).toBeGreaterThan(20);
    expect(new Set(replayed.map((x) => x.sensorId))).toEqual(new Set(['geo-w80']));
    expect(replayed.every((x) => x.timeS >= 120)).toBe(true);
  });

  it('a corrupt-count fault sends counts of 2, 200 or 2000 (1980)', () => {
    const r = run(
      `${BASE}  - { type: sensor-fault, id: CHIP, sensor: thule, kind: corrupt-count, from: 0s, until: 25m }\n`,
    );
    const garbled = r.reports.filter((_, i) => r.labels[i]!.cause === 'fault-corrupt');
    expect(garbled.length).toBeGreaterThan(5);
    for (const g of garbled) expect([2, 200, 2000]).toContain(g.count);
    expect(
      r.reports.filter((_, i) => r.labels[i]!.cause !== 'fault-corrupt').every((x) => x.count === 1),
    ).toBe(true);
  });
});

describe('the network simulated on demand (openNetwork)', () => {
  // False alarms and a stuck feed on two sensors (simulated whole), the rest scan by scan.
  const text = `${BASE}  - { type: false-alarms, id: F1, sensor: geo-w80, ratePerHour: 600 }
  - { type: sensor-fault, id: X1, sensor: thule, kind: stuck, from: 5m, until: 20m }
`;
  const scenario = parseScenario(text, 'test.yaml');
  const truth = generateTruth(scenario);
  const whole = simulateNetwork(scenario, truth, 5);

  it('holds, after advance(t), exactly the reports of simulateNetwork up to t, in its order', () => {
    const feed = openNetwork(scenario, truth, 5);
    for (const t of [0, 59.5, 60, 97.25, 300, 301, 900, 1500]) {
      feed.advance(t);
      const upTo = whole.reports.filter((r) => r.timeS <= t);
      expect(feed.reports.map((r) => r.id)).toEqual(upTo.map((r) => r.id));
      expect(feed.labels).toEqual(whole.labels.slice(0, upTo.length));
    }
    expect(feed.reports.length).toBeGreaterThan(100);
  });

  it('gives the whole run, report for report, when advanced past the end', () => {
    const feed = openNetwork(scenario, truth, 5);
    feed.advance(Number.POSITIVE_INFINITY);
    expect(feed.reports).toEqual(whole.reports);
    expect(feed.labels).toEqual(whole.labels);
    expect(feed.sensors).toEqual(whole.sensors);
  });
});

describe('the default network', () => {
  const dir = join(import.meta.dirname, '../../scenarios');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.yaml'))) {
    it(`sees something of every launch in ${file}`, () => {
      const s = loadScenarioFile(join(dir, file));
      const truth = generateTruth(s);
      const r = simulateNetwork(s, truth, s.seed);
      for (const l of truth.launches) {
        const seen = r.labels.some((x) => x.cause === 'object' && x.objectId?.startsWith(`${l.eventId}/`));
        expect(seen, l.eventId).toBe(true);
      }
    });
  }
});
