// Declared variations: parsing, and what each does to the normalised scenario.
import { describe, expect, it } from 'vitest';
import {
  applyVariations,
  describeVariation,
  parseVariations,
} from '../../../src/analysis/montecarlo/variations.ts';
import { InputError } from '../../../src/scenario/input-error.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { resolveNetwork } from '../../../src/sensors/network.ts';

const SCENARIO = parseScenario(
  `
name: Variations
epoch: 2026-05-01T12:00:00Z
duration: 30m
seed: 3
defended: [USA]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [55, 90], to: [40, -95], at: 60s }
  - { type: launch, id: S1, class: slbm, from: [35, -55], to: [38.9, -77], at: 29m, count: 3, spacing: 20s }
  - { type: glint, id: G1, region: { center: [47, -105], radiusKm: 600 }, intensity: 2 }
network:
  preset: us-uk
  degrade: [{ id: beale, pdFactor: 0.5 }, { id: 'thule:2', sigmaFactor: 2 }]
`,
  'variations.yaml',
);

describe('parsing --vary', () => {
  it('reads ranges, single values and comma-separated lists', () => {
    const v = parseVariations([
      'noise=0.5..2,pd=0.9',
      'cloud-top=8..14',
      'launch-time=120',
      'outage=0.05',
      'glint=1..3',
    ]);
    expect(v).toEqual([
      { kind: 'noise', min: 0.5, max: 2 },
      { kind: 'pd', min: 0.9, max: 0.9 },
      { kind: 'cloud-top', minKm: 8, maxKm: 14 },
      { kind: 'launch-time', spreadS: 120 },
      { kind: 'outage', probability: 0.05 },
      { kind: 'glint', min: 1, max: 3 },
    ]);
    expect(v.map(describeVariation)).toEqual([
      'noise=0.5..2',
      'pd=0.9',
      'cloud-top=8..14',
      'launch-time=120',
      'outage=0.05',
      'glint=1..3',
    ]);
  });

  it.each([
    ['wind=3', /expected one of/],
    ['pd=0.5..1.2', /\[0, 1\]/],
    ['noise=2..1', /upwards/],
    ['outage=', /needs a value/],
    ['cloud-top=a..b', /a number or a range/],
    ['pd=0.9,pd=1', /declared twice/],
  ])('refuses %s', (text, message) => {
    expect(() => parseVariations([text])).toThrow(InputError);
    expect(() => parseVariations([text])).toThrow(message);
  });
});

describe('applying variations to a scenario', () => {
  it('no variation leaves the scenario as it is', () => {
    expect(applyVariations(SCENARIO, [], 1)).toEqual({ scenario: SCENARIO, drawn: {} });
  });

  it('pd multiplies every face of a radar and every satellite, on top of the scenario degrade', () => {
    const { scenario, drawn } = applyVariations(SCENARIO, parseVariations(['pd=0.6..0.8']), 42);
    const net = resolveNetwork(scenario.network);
    const f = drawn.pd!['beale']!;
    expect(f).toBeGreaterThanOrEqual(0.6);
    expect(f).toBeLessThanOrEqual(0.8);
    expect(net.degraded.get('beale:1')!.pdFactor).toBeCloseTo(0.5 * f, 3);
    expect(net.degraded.get('beale:2')!.pdFactor).toBeCloseTo(0.5 * f, 3);
    // thule:2 keeps its noise factor and gets the Pd draw of its radar.
    expect(net.degraded.get('thule:2')).toMatchObject({ sigmaFactor: 2 });
    expect(net.degraded.get('thule:2')!.pdFactor).toBeCloseTo(drawn.pd!['thule']!, 3);
    const satellites = net.satellites.map((s) => s.id);
    for (const id of satellites) expect(net.degraded.get(id)!.pdFactor).toBeCloseTo(drawn.pd![id]!, 3);
    expect(Object.keys(drawn.pd!).sort()).toEqual([...satellites, ...net.radars.map((r) => r.id)].sort());
  });

  it('noise multiplies the σ factor and leaves Pd alone', () => {
    const { scenario, drawn } = applyVariations(SCENARIO, parseVariations(['noise=2']), 7);
    const net = resolveNetwork(scenario.network);
    expect(drawn.noise!['thule']).toBe(2);
    expect(net.degraded.get('thule:2')).toMatchObject({ sigmaFactor: 4, pdFactor: 1 });
    expect(net.degraded.get('beale:1')).toMatchObject({ sigmaFactor: 2, pdFactor: 0.5 });
  });

  it('outage with probability 1 switches every sensor off, with 0 none', () => {
    const all = applyVariations(SCENARIO, parseVariations(['outage=1']), 5);
    const net = resolveNetwork(all.scenario.network);
    expect(net.satellites).toEqual([]);
    expect(net.radars).toEqual([]);
    expect(applyVariations(SCENARIO, parseVariations(['outage=0']), 5).drawn.outages).toEqual([]);
  });

  it('outage switches off about the stated share of sensors over many runs', () => {
    let out = 0;
    let units = 0;
    for (let seed = 0; seed < 200; seed++) {
      const { drawn } = applyVariations(SCENARIO, parseVariations(['outage=0.25']), seed);
      out += drawn.outages!.length;
      units += 11; // us-uk: 5 satellites and 6 radars
    }
    // Binomial(2200, 0.25): σ ≈ 20.3, so 3σ ≈ 61.
    expect(Math.abs(out - 0.25 * units)).toBeLessThan(61);
  });

  it('cloud-top sets the deck for the run', () => {
    const { scenario, drawn } = applyVariations(SCENARIO, parseVariations(['cloud-top=9..9']), 1);
    expect(drawn.cloudTopKm).toBe(9);
    expect(scenario.weather).toEqual({ cloudTopM: 9000, regions: [] });
  });

  it('launch-time moves each launch within ±S and keeps a salvo inside the run', () => {
    for (let seed = 0; seed < 50; seed++) {
      const { scenario, drawn } = applyVariations(SCENARIO, parseVariations(['launch-time=300']), seed);
      const [l1, s1] = scenario.events.filter((e) => e.type === 'launch');
      expect(Math.abs(l1!.atS - 60)).toBeLessThanOrEqual(300);
      expect(l1!.atS).toBeGreaterThanOrEqual(0);
      // S1: three launches 20 s apart must end before 30 min.
      expect(s1!.atS + 40).toBeLessThan(1800);
      expect(Object.keys(drawn.launchShiftS!)).toEqual(['L1', 'S1']);
    }
  });

  it('glint multiplies each glint field’s intensity', () => {
    const { scenario, drawn } = applyVariations(SCENARIO, parseVariations(['glint=3']), 1);
    const g = scenario.events.filter((e) => e.type === 'glint');
    expect(g[0]!.intensity).toBe(6);
    expect(drawn.glint).toEqual({ G1: 3 });
  });

  it('draws depend on the run seed only, and one variation does not move another’s draws', () => {
    const a = applyVariations(SCENARIO, parseVariations(['pd=0.5..1']), 9).drawn;
    const b = applyVariations(SCENARIO, parseVariations(['pd=0.5..1']), 9).drawn;
    const c = applyVariations(SCENARIO, parseVariations(['noise=1..2,pd=0.5..1,outage=0.3']), 9).drawn;
    const d = applyVariations(SCENARIO, parseVariations(['pd=0.5..1']), 10).drawn;
    expect(b).toEqual(a);
    expect(c.pd).toEqual(a.pd);
    expect(d.pd).not.toEqual(a.pd);
  });

  it('does not change the scenario it was given', () => {
    const before = JSON.stringify(SCENARIO);
    applyVariations(
      SCENARIO,
      parseVariations(['noise=1..2,pd=0.5..1,outage=0.3,launch-time=60,glint=2,cloud-top=5..9']),
      1,
    );
    expect(JSON.stringify(SCENARIO)).toBe(before);
  });
});
