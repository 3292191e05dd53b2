// A run fed from outside (issue 6): the polar ICBM's scenario without its launch, so
// the service simulates only the sensor network's clutter, and a feed publishing on the
// bus the reports the same network makes of the launch (made here, by the repo's own
// simulation, as a recorded or third-party feed would send them). The centre fed that
// way must raise the alerts of the simulated run of the launch; malformed messages go
// to the dead-letter subject with the reason while the run goes on; reports for steps
// already computed are counted late; the run never takes its own published reports
// back; and a run continued by another process rebuilds from the stored fed reports,
// not the bus.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import type { DeadLetter } from '../../src/bus/dead-letter.ts';
import { bytesText, jsonBytes, type MessageBus } from '../../src/bus/message-bus.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { SensorReport } from '../../src/sensors/report.ts';
import { simulateNetwork } from '../../src/sensors/run-network.ts';
import { feedConsumerName } from '../../src/server/runs/feed-intake.ts';
import type { RunView } from '../../src/server/runs/run-events.ts';
import { generateTruth } from '../../src/world/generate.ts';
import {
  call,
  finished,
  json,
  polar,
  runView,
  startRun,
  storeScenario,
  type TestService,
  testService,
  waitFor,
} from './helpers.ts';
import { connectStream } from './stream-client.ts';

const MINUTES = 10;
const launchText = polar(MINUTES);
const quietText = launchText.replace(/^events:[\s\S]*$/m, 'events: []\n');
const launch = parseScenario(launchText, 'polar.yaml');
const network = simulateNetwork(launch, generateTruth(launch), launch.seed);
/** The launch's reports: what the network saw of real objects (its clutter the service makes itself). */
const launchReports = network.reports.filter((_, i) => network.labels[i]!.cause === 'object');
const batchAlerts = runScenario(launch).summary.alerts;

const dir = mkdtempSync(join(tmpdir(), 'vigil-feed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function publish(bus: MessageBus, reports: readonly SensorReport[]): Promise<void> {
  for (const r of reports) await bus.publish(bus.subjects.report(r.sensorId), jsonBytes(r), { msgId: r.id });
}

async function feedCounts(
  s: TestService,
  id: string,
  received: number,
): Promise<NonNullable<RunView['feed']>> {
  return waitFor(`${received} feed messages`, async () => {
    const feed = (await runView(s, id)).feed!;
    return feed.received >= received ? feed : null;
  });
}

describe('a run fed by an external feed', () => {
  it('raises the alerts of the simulated launch from the fed reports, dead-letters the malformed and goes on', async () => {
    const s = await testService();
    try {
      await storeScenario(s, 'quiet', quietText);
      expect(runScenario(parseScenario(quietText, 'quiet.yaml')).summary.alerts).toEqual([]);
      const run = await startRun(s, { scenario: 'quiet', feed: true, paused: true });
      expect(run.parameters).toMatchObject({ feed: true, feedQueueLimit: 100_000 });
      expect(run.feed).toMatchObject({ received: 0, accepted: 0, queueLimit: 100_000 });
      const c = await connectStream(s.app, s.observer);
      c.send({ type: 'subscribe', runId: run.id });
      await c.next('snapshot');
      const dead: DeadLetter[] = [];
      await s.bus.consume(s.bus.subjects.deadLetter, 'test-dead', async (m) => {
        dead.push(JSON.parse(bytesText(m.data)));
      });

      expect(
        launchReports.some((r) => r.kind === 'ir') && launchReports.some((r) => r.kind === 'radar'),
      ).toBe(true);
      const ir = launchReports.find((r) => r.kind === 'ir')!;
      const radar = launchReports.find((r) => r.kind === 'radar')!;
      await publish(s.bus, launchReports.slice(0, 100));
      // Kilometres for metres, a report on another sensor's subject, and not JSON.
      await s.bus.publish(
        s.bus.subjects.report(ir.sensorId),
        jsonBytes({
          ...ir,
          id: 'km',
          observerEci: ir.kind === 'ir' ? ir.observerEci.map((x) => x / 1000) : [],
        }),
        { msgId: 'km' },
      );
      await s.bus.publish(s.bus.subjects.report(ir.sensorId), jsonBytes({ ...radar, id: 'elsewhere' }), {
        msgId: 'elsewhere',
      });
      await s.bus.publish(s.bus.subjects.report(ir.sensorId), new TextEncoder().encode('{"kind": "ir",'), {
        msgId: 'cut',
      });
      await publish(s.bus, launchReports.slice(100));
      const n = launchReports.length;
      const before = await feedCounts(s, run.id, n + 3);
      expect(before).toMatchObject({
        received: n + 3,
        accepted: n,
        queued: n,
        fed: 0,
        malformed: 3,
        late: 0,
      });

      await waitFor('three dead letters', async () => dead.length >= 3);
      const byId = new Map(dead.map((d) => [d.msgId, d]));
      expect([...byId.keys()].sort()).toEqual(['cut', 'elsewhere', 'km']);
      for (const d of dead) expect(d.consumer).toBe(feedConsumerName(run.id));
      expect(byId.get('km')!.problems.map((p) => p.path)).toEqual(['observerEci']);
      expect(byId.get('km')!.reason).toMatch(/metres/);
      expect(byId.get('elsewhere')!.problems.map((p) => p.path)).toEqual(['sensorId']);
      expect(byId.get('cut')!.reason).toMatch(/not valid JSON/);

      json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
      const end = await finished(s, run.id);
      expect(end.feed).toMatchObject({ accepted: n, fed: n, queued: 0, late: 0, dropped: 0 });

      // Every fed report stored with the step its time falls in, under its feed id.
      const stored = await s.store.listReports(run.id);
      const fed = stored.filter((r) => r.id.startsWith('feed/'));
      expect(fed.map((r) => r.id).sort()).toEqual(launchReports.map((r) => `feed/${r.id}`).sort());
      expect(stored.length).toBe(network.reports.length);

      const alerts = await s.store.alertsAt(run.id);
      expect(batchAlerts.some((a) => a.level === 'attack-warning')).toBe(true);
      expect(alerts.map((a) => [a.level, a.timeS])).toEqual(batchAlerts.map((a) => [a.level, a.timeS]));
      expect(alerts).toEqual(batchAlerts);
    } finally {
      await s.dispose();
    }
  });

  it('counts reports for steps already computed late, and never takes the run’s own reports back', async () => {
    const s = await testService();
    try {
      await storeScenario(s, 'quiet', quietText);
      const run = await startRun(s, { scenario: 'quiet', feed: true, paused: true });
      const own: string[] = [];
      await s.bus.consume(s.bus.subjects.allReports, 'test-own', async (m) => {
        if (m.msgId.startsWith(`run/${run.id}/`)) own.push(m.msgId);
      });
      json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 120 }), 200);
      const published = (await s.store.listReports(run.id)).length;
      expect(published).toBeGreaterThan(0);
      await waitFor('the run’s own reports on the bus', async () => own.length >= published);

      // Behind the run's own reports in the stream: once it is counted, they were all passed over.
      const early = launchReports.filter((r) => r.timeS <= 120);
      const later = launchReports.filter((r) => r.timeS > 120);
      await publish(s.bus, early);
      await publish(s.bus, later.slice(0, 1));
      const counts = await feedCounts(s, run.id, early.length + 1);
      expect(counts).toMatchObject({
        received: early.length + 1,
        late: early.length,
        accepted: 1,
        queued: 1,
      });
      expect(early.length).toBeGreaterThan(0);
    } finally {
      await s.dispose();
    }
  });

  it('continued by another process, rebuilds from the stored fed reports and ends with the launch’s alerts', async () => {
    const db = `sqlite:${join(dir, 'vigil.db')}`;
    const first = await testService({ db });
    await storeScenario(first, 'quiet', quietText);
    const run = await startRun(first, { scenario: 'quiet', feed: true, paused: true });
    await publish(first.bus, launchReports);
    await feedCounts(first, run.id, launchReports.length);
    json(await call(first.app, 'POST', `/api/runs/${run.id}/seek`, first.admin, { timeS: 300 }), 200);
    expect(batchAlerts[0]!.timeS).toBeLessThan(300);
    expect((await first.store.alertsAt(run.id)).length).toBeGreaterThan(0);
    await first.dispose();

    // A new process and a new bus: the reports up to 300 s exist only in the store.
    const second = await testService({ db });
    try {
      const view = await runView(second, run.id);
      expect(view.feed).toMatchObject({ received: 0, queueLimit: 100_000 });
      await publish(second.bus, launchReports);
      const upTo300 = launchReports.filter((r) => r.timeS <= 300).length;
      const counts = await feedCounts(second, run.id, launchReports.length);
      expect(counts).toMatchObject({ late: upTo300, accepted: launchReports.length - upTo300 });
      json(
        await call(second.app, 'POST', `/api/runs/${run.id}/resume`, second.admin, { mode: 'batch' }),
        200,
      );
      await finished(second, run.id);
      expect(second.logs.some((l) => l.includes('run rebuilt to its stored progress'))).toBe(true);
      expect(await second.store.alertsAt(run.id)).toEqual(batchAlerts);
    } finally {
      await second.dispose();
    }
  });

  it('refuses a queue limit without a feed, naming the field', async () => {
    const s = await testService();
    try {
      await storeScenario(s, 'quiet', quietText);
      const answer = json(
        await call(s.app, 'POST', '/api/runs', s.admin, { scenario: 'quiet', feedQueueLimit: 10 }),
        400,
      );
      expect(JSON.stringify(answer)).toMatch(/feedQueueLimit/);
      expect(await s.store.listRuns()).toEqual([]);
    } finally {
      await s.dispose();
    }
  });
});
