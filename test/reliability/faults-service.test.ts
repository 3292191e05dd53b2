// Fault: `vigil serve` killed with SIGKILL again and again during one live run (issue
// 9) — before the first alert, while the alerts climb the ladder, while the restarted
// service is still rebuilding the run, and after the attack warning — and started
// again each time. After every kill the stored alerts are intact (every version stored
// before is still there, unchanged), none is duplicated (ids unique, each alert's
// versions one per step and its level only rising) and the audit chain verifies; the
// run, resumed to its end, holds exactly the alerts and the audit chain of an
// uninterrupted run of the same scenario and seed. On SQLite, and on PostgreSQL when
// it is reachable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import type { AlertSummary } from '../../src/analysis/summary.ts';
import { LEVELS } from '../../src/centre/assessment/alert.ts';
import { verifyAuditLines } from '../../src/centre/audit/audit-log.ts';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { ApiClient } from '../../src/server/client/api-client.ts';
import type { RunView } from '../../src/server/runs/run-events.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { AlertVersion, AuditRecord } from '../../src/store/records.ts';
import { polar } from '../server/helpers.ts';
import { describeWithService, POSTGRES_URL, unreachable } from '../store/services.ts';
import { ADMIN_TOKEN, type Service, startService, waitUntil } from './fault-helpers.ts';
import { reportFigure } from './figures.ts';

let dir: string;
let db: string;
const services: Service[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-faults-service-'));
  db = `sqlite:${join(dir, 'vigil.db')}`;
});
afterEach(async () => {
  for (const s of services.splice(0)) await s.kill9();
  rmSync(dir, { recursive: true, force: true });
});

async function serve(): Promise<{ service: Service; api: ApiClient }> {
  const service = await startService(dir, db);
  services.push(service);
  return { service, api: new ApiClient(service.url, ADMIN_TOKEN) };
}

interface Stored {
  progressS: number | null;
  status: string;
  alerts: AlertSummary[];
  history: Map<string, AlertVersion[]>;
  audit: AuditRecord[];
}

/** The run as the store holds it (read while no service runs). */
async function stored(runId: string): Promise<Stored> {
  const store = await openStore(db);
  try {
    const run = (await store.getRun(runId))!;
    const alerts = await store.alertsAt(runId);
    const history = new Map<string, AlertVersion[]>();
    for (const a of alerts) history.set(a.id, await store.alertHistory(runId, a.id));
    return {
      progressS: run.progressS,
      status: run.status,
      alerts,
      history,
      audit: await store.listAudit(runId),
    };
  } finally {
    await store.close();
  }
}

const rank = (level: string) => LEVELS.indexOf(level as (typeof LEVELS)[number]);

/** What is wrong with the stored run on its own: duplicated alerts, histories that go back, a broken chain. */
function problems(s: Stored): string[] {
  const out: string[] = [];
  const ids = s.alerts.map((a) => a.id);
  if (new Set(ids).size !== ids.length) out.push(`alert ids repeated: ${ids.join(', ')}`);
  for (const [id, versions] of s.history) {
    for (let i = 1; i < versions.length; i++) {
      const [before, after] = [versions[i - 1]!, versions[i]!];
      if (after.stepS <= before.stepS) out.push(`${id}: two versions at or before step ${after.stepS}`);
      if (rank(after.alert.level) < rank(before.alert.level))
        out.push(`${id}: level fell from ${before.alert.level} to ${after.alert.level} at ${after.stepS} s`);
    }
    const last = versions.at(-1);
    if (last && canonicalJson(last.alert) !== canonicalJson(s.alerts.find((a) => a.id === id)))
      out.push(`${id}: the current alert is not its last version`);
    if (last && s.progressS !== null && last.stepS > s.progressS)
      out.push(`${id}: a version after the run's progress`);
  }
  const verified = verifyAuditLines(s.audit.map((r) => `${canonicalJson(r)}\n`).join(''));
  if (!verified.ok) out.push(`audit chain broken at ${verified.seq}: ${verified.reason}`);
  return out;
}

/** What of `before` is not kept, unchanged, in `after`. */
function losses(before: Stored, after: Stored): string[] {
  const out: string[] = [];
  for (const [id, versions] of before.history) {
    const kept = (after.history.get(id) ?? []).filter((v) => v.stepS <= before.progressS!);
    if (canonicalJson(kept) !== canonicalJson(versions)) out.push(`${id}: stored versions changed or lost`);
  }
  if (canonicalJson(after.audit.slice(0, before.audit.length)) !== canonicalJson(before.audit))
    out.push('audit records changed or lost');
  return out;
}

async function progressOf(api: ApiClient, runId: string): Promise<number> {
  return (await api.request<RunView>('GET', `/api/runs/${runId}`)).progressS ?? 0;
}

const scenarioText = polar();
const batch = runScenario(parseScenario(scenarioText, 'polar.yaml'));
const byFirstTime = (a: AlertSummary, b: AlertSummary) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1);

async function killFourTimes(): Promise<void> {
  // Where each kill falls: progress (s of the scenario) reached, or at once on listening.
  const killPoints: Array<{ what: string; atProgressS: number | null }> = [
    { what: 'before the first alert', atProgressS: 100 },
    { what: 'while the alerts climb the ladder', atProgressS: 250 },
    { what: 'while the restarted service rebuilds the run', atProgressS: null },
    { what: 'after the attack warning', atProgressS: 700 },
  ];
  let { service, api } = await serve();
  await api.request('POST', '/api/scenarios', { name: 'polar', text: scenarioText });
  // 300× real time: the 45-minute scenario takes 9 s.
  const run = await api.request<RunView>('POST', '/api/runs', { scenario: 'polar', pace: 300 });

  const seen: string[] = [];
  let previous: Stored | null = null;
  for (const point of killPoints) {
    if (point.atProgressS !== null) {
      const at = point.atProgressS;
      await waitUntil(`${at} s of progress`, async () => (await progressOf(api, run.id)) >= at, 60_000, 25);
    }
    await service.kill9();
    const now = await stored(run.id);
    expect(now.status, point.what).toBe('running');
    expect(problems(now), point.what).toEqual([]);
    if (previous) expect(losses(previous, now), point.what).toEqual([]);
    seen.push(
      `${point.what}: ${now.progressS} s, ${now.alerts.length} alerts (${now.alerts.map((a) => a.level).join(', ') || 'none'})`,
    );
    previous = now;
    ({ service, api } = await serve());
    expect(service.stderr()).toMatch(new RegExp(`1 resumed \\(${run.id}\\)`));
  }
  // The kills fell where they were meant to: no alert yet, then some below the top, then the attack warning.
  const levels = (s: string) => s.split('(')[1];
  expect(levels(seen[0]!)).toContain('none');
  expect(levels(seen[1]!)).not.toContain('attack-warning');
  expect(levels(seen[1]!)).not.toContain('none');
  expect(levels(seen[3]!)).toContain('attack-warning');

  await api.request('POST', `/api/runs/${run.id}/resume`, { mode: 'batch' });
  await waitUntil(
    'the resumed run to finish',
    async () => (await api.request<RunView>('GET', `/api/runs/${run.id}`)).status === 'finished',
    60_000,
    50,
  );
  const verify = await api.request<{ ok: boolean; records: number }>(
    'GET',
    `/api/runs/${run.id}/audit/verify`,
  );
  await service.kill9();

  const end = await stored(run.id);
  expect(problems(end)).toEqual([]);
  expect(losses(previous!, end)).toEqual([]);
  expect(verify).toMatchObject({ ok: true, records: end.audit.length });
  // Exactly the uninterrupted run's alerts and decisions.
  expect(end.alerts).toEqual([...batch.summary.alerts].sort(byFirstTime));
  expect(end.audit).toEqual(batch.centre.audit.records);
  const wrong = problems(end).length + losses(previous!, end).length;
  reportFigure({
    subject: `service kill -9 during a run (${db.startsWith('sqlite:') ? 'SQLite' : 'PostgreSQL'})`,
    tried: 'kill -9 and restarts of vigil serve in one run',
    count: killPoints.length,
    failure: 'stored alerts lost, changed or duplicated, or audit chains broken',
    failures: wrong,
    detail: `${end.alerts.length} alerts and ${end.audit.length} audit records as in the uninterrupted run; killed ${seen.join('; ')}`,
  });
}

it('a service killed four times during one run keeps every stored alert and ends with the uninterrupted run', async () => {
  await killFourTimes();
});

describeWithService('the same on PostgreSQL', await unreachable(POSTGRES_URL, 5432), () => {
  let schema: string;
  beforeEach(() => {
    schema = `vigil_faults_svc_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const url = new URL(POSTGRES_URL);
    url.searchParams.set('schema', schema);
    db = url.toString();
  });
  afterEach(async () => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await client.end();
  });

  it('a service on PostgreSQL killed four times during one run ends with the uninterrupted run', async () => {
    await killFourTimes();
  });
});
