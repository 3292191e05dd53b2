// `vigil run <scenario> --live` against a service listening on a real port: the
// scenario uploaded, the run started and followed on the stream to its end, with the
// alerts of the batch run; and the refusals (no token, a broken file, a service that
// is not there) with their exit codes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../src/analysis/run-scenario.ts';
import { parseScenario } from '../../src/scenario/load.ts';
import { runCli } from '../cli/helpers.ts';
import { call, json, polar, type TestService, testService } from './helpers.ts';

let s: TestService;
let url: string;
let file: string;
beforeAll(async () => {
  s = await testService();
  await s.app.listen({ port: 0, host: '127.0.0.1' });
  const address = s.app.server.address();
  url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  file = join(mkdtempSync(join(tmpdir(), 'vigil-live-')), 'polar twelve.yaml');
  writeFileSync(file, polar(12));
});
afterAll(async () => s.dispose());

describe('vigil run --live', () => {
  it('uploads the scenario, runs it in the service and tells each alert level change until the end', async () => {
    const r = await runCli('run', file, '--live', '--server', url, '--token', s.admin, '--pace', 'max');
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      /^run \S+ of polar-twelve v1 \(seed 7\) on http:\/\/127\.0\.0\.1:\d+\/?, batch$/,
    );
    expect(lines.at(-1)).toBe('T+12:00  run finished');
    const batch = runScenario(parseScenario(polar(12), 'polar.yaml')).summary.alerts;
    for (const a of batch) {
      const top = a.levelHistory.at(-1)!;
      const m = Math.floor(top.timeS / 60);
      const sec = String(Math.round(top.timeS % 60)).padStart(2, '0');
      expect(r.stdout).toContain(`T+${m}:${sec}  ${a.id} ${a.level}`);
    }
    const stored = json(await call(s.app, 'GET', '/api/scenarios/polar-twelve', s.observer), 200);
    expect(stored.text).toBe(polar(12));
  });

  it('prints the run and its alerts as JSON with --json, uploading a second run as the same version', async () => {
    const r = await runCli(
      'run',
      file,
      '--live',
      '--server',
      url,
      '--token',
      s.admin,
      '--pace',
      'max',
      '--json',
    );
    expect(r.code, r.stderr).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.run).toMatchObject({
      status: 'finished',
      scenarioName: 'polar-twelve',
      scenarioVersion: 1,
      progressS: 720,
    });
    const batch = runScenario(parseScenario(polar(12), 'polar.yaml')).summary.alerts;
    expect(doc.alerts.map(({ operator: _, ...a }: { operator: unknown }) => a)).toEqual(batch);
  });

  it('exits 2 without a token, for a broken scenario (located), a bad pace, and --out', async () => {
    const saved = process.env['VIGIL_TOKEN'];
    delete process.env['VIGIL_TOKEN'];
    try {
      const none = await runCli('run', file, '--live', '--server', url);
      expect(none.code).toBe(2);
      expect(none.stderr).toMatch(/--token: a live run needs a token/);
    } finally {
      if (saved !== undefined) process.env['VIGIL_TOKEN'] = saved;
    }
    const broken = join(mkdtempSync(join(tmpdir(), 'vigil-live-')), 'broken.yaml');
    writeFileSync(broken, polar(12).replace('from: [55.0, 90.0]', 'from: [95.0, 90.0]'));
    const bad = await runCli('run', broken, '--live', '--server', url, '--token', s.admin);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /broken\.yaml:\d+:\d+: events\[0\]\.from\[0\]: latitude must be between -90 and 90/,
    );
    const pace = await runCli('run', file, '--live', '--server', url, '--token', s.admin, '--pace', '-2');
    expect(pace.code).toBe(2);
    const out = await runCli(
      'run',
      file,
      '--live',
      '--server',
      url,
      '--token',
      s.admin,
      '--out',
      'somewhere',
    );
    expect(out.code).toBe(2);
    expect(out.stderr).toMatch(/--out: a live run is kept by the service/);
  });

  it('exits 2 when the service refuses the token, 1 when it is not there', async () => {
    const refused = await runCli('run', file, '--live', '--server', url, '--token', s.observer);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--token: this needs the admin role; the token 'student' is observer/);
    const away = await runCli('run', file, '--live', '--server', 'http://127.0.0.1:9', '--token', s.admin);
    expect(away.code).toBe(1);
    expect(away.stderr).toMatch(/cannot reach the service/);
  });
});
