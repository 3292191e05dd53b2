// Fault: the PostgreSQL connection of a live run's step write terminated while it
// commits (issue 9) — the one store failure the store cannot decide by itself ("may or
// may not be stored"). The run reads its stored progress back and goes on from what is
// there, so it ends with exactly the alerts and the audit chain of an undisturbed run
// of the same scenario and seed (runScenario, the batch oracle), and its chain
// verifies. Without PostgreSQL, the same decisions against a store whose answer is lost
// after it stored the step, one that fails before storing it, and one that keeps
// failing: the run then fails after a bounded number of attempts, saying why.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import type { AlertSummary } from '../../src/analysis/summary.ts';
import { verifyAuditLines } from '../../src/centre/audit/audit-log.ts';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { RunView } from '../../src/server/runs/run-events.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { polar, runView, startRun, storeScenario, type TestService, testService } from '../server/helpers.ts';
import { describeWithService, POSTGRES_URL, unreachable } from '../store/services.ts';
import { waitUntil } from './fault-helpers.ts';
import { reportFigure } from './figures.ts';

const scenarioText = polar(20);
const batch = runScenario(parseScenario(scenarioText, 'polar.yaml'));
const byFirstTime = (a: AlertSummary, b: AlertSummary) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1);

const services: TestService[] = [];
afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
});

async function serve(db?: string): Promise<TestService> {
  const s = await testService(db ? { db } : {});
  services.push(s);
  await storeScenario(s, 'polar', scenarioText);
  return s;
}

async function ended(s: TestService, id: string): Promise<RunView> {
  return waitUntil(
    `run ${id} to end`,
    async () => {
      const v = await runView(s, id);
      return v.status === 'finished' || v.status === 'failed' ? v : null;
    },
    120_000,
    50,
  );
}

/** The run ended as the undisturbed one: the same alerts, the same audit chain, verified. */
async function expectUndisturbed(store: EventStore, runId: string): Promise<number> {
  const alerts = (await store.alertsAt(runId)).sort(byFirstTime);
  expect(alerts).toEqual([...batch.summary.alerts].sort(byFirstTime));
  const audit = await store.listAudit(runId);
  expect(audit).toEqual(batch.centre.audit.records);
  expect(verifyAuditLines(audit.map((r) => `${canonicalJson(r)}\n`).join(''))).toEqual({
    ok: true,
    records: audit.length,
  });
  return alerts.length;
}

describeWithService(
  'a live run on PostgreSQL whose step COMMITs are cut',
  await unreachable(POSTGRES_URL, 5432),
  () => {
    let schema: string;
    let appName: string;
    beforeEach(() => {
      const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
      schema = `vigil_faults_run_${tag}`;
      // Named, so the test terminates the service's connections and nobody else's.
      appName = `vigil-faults-run-${tag}`;
    });
    afterEach(async () => {
      for (const s of services.splice(0)) await s.dispose();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await client.end();
    });

    it('goes on from its stored progress and ends with the undisturbed run’s alerts and audit chain', async () => {
      const url = new URL(POSTGRES_URL);
      url.searchParams.set('schema', schema);
      url.searchParams.set('application_name', appName);
      const s = await serve(url.toString());

      const killer = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
      await killer.connect();
      try {
        // A step's COMMIT made slow (while the flag is set) by a deferred trigger on the
        // run's progress, so the termination can be aimed at it; status changes stay quick.
        await killer.query(`
        CREATE TABLE slow_commits (on_ boolean);
        CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN IF EXISTS (SELECT 1 FROM slow_commits) THEN PERFORM pg_sleep(0.3); END IF; RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER slow_commit AFTER UPDATE ON runs DEFERRABLE INITIALLY DEFERRED
          FOR EACH ROW WHEN (OLD.progress_s IS DISTINCT FROM NEW.progress_s) EXECUTE FUNCTION slow_commit();`);
        // 100× real time: 20 minutes in 12 s, so the faults spread over the alert's life.
        const run = await startRun(s, { scenario: 'polar', pace: 100 });

        // A termination can miss (the COMMIT ended just before it): aim again until FAULTS hit.
        const FAULTS = 5;
        const cutWarnings = () =>
          s.logs.filter((l) => l.includes('could not store a step') && l.includes('may or may not be stored'))
            .length;
        const cutAt: number[] = [];
        let aimed = 0;
        while (cutWarnings() < FAULTS) {
          if (++aimed > 11) throw new Error(`only ${cutWarnings()} of ${aimed} terminations hit a COMMIT`);
          const from = 100 * aimed;
          await waitUntil(
            `${from} s of progress`,
            async () => ((await runView(s, run.id)).progressS ?? 0) >= from,
          );
          await killer.query('INSERT INTO slow_commits VALUES (true)');
          await waitUntil(
            'a step committing',
            async () =>
              (
                await killer.query(
                  `SELECT pg_terminate_backend(pid) AS done FROM pg_stat_activity
                 WHERE application_name = $1 AND state = 'active' AND query = 'COMMIT'`,
                  [appName],
                )
              ).rows.some((r: { done: boolean }) => r.done),
            30_000,
            5,
          );
          await killer.query('DELETE FROM slow_commits');
          const at = (await runView(s, run.id)).progressS ?? 0;
          cutAt.push(at);
          // The next fault only once the run has stored a step after this one.
          await waitUntil('a step stored after the fault', async () => {
            const v = await runView(s, run.id);
            if (v.status === 'failed') throw new Error(`run failed: ${v.statusReason}`);
            return (v.progressS ?? 0) > at + 5;
          });
        }
        const end = await ended(s, run.id);
        expect(end.status, end.statusReason ?? '').toBe('finished');
        // Each cut COMMIT was learnt not stored and the step written again (a deferred
        // trigger killed mid-sleep never commits), and nothing else went wrong.
        expect(cutWarnings()).toBe(FAULTS);
        expect(s.logs.filter((l) => l.includes('step stored on a later attempt'))).toHaveLength(FAULTS);
        expect(s.logs.filter((l) => l.includes('"level":50'))).toEqual([]);
        const alerts = await expectUndisturbed(s.store, run.id);
        reportFigure({
          subject: 'PostgreSQL COMMIT cut under a live run',
          tried: 'step COMMITs terminated during one run',
          count: FAULTS,
          failure: 'runs failed, or alerts or audit records not as in the undisturbed run',
          failures: 0,
          detail: `${aimed} terminations aimed at a committing step, ${FAULTS} hit (at ${cutAt.join(', ')} s of progress); each step read back and written again; ${alerts} alerts and ${batch.centre.audit.records.length} audit records as in the undisturbed run`,
        });
      } finally {
        await killer.end();
      }
    }, 180_000);
  },
);

describe('a store that does not answer a step write', () => {
  type Fault = 'stored, answer lost' | 'not stored' | null;
  /** Makes the store's writeStep fail as `faultAt(stepS, attempt)` says, counting the attempts per step. */
  function faulty(store: EventStore, faultAt: (stepS: number, attempt: number) => Fault) {
    const attempts = new Map<number, number>();
    const write = store.writeStep.bind(store);
    store.writeStep = async (runId, step) => {
      const n = (attempts.get(step.timeS) ?? 0) + 1;
      attempts.set(step.timeS, n);
      const fault = faultAt(step.timeS, n);
      if (fault === 'not stored') throw new Error('connection lost before COMMIT (simulated)');
      await write(runId, step);
      if (fault === 'stored, answer lost')
        throw new Error('the connection dropped while committing: the transaction may or may not be stored');
    };
    return attempts;
  }

  it('goes on from the step stored (its answer lost) or writes it again, and ends as the undisturbed run', async () => {
    const s = await serve();
    const faults: Record<number, Fault[]> = {
      // Stored though the answer was lost; not stored, then stored with its answer lost; not stored twice.
      150: ['stored, answer lost'],
      300: ['not stored', 'stored, answer lost'],
      455: ['not stored', 'not stored'],
    };
    const attempts = faulty(s.store, (t, n) => faults[t]?.[n - 1] ?? null);
    const run = await startRun(s, { scenario: 'polar', mode: 'batch' });
    const end = await ended(s, run.id);
    expect(end.status, end.statusReason ?? '').toBe('finished');
    expect(end.progressS).toBe(end.durationS);
    // Stored after all: never written again. Not stored: written until stored.
    expect([attempts.get(150), attempts.get(300), attempts.get(455)]).toEqual([1, 2, 3]);
    expect(s.logs.filter((l) => l.includes('the step had been stored after all'))).toHaveLength(2);
    await expectUndisturbed(s.store, run.id);
    // Every stored alert version on the bus too, however the step's storing was learnt.
    const expected = new Set<string>();
    for (const alert of await s.store.alertsAt(run.id))
      for (const v of await s.store.alertHistory(run.id, alert.id))
        expected.add(`${run.id}:alert:${alert.id}@${v.stepS}`);
    const seen = new Set<string>();
    const sub = await s.bus.consume(s.bus.subjects.alerts, 'check', async (m) => {
      seen.add(m.msgId);
    });
    await waitUntil('every alert message read', () => seen.size >= expected.size);
    await sub.close();
    expect(seen).toEqual(expected);
  });

  it('a store that keeps failing fails the run after a bounded number of attempts, saying why', async () => {
    const s = await serve();
    const attempts = faulty(s.store, (t) => (t >= 200 ? 'not stored' : null));
    const run = await startRun(s, { scenario: 'polar', mode: 'batch' });
    const end = await ended(s, run.id);
    expect(end.status).toBe('failed');
    expect(end.progressS).toBe(195);
    expect(end.statusReason).toMatch(/connection lost before COMMIT/);
    expect(attempts.get(200)).toBe(5);
  });
});
