// Fault: the PostgreSQL store's connections terminated by the server in the middle of
// a run (issue 9), as a failover or an administrator's pg_terminate_backend does. A
// writer stores steps one after another while a second connection terminates every
// backend of the store's pool at random moments: the store runs a transaction (or a
// read) again on a fresh connection when its connection dropped before COMMIT, and
// fails cleanly only when it dropped while committing (the writer then writes the step
// again, and learns it was stored); no step is half-written, every step the store
// acknowledged is there exactly once, later writes and reads succeed, and the run's
// audit chain verifies.
import pg from 'pg';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { AuditLog, verifyAuditLines } from '../../src/centre/audit/audit-log.ts';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import type { EventStore } from '../../src/store/event-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { RunStep } from '../../src/store/records.ts';
import { StoreError } from '../../src/store/store-error.ts';
import { scenarioText, syntheticStep } from '../store/fixtures.ts';
import { describeWithService, POSTGRES_URL, unreachable } from '../store/services.ts';
import { sleep, waitUntil } from './fault-helpers.ts';
import { reportFigure } from './figures.ts';

const STEPS = 60;
const REPORTS_PER_STEP = 400;

let schema: string;
let appName: string;
let store: EventStore | undefined;

const WHOLE_STEP = {
  reports: REPORTS_PER_STEP,
  truthLabels: REPORTS_PER_STEP,
  trackStates: 1,
  alertVersions: 1,
  audit: 1,
};

/** A connection of the test's own (not the store's), with the schema on its search path. */
async function withClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${schema}` });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

beforeEach(() => {
  const tag = `${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  schema = `vigil_faults_${tag}`;
  // Named, so the test terminates the store's connections and nobody else's on a shared server.
  appName = `vigil-faults-${tag}`;
});
afterEach(async () => {
  await store?.close();
  store = undefined;
  await withClient((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
});

/** Terminates every backend of the store's pool; resolves to their states just before. */
async function terminateStoreBackends(killer: pg.Client): Promise<string[]> {
  const { rows } = await killer.query(
    `SELECT pg_terminate_backend(pid) AS done, state FROM pg_stat_activity
     WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = $1`,
    [appName],
  );
  return rows.filter((r: { done: boolean }) => r.done).map((r: { state: string | null }) => r.state ?? '?');
}

/** How many rows step k left in each table (0 everywhere, or all of them, is a whole step). */
async function rowsOfStep(client: pg.Client, runId: string, k: number) {
  const count = async (sql: string) => Number((await client.query(sql, [runId, k])).rows[0].n);
  return {
    reports: await count('SELECT count(*) AS n FROM reports WHERE run_id = $1 AND step_s = $2'),
    truthLabels: await count(
      `SELECT count(*) AS n FROM truth_labels l JOIN reports r USING (run_id, report_id)
       WHERE l.run_id = $1 AND r.step_s = $2`,
    ),
    trackStates: await count('SELECT count(*) AS n FROM track_states WHERE run_id = $1 AND step_s = $2'),
    alertVersions: await count('SELECT count(*) AS n FROM alert_versions WHERE run_id = $1 AND step_s = $2'),
    audit: await count(
      `SELECT count(*) AS n FROM audit_records WHERE chain = $1 AND (data::jsonb ->> 'step')::int = $2`,
    ),
  };
}

/** A store on the test's schema, its connections named, with one run in status running. */
async function runningStore() {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', schema);
  url.searchParams.set('application_name', appName);
  const opened = await openStore(url.toString());
  store = opened;
  const v = await opened.saveScenario('faults', scenarioText());
  const run = await opened.setRunStatus(
    (await opened.createRun({ scenarioName: v.name, scenarioVersion: v.version, seed: 7 })).id,
    'running',
  );
  return { store: opened, run };
}

describeWithService('PostgreSQL connections dropped mid-run', await unreachable(POSTGRES_URL, 5432), () => {
  it('every write succeeds or fails cleanly, no step is half-written, and the store goes on', async () => {
    const { store, run } = await runningStore();

    // The steps, each with one audit record chained to the one before.
    const audit = new AuditLog();
    const steps: RunStep[] = Array.from({ length: STEPS }, (_, i) => ({
      ...syntheticStep(i + 1, REPORTS_PER_STEP),
      audit: [audit.append(i + 1, 'level-change', `step ${i + 1}`, { step: i + 1 })],
    }));

    const killer = new pg.Client({ connectionString: POSTGRES_URL });
    await killer.connect();
    let writing = true;
    let faults = 0;
    const states: string[] = [];
    const acknowledged: number[] = [];
    const killing = (async () => {
      // One drop at a random moment, then none until a step has been stored after it:
      // each fault is an outage of its own (a failover, an administrator's kill), not
      // a storm that no retry could outlast. 0–40 ms falls inside a step's
      // transaction or between steps.
      while (writing) {
        await sleep(Math.random() * 40);
        const killed = await terminateStoreBackends(killer);
        if (killed.length === 0) continue;
        faults++;
        states.push(...killed);
        const after = acknowledged.length;
        await waitUntil(
          'a step stored after the fault',
          () => acknowledged.length > after || !writing,
          30_000,
          1,
        );
      }
    })();

    const failures: string[] = [];
    let committedDespiteError = 0;
    try {
      for (const step of steps) {
        // Reads between the writes meet the same drops, and must not fail.
        expect((await store.getRun(run.id))!.progressS).toBe(acknowledged.at(-1) ?? null);
        for (let attempt = 1; ; attempt++) {
          try {
            await store.writeStep(run.id, step);
            acknowledged.push(step.timeS);
            break;
          } catch (err) {
            if (err instanceof StoreError && err.code === 'conflict' && attempt > 1) {
              // The step written again was already there: the lost COMMIT had gone through.
              expect((await store.getRun(run.id))!.progressS).toBe(step.timeS);
              committedDespiteError++;
              acknowledged.push(step.timeS);
              break;
            }
            // A drop before COMMIT is retried by the store; the only failure it may
            // give is the one it cannot decide: the connection lost while committing.
            expect((err as Error).message).toMatch(/dropped while committing/);
            failures.push((err as Error).message);
            if (attempt > 20) throw new Error(`step ${step.timeS} still failing: ${(err as Error).message}`);
          }
        }
      }
    } finally {
      writing = false;
      await killing;
      await killer.end();
    }

    // Every step acknowledged, each exactly once and whole.
    expect(acknowledged).toEqual(steps.map((s) => s.timeS));
    const halfWritten: number[] = [];
    await withClient(async (client) => {
      for (const k of acknowledged) {
        const rows = await rowsOfStep(client, run.id, k);
        if (canonicalJson(rows) !== canonicalJson(WHOLE_STEP)) halfWritten.push(k);
        expect(rows, `step ${k}`).toEqual(WHOLE_STEP);
      }
    });
    // Reads and writes go on after the last fault; the chain is whole and verifies.
    expect((await store.getRun(run.id))!.progressS).toBe(STEPS);
    const records = await store.listAudit(run.id);
    expect(records).toEqual(audit.records);
    expect(verifyAuditLines(records.map((r) => `${canonicalJson(r)}\n`).join(''))).toEqual({
      ok: true,
      records: STEPS,
    });
    expect((await store.setRunStatus(run.id, 'finished')).status).toBe('finished');

    // The faults did hit the writer's connections, some of them mid-statement or
    // mid-transaction (else this test proves nothing).
    expect(faults).toBeGreaterThanOrEqual(10);
    const busy = states.filter((s) => s === 'active' || s.startsWith('idle in transaction')).length;
    expect(busy).toBeGreaterThan(0);
    reportFigure({
      subject: 'PostgreSQL connections dropped',
      tried: 'connection drops injected while steps were written',
      count: faults,
      failure: 'steps lost, duplicated or half-written',
      failures: halfWritten.length,
      detail: `${states.length} backends terminated (${busy} in the middle of a statement or transaction) over ${STEPS} steps of ${REPORTS_PER_STEP} reports; ${failures.length} writes failed (connection lost while committing) and were written again, ${committedDespiteError} of them had been stored`,
    });
  });

  it('a connection dropped while committing is an error saying the step may be stored, and the step written again is whole', async () => {
    const { store, run } = await runningStore();
    // COMMIT made slow by a deferred trigger on the run's progress, so the drop can be aimed at it.
    await withClient((c) =>
      c.query(`
        CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN PERFORM pg_sleep(0.5); RETURN NULL; END $$;
        CREATE CONSTRAINT TRIGGER slow_commit AFTER UPDATE ON runs
          DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();`),
    );
    const step = {
      ...syntheticStep(1, REPORTS_PER_STEP),
      audit: [new AuditLog().append(1, 'level-change', 'step 1', { step: 1 })],
    };
    const writing = store.writeStep(run.id, step).then(
      () => null,
      (err: Error) => err,
    );
    const terminated = await withClient(async (killer) => {
      await waitUntil(
        'the store to be committing',
        async () =>
          (
            await killer.query(
              "SELECT 1 FROM pg_stat_activity WHERE application_name = $1 AND state = 'active' AND query = 'COMMIT'",
              [appName],
            )
          ).rowCount! > 0,
        10_000,
        5,
      );
      return terminateStoreBackends(killer);
    });
    expect(terminated).toContain('active');
    const err = await writing;
    expect(err?.message).toMatch(/dropped while committing: the transaction may or may not be stored/);

    // Killed inside COMMIT, before the commit record: nothing of the step is there.
    await withClient((c) => c.query('DROP TRIGGER slow_commit ON runs'));
    expect((await store.getRun(run.id))!.progressS).toBeNull();
    await store.writeStep(run.id, step);
    await withClient(async (c) => expect(await rowsOfStep(c, run.id, 1)).toEqual(WHOLE_STEP));
    expect((await store.getRun(run.id))!.progressS).toBe(1);
  });
});
