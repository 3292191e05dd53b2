// The picture routes (replay at any time) against what the run itself produced: the
// stored steps read back directly from the store, the reports the sensors made, and
// the scenario's own network.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNetwork } from '../../src/analysis/live/network-view.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import {
  call,
  finished,
  json,
  polar,
  startRun,
  storeScenario,
  type TestService,
  testService,
} from './helpers.ts';

let s: TestService;
let runId: string;
beforeAll(async () => {
  s = await testService();
  await storeScenario(s, 'polar', polar(12));
  runId = (await startRun(s, { scenario: 'polar', mode: 'batch' })).id;
  await finished(s, runId);
});
afterAll(async () => s.dispose());

describe('the picture of a run at a time', () => {
  it('is the stored state of the last step at or before the time', async () => {
    const p = json(await call(s.app, 'GET', `/api/runs/${runId}/picture?timeS=403`, s.observer), 200);
    expect(p).toMatchObject({ runId, timeS: 403, stepS: 400 });
    expect(p.tracks).toEqual(await s.store.tracksAt(runId, 400));
    const stored = await s.store.alertsAt(runId, 400);
    expect(p.alerts.map(({ operator: _, ...a }: { operator: unknown }) => a)).toEqual(stored);
    expect(p.alerts.length).toBeGreaterThan(0);
  });

  it('is empty before the first step', async () => {
    const p = json(await call(s.app, 'GET', `/api/runs/${runId}/picture?timeS=4`, s.observer), 200);
    expect(p).toMatchObject({ stepS: null, tracks: [], alerts: [] });
    expect(
      p.sensors.every((x: { state: string; reports: number }) => x.state === 'idle' && x.reports === 0),
    ).toBe(true);
  });

  it('gives tracks, alerts and sensors alone at the same time', async () => {
    const whole = json(await call(s.app, 'GET', `/api/runs/${runId}/picture?timeS=600`, s.observer), 200);
    const tracks = json(await call(s.app, 'GET', `/api/runs/${runId}/tracks?timeS=600`, s.observer), 200);
    const alerts = json(await call(s.app, 'GET', `/api/runs/${runId}/alerts?timeS=600`, s.observer), 200);
    const sensors = json(await call(s.app, 'GET', `/api/runs/${runId}/sensors?timeS=600`, s.observer), 200);
    expect(tracks.tracks).toEqual(whole.tracks);
    expect(alerts.alerts).toEqual(whole.alerts);
    expect(sensors.sensors).toEqual(whole.sensors);
  });

  it("counts each sensor's reports up to the time, as the store lists them", async () => {
    const sensors = json(await call(s.app, 'GET', `/api/runs/${runId}/sensors?timeS=500`, s.observer), 200);
    const reports = await s.store.listReports(runId, { toS: 500 });
    const expected = new Map<string, number>();
    for (const r of reports) expected.set(r.sensorId, (expected.get(r.sensorId) ?? 0) + 1);
    for (const x of sensors.sensors) expect(x.reports, x.id).toBe(expected.get(x.id) ?? 0);
    expect([...expected.keys()].every((id) => sensors.sensors.some((x: { id: string }) => x.id === id))).toBe(
      true,
    );
  });

  it('lists one alert with its stored history', async () => {
    const [first] = await s.store.alertsAt(runId);
    const detail = json(await call(s.app, 'GET', `/api/runs/${runId}/alerts/${first!.id}`, s.observer), 200);
    expect(detail.history).toEqual(await s.store.alertHistory(runId, first!.id));
    expect(detail.alert).toMatchObject({ id: first!.id, level: first!.level });
    json(await call(s.app, 'GET', `/api/runs/${runId}/alerts/A999`, s.observer), 404);
  });

  it("draws the run's network: every sensor the scenario has, fans closed", async () => {
    const net = json(await call(s.app, 'GET', `/api/runs/${runId}/network`, s.observer), 200);
    const scenario = parseScenario(polar(12), 'polar.yaml');
    const sensors = runNetwork(scenario).network;
    expect(net.satellites.map((x: { id: string }) => x.id)).toEqual(sensors.satellites.map((x) => x.id));
    expect(net.radars.map((x: { id: string }) => x.id)).toEqual(sensors.radars.map((x) => x.id));
    // Ground tracks every minute over the 12 minutes: 13 points from T+0.
    for (const sat of net.satellites)
      expect(sat.track.map((p: number[]) => p[0])).toEqual([...Array(13).keys()].map((k) => 60 * k));
    for (const face of net.radars.flatMap((r: { faces: Array<{ fan: number[][] }> }) => r.faces))
      expect(face.fan[0]).toEqual(face.fan[face.fan.length - 1]);
  });

  it('lists reports in a range and counts them per sensor in bins', async () => {
    const all = await s.store.listReports(runId);
    const some = json(
      await call(s.app, 'GET', `/api/runs/${runId}/reports?fromS=100&toS=200`, s.observer),
      200,
    );
    expect(some.truncated).toBe(false);
    expect(some.reports).toEqual(all.filter((r) => r.timeS >= 100 && r.timeS <= 200));
    const counts = json(
      await call(s.app, 'GET', `/api/runs/${runId}/report-counts?binS=120`, s.observer),
      200,
    );
    expect(counts.bins).toBe(6);
    let total = 0;
    for (const [sensor, row] of Object.entries(counts.counts as Record<string, number[]>)) {
      expect(row.length).toBe(6);
      const mine = all.filter((r) => r.sensorId === sensor);
      const expected = [0, 1, 2, 3, 4, 5].map(
        (k) => mine.filter((r) => Math.min(5, Math.floor(r.timeS / 120)) === k).length,
      );
      expect(row).toEqual(expected);
      total += row.reduce((a, b) => a + b, 0);
    }
    expect(total).toBe(all.length);
  });

  it('answers 404 for an unknown run and 400 for a bad time', async () => {
    for (const path of ['picture', 'tracks', 'alerts', 'sensors', 'network', 'reports', 'report-counts'])
      json(await call(s.app, 'GET', `/api/runs/none/${path}`, s.observer), 404);
    const bad = json(await call(s.app, 'GET', `/api/runs/${runId}/picture?timeS=-3`, s.observer), 400);
    expect(bad.problems[0]).toMatchObject({ source: 'query', path: 'timeS' });
    json(await call(s.app, 'GET', `/api/runs/${runId}/picture?at=3`, s.observer), 400);
    json(await call(s.app, 'GET', `/api/runs/${runId}/picture`, null), 401);
  });
});
