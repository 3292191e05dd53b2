// The event-store contract, one suite run against every implementation (SQLite and
// PostgreSQL): scenario versions, runs, steps written atomically, recovery after a
// real crash (a child process killed with SIGKILL mid-run), replay to any time,
// operator actions, the audit chain (checked with the centre's own verifier), and two
// writers at once. Expected values are what each test wrote, worked out in the test.
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AuditLog, type AuditRecord, verifyAuditLines } from '../../src/centre/audit/audit-log.ts';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { RunRecord } from '../../src/store/records.ts';
import type { SqlRow } from '../../src/store/sql.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { alert, irReport, radarReport, scenarioText, stepReport, syntheticStep, track } from './fixtures.ts';

export interface StoreTarget {
  /** A URL naming a fresh, empty database. */
  freshUrl(): Promise<string>;
  /** One raw SQL statement on the URL's database, for what the store API does not offer. */
  raw(url: string, sql: string): Promise<SqlRow[]>;
  /** Removes the database named by the URL. */
  dispose(url: string): Promise<void>;
}

const REPO = resolve(import.meta.dirname, '../..');
const CRASH_WRITER = resolve(import.meta.dirname, 'crash-writer.ts');

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected the promise to reject');
}

async function expectStoreError(promise: Promise<unknown>, code: StoreError['code']): Promise<StoreError> {
  const err = await rejection(promise);
  expect(err).toBeInstanceOf(StoreError);
  expect((err as StoreError).code).toBe(code);
  return err as StoreError;
}

/**
 * Runs the crash writer from `firstStep` until it is killed: by this process once
 * `killAfter` steps are done and the next has begun, or by itself in the middle of
 * step `dieAt`'s transaction.
 */
function runWriter(
  url: string,
  runId: string,
  perStep: number,
  firstStep: number,
  stop: { killAfter: number } | { dieAt: number },
): Promise<{ lastBegun: number; lastDone: number }> {
  return new Promise((resolvePromise, reject) => {
    const args = [CRASH_WRITER, url, runId, String(perStep), String(firstStep)];
    if ('dieAt' in stop) args.push(String(stop.dieAt));
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let lastBegun = -1;
    let lastDone = -1;
    let buffered = '';
    let stderr = '';
    child.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.stdout!.on('data', (chunk) => {
      buffered += String(chunk);
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const [word, k] = line.split(' ');
        if (word === 'begin') lastBegun = Number(k);
        if (word === 'done') lastDone = Number(k);
        if ('killAfter' in stop && word === 'begin' && lastDone >= firstStep + stop.killAfter - 1)
          child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolvePromise({ lastBegun, lastDone });
      else reject(new Error(`crash writer exited by itself (code ${code}): ${stderr}`));
    });
  });
}

export function storeContract(target: StoreTarget): void {
  let url: string;
  let store: EventStore;
  const opened: EventStore[] = [];

  async function open(): Promise<EventStore> {
    const s = await openStore(url);
    opened.push(s);
    return s;
  }

  beforeEach(async () => {
    url = await target.freshUrl();
    store = await open();
  });

  afterEach(async () => {
    for (const s of opened.splice(0)) await s.close();
    await target.dispose(url);
  });

  async function runningRun(id?: string): Promise<RunRecord> {
    const v = await store.saveScenario('store-test', scenarioText());
    const run = await store.createRun({ id, scenarioName: v.name, scenarioVersion: v.version, seed: 7 });
    return store.setRunStatus(run.id, 'running');
  }

  async function counts(runId: string) {
    const [reports, labels, tracks, alerts, audit] = await Promise.all([
      store.listReports(runId),
      store.listTruthLabels(runId),
      store.tracksAt(runId),
      store.alertsAt(runId),
      store.listAudit(runId),
    ]);
    return {
      reports: reports.length,
      labels: labels.length,
      tracks: tracks.length,
      alerts: alerts.length,
      audit: audit.length,
      progressS: (await store.getRun(runId))!.progressS,
    };
  }

  // ——— scenarios ———

  it('saving a scenario stores version 1, and a changed text the next version', async () => {
    const v1 = await store.saveScenario('store-test', scenarioText(7));
    const v2 = await store.saveScenario('store-test', scenarioText(8));
    expect([v1.version, v2.version]).toEqual([1, 2]);
    expect((await store.getScenario('store-test'))!.text).toBe(scenarioText(8));
    expect((await store.getScenario('store-test', 1))!.text).toBe(scenarioText(7));
    expect((await store.listScenarioVersions('store-test')).map((v) => [v.version, v.text])).toEqual([
      [1, scenarioText(7)],
      [2, scenarioText(8)],
    ]);
    expect(await store.listScenarios()).toEqual([
      expect.objectContaining({ name: 'store-test', latestVersion: 2, versions: 2 }),
    ]);
  });

  it('saving the same text again adds no version', async () => {
    await store.saveScenario('store-test', scenarioText());
    const again = await store.saveScenario('store-test', scenarioText());
    expect(again.version).toBe(1);
    expect(await store.listScenarioVersions('store-test')).toHaveLength(1);
  });

  it('a stored scenario parses again to the scenario that was saved', async () => {
    const saved = await store.saveScenario('store-test', scenarioText(42));
    const parsed = parseScenario(saved.text, saved.name);
    expect(parsed.name).toBe('Store test');
    expect(parsed.seed).toBe(42);
  });

  it('an invalid scenario text is an InputError with its location, and nothing is stored', async () => {
    const err = await rejection(store.saveScenario('broken', scenarioText().replace('seed: 7', 'seed: -1')));
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatchObject({ line: 4, path: ['seed'] });
    expect(await store.listScenarios()).toEqual([]);
  });

  it('a scenario name that is not URL-safe is an InputError', async () => {
    expect(await rejection(store.saveScenario('../etc/passwd', scenarioText()))).toBeInstanceOf(InputError);
  });

  it('an unknown scenario or version reads as null, its version list as empty', async () => {
    await store.saveScenario('store-test', scenarioText());
    expect(await store.getScenario('nothing')).toBeNull();
    expect(await store.getScenario('store-test', 2)).toBeNull();
    expect(await store.listScenarioVersions('nothing')).toEqual([]);
  });

  it('deleting a scenario removes all its versions; one in use by a run cannot be deleted', async () => {
    await store.saveScenario('unused', scenarioText(1));
    await store.saveScenario('unused', scenarioText(2));
    await store.deleteScenario('unused');
    expect(await store.listScenarioVersions('unused')).toEqual([]);
    await expectStoreError(store.deleteScenario('unused'), 'not-found');
    await runningRun();
    await expectStoreError(store.deleteScenario('store-test'), 'conflict');
    expect(await store.getScenario('store-test')).not.toBeNull();
  });

  // ——— runs ———

  it('a new run is queued with no progress, its seed and parameters as given', async () => {
    const v = await store.saveScenario('store-test', scenarioText());
    const run = await store.createRun({
      id: 'run-1',
      scenarioName: 'store-test',
      scenarioVersion: v.version,
      seed: 4_294_967_295,
      parameters: { pace: 2, live: true, note: 'x' },
    });
    expect(run).toMatchObject({ id: 'run-1', status: 'queued', progressS: null, statusReason: null });
    expect(await store.getRun('run-1')).toEqual(run);
    expect((await store.getRun('run-1'))!.seed).toBe(4_294_967_295);
    expect(await store.getRun('nothing')).toBeNull();
  });

  it('a run of a scenario version that does not exist is refused, and a repeated run id conflicts', async () => {
    await expectStoreError(
      store.createRun({ scenarioName: 'nothing', scenarioVersion: 1, seed: 1 }),
      'not-found',
    );
    await runningRun('run-1');
    await expectStoreError(
      store.createRun({ id: 'run-1', scenarioName: 'store-test', scenarioVersion: 1, seed: 1 }),
      'conflict',
    );
  });

  it('runs list newest first and filter by status and scenario', async () => {
    const v = await store.saveScenario('store-test', scenarioText());
    const a = await store.createRun({ id: 'a', scenarioName: v.name, scenarioVersion: 1, seed: 1 });
    await new Promise((r) => setTimeout(r, 5));
    const b = await store.createRun({ id: 'b', scenarioName: v.name, scenarioVersion: 1, seed: 2 });
    await store.setRunStatus('b', 'running');
    expect((await store.listRuns()).map((r) => r.id)).toEqual([b.id, a.id]);
    expect((await store.listRuns({ status: 'running' })).map((r) => r.id)).toEqual(['b']);
    expect((await store.listRuns({ scenarioName: 'other' })).map((r) => r.id)).toEqual([]);
  });

  it('a status change with an expectation that does not hold is a conflict and changes nothing', async () => {
    const run = await runningRun();
    await expectStoreError(store.setRunStatus(run.id, 'running', { expect: ['paused'] }), 'conflict');
    const paused = await store.setRunStatus(run.id, 'paused', { expect: ['running'], reason: 'operator' });
    expect(paused).toMatchObject({ status: 'paused', statusReason: 'operator' });
    expect(await store.getRun(run.id)).toMatchObject({ status: 'paused', statusReason: 'operator' });
    await expectStoreError(store.setRunStatus('nothing', 'running'), 'not-found');
  });

  // ——— steps ———

  it('written steps read back exactly, in time order, and advance the progress', async () => {
    const run = await runningRun();
    const steps = [1, 2, 3].map((k) => syntheticStep(k, 6));
    for (const step of steps) await store.writeStep(run.id, step);
    const all = steps.flatMap((s) => s.reports!);
    expect(await store.listReports(run.id)).toEqual([...all].sort((a, b) => a.timeS - b.timeS));
    expect((await store.getRun(run.id))!.progressS).toBe(3);
    expect(await store.listTruthLabels(run.id)).toEqual(steps.flatMap((s) => s.truthLabels!));
  });

  it('reports in a time range are those whose time lies in it, ends included', async () => {
    const run = await runningRun();
    for (const k of [1, 2, 3, 4]) await store.writeStep(run.id, syntheticStep(k, 4));
    const all = [1, 2, 3, 4].flatMap((k) => syntheticStep(k, 4).reports!);
    const fromS = all[3]!.timeS;
    const toS = 2.625;
    expect(await store.listReports(run.id, { fromS, toS })).toEqual(
      all.filter((r) => r.timeS >= fromS && r.timeS <= toS),
    );
    expect((await store.listReports(run.id, { fromS: 3 })).map((r) => r.id)).toEqual(
      all.filter((r) => r.timeS >= 3).map((r) => r.id),
    );
  });

  it('reports whose id starts with a prefix (the fed reports of a feed run), in time order', async () => {
    const run = await runningRun();
    const fed = [irReport('feed/a', 0.5), irReport('feed/b', 1.5)];
    const own = [irReport('geo-1#1', 0.25), irReport('feedx#1', 1)];
    await store.writeStep(run.id, { ...syntheticStep(1, 0), reports: [own[0]!, fed[0]!, own[1]!] });
    await store.writeStep(run.id, { ...syntheticStep(2, 0), reports: [fed[1]!] });
    expect((await store.listReports(run.id, { idPrefix: 'feed/' })).map((r) => r.id)).toEqual([
      'feed/a',
      'feed/b',
    ]);
    expect((await store.listReports(run.id, { idPrefix: 'feed/', toS: 1 })).map((r) => r.id)).toEqual([
      'feed/a',
    ]);
  });

  it('reports carry no truth: a stored report equals the report as sent, labels live apart', async () => {
    const run = await runningRun();
    const report = irReport('only#1', 0.5);
    await store.writeStep(run.id, {
      timeS: 1,
      reports: [report],
      truthLabels: [{ reportId: 'only#1', cause: 'glint', objectId: null, eventId: 'G1' }],
    });
    expect(await store.listReports(run.id)).toEqual([report]);
    expect(Object.keys((await store.listReports(run.id))[0]!).sort()).toEqual(Object.keys(report).sort());
    expect(await store.listTruthLabels(run.id)).toEqual([
      { reportId: 'only#1', cause: 'glint', objectId: null, eventId: 'G1' },
    ]);
  });

  it('a step is refused unless the run is running and the step is after the last one', async () => {
    const v = await store.saveScenario('store-test', scenarioText());
    const queued = await store.createRun({ scenarioName: v.name, scenarioVersion: 1, seed: 1 });
    await expectStoreError(store.writeStep(queued.id, syntheticStep(1, 1)), 'conflict');
    const run = await runningRun();
    await store.writeStep(run.id, syntheticStep(2, 1));
    await expectStoreError(store.writeStep(run.id, syntheticStep(2, 1)), 'conflict');
    await expectStoreError(store.writeStep(run.id, syntheticStep(1, 1)), 'conflict');
    await expectStoreError(store.writeStep('nothing', syntheticStep(3, 1)), 'not-found');
    expect(await counts(run.id)).toMatchObject({ reports: 1, progressS: 2 });
  });

  it('a step failing at its audit records, after its reports, tracks and alerts, leaves nothing of the step', async () => {
    const run = await runningRun();
    await store.writeStep(run.id, syntheticStep(1, 5));
    const before = await counts(run.id);
    const log = new AuditLog();
    const record = log.append(2, 'level-change', 'raised');
    const failing = { ...syntheticStep(2, 5), audit: [{ ...record, seq: 5 }] };
    await expectStoreError(store.writeStep(run.id, failing), 'conflict');
    expect(await counts(run.id)).toEqual(before);
    expect(await store.alertHistory(run.id, 'A2')).toEqual([]);
    // The same step, now correct, goes in whole.
    await store.writeStep(run.id, { ...syntheticStep(2, 5), audit: [record] });
    expect(await counts(run.id)).toEqual({
      ...before,
      reports: 10,
      labels: 10,
      tracks: 2,
      alerts: 2,
      audit: 1,
      progressS: 2,
    });
  });

  it('a step whose last truth label names an unknown report leaves none of its reports', async () => {
    const run = await runningRun();
    const step = syntheticStep(1, 5);
    step.truthLabels!.push({ reportId: 'no-such-report', cause: 'object', objectId: null, eventId: null });
    await expectStoreError(store.writeStep(run.id, step), 'not-found');
    expect(await counts(run.id)).toEqual({
      reports: 0,
      labels: 0,
      tracks: 0,
      alerts: 0,
      audit: 0,
      progressS: null,
    });
  });

  it('a track both updated and dropped in one step is an InputError', async () => {
    const run = await runningRun();
    const step = { timeS: 1, tracks: [track('T1', 1, 1)], droppedTrackIds: ['T1'] };
    expect(await rejection(store.writeStep(run.id, step))).toBeInstanceOf(InputError);
  });

  // ——— replay ———

  it('tracks and alerts at any time are the latest states written at or before it', async () => {
    const run = await runningRun();
    const t1 = (last: number) => track('T1', 1, last);
    const t2 = track('T2', 2, 2);
    const a1 = (levels: Array<[string, number]>) =>
      alert(
        'A1',
        2,
        levels.map(([level, timeS]) => ({ level, timeS })),
      );
    await store.writeStep(run.id, { timeS: 1, tracks: [t1(1)] });
    await store.writeStep(run.id, { timeS: 2, tracks: [t1(2), t2], alerts: [a1([['event', 2]])] });
    await store.writeStep(run.id, {
      timeS: 3,
      tracks: [t1(3)],
      alerts: [
        a1([
          ['event', 2],
          ['launch-detected', 3],
        ]),
      ],
    });
    await store.writeStep(run.id, {
      timeS: 4,
      droppedTrackIds: ['T2'],
      alerts: [alert('A0', 4, [{ level: 'event', timeS: 4 }])],
    });
    await store.writeStep(run.id, {
      timeS: 5,
      alerts: [
        a1([
          ['event', 2],
          ['launch-detected', 3],
          ['launch-confirmed', 5],
        ]),
      ],
    });

    expect(await store.tracksAt(run.id, 0.5)).toEqual([]);
    expect(await store.tracksAt(run.id, 1)).toEqual([t1(1)]);
    expect(await store.tracksAt(run.id, 2.5)).toEqual([t1(2), t2]);
    expect(await store.tracksAt(run.id, 4)).toEqual([t1(3)]);
    expect(await store.tracksAt(run.id)).toEqual([t1(3)]);

    expect(await store.alertsAt(run.id, 1.9)).toEqual([]);
    expect((await store.alertsAt(run.id, 3)).map((a) => [a.id, a.level])).toEqual([
      ['A1', 'launch-detected'],
    ]);
    expect((await store.alertsAt(run.id, 4.99)).map((a) => [a.id, a.level])).toEqual([
      ['A1', 'launch-detected'],
      ['A0', 'event'],
    ]);
    expect((await store.alertsAt(run.id)).map((a) => [a.id, a.level])).toEqual([
      ['A1', 'launch-confirmed'],
      ['A0', 'event'],
    ]);
    expect((await store.alertHistory(run.id, 'A1')).map((v) => [v.stepS, v.alert.level])).toEqual([
      [2, 'event'],
      [3, 'launch-detected'],
      [5, 'launch-confirmed'],
    ]);
    expect((await store.alertsAt(run.id))[0]!.levelHistory).toEqual([
      { level: 'event', timeS: 2 },
      { level: 'launch-detected', timeS: 3 },
      { level: 'launch-confirmed', timeS: 5 },
    ]);
  });

  // ——— notifications and operator actions ———

  it('notifications from steps and from outside list by time; a repeated id conflicts', async () => {
    const run = await runningRun();
    await store.writeStep(run.id, {
      timeS: 1,
      notifications: [{ id: 'N2', timeS: 0.5, message: { kind: 'launch' } }],
    });
    await store.addNotification(run.id, {
      id: 'N1',
      timeS: -60,
      message: { kind: 'launch', window: [0, 600] },
    });
    expect(await store.listNotifications(run.id)).toEqual([
      { id: 'N1', timeS: -60, message: { kind: 'launch', window: [0, 600] } },
      { id: 'N2', timeS: 0.5, message: { kind: 'launch' } },
    ]);
    expect((await store.listNotifications(run.id, { fromS: 0 })).map((n) => n.id)).toEqual(['N2']);
    await expectStoreError(store.addNotification(run.id, { id: 'N1', timeS: 3, message: null }), 'conflict');
    await expectStoreError(
      store.addNotification('nothing', { id: 'N9', timeS: 3, message: null }),
      'not-found',
    );
  });

  it('operator actions are stored in order with who, when and what, each with its audit record', async () => {
    const run = await runningRun();
    const log = new AuditLog();
    await store.writeStep(run.id, {
      timeS: 1,
      alerts: [alert('A1', 1, [{ level: 'event', timeS: 1 }])],
      audit: [log.append(1, 'level-change', 'A1 raised to event')],
    });
    const ack = await store.recordOperatorAction(
      { runId: run.id, alertId: 'A1', kind: 'acknowledge', actor: 'duty-officer', text: null, timeS: 1.5 },
      [log.append(1.5, 'operator-action', 'duty-officer acknowledged A1')],
    );
    const note = await store.recordOperatorAction(
      { runId: run.id, alertId: null, kind: 'comment', actor: 'analyst', text: 'glint season', timeS: null },
      [log.append(1.6, 'operator-action', 'analyst commented')],
    );
    expect([ack.seq, note.seq]).toEqual([1, 2]);
    expect(ack).toMatchObject({
      alertId: 'A1',
      kind: 'acknowledge',
      actor: 'duty-officer',
      text: null,
      timeS: 1.5,
    });
    expect(Date.parse(ack.at)).toBeGreaterThan(Date.now() - 60_000);
    expect(await store.listOperatorActions(run.id)).toEqual([ack, note]);
    expect(await store.listOperatorActions(run.id, 'A1')).toEqual([ack]);
    expect((await store.listAudit(run.id)).map((r) => r.kind)).toEqual([
      'level-change',
      'operator-action',
      'operator-action',
    ]);
  });

  it('an action on an unknown alert or run is refused and leaves no audit record', async () => {
    const run = await runningRun();
    const record = new AuditLog().append(1, 'operator-action', 'x');
    await expectStoreError(
      store.recordOperatorAction(
        { runId: run.id, alertId: 'A9', kind: 'acknowledge', actor: 'x', text: null, timeS: null },
        [record],
      ),
      'not-found',
    );
    await expectStoreError(
      store.recordOperatorAction({
        runId: 'nothing',
        alertId: null,
        kind: 'comment',
        actor: 'x',
        text: 'y',
        timeS: null,
      }),
      'not-found',
    );
    expect(await store.listAudit(run.id)).toEqual([]);
    expect(await store.listOperatorActions(run.id)).toEqual([]);
    expect(
      await rejection(
        store.recordOperatorAction({
          runId: run.id,
          alertId: null,
          kind: 'delete' as 'comment',
          actor: 'x',
          text: null,
          timeS: null,
        }),
      ),
    ).toBeInstanceOf(InputError);
  });

  // ——— audit chain ———

  it('an audit chain reads back record for record and still verifies with the centre audit module', async () => {
    const run = await runningRun();
    const log = new AuditLog();
    await store.writeStep(run.id, {
      timeS: 1,
      audit: [
        log.append(1, 'track-confirmed', 'T1 confirmed', { trackId: 'T1', nis: [0.5, -0, 1e-9] }),
        log.append(1, 'level-change', 'A1 → event', { alertId: 'A1', note: 'ünïcode ✓' }),
      ],
    });
    await store.appendAudit(run.id, [
      log.append(2.25, 'cancellation', 'A1 cancelled', { why: { nested: [1, 2] } }),
    ]);
    const stored = await store.listAudit(run.id);
    expect(stored).toEqual(log.records.map((r) => JSON.parse(JSON.stringify(r))));
    expect(verifyAuditLines(stored.map((r) => `${canonicalJson(r)}\n`).join(''))).toEqual({
      ok: true,
      records: 3,
    });
    expect(await store.lastAudit(run.id)).toEqual(stored[2]);
    expect((await store.listAudit(run.id, { fromSeq: 2, toSeq: 2 })).map((r) => r.seq)).toEqual([2]);
    expect(await store.lastAudit('no-chain')).toBeNull();
  });

  it('an append out of sequence, or with a gap inside the batch, stores nothing', async () => {
    const log = new AuditLog();
    const [r1, r2, r3] = [1, 2, 3].map((t) => log.append(t, 'level-change', `r${t}`)) as [
      AuditRecord,
      AuditRecord,
      AuditRecord,
    ];
    await expectStoreError(store.appendAudit('chain-x', [r2]), 'conflict');
    await expectStoreError(store.appendAudit('chain-x', [r1, r3]), 'conflict');
    expect(await store.listAudit('chain-x')).toEqual([]);
    await store.appendAudit('chain-x', [r1, r2]);
    await expectStoreError(store.appendAudit('chain-x', [r1]), 'conflict');
    await store.appendAudit('chain-x', [r3]);
    expect((await store.listAudit('chain-x')).map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('the database itself refuses to change or delete a stored audit record', async () => {
    await store.appendAudit('chain-y', [new AuditLog().append(1, 'level-change', 'kept')]);
    await expect(target.raw(url, "UPDATE audit_records SET text = 'forged'")).rejects.toThrow(/append-only/);
    await expect(target.raw(url, 'DELETE FROM audit_records')).rejects.toThrow(/append-only/);
    expect((await store.listAudit('chain-y'))[0]!.text).toBe('kept');
  });

  // ——— recovery ———

  it('runs left running are marked failed, or paused for resumption, with a reason naming the last step', async () => {
    const a = await runningRun('run-a');
    const b = await store.setRunStatus(
      (await store.createRun({ id: 'run-b', scenarioName: 'store-test', scenarioVersion: 1, seed: 1 })).id,
      'running',
    );
    await store.createRun({ id: 'run-q', scenarioName: 'store-test', scenarioVersion: 1, seed: 1 });
    await store.writeStep(a.id, syntheticStep(1, 2));
    await store.writeStep(a.id, syntheticStep(2, 2));
    const recovered = await store.recoverRuns((run) => (run.id === 'run-a' ? 'resume' : 'fail'));
    expect(recovered.map((r) => [r.id, r.status])).toEqual([
      ['run-a', 'paused'],
      ['run-b', 'failed'],
    ]);
    expect((await store.getRun(a.id))!.statusReason).toMatch(/interrupted.*2 s.*resumable/);
    expect((await store.getRun(b.id))!.statusReason).toMatch(/interrupted.*no step was stored/);
    expect((await store.getRun('run-q'))!.status).toBe('queued');
    expect(await store.recoverRuns()).toEqual([]);
  });

  /** Checks that exactly steps 1..progress are stored, each whole. */
  async function expectCompleteSteps(runId: string, progress: number, perStep: number): Promise<void> {
    const steps = Array.from({ length: progress }, (_, i) => i + 1);
    const expected = steps.flatMap((k) =>
      Array.from({ length: perStep }, (_, i) => stepReport(k, i, perStep)),
    );
    const reports = await store.listReports(runId);
    expect(reports.length).toBe(expected.length);
    expect(reports).toEqual(expected);
    expect((await store.listTruthLabels(runId)).length).toBe(expected.length);
    const alertVersions = (
      await Promise.all(['A0', 'A1', 'A2'].map((id) => store.alertHistory(runId, id)))
    ).flat();
    expect(alertVersions.map((v) => v.stepS).sort((x, y) => x - y)).toEqual(steps);
  }

  it('a writer killed mid-run leaves only complete steps; the run is then marked failed', async () => {
    const run = await runningRun('crashed');
    await store.close();
    const { lastBegun, lastDone } = await runWriter(url, run.id, 300, 1, { killAfter: 4 });
    store = await open();
    const progress = (await store.getRun(run.id))!.progressS!;
    // Every step reported done is stored; the one begun may or may not be, never in part.
    expect(progress).toBeGreaterThanOrEqual(lastDone);
    expect(progress).toBeLessThanOrEqual(lastBegun);
    await expectCompleteSteps(run.id, progress, 300);
    expect((await store.getRun(run.id))!.status).toBe('running');
    const [failed] = await store.recoverRuns('fail');
    expect(failed).toMatchObject({ id: run.id, status: 'failed', progressS: progress });
  });

  it('a writer killed inside a step transaction, after inserting its reports, leaves none of that step', async () => {
    const run = await runningRun('died');
    await store.close();
    const { lastBegun, lastDone } = await runWriter(url, run.id, 300, 1, { dieAt: 4 });
    expect([lastDone, lastBegun]).toEqual([3, 4]);
    store = await open();
    expect((await store.getRun(run.id))!.progressS).toBe(3);
    await expectCompleteSteps(run.id, 3, 300);
  });

  it('a writer killed mid-run can be resumed from its last complete step', async () => {
    const run = await runningRun('resumed');
    await store.close();
    await runWriter(url, run.id, 200, 1, { dieAt: 3 });
    store = await open();
    const [paused] = await store.recoverRuns('resume');
    expect(paused).toMatchObject({ status: 'paused', progressS: 2 });
    await store.setRunStatus(run.id, 'running', { expect: ['paused'] });
    await store.writeStep(run.id, syntheticStep(3, 200));
    await expectCompleteSteps(run.id, 3, 200);
  });

  // ——— two writers ———

  it('two writers on one database: steps of different runs, one audit chain, one claim', async () => {
    const other = await open();
    const a = await runningRun('writer-a');
    const b = await runningRun('writer-b');
    await Promise.all([
      (async () => {
        for (let k = 1; k <= 15; k++) await store.writeStep(a.id, syntheticStep(k, 20));
      })(),
      (async () => {
        for (let k = 1; k <= 15; k++) await other.writeStep(b.id, syntheticStep(k, 20));
      })(),
    ]);
    expect((await other.listReports(a.id)).length).toBe(300);
    expect((await store.listReports(b.id)).length).toBe(300);

    // Each writer appends 10 records to the same chain, retrying when the other won the seq.
    const append = async (s: EventStore, who: string) => {
      for (let n = 0; n < 10; n++) {
        for (;;) {
          const last = await s.lastAudit('shared');
          const seq = (last?.seq ?? 0) + 1;
          const record: AuditRecord = {
            seq,
            timeS: n,
            kind: 'operator-action',
            text: who,
            data: { n },
            prevHash: last?.hash ?? '0',
            hash: `${who}-${n}`,
          };
          try {
            await s.appendAudit('shared', [record]);
            break;
          } catch (err) {
            if (!(err instanceof StoreError && err.code === 'conflict')) throw err;
          }
        }
      }
    };
    await Promise.all([append(store, 'a'), append(other, 'b')]);
    const chain = await store.listAudit('shared');
    expect(chain.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect(chain.filter((r) => r.text === 'a')).toHaveLength(10);
    chain.slice(1).forEach((r, i) => {
      expect(r.prevHash).toBe(chain[i]!.hash);
    });

    // Both try to take over a paused run; exactly one succeeds.
    await store.setRunStatus(a.id, 'paused');
    const claims = await Promise.allSettled([
      store.setRunStatus(a.id, 'running', { expect: ['paused'] }),
      other.setRunStatus(a.id, 'running', { expect: ['paused'] }),
    ]);
    expect(claims.filter((c) => c.status === 'fulfilled')).toHaveLength(1);
    const lost = claims.find((c) => c.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(StoreError);
  });

  // ——— migrations ———

  it('opening again applies no migration twice; a database from a newer vigil is refused', async () => {
    const again = await open();
    expect((await again.listScenarios()).length).toBe(0);
    const versions = await target.raw(url, 'SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.map((r) => Number(r['version']))).toEqual([1, 2]);
    await target.raw(
      url,
      "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', 'x')",
    );
    await expect(openStore(url)).rejects.toThrow(/newer than this vigil/);
  });

  it('a radar report with a null range rate and an IR report keep every field through storage', async () => {
    const run = await runningRun();
    const r = radarReport('r#1', 0.25);
    const ir = irReport('i#1', 0.75);
    await store.writeStep(run.id, { timeS: 1, reports: [ir, r] });
    expect(await store.listReports(run.id)).toEqual([r, ir]);
  });
}
