// `vigil feed`: a recording of a launch's reports, one JSON object a line, published
// on NATS JetStream into a feed run of the quiet network (the service on the same
// bus), which then raises the alerts of the simulated launch; and a file with a bad
// line refused with the line and field, publishing nothing.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { NatsBus } from '../../src/bus/nats-bus.ts';
import { streamLayout } from '../../src/bus/subjects.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { simulateNetwork } from '../../src/sensors/run-network.ts';
import { generateTruth } from '../../src/world/generate.ts';
import { runCli, tempFile } from '../cli/helpers.ts';
import { describeWithService, NATS_URL, unreachable } from '../store/services.ts';
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
} from './helpers.ts';

const launchText = polar(10);
const quietText = launchText.replace(/^events:[\s\S]*$/m, 'events: []\n');
const launch = parseScenario(launchText, 'polar.yaml');
const network = simulateNetwork(launch, generateTruth(launch), launch.seed);
const launchReports = network.reports.filter((_, i) => network.labels[i]!.cause === 'object');

describeWithService('vigil feed on NATS JetStream', await unreachable(NATS_URL, 4222), () => {
  const root = `feed${process.pid}${Math.random().toString(36).slice(2, 6)}`;
  afterAll(async () => {
    const nc = await connect({ servers: NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      for (const spec of streamLayout(root)) await jsm.streams.delete(spec.name).catch(() => false);
    } finally {
      await nc.close();
    }
  });

  it('publishes a recording into a feed run, which raises the launch’s alerts; a bad line publishes nothing', async () => {
    const s = await testService({ openBus: () => NatsBus.connect(NATS_URL, root) });
    try {
      await storeScenario(s, 'quiet', quietText);
      const run = await startRun(s, { scenario: 'quiet', feed: true, paused: true });

      const lines = launchReports.map((r) => JSON.stringify(r));
      const bad = [...lines];
      const ir = launchReports.find((r) => r.kind === 'ir')!;
      bad[2] = JSON.stringify({ ...ir, sigmaRad: -1 });
      const badFile = tempFile('bad.jsonl', `${bad.join('\n')}\n`);
      const refused = await runCli('feed', '--bus', NATS_URL, '--bus-root', root, badFile);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(`${badFile}:3`);
      expect(refused.stderr).toContain('sigmaRad');

      const file = tempFile('launch.jsonl', `${lines.join('\n')}\n`);
      const r = await runCli('feed', '--bus', NATS_URL, '--bus-root', root, file);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(`published ${launchReports.length} reports from ${file}\n`);
      await waitFor('the recording in the run', async () => {
        const feed = (await runView(s, run.id)).feed!;
        return feed.received >= launchReports.length;
      });
      // Nothing of the refused file reached the run.
      expect((await runView(s, run.id)).feed).toMatchObject({
        received: launchReports.length,
        accepted: launchReports.length,
      });

      json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
      await finished(s, run.id);
      expect(await s.store.alertsAt(run.id)).toEqual(runScenario(launch).summary.alerts);
    } finally {
      await s.dispose();
    }
  });
});
