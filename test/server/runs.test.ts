// /api/runs through inject: starting runs in batch and paced mode, the run clock
// (pause, resume, seek back into replay and forward into computing, stop), and the
// refusals (401, 403, 400 with field paths, 404, 409).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

let s: TestService;
beforeAll(async () => {
  s = await testService({ tickMs: 20 });
  await storeScenario(s, 'polar12', polar(12));
});
afterAll(async () => s.dispose());

describe('runs', () => {
  it('runs a batch run to its end, storing every step', async () => {
    const started = await startRun(s, { scenario: 'polar12', mode: 'batch' });
    expect(started).toMatchObject({
      scenarioName: 'polar12',
      scenarioVersion: 1,
      seed: 7,
      status: 'running',
      durationS: 720,
      stepS: 5,
      epoch: '2026-05-01T12:00:00Z',
      parameters: { mode: 'batch', pace: 1, startedBy: 'admin-1' },
    });
    const done = await finished(s, started.id);
    expect(done.progressS).toBe(720);
    expect(done.clock).toEqual({ timeS: 720, playing: false, mode: 'batch', pace: 1 });
    const stored = await s.store.getRun(started.id);
    expect(stored?.status).toBe('finished');
  });

  it('takes a seed and an id, and lists runs by status and scenario', async () => {
    const run = await startRun(s, { scenario: 'polar12', seed: 3, id: 'seeded-run', paused: true });
    expect(run).toMatchObject({ id: 'seeded-run', seed: 3, status: 'paused', progressS: null });
    const paused = json(await call(s.app, 'GET', '/api/runs?status=paused', s.observer), 200);
    expect(paused.map((r: { id: string }) => r.id)).toContain('seeded-run');
    expect(paused.every((r: { status: string }) => r.status === 'paused')).toBe(true);
    const byScenario = json(await call(s.app, 'GET', '/api/runs?scenario=none-such', s.observer), 200);
    expect(byScenario).toEqual([]);
  });

  it('paces a run at real time × pace, and pause stops both clock and computation', async () => {
    const run = await startRun(s, { scenario: 'polar12', pace: 200 });
    // 200× real time: 100 s of simulation take half a second.
    const t0 = Date.now();
    await waitFor('100 s of progress', async () => ((await runView(s, run.id)).progressS ?? 0) >= 100);
    const elapsed = (Date.now() - t0) / 1000;
    expect(elapsed).toBeGreaterThan(100 / 200 - 0.1);
    const paused = json(await call(s.app, 'POST', `/api/runs/${run.id}/pause`, s.admin), 200);
    expect(paused).toMatchObject({
      status: 'paused',
      statusReason: 'paused by admin-1',
      clock: { playing: false },
    });
    await new Promise((r) => setTimeout(r, 200));
    const later = await runView(s, run.id);
    expect(later.progressS).toBe(paused.progressS);
    expect(later.clock.timeS).toBe(paused.clock.timeS);
    const resumed = json(
      await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }),
      200,
    );
    expect(resumed).toMatchObject({ status: 'running', clock: { playing: true, mode: 'batch' } });
    await finished(s, run.id);
  });

  it('seeks a finished run back (replay) and plays it forward to its end again', async () => {
    const run = await startRun(s, { scenario: 'polar12', mode: 'batch' });
    await finished(s, run.id);
    const seeked = json(
      await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 302.5 }),
      200,
    );
    expect(seeked).toMatchObject({
      status: 'finished',
      progressS: 720,
      clock: { timeS: 302.5, playing: false },
    });
    const picture = json(await call(s.app, 'GET', `/api/runs/${run.id}/picture`, s.observer), 200);
    expect(picture).toMatchObject({ timeS: 302.5, stepS: 300 });
    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin), 200);
    const end = await waitFor('the replay to reach the end', async () => {
      const v = await runView(s, run.id);
      return v.clock.playing ? null : v;
    });
    expect(end).toMatchObject({ status: 'finished', clock: { timeS: 720 } });
    expect(json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin), 409).message).toMatch(
      /seek back/,
    );
  });

  it('seeks a held run forward by computing the steps in between, then holds it there', async () => {
    const run = await startRun(s, { scenario: 'polar12', paused: true });
    const seeked = json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 250 }), 200);
    expect(seeked).toMatchObject({ status: 'paused', progressS: 250, clock: { timeS: 250, playing: false } });
    // Beyond the end, a seek stops at the end.
    const end = json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 10_000 }), 200);
    expect(end).toMatchObject({ status: 'finished', progressS: 720, clock: { timeS: 720 } });
  });

  it('stops a run where it is; a stopped run cannot be stopped again', async () => {
    const run = await startRun(s, { scenario: 'polar12', paused: true });
    json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 100 }), 200);
    const stopped = json(await call(s.app, 'POST', `/api/runs/${run.id}/stop`, s.admin), 200);
    expect(stopped).toMatchObject({
      status: 'finished',
      progressS: 100,
      statusReason: 'stopped by admin-1 at 100 s',
    });
    expect(json(await call(s.app, 'POST', `/api/runs/${run.id}/stop`, s.admin), 409).error).toBe('conflict');
  });

  it('refuses bad bodies with the field paths, unknown runs and scenarios with 404, a taken id with 409', async () => {
    const bad = json(
      await call(s.app, 'POST', '/api/runs', s.admin, {
        scenario: 'polar12',
        pace: -1,
        mode: 'fast',
        seed: 1.5,
      }),
      400,
    );
    expect(bad.problems.map((p: { path: string }) => p.path).sort()).toEqual(['mode', 'pace', 'seed']);
    json(await call(s.app, 'POST', '/api/runs', s.admin, { scenario: 'no-such' }), 404);
    json(await call(s.app, 'POST', '/api/runs', s.admin, { scenario: 'polar12', version: 9 }), 404);
    await startRun(s, { scenario: 'polar12', id: 'taken-id', paused: true });
    json(await call(s.app, 'POST', '/api/runs', s.admin, { scenario: 'polar12', id: 'taken-id' }), 409);
    for (const verb of ['pause', 'resume', 'stop'])
      json(await call(s.app, 'POST', `/api/runs/nope/${verb}`, s.admin), 404);
    json(await call(s.app, 'POST', '/api/runs/nope/seek', s.admin, { timeS: 1 }), 404);
    json(await call(s.app, 'GET', '/api/runs/nope', s.observer), 404);
    const seek = json(await call(s.app, 'POST', '/api/runs/taken-id/seek', s.admin, { timeS: -5 }), 400);
    expect(seek.problems[0]).toMatchObject({ source: 'request body', path: 'timeS' });
    const badId = json(await call(s.app, 'GET', '/api/runs/bad%20id', s.observer), 400);
    expect(badId.problems[0]).toMatchObject({ source: 'path', path: 'id' });
  });

  it('lets only admins start and drive runs', async () => {
    const run = await startRun(s, { scenario: 'polar12', paused: true });
    json(await call(s.app, 'POST', '/api/runs', null, { scenario: 'polar12' }), 401);
    for (const token of [s.observer, s.operator]) {
      json(await call(s.app, 'POST', '/api/runs', token, { scenario: 'polar12' }), 403);
      for (const verb of ['pause', 'resume', 'stop'])
        json(await call(s.app, 'POST', `/api/runs/${run.id}/${verb}`, token), 403);
      json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, token, { timeS: 5 }), 403);
    }
    expect((await runView(s, run.id)).status).toBe('paused');
  });
});
