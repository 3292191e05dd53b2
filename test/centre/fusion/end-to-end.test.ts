// End to end with the real sensor models: a solid ICBM (world model) watched by the
// default network (src/sensors: geostationary and HEO IR satellites, early-warning radar
// faces with their noise, clutter and detection physics), every report fed to the
// centre as a run would. The truth labels, which the centre never sees, are the oracle.
import { describe, expect, it } from 'vitest';
import { createCentreTracker } from '../../../src/centre/fusion/centre-tracker.ts';
import type { LineageJson } from '../../../src/centre/fusion/picture.ts';
import { gmstAt } from '../../../src/orbits/sidereal.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { simulateNetwork } from '../../../src/sensors/run-network.ts';
import { generateTruth } from '../../../src/world/generate.ts';

const scenario = parseScenario(
  `name: e2e
epoch: 2026-05-01T12:00:00Z
duration: 40m
seed: 7
defended: [USA]
events:
  - type: launch
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [40.0, -100.0]
    at: 60s
`,
  'e2e.yaml',
);
const truth = generateTruth(scenario);
const run = simulateNetwork(scenario, truth, 7);
const labelOf = new Map(run.reports.map((r, i) => [r.id, run.labels[i]!]));
const fromL1 = (id: string) => labelOf.get(id)?.eventId === 'L1' && labelOf.get(id)?.cause === 'object';

describe('end to end: an ICBM against the default network', () => {
  const centre = createCentreTracker({ gmst: (t) => gmstAt(scenario.epochUnixMs, t) });
  // The latest lineage of every 3-D track, sampled every minute (deleted tracks keep their last).
  const lineages = new Map<string, LineageJson>();
  let next = 60;
  for (const r of run.reports) {
    centre.ingest(r);
    if (r.timeS < next) continue;
    next += 60;
    for (const t of centre.picture(r.timeS).tracks) lineages.set(t.id, t.lineage);
  }
  for (const t of centre.picture(scenario.durationS).tracks) lineages.set(t.id, t.lineage);
  const summary = centre.summary();
  const irRuns = run.reports.filter((r) => r.kind === 'ir' && fromL1(r.id));

  it('the network sees the launch in IR and the flight on radar, among radar clutter', () => {
    expect(irRuns.length).toBeGreaterThan(20);
    expect(run.reports.filter((r) => r.kind === 'radar' && fromL1(r.id)).length).toBeGreaterThan(200);
    expect(run.labels.filter((l) => l.cause === 'clutter').length).toBeGreaterThan(500);
  });

  it('an IR stereo track starts within 30 s of the first detection, every IR report in it from the launch', () => {
    const irTracks = [...lineages.entries()].filter(([, l]) => l.ir !== null);
    expect(irTracks.length).toBeGreaterThan(0);
    const [, first] = irTracks[0]!;
    expect(first.ir!.firstTimeS - irRuns[0]!.timeS).toBeLessThan(30);
    for (const id of first.reportIds)
      if (id.startsWith('geo') || id.startsWith('heo')) expect(fromL1(id)).toBe(true);
  });

  it('one track fuses IR satellites and radar faces, with the agreement of the two recorded', () => {
    const fused = [...lineages.values()].filter((l) => l.ir !== null && l.radar !== null);
    expect(fused.length).toBeGreaterThanOrEqual(1);
    const best = fused.reduce((a, b) => (a.reportIds.length >= b.reportIds.length ? a : b));
    const sensors = best.sensors.map((s) => s.phenomenology);
    expect(sensors.filter((p) => p === 'ir').length).toBeGreaterThanOrEqual(2);
    expect(sensors.filter((p) => p === 'radar').length).toBeGreaterThanOrEqual(1);
    expect(best.agreements.length).toBeGreaterThan(0);
    // Its reports are the launch's, not clutter.
    const own = best.reportIds.filter(fromL1).length;
    expect(own / best.reportIds.length).toBeGreaterThan(0.95);
  });

  it('no track joins the two phenomenologies on anything but the launch, and clutter confirms at most one track', () => {
    for (const l of lineages.values()) {
      if (l.ir !== null && l.radar !== null)
        expect(l.reportIds.filter(fromL1).length / l.reportIds.length).toBeGreaterThan(0.9);
    }
    const clutterTracks = summary.filter((row) => {
      const l = lineages.get(row.id);
      return l !== undefined && l.reportIds.filter(fromL1).length < l.reportIds.length / 2;
    });
    expect(clutterTracks.length).toBeLessThanOrEqual(1);
  });

  it('the summary rows are plain JSON in the run summary shape', () => {
    expect(summary.length).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
    for (const row of summary) {
      expect(Object.keys(row).sort()).toEqual(['classification', 'firstTimeS', 'id', 'lastTimeS', 'sensors']);
      expect(row.classification).toBe('unclassified');
    }
  });
});
