// The WebSocket stream through injectWS: who may connect, the protocol, and a live run
// followed step by step — its deltas applied one after another must give, at every
// step, exactly the picture the replay routes read back from the store.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LiveTrack } from '../../src/analysis/live/live-track.ts';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { ServerMessage } from '../../src/server/schemas/stream.ts';
import { call, json, polar, startRun, storeScenario, type TestService, testService } from './helpers.ts';
import { connectStream } from './stream-client.ts';

let s: TestService;
beforeAll(async () => {
  s = await testService({ tickMs: 10 });
  await storeScenario(s, 'polar', polar(12));
});
afterAll(async () => s.dispose());

type Step = Extract<ServerMessage, { type: 'step' }>;
type Alert = Step['alerts'][number];

describe('the stream', () => {
  it('refuses a connection without a valid token', async () => {
    await expect(s.app.injectWS('/ws')).rejects.toThrow(/401/);
    await expect(s.app.injectWS('/ws?token=vigil_wrong')).rejects.toThrow(/401/);
  });

  it('greets a client with its name and role, answers pings and refuses what it does not know', async () => {
    const c = await connectStream(s.app, s.observer);
    expect(await c.next('hello')).toMatchObject({ name: 'student', role: 'observer', maxQueued: 256 });
    c.send({ type: 'ping', id: 'p1' });
    expect(await c.next('pong')).toEqual({ type: 'pong', id: 'p1' });
    c.send({ type: 'dance' });
    expect((await c.next('error')).message).toMatch(/not a message this stream takes/);
    c.ws.send('{not json');
    await c.next('error', () => true, c.messages.findIndex((m) => m.type === 'error') + 1);
    c.send({ type: 'subscribe', runId: 'no-such-run' });
    expect(await c.next('error', (m) => m.runId === 'no-such-run')).toMatchObject({
      message: "no run 'no-such-run'",
    });
    c.close();
  });

  it('streams a live run whose deltas, applied in order, rebuild at each step the picture replay reads back', async () => {
    const run = await startRun(s, { scenario: 'polar', paused: true });
    const c = await connectStream(s.app, s.observer);
    c.send({ type: 'subscribe', runId: run.id });
    expect((await c.next('subscribed')).run).toMatchObject({ id: run.id, status: 'paused' });
    const first = await c.next('snapshot');
    expect(first).toMatchObject({ reason: 'subscribe', picture: { stepS: null, tracks: [], alerts: [] } });

    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
    await c.next('run', (m) => m.run.status === 'finished');

    const tracks = new Map<string, LiveTrack>();
    const alerts = new Map<string, Alert>();
    const steps = c.messages.filter((m): m is Step => m.type === 'step');
    expect(steps.map((m) => m.timeS)).toEqual([...Array(144).keys()].map((k) => 5 * (k + 1)));
    for (const step of steps) {
      for (const t of step.tracks) tracks.set(t.id, t as LiveTrack);
      for (const id of step.droppedTrackIds) tracks.delete(id);
      for (const a of step.alerts) alerts.set(a.id, a);
      if (step.timeS % 60 !== 0) continue;
      const replay = json(
        await call(s.app, 'GET', `/api/runs/${run.id}/picture?timeS=${step.timeS}`, s.observer),
        200,
      );
      expect(
        [...tracks.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
        `tracks at ${step.timeS} s`,
      ).toEqual(replay.tracks);
      expect(
        [...alerts.values()].sort((a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1)),
        `alerts at ${step.timeS} s`,
      ).toEqual(replay.alerts);
    }
    // The stream's alerts at the end are those of the batch run of the same scenario.
    const batch = runScenario(parseScenario(polar(12), 'polar.yaml'));
    expect([...alerts.values()].map(({ operator: _, ...a }) => a)).toEqual(batch.summary.alerts);
    // Each step says which sensors reported, and how often.
    const total = steps.reduce((n, m) => n + m.reports.total, 0);
    expect(total).toBe(batch.summary.reports.total);
    c.close();
  });

  it('sends a snapshot after a seek, and the operator actions on a subscribed run', async () => {
    const run = await startRun(s, { scenario: 'polar', mode: 'batch' });
    const c = await connectStream(s.app, s.observer);
    c.send({ type: 'subscribe', runId: run.id });
    await c.next('run', (m) => m.run.status === 'finished');
    json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 250 }), 200);
    const seek = await c.next('snapshot', (m) => m.reason === 'seek');
    expect(seek.picture).toMatchObject({ timeS: 250, stepS: 250 });
    const alertId = seek.picture.alerts[0]!.id;
    json(await call(s.app, 'POST', `/api/runs/${run.id}/alerts/${alertId}/acknowledge`, s.operator, {}), 201);
    const action = await c.next('action');
    expect(action).toMatchObject({
      action: { kind: 'acknowledge', alertId, actor: 'duty-officer' },
      alert: { id: alertId, operator: { acknowledged: true } },
    });
    c.send({ type: 'unsubscribe', runId: run.id });
    await c.next('unsubscribed');
    const count = c.messages.length;
    json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 100 }), 200);
    await new Promise((r) => setTimeout(r, 100));
    expect(c.messages.slice(count)).toEqual([]);
    c.close();
  });

  it('ticks the clock of a paced run between its steps', async () => {
    const run = await startRun(s, { scenario: 'polar', pace: 20, paused: true });
    const c = await connectStream(s.app, s.observer);
    c.send({ type: 'subscribe', runId: run.id });
    await c.next('snapshot');
    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin), 200);
    const step = await c.next('step', (m) => m.timeS === 10);
    const ticks = c.messages
      .slice(0, c.messages.indexOf(step))
      .filter((m): m is Extract<ServerMessage, { type: 'time' }> => m.type === 'time');
    // 20× real time: a 5 s step every 250 ms of wall time, ticks every 10 ms between.
    expect(ticks.length).toBeGreaterThan(5);
    const times = ticks.map((m) => m.timeS);
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
    expect(times.every((t) => t >= 0 && t <= 10)).toBe(true);
    expect(times.some((t) => t > 0 && t < 5)).toBe(true);
    json(await call(s.app, 'POST', `/api/runs/${run.id}/stop`, s.admin), 200);
    c.close();
  });
});
