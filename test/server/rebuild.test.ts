// A run continued by a new service process rebuilds its centre from the scenario and
// seed and checks it against what is stored: it goes on when they agree, and is marked
// failed — never continued wrongly — when the stored alerts are not what the centre
// would have made.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import {
  call,
  finished,
  json,
  polar,
  runView,
  startRun,
  storeScenario,
  testService,
  waitFor,
} from './helpers.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-rebuild-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function heldAt(db: string, timeS: number): Promise<string> {
  const first = await testService({ db });
  await storeScenario(first, 'polar', polar(12));
  const run = await startRun(first, { scenario: 'polar', paused: true });
  json(await call(first.app, 'POST', `/api/runs/${run.id}/seek`, first.admin, { timeS }), 200);
  await first.dispose();
  return run.id;
}

describe('a run continued by another process', () => {
  it('goes on from its stored progress to the batch run’s alerts', async () => {
    const db = `sqlite:${join(dir, 'vigil.db')}`;
    const id = await heldAt(db, 300);
    const second = await testService({ db });
    json(await call(second.app, 'POST', `/api/runs/${id}/resume`, second.admin, { mode: 'batch' }), 200);
    await finished(second, id);
    const batch = runScenario(parseScenario(polar(12), 'polar.yaml')).summary.alerts;
    expect(await second.store.alertsAt(id)).toEqual(batch);
    await second.dispose();
  });

  it('is marked failed when its stored alerts are not what its centre makes', async () => {
    const path = join(dir, 'vigil.db');
    const id = await heldAt(`sqlite:${path}`, 300);
    const raw = new Database(path);
    const changed = raw
      .prepare("UPDATE alerts SET data = json_set(data, '$.confidence', 0.01) WHERE run_id = ?")
      .run(id).changes;
    raw.close();
    expect(changed).toBeGreaterThan(0);
    const second = await testService({ db: `sqlite:${path}` });
    json(await call(second.app, 'POST', `/api/runs/${id}/resume`, second.admin, { mode: 'batch' }), 200);
    const failed = await waitFor('the run to fail', async () => {
      const v = await runView(second, id);
      return v.status === 'failed' ? v : null;
    });
    expect(failed.statusReason).toMatch(
      /cannot go on: the centre rebuilt to 300 s does not hold the alerts stored/,
    );
    expect(failed.progressS).toBe(300);
    await second.dispose();
  });
});
