// A live run's truth, as the service answers it (src/analysis/export/truth-view.ts on a
// flown scenario), turned into the CZML the truth layer draws: every flight along its
// samples in CZML's [lon, lat, metres] order, launch and impact markers, the glint
// field while it glints, and each false report for a while after it.
import { describe, expect, it } from 'vitest';
import { truthObjectsView, truthSourcesView } from '../../../src/analysis/export/truth-view.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { generateTruth } from '../../../src/world/generate.ts';
import { isTruthPacket } from '../../../web/src/data/czml-scene.ts';
import { FIRING_SHOWN_S, truthCzml } from '../../../web/src/data/truth-czml.ts';
import type { Truth } from '../../../web/src/data/types.ts';

const scenario = parseScenario(
  `name: truth
epoch: 2026-05-01T12:00:00Z
duration: 15m
defended: [USA]
events:
  - { type: launch, id: L1, class: slbm, from: [40.0, -50.0], to: [40.5, -78.0], at: 60s }
  - type: glint
    id: G1
    region: { center: [47.0, -105.0], radiusKm: 300 }
    from: 2m
    until: 5m
`,
  'truth.yaml',
);
const { launches, objects } = truthObjectsView(generateTruth(scenario), 10);
const truth: Truth = {
  runId: 'r1',
  epoch: scenario.epochIso,
  durationS: scenario.durationS,
  everyS: 10,
  launches,
  objects,
  sources: truthSourcesView(scenario),
  firings: [
    {
      tS: 150,
      cause: 'glint',
      eventId: 'G1',
      sensorId: 'geo-w100',
      reportId: 'geo-w100#7',
      latDeg: 47.2,
      lonDeg: -104.5,
      altKm: 3,
    },
  ],
  firingsThroughS: 900,
  firingsTruncated: false,
};
interface Packet {
  id: string;
  availability?: string;
  properties?: Record<string, unknown>;
  position: { epoch?: string; cartographicDegrees: number[] };
  ellipse?: { semiMajorAxis: number };
}
const packets = truthCzml(truth) as unknown as Packet[];
const byId = new Map(packets.map((p) => [p.id, p]));
const at = (tS: number) => new Date(Date.parse(scenario.epochIso) + tS * 1000).toISOString();

describe('the truth of a live run as CZML', () => {
  it('starts with the document packet and draws every flight along its samples', () => {
    expect(packets[0]!.id).toBe('document');
    expect(objects.length).toBeGreaterThan(1);
    for (const o of objects) {
      const p = byId.get(o.id)!;
      expect(p.properties).toMatchObject({ kind: o.kind, eventId: 'L1' });
      const c = p.position.cartographicDegrees as number[];
      expect(c.length).toBe(4 * o.samples.length);
      const t0 = o.samples[0]![0];
      expect(p.position.epoch).toBe(at(t0));
      o.samples.forEach(([tS, latDeg, lonDeg, altKm], i) => {
        expect(c.slice(4 * i, 4 * i + 4)).toEqual([tS - t0, lonDeg, latDeg, altKm * 1000]);
      });
      expect(p.availability).toBe(`${at(t0)}/${at(o.samples[o.samples.length - 1]![0])}`);
      expect(isTruthPacket(p as never)).toBe(true);
    }
  });

  it('marks the true launch point and each warhead’s impact', () => {
    const launch = byId.get('launch/L1')!;
    expect(launch.position.cartographicDegrees).toEqual([-50, 40, 0]);
    const rvs = objects.filter((o) => o.kind === 'rv');
    expect(rvs.length).toBe(1);
    const impact = byId.get(`impact/${rvs[0]!.id}`)!;
    expect(impact.position.cartographicDegrees).toEqual([rvs[0]!.impact!.lonDeg, rvs[0]!.impact!.latDeg, 0]);
  });

  it('shows the glint field while it glints and each false report for a while after it', () => {
    const field = byId.get('source/G1')!;
    expect(field.availability).toBe(`${at(120)}/${at(300)}`);
    expect(field.ellipse?.semiMajorAxis).toBe(300_000);
    expect(field.position.cartographicDegrees).toEqual([-105, 47, 0]);
    const firing = byId.get('firing/geo-w100#7')!;
    expect(firing.availability).toBe(`${at(150)}/${at(150 + FIRING_SHOWN_S)}`);
    expect(firing.position.cartographicDegrees).toEqual([-104.5, 47.2, 3000]);
    expect(firing.properties).toEqual({ cause: 'glint' });
  });
});
