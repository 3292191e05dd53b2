// The recorded scene carries the centre's tracks as a live run shows them: each step's
// position, status and classification in a `track/<id>` packet equal the live
// stepper's picture at that step (src/analysis/live, what `vigil serve` streams);
// recording leaves the run summary unchanged; the defended territory is in the scene.
import { describe, expect, it } from 'vitest';
import { sceneCzml } from '../../../src/analysis/export/czml.ts';
import { RunStepper } from '../../../src/analysis/live/run-stepper.ts';
import { runScenario } from '../../../src/analysis/run-scenario.ts';
import { parseScenario } from '../../../src/scenario/load.ts';

const text = `name: recorded tracks
epoch: 2026-05-01T12:00:00Z
duration: 8m
seed: 5
defended:
  - USA
  - polygon: [[60, 10], [62, 10], [62, 14]]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [55.0, 90.0], to: [40.0, -95.0], at: 60s }
`;
const scenario = parseScenario(text, 'recorded.yaml');
const recorded = runScenario(scenario, { recordTracks: true });
const czml = sceneCzml(recorded.truth, scenario.name, recorded.sensors, recorded.summary.alerts, {
  tracks: recorded.tracks,
  defended: scenario.defended,
});

interface TrackPacket {
  id: string;
  position: { epoch: string; cartographicDegrees: number[] };
  properties: {
    trackKind: Array<{ interval: string; string: string }>;
    status: Array<{ interval: string; string: string }>;
    classification: Array<{ interval: string; string: string }>;
  };
}

const epochMs = Date.parse(scenario.epochIso);
const secondsOf = (iso: string) => (Date.parse(iso) - epochMs) / 1000;

/** The interval value at tS (intervals hold from their start until the next one starts). */
function valueAt(list: Array<{ interval: string; string: string }>, tS: number): string | undefined {
  let value: string | undefined;
  for (const x of list) if (secondsOf(x.interval.split('/')[0]!) <= tS) value = x.string;
  return value;
}

describe('the centre’s tracks in the scene', () => {
  it('hold, at every step, the position, status and classification the live picture showed', () => {
    const packets = new Map(
      (czml as unknown as TrackPacket[])
        .filter((p) => p.id.startsWith('track/'))
        .map((p) => [p.id.slice(6), p]),
    );
    const stepper = new RunStepper(scenario, { seed: recorded.seed });
    let compared = 0;
    while (!stepper.done) {
      stepper.step();
      const tS = stepper.timeS;
      for (const live of stepper.tracks()) {
        const at = live.position ?? (live.groundPoint ? { ...live.groundPoint, altKm: 0 } : null);
        if (!at) continue;
        const p = packets.get(live.id);
        expect(p, live.id).toBeDefined();
        const c = p!.position.cartographicDegrees;
        const t0 = secondsOf(p!.position.epoch);
        const i = c.findIndex((v, k) => k % 4 === 0 && Math.abs(t0 + v - tS) < 1e-6);
        expect(i, `${live.id} at ${tS}`).toBeGreaterThanOrEqual(0);
        expect(c[i + 1]).toBeCloseTo(at.lonDeg, 4);
        expect(c[i + 2]).toBeCloseTo(at.latDeg, 4);
        expect(c[i + 3]! / 1000).toBeCloseTo(at.altKm, 0);
        expect(valueAt(p!.properties.status, tS)).toBe(live.status);
        expect(valueAt(p!.properties.classification, tS)).toBe(live.classification);
        expect(valueAt(p!.properties.trackKind, tS)).toBe(live.kind);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(50);
    // And no sample the live picture did not show.
    let samples = 0;
    for (const p of packets.values()) samples += p.position.cartographicDegrees.length / 4;
    expect(samples).toBe(compared);
  });

  it('leave the run summary as it is without them', () => {
    expect(JSON.stringify(runScenario(scenario).summary)).toBe(JSON.stringify(recorded.summary));
  });
});

describe('the defended territory in the scene', () => {
  it('names each country and outlines each polygon, closed', () => {
    const defended = (czml as Array<Record<string, unknown>>).filter((p) =>
      String(p['id']).startsWith('defended/'),
    );
    expect(defended.map((p) => p['properties'])).toEqual([
      { defended: 'country', country: 'USA' },
      { defended: 'polygon' },
    ]);
    const line = defended[1]!['polyline'] as { positions: { cartographicDegrees: number[] } };
    expect(line.positions.cartographicDegrees).toEqual([10, 60, 0, 10, 62, 0, 14, 62, 0, 10, 60, 0]);
  });
});
