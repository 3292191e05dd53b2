// Operators acknowledging and commenting on alerts, admins adding notifications, and
// the run's audit chain holding both the centre's decisions and every operator action
// — checked with the centre's own chain verifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { verifyAuditLines } from '../../src/centre/audit/audit-log.ts';
import { parseScenario } from '../../src/scenario/load.ts';
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

let s: TestService;
let runId: string;
beforeAll(async () => {
  s = await testService();
  await storeScenario(s, 'polar', polar(12));
  runId = (await startRun(s, { scenario: 'polar', mode: 'batch' })).id;
  await finished(s, runId);
});
afterAll(async () => s.dispose());

/** A notification in the scenario file's form. */
function notification(id: string, issued: string, overrides: Record<string, unknown> = {}) {
  return {
    id,
    regime: 'HCoC',
    kind: 'pre-launch',
    issued,
    vehicleClass: 'SLV',
    window: { start: '2026-05-01T13:00:00Z', end: '2026-05-01T14:00:00Z' },
    launchArea: { center: [45.9, 63.3], radiusKm: 50 },
    channel: 'ICC-Vienna',
    ...overrides,
  };
}

describe('operator actions', () => {
  it('records an acknowledgement by the token holder, at the clock time, in the audit chain', async () => {
    json(await call(s.app, 'POST', `/api/runs/${runId}/seek`, s.admin, { timeS: 200 }), 200);
    const [alert] = await s.store.alertsAt(runId, 200);
    expect(alert!.level).toBe('launch-detected');
    const action = json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/acknowledge`, s.operator, {
        text: 'seen',
      }),
      201,
    );
    expect(action).toMatchObject({
      runId,
      alertId: alert!.id,
      kind: 'acknowledge',
      actor: 'duty-officer',
      text: 'seen',
      timeS: 200,
    });
    const last = await s.store.lastAudit(runId);
    expect(last).toMatchObject({ kind: 'operator-action', timeS: 200 });
    expect(last!.data).toMatchObject({
      actionId: action.id,
      action: 'acknowledge',
      alertId: alert!.id,
      actor: 'duty-officer',
    });
    const shown = json(await call(s.app, 'GET', `/api/runs/${runId}/alerts?timeS=200`, s.observer), 200);
    expect(shown.alerts.find((a: { id: string }) => a.id === alert!.id).operator).toMatchObject({
      acknowledged: true,
      acknowledgedBy: 'duty-officer',
      acknowledgedAt: action.at,
    });
    // Before the acknowledgement's time, the replayed picture shows it unacknowledged.
    const before = json(await call(s.app, 'GET', `/api/runs/${runId}/alerts?timeS=199`, s.observer), 200);
    expect(
      before.alerts.find((a: { id: string }) => a.id === alert!.id)?.operator.acknowledged ?? false,
    ).toBe(false);
  });

  it('refuses a second acknowledgement at the same level with 409', async () => {
    const [alert] = await s.store.alertsAt(runId, 200);
    const again = json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/acknowledge`, s.admin, {}),
      409,
    );
    expect(again.message).toMatch(/already acknowledged .* by duty-officer/);
  });

  it('asks for a new acknowledgement once the alert has risen to a higher level', async () => {
    const [alert] = await s.store.alertsAt(runId);
    const rose = alert!.levelHistory.find((h) => h.timeS > 200);
    expect(rose, 'the alert rises after 200 s').toBeDefined();
    json(await call(s.app, 'POST', `/api/runs/${runId}/seek`, s.admin, { timeS: 720 }), 200);
    const shown = json(await call(s.app, 'GET', `/api/runs/${runId}/alerts`, s.observer), 200);
    expect(shown.alerts.find((a: { id: string }) => a.id === alert!.id).operator.acknowledged).toBe(false);
    json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/acknowledge`, s.operator, {}),
      201,
    );
  });

  it('records comments on an alert and on the run, in order', async () => {
    const [alert] = await s.store.alertsAt(runId);
    json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/comments`, s.operator, {
        text: 'track looks ballistic',
      }),
      201,
    );
    json(
      await call(s.app, 'POST', `/api/runs/${runId}/comments`, s.operator, { text: 'shift handover' }),
      201,
    );
    const actions = json(await call(s.app, 'GET', `/api/runs/${runId}/actions`, s.observer), 200);
    expect(actions.map((a: { seq: number }) => a.seq)).toEqual([1, 2, 3, 4]);
    expect(
      actions.slice(2).map((a: { kind: string; alertId: string | null }) => [a.kind, a.alertId]),
    ).toEqual([
      ['comment', alert!.id],
      ['comment', null],
    ]);
    const forAlert = json(
      await call(s.app, 'GET', `/api/runs/${runId}/actions?alertId=${alert!.id}`, s.observer),
      200,
    );
    expect(forAlert).toHaveLength(3);
  });

  it('keeps one verifiable chain: the centre decisions and the operator actions', async () => {
    const verified = json(await call(s.app, 'GET', `/api/runs/${runId}/audit/verify`, s.observer), 200);
    const records = json(await call(s.app, 'GET', `/api/runs/${runId}/audit`, s.observer), 200);
    expect(verified).toEqual({ ok: true, records: records.length, firstBad: null });
    expect(records.filter((r: { kind: string }) => r.kind === 'operator-action')).toHaveLength(4);
    const lines = await call(s.app, 'GET', `/api/runs/${runId}/audit.jsonl`, s.observer);
    expect(lines.headers['content-type']).toMatch(/ndjson/);
    expect(verifyAuditLines(lines.body)).toEqual({ ok: true, records: records.length });
    const slice = json(
      await call(s.app, 'GET', `/api/runs/${runId}/audit?fromSeq=2&toSeq=3`, s.observer),
      200,
    );
    expect(slice.map((r: { seq: number }) => r.seq)).toEqual([2, 3]);
    // The centre's decisions are those of the batch run, in order, before the first operator action.
    const batch = runScenario(parseScenario(polar(12), 'polar.yaml'));
    const centre = records.filter((r: { kind: string }) => r.kind !== 'operator-action');
    expect(
      centre.map((r: { kind: string; text: string; timeS: number }) => [r.kind, r.text, r.timeS]),
    ).toEqual(batch.centre.audit.records.map((r) => [r.kind, r.text, r.timeS]));
  });

  it('refuses observers (403), unknown alerts (404), alerts not raised yet at the clock time (409), bad bodies (400)', async () => {
    const [alert] = await s.store.alertsAt(runId);
    json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/acknowledge`, s.observer, {}),
      403,
    );
    json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/comments`, null, { text: 'x' }),
      401,
    );
    json(await call(s.app, 'POST', `/api/runs/${runId}/alerts/A404/acknowledge`, s.operator, {}), 404);
    json(await call(s.app, 'POST', `/api/runs/none/alerts/A1/acknowledge`, s.operator, {}), 404);
    json(await call(s.app, 'POST', `/api/runs/${runId}/seek`, s.admin, { timeS: 10 }), 200);
    const early = json(
      await call(s.app, 'POST', `/api/runs/${runId}/alerts/${alert!.id}/comments`, s.operator, { text: 'x' }),
      409,
    );
    expect(early.message).toMatch(/not raised yet/);
    const empty = json(
      await call(s.app, 'POST', `/api/runs/${runId}/comments`, s.operator, { text: '' }),
      400,
    );
    expect(empty.problems[0].path).toBe('text');
    const long = json(
      await call(s.app, 'POST', `/api/runs/${runId}/comments`, s.operator, { text: 'x'.repeat(10_001) }),
      400,
    );
    expect(long.problems[0].path).toBe('text');
  });
});

describe('notifications', () => {
  it('reach a run that has not started yet, and the centre matches the launch against them', async () => {
    // The 1995 Black Brant scenario without its notification, which is added through the API instead.
    const file = bundled('incidents/1995-black-brant');
    const without = file.replace(/^notifications:\n(?: {2}.*\n| {4}.*\n)+/m, '');
    expect(without).not.toMatch(/^notifications:/m);
    await storeScenario(s, 'brant-without', without);
    const held = await startRun(s, { scenario: 'brant-without', paused: true });
    const nor = {
      id: 'NOR-1995',
      regime: 'NOTAM',
      kind: 'pre-launch',
      issued: '1994-12-27T12:00:00Z',
      vehicleClass: 'SOUNDING',
      window: { start: '1995-01-15T00:00:00Z', end: '1995-02-10T00:00:00Z' },
      launchArea: { center: [69.29, 16.02], radiusKm: 30 },
      plannedDirectionDeg: 0,
      impactAreas: [{ center: [78.5, 17.0], radiusKm: 300 }],
      numberOfLaunches: 3,
      channel: 'diplomatic-note',
      delivered: true,
    };
    const stored = json(
      await call(s.app, 'POST', `/api/runs/${held.id}/notifications`, s.admin, { notification: nor }),
      201,
    );
    expect(stored.id).toBe('NOR-1995');
    expect(stored.timeS).toBeLessThan(0);
    json(await call(s.app, 'POST', `/api/runs/${held.id}/resume`, s.admin, { mode: 'batch' }), 200);
    await finished(s, held.id);
    const batch = runScenario(parseScenario(file, '1995-black-brant.yaml'));
    const alerts = await s.store.alertsAt(held.id);
    expect(alerts).toEqual(
      [...batch.summary.alerts].sort((a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1)),
    );
    expect(alerts.some((a) => a.notificationId === 'NOR-1995')).toBe(true);
    const listed = json(await call(s.app, 'GET', `/api/runs/${held.id}/notifications`, s.observer), 200);
    expect(listed.map((n: { id: string }) => n.id)).toEqual(['NOR-1995']);
  });

  it("lists the scenario file's own notifications from the step they were delivered in", async () => {
    await storeScenario(s, 'brant', bundled('incidents/1995-black-brant'));
    const run = await startRun(s, { scenario: 'brant', mode: 'batch' });
    await finished(s, run.id);
    const listed = json(await call(s.app, 'GET', `/api/runs/${run.id}/notifications`, s.observer), 200);
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ id: 'NOR-1995', message: { id: 'NOR-1995', regime: 'NOTAM' } });
  });

  it('refuses a notification with its problems located in the body, a repeated id, one in the past, and an ended run', async () => {
    const run = await startRun(s, { scenario: 'polar', paused: true });
    const bad = json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N1', '2026-05-01T12:00:00Z', { vehicleClass: 'ICBMX', channel: 'fax' }),
      }),
      400,
    );
    expect(bad.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'notification.channel',
      'notification.vehicleClass',
    ]);
    const reversed = json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N1', '2026-05-01T12:00:00Z', {
          window: { start: '2026-05-01T14:00:00Z', end: '2026-05-01T13:00:00Z' },
        }),
      }),
      400,
    );
    expect(reversed.problems[0]).toMatchObject({
      path: 'notification.window.end',
      message: 'the window ends before it starts',
    });
    json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N1', '2026-05-01T12:00:00Z'),
      }),
      201,
    );
    // The same notification again changes nothing; another under its id is refused.
    const first = json(await call(s.app, 'GET', `/api/runs/${run.id}/notifications`, s.observer), 200);
    json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N1', '2026-05-01T12:00:00Z'),
      }),
      201,
    );
    expect(json(await call(s.app, 'GET', `/api/runs/${run.id}/notifications`, s.observer), 200)).toEqual(
      first,
    );
    expect(
      json(
        await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
          notification: notification('N1', '2026-05-01T12:00:00Z', { channel: 'NRRC' }),
        }),
        409,
      ).message,
    ).toMatch(/already has a notification 'N1'/);
    const refers = json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N2', '2026-05-01T12:00:00Z', { kind: 'cancellation', refersTo: 'N9' }),
      }),
      400,
    );
    expect(refers.problems[0].path).toBe('notification.refersTo');
    json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 300 }), 200);
    const past = json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N3', '2026-05-01T12:04:00Z'),
      }),
      409,
    );
    expect(past.message).toMatch(/in the run's past/);
    json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N4', '2026-05-01T12:06:00Z'),
      }),
      201,
    );
    json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.operator, {
        notification: notification('N5', '2026-05-01T12:30:00Z'),
      }),
      403,
    );
    json(await call(s.app, 'POST', `/api/runs/${run.id}/stop`, s.admin), 200);
    json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('N6', '2026-05-01T12:30:00Z'),
      }),
      409,
    );
    json(
      await call(s.app, 'POST', `/api/runs/none/notifications`, s.admin, {
        notification: notification('N7', '2026-05-01T12:30:00Z'),
      }),
      404,
    );
  });

  it('goes on with the centre rebuilt after a notification arrives mid-run, holding the same past', async () => {
    const run = await startRun(s, { scenario: 'polar', paused: true });
    json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 200 }), 200);
    const before = await s.store.alertsAt(run.id);
    json(
      await call(s.app, 'POST', `/api/runs/${run.id}/notifications`, s.admin, {
        notification: notification('LATE', '2026-05-01T12:05:00Z'),
      }),
      201,
    );
    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
    await finished(s, run.id);
    expect(await s.store.alertsAt(run.id, 200)).toEqual(before);
    // An SLV notification for another place and time changes nothing for the ICBM.
    const plain = runScenario(parseScenario(polar(12), 'polar.yaml'));
    expect(await s.store.alertsAt(run.id)).toEqual(plain.summary.alerts);
  });
});
