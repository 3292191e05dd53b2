// A real flight through a cloud deck (DOMAIN.md §3.1, §3.5): the plume is hidden until
// it climbs above the cloud top, and a GEO look-down scanner sees it within a revisit
// or two after that.
import { describe, expect, it } from 'vitest';
import { makeOrbit } from '../../../src/orbits/presets.ts';
import { ecefToGeodetic, eciToEcef } from '../../../src/physics/frames.ts';
import { createRng } from '../../../src/physics/random.ts';
import { parseScenario } from '../../../src/scenario/load.ts';
import { irSensor } from '../../../src/sensors/ir/satellite-sensor.ts';
import { WorldView } from '../../../src/sensors/world-view.ts';
import { generateTruth } from '../../../src/world/generate.ts';
import { phenomenaOf } from '../../../src/world/phenomena.ts';
import { stateAt } from '../../../src/world/truth.ts';
import { collect, KM, uniformWeather } from './fixtures.ts';

const yamlText = `
name: Cloud deck
epoch: 2026-03-20T00:00:00Z
duration: 10m
seed: 5
defended: [USA]
events:
  - type: launch
    id: L1
    class: icbm-solid
    from: [52.0, 104.0]
    to: [38.0, -97.0]
    at: 60s
network:
  preset: none
  satellites:
    - id: geo-100e
      orbit: { geo: { lonDeg: 100 } }
      sensor: { mode: look-down, kind: scanner, revisitS: 10, sigmaMicrorad: 50 }
`;

const scenario = parseScenario(yamlText, 'test.yaml');
const truth = generateTruth(scenario);
const spec = scenario.network.satellites[0]!;
const orbit = makeOrbit(spec.orbit, scenario.epochUnixMs);

function firstSeenS(cloudTopM: number): number {
  const world = new WorldView(truth, phenomenaOf(scenario), uniformWeather(cloudTopM));
  const reports = collect(irSensor(spec, orbit), world, createRng(scenario.seed).split(spec.id));
  const mine = reports.filter((r) => r.label.eventId === 'L1' && r.label.cause === 'object');
  expect(mine.length).toBeGreaterThan(0);
  return mine[0]!.report.timeS;
}

/** When the burning body first climbs above hM (geodetic), from the truth samples, to 0.05 s. */
function clearsAltitudeS(hM: number): number {
  const world = new WorldView(truth, phenomenaOf(scenario), uniformWeather(0));
  const rv = truth.objects.find((o) => o.id === 'L1/rv')!;
  const p = new Float64Array(3);
  const g = new Float64Array(3);
  for (let t = rv.samples.t0; t < rv.samples.t0 + 300; t += 0.05) {
    stateAt(rv, t, p);
    if (ecefToGeodetic(g, eciToEcef(g, p, world.gmst(t)))[2]! > hM) return t;
  }
  throw new Error('never cleared');
}

describe('IR detection through a cloud deck', () => {
  it('a launch under a 12 km cloud top is first seen only after the plume clears 12 km, within a revisit or two', () => {
    const clearS = clearsAltitudeS(12 * KM);
    const seenS = firstSeenS(12 * KM);
    expect(seenS).toBeGreaterThanOrEqual(clearS);
    expect(seenS - clearS).toBeLessThanOrEqual(20);
    // DOMAIN.md §3.5: first detection tens of seconds to ~1 min after launch, plus a revisit.
    expect(seenS - 60).toBeLessThanOrEqual(70);
  });

  it('without the deck the same launch is seen earlier', () => {
    expect(firstSeenS(0)).toBeLessThan(clearsAltitudeS(12 * KM));
  });
});
