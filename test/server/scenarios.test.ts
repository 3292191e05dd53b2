// /api/scenarios through the server's inject interface: versions, validation with
// located problems, the bundled list, and every way a request can be refused.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundled,
  call,
  json,
  polar,
  REPO,
  startRun,
  storeScenario,
  type TestService,
  testService,
} from './helpers.ts';

let s: TestService;
beforeAll(async () => {
  s = await testService();
});
afterAll(async () => s.dispose());

const BROKEN = `name: Broken
epoch: 2026-05-01T12:00:00Z
duration: 10m
defended: [USA]
events:
  - type: launch
    id: L1
    class: icbm-solid
    from: [95.0, 90.0]
    to: [40.0, -95.0]
    at: 60s
`;

describe('scenarios', () => {
  it('stores a scenario as version 1 and lists it with its digest', async () => {
    const created = json(
      await call(s.app, 'POST', '/api/scenarios', s.admin, { name: 'polar', text: polar() }),
      201,
    );
    expect(created).toMatchObject({ name: 'polar', version: 1 });
    expect(created.digest).toMatchObject({
      title: 'Polar ICBM',
      durationS: 2700,
      seed: 7,
      launches: 1,
      events: 1,
    });
    const list = json(await call(s.app, 'GET', '/api/scenarios', s.observer), 200);
    expect(list).toContainEqual(expect.objectContaining({ name: 'polar', latestVersion: 1, versions: 1 }));
  });

  it('adds a version with PUT (JSON or the YAML itself), and none for unchanged text', async () => {
    await storeScenario(s, 'versioned', polar(20));
    const v2 = json(await call(s.app, 'PUT', '/api/scenarios/versioned', s.admin, { text: polar(30) }), 200);
    expect(v2.version).toBe(2);
    const v3 = json(
      await s.app.inject({
        method: 'PUT',
        url: '/api/scenarios/versioned',
        headers: { authorization: `Bearer ${s.admin}`, 'content-type': 'application/yaml' },
        payload: polar(40),
      }),
      200,
    );
    expect(v3).toMatchObject({ version: 3, digest: { durationS: 2400 } });
    const same = json(
      await call(s.app, 'PUT', '/api/scenarios/versioned', s.admin, { text: polar(40) }),
      200,
    );
    expect(same.version).toBe(3);
    const versions = json(await call(s.app, 'GET', '/api/scenarios/versioned/versions', s.observer), 200);
    expect(versions.map((v: { version: number }) => v.version)).toEqual([1, 2, 3]);
    const first = json(await call(s.app, 'GET', '/api/scenarios/versioned?version=1', s.observer), 200);
    expect(first.digest.durationS).toBe(1200);
    const newest = json(await call(s.app, 'GET', '/api/scenarios/versioned', s.observer), 200);
    expect(newest.text).toBe(polar(40));
  });

  it('validates without storing, and locates each problem at its line, column and field', async () => {
    const ok = json(await call(s.app, 'POST', '/api/scenarios/validate', s.observer, { text: polar() }), 200);
    expect(ok).toMatchObject({ valid: true, digest: { title: 'Polar ICBM' } });
    const bad = json(
      await call(s.app, 'POST', '/api/scenarios/validate', s.observer, { text: BROKEN, name: 'broken.yaml' }),
      400,
    );
    expect(bad.error).toBe('bad-request');
    // `from: [95.0, 90.0]` is line 9; the latitude 95 is its first element, column 12.
    expect(bad.problems).toContainEqual(
      expect.objectContaining({
        source: 'broken.yaml',
        line: 9,
        column: 12,
        path: 'events[0].from[0]',
        pathSegments: ['events', 0, 'from', 0],
      }),
    );
    const asText = json(
      await s.app.inject({
        method: 'POST',
        url: '/api/scenarios/validate',
        headers: { authorization: `Bearer ${s.observer}`, 'content-type': 'text/plain' },
        payload: BROKEN,
      }),
      400,
    );
    expect(asText.problems[0].path).toBe('events[0].from[0]');
  });

  it('refuses a launch that cannot be flown, as vigil validate does', async () => {
    const unreachable = polar().replace('class: icbm-solid', 'class: srbm');
    const bad = json(
      await call(s.app, 'POST', '/api/scenarios/validate', s.observer, { text: unreachable }),
      400,
    );
    expect(bad.problems.some((p: { path: string }) => p.path.startsWith('events[0]'))).toBe(true);
    expect(json(await call(s.app, 'GET', '/api/scenarios', s.observer), 200)).not.toContainEqual(
      expect.objectContaining({ name: 'unreachable' }),
    );
  });

  it('answers a bad request body with the field paths of each problem', async () => {
    const r = json(
      await call(s.app, 'POST', '/api/scenarios', s.admin, { name: 'has space', text: 7, extra: true }),
      400,
    );
    const paths = r.problems.map((p: { path: string; source: string }) => `${p.source}:${p.path}`).sort();
    expect(paths).toEqual(['request body:extra', 'request body:name', 'request body:text']);
  });

  it('refuses a stored scenario that is invalid, storing nothing', async () => {
    const r = json(
      await call(s.app, 'POST', '/api/scenarios', s.admin, { name: 'broken', text: BROKEN }),
      400,
    );
    expect(r.problems[0]).toMatchObject({ line: 9, path: 'events[0].from[0]' });
    json(await call(s.app, 'GET', '/api/scenarios/broken', s.observer), 404);
  });

  it('answers 409 for a taken name, 404 for an unknown one, and 409 deleting one a run uses', async () => {
    await storeScenario(s, 'taken', polar(10));
    expect(
      json(await call(s.app, 'POST', '/api/scenarios', s.admin, { name: 'taken', text: polar() }), 409).error,
    ).toBe('conflict');
    expect(json(await call(s.app, 'GET', '/api/scenarios/nothing-here', s.observer), 404).error).toBe(
      'not-found',
    );
    json(await call(s.app, 'PUT', '/api/scenarios/nothing-here', s.admin, { text: polar() }), 404);
    json(await call(s.app, 'GET', '/api/scenarios/nothing-here/versions', s.observer), 404);
    json(await call(s.app, 'DELETE', '/api/scenarios/nothing-here', s.admin), 404);
    await startRun(s, { scenario: 'taken', paused: true });
    expect(json(await call(s.app, 'DELETE', '/api/scenarios/taken', s.admin), 409).message).toMatch(
      /used by 1 run/,
    );
  });

  it('deletes a scenario no run uses', async () => {
    await storeScenario(s, 'short-lived', polar(10));
    expect((await call(s.app, 'DELETE', '/api/scenarios/short-lived', s.admin)).statusCode).toBe(204);
    json(await call(s.app, 'GET', '/api/scenarios/short-lived', s.observer), 404);
  });

  it('needs a token to read (401) and the admin role to write (403)', async () => {
    const noToken = await call(s.app, 'GET', '/api/scenarios', null);
    expect(json(noToken, 401).error).toBe('unauthorized');
    expect(noToken.headers['www-authenticate']).toBe('Bearer');
    expect(json(await call(s.app, 'GET', '/api/scenarios', 'vigil_not-a-token'), 401).message).toMatch(
      /not valid/,
    );
    for (const token of [s.observer, s.operator]) {
      expect(
        json(await call(s.app, 'POST', '/api/scenarios', token, { name: 'x', text: polar() }), 403).error,
      ).toBe('forbidden');
      json(await call(s.app, 'PUT', '/api/scenarios/polar', token, { text: polar() }), 403);
      json(await call(s.app, 'DELETE', '/api/scenarios/polar', token), 403);
    }
  });

  it('refuses a body over the size limit with 413', async () => {
    const huge = `${polar()}\n#${'x'.repeat(2_200_000)}\n`;
    const r = await call(s.app, 'POST', '/api/scenarios', s.admin, { name: 'huge', text: huge });
    expect(json(r, 413).error).toBe('payload-too-large');
    // Other routes take far less than a scenario.
    const run = await call(s.app, 'POST', '/api/runs', s.admin, {
      scenario: 'polar',
      id: 'x'.repeat(70_000),
    });
    expect(run.statusCode).toBe(413);
  });

  it('lists every bundled scenario with its text and digest', async () => {
    const list = json(await call(s.app, 'GET', '/api/bundled-scenarios', s.observer), 200);
    const files = readdirSync(join(REPO, 'scenarios'), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.replace(/\.yaml$/, ''))
      .sort();
    expect(list.map((b: { id: string }) => b.id)).toEqual(files);
    const salvo = list.find((b: { id: string }) => b.id === 'salvo');
    expect(salvo.text).toBe(bundled('salvo'));
    // "Four ICBMs and three SLBMs" (I2 is a pair).
    expect(salvo.digest).toMatchObject({ launches: 7, events: 6, durationS: 2700 });
  });

  it('serves the scenario JSON Schema without a token', async () => {
    const schema = json(await call(s.app, 'GET', '/api/scenario-schema', null), 200);
    expect(schema.title).toBe('vigil scenario');
    expect(Object.keys(schema.properties)).toEqual(
      expect.arrayContaining(['name', 'epoch', 'duration', 'events']),
    );
  });
});
