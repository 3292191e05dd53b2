// Fault: a sensor feed that floods (issue 9). A feed run of the polar ICBM's scenario
// without its launch takes the launch's reports from an external feed, then one IR
// sensor sends ten times the run's queue bound within a single step. The service keeps
// answering while it works through the flood, the queue never holds more than its
// bound, every report beyond it is dropped and counted — none lost without being
// counted — and the centre, fed what the queue kept, raises each alert once.
import { describe, expect, it } from 'vitest';
import { ASSESS_EVERY_S } from '../../src/analysis/run-centre.ts';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { jsonBytes } from '../../src/bus/message-bus.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulateNetwork } from '../../src/sensors/run-network.ts';
import { generateTruth } from '../../src/world/generate.ts';
import {
  call,
  finished,
  json,
  polar,
  runView,
  startRun,
  storeScenario,
  testService,
  waitFor,
} from '../server/helpers.ts';
import { reportFigure } from './figures.ts';

const LIMIT = 2_000;
const FLOOD = 10 * LIMIT;

const launchText = polar(10);
const quietText = launchText.replace(/^events:[\s\S]*$/m, 'events: []\n');
const launch = parseScenario(launchText, 'polar.yaml');
const network = simulateNetwork(launch, generateTruth(launch), launch.seed);
const launchReports = network.reports.filter((_, i) => network.labels[i]!.cause === 'object');

describe('a sensor feed that floods', () => {
  it('is held to the queue bound, every report beyond it dropped and counted, the service answering throughout', async () => {
    const s = await testService();
    try {
      await storeScenario(s, 'quiet', quietText);
      const run = await startRun(s, { scenario: 'quiet', feed: true, feedQueueLimit: LIMIT, paused: true });
      const bus = s.bus;
      for (const r of launchReports)
        await bus.publish(bus.subjects.report(r.sensorId), jsonBytes(r), { msgId: r.id });

      // One IR sensor repeating a detection of the launch, every copy its own report,
      // all timed within one step.
      const seen = launchReports.find((r) => r.kind === 'ir' && r.timeS > 120)!;
      const stepEndS = Math.ceil(seen.timeS / ASSESS_EVERY_S) * ASSESS_EVERY_S;
      for (let i = 0; i < FLOOD; i++) {
        const timeS = stepEndS - ASSESS_EVERY_S * ((i + 0.5) / FLOOD);
        const copy = { ...seen, id: `${seen.sensorId}#flood-${i}`, timeS };
        await bus.publish(bus.subjects.report(seen.sensorId), jsonBytes(copy), { msgId: copy.id });
      }
      const sent = launchReports.length + FLOOD;

      // The service answers while the flood is worked through, and the queue never
      // holds more than its bound.
      let answeredMidFlood = 0;
      let mostQueued = 0;
      for (;;) {
        json(await call(s.app, 'GET', '/health', null), 200);
        const feed = (await runView(s, run.id)).feed!;
        mostQueued = Math.max(mostQueued, feed.queued);
        if (feed.received === sent) break;
        if (feed.received > 0) answeredMidFlood++;
        await new Promise((r) => setTimeout(r, 5));
      }
      expect(answeredMidFlood).toBeGreaterThan(0);
      const feed = (await runView(s, run.id)).feed!;
      expect(mostQueued).toBeLessThanOrEqual(LIMIT);
      expect(feed.maxQueued).toBe(LIMIT);
      expect(feed).toMatchObject({ received: sent, accepted: LIMIT, queued: LIMIT, late: 0, malformed: 0 });
      // The launch's reports came first and were all kept; of the flood, what the queue had room for.
      expect(feed.dropped).toBe(FLOOD - (LIMIT - launchReports.length));
      const counted =
        feed.accepted + feed.late + feed.afterEnd + feed.duplicate + feed.malformed + feed.dropped;
      expect(counted).toBe(sent);
      await waitFor('the drops in the log', async () =>
        s.logs.some(
          (l) => l.includes('external reports not used') && l.includes(`"dropped":${feed.dropped}`),
        ),
      );

      json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
      const end = await finished(s, run.id);
      expect(end.feed).toMatchObject({ fed: LIMIT, queued: 0 });
      expect((await s.store.listReports(run.id)).filter((r) => r.id.startsWith('feed/')).length).toBe(LIMIT);

      // Each alert once, and no more alerts than the launch makes without the flood.
      const alerts = await s.store.alertsAt(run.id);
      const batch = runScenario(launch).summary.alerts;
      expect(new Set(alerts.map((a) => a.id)).size).toBe(alerts.length);
      expect(alerts.length).toBe(batch.length);
      expect(alerts.map((a) => a.level)).toEqual(batch.map((a) => a.level));

      reportFigure({
        subject: 'flooding sensor feed',
        tried: 'reports',
        count: sent,
        failure: 'lost without being counted',
        failures: sent - counted,
        detail: `${FLOOD} in one ${ASSESS_EVERY_S} s step against a queue of ${LIMIT}; ${feed.dropped} dropped and counted`,
      });
    } finally {
      await s.dispose();
    }
  });
});
