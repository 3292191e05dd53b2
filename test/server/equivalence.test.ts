// One scenario three ways — the batch run (`vigil run`), a live run at a fast pace
// followed on the stream, and a replay of the stored run played back from its start —
// must give the same alerts: at the end, and at every step the live run showed.
// Against SQLite always, and PostgreSQL when it is reachable.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import type { AlertSummary } from '../../src/analysis/summary.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import type { ServerMessage } from '../../src/server/schemas/stream.ts';
import { describeWithService, POSTGRES_URL, unreachable } from '../store/services.ts';
import {
  bundled,
  call,
  finished,
  json,
  startRun,
  storeScenario,
  type TestService,
  testService,
} from './helpers.ts';
import { connectStream } from './stream-client.ts';

type Alert = Extract<ServerMessage, { type: 'step' }>['alerts'][number];

function plain(alerts: Iterable<Alert>): AlertSummary[] {
  return [...alerts]
    .map(({ operator: _, ...a }) => a as AlertSummary)
    .sort((a, b) => a.timeS - b.timeS || (a.id < b.id ? -1 : 1));
}

function equivalence(db: () => string) {
  let s: TestService;
  beforeAll(async () => {
    s = await testService({ db: db(), tickMs: 50 });
    await storeScenario(s, 'salvo', bundled('salvo'));
  });
  afterAll(async () => s.dispose());

  it('the salvo gives the same alerts in batch, live at 3000× and in replay', async () => {
    const batch = runScenario(parseScenario(bundled('salvo'), 'salvo.yaml')).summary.alerts;
    expect(batch.some((a) => a.level === 'attack-warning')).toBe(true);

    const run = await startRun(s, { scenario: 'salvo', pace: 3000, paused: true });
    const c = await connectStream(s.app, s.observer);
    c.send({ type: 'subscribe', runId: run.id });
    await c.next('snapshot');
    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin), 200);
    await finished(s, run.id, 120_000);

    // Live: the stream's deltas, as a console applies them, step by step.
    const live = new Map<string, Alert>();
    const liveAt = new Map<number, AlertSummary[]>();
    for (const m of c.messages) {
      if (m.type !== 'step') continue;
      for (const a of m.alerts) live.set(a.id, a);
      liveAt.set(m.timeS, plain(live.values()));
    }
    expect(liveAt.size).toBe(540);
    expect(plain(live.values())).toEqual(
      plain(batch.map((a) => ({ ...a, operator: null }) as unknown as Alert)),
    );

    // Replay: back to the start, then played through in batch mode from the store.
    const mark = c.messages.length;
    json(await call(s.app, 'POST', `/api/runs/${run.id}/seek`, s.admin, { timeS: 0 }), 200);
    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
    await c.next('run', (m) => !m.run.clock.playing && m.run.clock.timeS === 2700, mark, 120_000);
    const replays = c.messages
      .slice(mark)
      .filter(
        (m): m is Extract<ServerMessage, { type: 'snapshot' }> =>
          m.type === 'snapshot' && m.reason === 'replay',
      );
    expect(replays.map((m) => m.picture.stepS)).toEqual([...liveAt.keys()]);
    for (const m of replays)
      expect(plain(m.picture.alerts), `alerts at ${m.picture.stepS} s`).toEqual(liveAt.get(m.picture.stepS!));
    c.close();
  });
}

describe('batch, live and replay on SQLite', () => equivalence(() => 'sqlite::memory:'));

let schemaCounter = 0;
describeWithService('batch, live and replay on PostgreSQL', await unreachable(POSTGRES_URL, 5432), () => {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('schema', `vigil_server_${process.pid}_${++schemaCounter}`);
  equivalence(() => url.toString());
  afterAll(async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${url.searchParams.get('schema')} CASCADE`);
    await client.end();
  });
});
