// The ground truth of a run (GET /api/runs/{id}/truth, for training and replay only)
// against the world flown directly from the scenario file and against the truth labels
// the run stored; and the run's defended territory beside its network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gmstAt } from '../../src/orbits/sidereal.ts';
import { ecefToGeodetic, eciToEcef } from '../../src/physics/frames.ts';
import { greatCircleDistance } from '../../src/physics/geodesy.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { LaunchSpec } from '../../src/scenario/scenario.ts';
import { generateTruth } from '../../src/world/generate.ts';
import { stateAt } from '../../src/world/truth.ts';
import {
  bundled,
  call,
  finished,
  json,
  polar,
  startRun,
  storeScenario,
  type TestService,
  testService,
} from './helpers.ts';

const DEG = Math.PI / 180;
const POLYGON = `  - polygon: [[60, 10], [62, 10], [62, 14], [60, 14]]\n`;

let s: TestService;
let polarRun: string;
let glintRun: string;
beforeAll(async () => {
  s = await testService();
  const polarText = polar(12).replace('defended: [USA]', `defended:\n  - USA\n${POLYGON}`);
  await storeScenario(s, 'polar', polarText);
  await storeScenario(s, 'glint', bundled('incidents/1983-oko-glint'));
  polarRun = (await startRun(s, { scenario: 'polar', mode: 'batch' })).id;
  glintRun = (await startRun(s, { scenario: 'glint', mode: 'batch' })).id;
  await finished(s, polarRun);
  await finished(s, glintRun);
}, 120_000);
afterAll(async () => s.dispose());

describe('the truth of a run', () => {
  it('needs a token, and an observer may read it; an unknown run is 404; a bad spacing 400', async () => {
    json(await call(s.app, 'GET', `/api/runs/${polarRun}/truth`, null), 401);
    json(await call(s.app, 'GET', '/api/runs/none/truth', s.observer), 404);
    const bad = json(await call(s.app, 'GET', `/api/runs/${polarRun}/truth?everyS=0`, s.observer), 400);
    expect(bad.problems[0]).toMatchObject({ source: 'query', path: 'everyS' });
    json(await call(s.app, 'GET', `/api/runs/${polarRun}/truth`, s.observer), 200);
  });

  it("starts each launch's first body at the scenario's launch point and time", async () => {
    const truth = json(await call(s.app, 'GET', `/api/runs/${polarRun}/truth`, s.observer), 200);
    const launches = parseScenario(polar(12), 'polar.yaml').events.filter(
      (e): e is LaunchSpec => e.type === 'launch',
    );
    expect(truth.launches.map((l: { id: string }) => l.id)).toEqual(launches.map((l) => l.id));
    for (const l of launches) {
      const head = truth.objects.find(
        (o: { launchId: string; startTimeS: number }) => o.launchId === l.id && o.startTimeS === l.atS,
      );
      expect(head, l.id).toBeDefined();
      const [tS, latDeg, lonDeg, altKm] = head.samples[0];
      expect(tS).toBe(l.atS);
      // The flight starts on the pad: the first 1 s sample of the flight model is the launch point itself.
      const offKm = greatCircleDistance(latDeg * DEG, lonDeg * DEG, l.from.latRad, l.from.lonRad) / 1000;
      expect(offKm).toBeLessThan(0.1);
      expect(Math.abs(altKm)).toBeLessThan(0.1);
    }
  });

  it("samples every object where the world puts it, every everyS up to the run's end", async () => {
    const truth = json(await call(s.app, 'GET', `/api/runs/${polarRun}/truth?everyS=30`, s.observer), 200);
    const scenario = parseScenario(polar(12), 'polar.yaml');
    const world = generateTruth(scenario);
    expect(truth.objects.map((o: { id: string }) => o.id)).toEqual(
      world.objects.filter((o) => o.samples.t0 <= scenario.durationS).map((o) => o.id),
    );
    const eci = new Float64Array(3);
    const ecef = new Float64Array(3);
    const geo = new Float64Array(3);
    let checked = 0;
    for (const o of truth.objects as Array<{ id: string; samples: number[][]; kind: string }>) {
      const w = world.objects.find((x) => x.id === o.id)!;
      expect(o.kind).toBe(w.kind);
      const times = o.samples.map((p) => p[0]!);
      expect(times[times.length - 1]).toBeLessThanOrEqual(scenario.durationS);
      for (let i = 1; i < times.length - 1; i++) expect(times[i]! - times[i - 1]!).toBeCloseTo(30, 6);
      for (const [tS, latDeg, lonDeg, altKm] of o.samples) {
        expect(stateAt(w, tS!, eci)).toBe(true);
        ecefToGeodetic(geo, eciToEcef(ecef, eci, gmstAt(scenario.epochUnixMs, tS!)));
        expect(latDeg).toBeCloseTo(geo[0]! / DEG, 4);
        expect(lonDeg).toBeCloseTo(geo[1]! / DEG, 4);
        expect(altKm).toBeCloseTo(geo[2]! / 1000, 2);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('places each glint report on the glinting field while it glints, as many as the run stored', async () => {
    const truth = json(await call(s.app, 'GET', `/api/runs/${glintRun}/truth`, s.observer), 200);
    const scenario = parseScenario(bundled('incidents/1983-oko-glint'), '1983-oko-glint.yaml');
    const glint = scenario.events.find((e) => e.type === 'glint')!;
    if (glint.type !== 'glint') throw new Error('the scenario has a glint');
    expect(truth.sources).toEqual([
      expect.objectContaining({ id: glint.id, kind: 'glint', radiusKm: glint.region.radiusM / 1000 }),
    ]);
    const stored = (await s.store.listTruthLabels(glintRun)).filter((l) => l.cause !== 'object');
    const glints = truth.firings.filter((f: { cause: string }) => f.cause === 'glint');
    expect(stored.filter((l) => l.cause === 'glint').length).toBeGreaterThan(0);
    expect(truth.firings.map((f: { reportId: string }) => f.reportId).sort()).toEqual(
      stored.map((l) => l.reportId).sort(),
    );
    expect(truth.firingsThroughS).toBe(scenario.durationS);
    for (const f of glints) {
      expect(f.eventId).toBe(glint.id);
      expect(f.tS).toBeGreaterThanOrEqual(glint.fromS);
      expect(f.tS).toBeLessThanOrEqual(glint.untilS);
      // On the cloud top (12 km) within the field, give or take the sensor's angular noise.
      expect(f.altKm).toBeCloseTo(12, 1);
      const offKm =
        greatCircleDistance(
          f.latDeg * DEG,
          f.lonDeg * DEG,
          glint.region.center.latRad,
          glint.region.center.lonRad,
        ) / 1000;
      expect(offKm).toBeLessThan(glint.region.radiusM / 1000 + 20);
    }
  });

  it('is not part of the picture', async () => {
    const picture = json(
      await call(s.app, 'GET', `/api/runs/${polarRun}/picture?timeS=600`, s.observer),
      200,
    );
    expect(Object.keys(picture).sort()).toEqual(['alerts', 'runId', 'sensors', 'stepS', 'timeS', 'tracks']);
  });
});

describe('the defended territory of a run', () => {
  it("comes with the network, as the scenario's `defended` list wrote it", async () => {
    const net = json(await call(s.app, 'GET', `/api/runs/${polarRun}/network`, s.observer), 200);
    expect(net.defended).toEqual({
      countries: ['USA'],
      polygons: [
        [
          [60, 10],
          [62, 10],
          [62, 14],
          [60, 14],
        ],
      ],
    });
    const glint = json(await call(s.app, 'GET', `/api/runs/${glintRun}/network`, s.observer), 200);
    expect(glint.defended).toEqual({ countries: ['RUS'], polygons: [] });
  });
});
