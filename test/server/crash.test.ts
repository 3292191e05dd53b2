// The service as a real child process (`vigil serve`), killed with SIGKILL in the
// middle of a run and started again: the stored run is resumed from its last complete
// step (or, when asked, marked failed) with every alert it had stored intact, and a
// resumed run ends with the alerts of the batch run. A SIGTERM stops the service
// cleanly: the run is paused and goes on at the next start.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { verifyAuditLines } from '../../src/centre/audit/audit-log.ts';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { ApiClient } from '../../src/server/client/api-client.ts';
import { SHUTDOWN_REASON } from '../../src/server/runs/live-run.ts';
import type { RunView } from '../../src/server/runs/run-events.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { AlertVersion, AuditRecord } from '../../src/store/records.ts';
import { polar, REPO, waitFor } from './helpers.ts';

const BIN = resolve(REPO, 'bin/vigil.js');
const ADMIN = 'crash-test-admin-token-0123456789';

interface Service {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exited: Promise<number | null>;
}

let dir: string;
let db: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-crash-'));
  db = `sqlite:${join(dir, 'vigil.db')}`;
});
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function serve(extra: string[] = []): Promise<Service> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      'serve',
      '--port',
      '0',
      '--db',
      db,
      '--tokens',
      join(dir, 'tokens.json'),
      '--log-level',
      'warn',
      ...extra,
    ],
    { cwd: dir, env: { ...process.env, VIGIL_ADMIN_TOKEN: ADMIN }, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  children.push(child);
  let stderr = '';
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolvePromise, reject) => {
    child.stderr!.on('data', (chunk) => {
      stderr += String(chunk);
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolvePromise({ child, url: m[1]!, stderr: () => stderr, exited });
    });
    exited.then((code) => reject(new Error(`the service exited (${code}) before listening:\n${stderr}`)));
  });
}

async function storedState(runId: string) {
  const store: EventStore = await openStore(db);
  try {
    const run = await store.getRun(runId);
    const alerts = await store.alertsAt(runId);
    const history = new Map<string, AlertVersion[]>();
    for (const a of alerts) history.set(a.id, await store.alertHistory(runId, a.id));
    const audit: AuditRecord[] = await store.listAudit(runId);
    return { run: run!, alerts, history, audit, tracks: await store.tracksAt(runId) };
  } finally {
    await store.close();
  }
}

async function startPacedRun(api: ApiClient): Promise<RunView> {
  await api.request('POST', '/api/scenarios', { name: 'polar', text: polar() });
  // 150× real time: the 45-minute run takes 18 s.
  return api.request<RunView>('POST', '/api/runs', { scenario: 'polar', pace: 150 });
}

async function killAfter(api: ApiClient, service: Service, runId: string, progressS: number): Promise<void> {
  await waitFor(`${progressS} s of progress`, async () => {
    const v = await api.request<RunView>('GET', `/api/runs/${runId}`);
    return (v.progressS ?? 0) >= progressS;
  });
  service.child.kill('SIGKILL');
  await service.exited;
}

const batch = runScenario(parseScenario(polar(), 'polar.yaml')).summary.alerts;

describe('a service killed with SIGKILL during a run', () => {
  it('resumes the run at the next start from its last stored step, keeping every stored alert', async () => {
    const first = await serve();
    const api = new ApiClient(first.url, ADMIN);
    const run = await startPacedRun(api);
    await killAfter(api, first, run.id, 400);

    const before = await storedState(run.id);
    expect(before.run.status).toBe('running');
    expect(before.alerts.some((a) => a.level === 'attack-warning')).toBe(true);
    const killedAt = before.run.progressS!;

    const second = await serve();
    expect(second.stderr()).toMatch(new RegExp(`1 resumed \\(${run.id}\\)`));
    const api2 = new ApiClient(second.url, ADMIN);
    const resumed = await api2.request<RunView>('GET', `/api/runs/${run.id}`);
    expect(resumed.status).toBe('running');
    await api2.request('POST', `/api/runs/${run.id}/resume`, { mode: 'batch' });
    await waitFor('the resumed run to finish', async () => {
      const v = await api2.request<RunView>('GET', `/api/runs/${run.id}`);
      return v.status === 'finished';
    });
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);

    const after = await storedState(run.id);
    // Every alert version stored before the kill is still there, unchanged.
    for (const [id, versions] of before.history)
      expect(
        after.history.get(id)!.filter((v) => v.stepS <= killedAt),
        id,
      ).toEqual(versions);
    // The resumed run holds exactly the batch run's alerts, and one unbroken audit chain.
    expect(after.alerts).toEqual([...batch].sort((a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1)));
    expect(after.audit.slice(0, before.audit.length)).toEqual(before.audit);
    expect(verifyAuditLines(after.audit.map((r) => `${canonicalJson(r)}\n`).join(''))).toEqual({
      ok: true,
      records: after.audit.length,
    });
  });

  it('marks the run failed instead when asked to, with every stored alert intact', async () => {
    const first = await serve();
    const api = new ApiClient(first.url, ADMIN);
    const run = await startPacedRun(api);
    await killAfter(api, first, run.id, 350);
    const before = await storedState(run.id);

    const second = await serve(['--on-interrupted', 'fail']);
    expect(second.stderr()).toMatch(/0 resumed, 1 marked failed/);
    const api2 = new ApiClient(second.url, ADMIN);
    const failed = await api2.request<RunView>('GET', `/api/runs/${run.id}`);
    expect(failed).toMatchObject({ status: 'failed', progressS: before.run.progressS });
    expect(failed.statusReason).toMatch(/interrupted/);
    second.child.kill('SIGTERM');
    await second.exited;

    const after = await storedState(run.id);
    expect(after.alerts).toEqual(before.alerts);
    expect(after.history).toEqual(before.history);
    expect(after.tracks).toEqual(before.tracks);
    expect(after.audit).toEqual(before.audit);
  });
});

describe('a service stopped with SIGTERM during a run', () => {
  it('pauses the run, exits 0, and goes on with the run at the next start', async () => {
    const first = await serve();
    const api = new ApiClient(first.url, ADMIN);
    const run = await startPacedRun(api);
    await waitFor('200 s of progress', async () => {
      const v = await api.request<RunView>('GET', `/api/runs/${run.id}`);
      return (v.progressS ?? 0) >= 200;
    });
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const stopped = await storedState(run.id);
    expect(stopped.run).toMatchObject({ status: 'paused', statusReason: SHUTDOWN_REASON });

    const second = await serve();
    const api2 = new ApiClient(second.url, ADMIN);
    expect((await api2.request<RunView>('GET', `/api/runs/${run.id}`)).status).toBe('running');
    await api2.request('POST', `/api/runs/${run.id}/resume`, { mode: 'batch' });
    await waitFor('the run to finish', async () => {
      const v = await api2.request<RunView>('GET', `/api/runs/${run.id}`);
      return v.status === 'finished';
    });
    second.child.kill('SIGTERM');
    await second.exited;
    const after = await storedState(run.id);
    expect(after.alerts).toEqual([...batch].sort((a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1)));
  });
});
