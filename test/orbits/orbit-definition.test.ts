// The scenario's normalised OrbitSpec is an OrbitDefinition, in the types and at run
// time: every orbit kind a scenario file can hold becomes a working orbit.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { OrbitDefinition } from '../../src/orbits/orbit.ts';
import { makeOrbit } from '../../src/orbits/presets.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { OrbitSpec } from '../../src/scenario/scenario.ts';

const SCENARIO = `
name: orbit kinds
epoch: 1983-09-25T20:15:00Z
duration: 1h
seed: 1
defended: [USA]
events: []
network:
  preset: none
  satellites:
    - { id: geo, orbit: { geo: { lonDeg: -24 } }, sensor: &ir { mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50 } }
    - { id: heo, orbit: { molniya: { apogeeLonDeg: -100 } }, sensor: *ir }
    - { id: tundra, orbit: { tundra: { apogeeLonDeg: 40 } }, sensor: *ir }
    - { id: leo, orbit: { keplerian: { perigeeKm: 500, apogeeKm: 520, incDeg: 97, raanDeg: 10, argpDeg: 0, meanAnomalyDeg: 0 } }, sensor: *ir }
    - id: iss
      orbit:
        tle:
          - '1 25544U 98067A   19343.69339541  .00001764  00000-0  38792-4 0  9991'
          - '2 25544  51.6439 211.2001 0007417  17.6667  85.6398 15.50103472202482'
      sensor: *ir
`;

describe('OrbitDefinition and the scenario OrbitSpec', () => {
  it('OrbitSpec is assignable to OrbitDefinition', () => {
    expectTypeOf<OrbitSpec>().toExtend<OrbitDefinition>();
    // The check has teeth: a shape the orbits do not know is not a definition.
    expectTypeOf<{ kind: 'geo'; lonDeg: number }>().not.toExtend<OrbitDefinition>();
    const asDefinition = (spec: OrbitSpec): OrbitDefinition => spec;
    expect(asDefinition({ kind: 'geo', lonRad: 0 }).kind).toBe('geo');
  });

  it('every orbit kind of a loaded scenario makes an orbit with a state at the epoch', () => {
    const scenario = parseScenario(SCENARIO, 'orbit-kinds.yaml');
    const network = scenario.network;
    expect(network.satellites.map((s) => s.orbit.kind)).toEqual([
      'geo',
      'molniya',
      'tundra',
      'keplerian',
      'tle',
    ]);
    const pos = new Float64Array(3);
    for (const s of network.satellites) {
      const orbit = makeOrbit(s.orbit, scenario.epochUnixMs);
      expect(orbit.state(pos, null, 0), s.id).toBe(true);
      expect(Math.hypot(pos[0]!, pos[1]!, pos[2]!)).toBeGreaterThan(6.5e6);
      expect(orbit.describe().length).toBeGreaterThan(10);
    }
  });
});
