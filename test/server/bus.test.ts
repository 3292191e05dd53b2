// A live run's steps on the message bus, in-process and on NATS JetStream: every
// report on its sensor's subject in the external-feed format (the feed decoder takes
// it back unchanged), every stored alert version and the tracks' states with their run
// and step, each once.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, describe, expect, it } from 'vitest';
import type { LiveTrack } from '../../src/analysis/live/live-track.ts';
import type { AlertSummary } from '../../src/analysis/summary.ts';
import { decodeReportMessage } from '../../src/bus/decode-report.ts';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import { bytesText, type MessageBus } from '../../src/bus/message-bus.ts';
import { NatsBus } from '../../src/bus/nats-bus.ts';
import { streamLayout } from '../../src/bus/subjects.ts';
import type { SensorReport } from '../../src/sensors/report.ts';
import { describeWithService, NATS_URL, unreachable } from '../store/services.ts';
import { call, finished, json, polar, startRun, storeScenario, testService, waitFor } from './helpers.ts';

function publishesSteps(open: () => Promise<MessageBus>) {
  it('publishes every stored step: reports as feeds send them, alert versions and track states by run and step', async () => {
    const s = await testService({ openBus: open });
    try {
      await storeScenario(s, 'polar', polar(10));
      const run = await startRun(s, { scenario: 'polar', paused: true });
      const reports: Array<{ subject: string; report: SensorReport; msgId: string }> = [];
      const alerts: Array<{ runId: string; timeS: number; alert: AlertSummary }> = [];
      const tracks = new Map<string, { timeS: number; track?: LiveTrack; droppedTrackId?: string }>();
      await s.bus.consume(s.bus.subjects.allReports, 'test-reports', async (m) => {
        reports.push({ subject: m.subject, report: decodeReportMessage(m.data, m.subject), msgId: m.msgId });
      });
      await s.bus.consume(s.bus.subjects.alerts, 'test-alerts', async (m) => {
        alerts.push(JSON.parse(bytesText(m.data)));
      });
      await s.bus.consume(s.bus.subjects.tracks, 'test-tracks', async (m) => {
        const body = JSON.parse(bytesText(m.data));
        tracks.set(body.track?.id ?? body.droppedTrackId, body);
      });
      json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
      await finished(s, run.id);

      const stored = await s.store.listReports(run.id);
      await waitFor('every report', async () => reports.length >= stored.length);
      expect(reports.map((r) => r.report)).toEqual(stored);
      expect(reports.every((r) => r.msgId === `run/${run.id}/${r.report.id}`)).toBe(true);

      const versions = (
        await Promise.all((await s.store.alertsAt(run.id)).map((a) => s.store.alertHistory(run.id, a.id)))
      ).flat();
      await waitFor('every alert version', async () => alerts.length >= versions.length);
      const key = (stepS: number, a: AlertSummary) => `${a.id}@${stepS}`;
      expect(alerts.map((m) => key(m.timeS, m.alert)).sort()).toEqual(
        versions.map((v) => key(v.stepS, v.alert)).sort(),
      );
      for (const v of versions)
        expect(alerts.find((m) => m.timeS === v.stepS && m.alert.id === v.alert.id)?.alert).toEqual(v.alert);
      expect(alerts.every((m) => m.runId === run.id)).toBe(true);

      // The latest message of each track is its stored state at the end (or its drop).
      const atEnd = await s.store.tracksAt(run.id);
      await waitFor('the tracks at the end', async () =>
        atEnd.every((t) => JSON.stringify(tracks.get(t.id)?.track) === JSON.stringify(t)),
      );
      for (const [id, m] of tracks) if (!atEnd.some((t) => t.id === id)) expect(m.droppedTrackId).toBe(id);
    } finally {
      await s.dispose();
    }
  });
}

describe('steps on the in-process bus', () => publishesSteps(async () => new MemoryBus()));

describeWithService('steps on NATS JetStream', await unreachable(NATS_URL, 4222), () => {
  const root = `srv${process.pid}${Math.random().toString(36).slice(2, 6)}`;
  publishesSteps(() => NatsBus.connect(NATS_URL, root));
  afterAll(async () => {
    const nc = await connect({ servers: NATS_URL });
    try {
      const jsm = await jetstreamManager(nc);
      for (const spec of streamLayout(root)) await jsm.streams.delete(spec.name).catch(() => false);
    } finally {
      await nc.close();
    }
  });
});
