// The service around the routes: the OpenAPI document and docs, health and
// readiness, tokens over the API, the console's static files, logs without tokens,
// and the answers to requests no route takes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { call, json, polar, startRun, storeScenario, type TestService, testService } from './helpers.ts';
import { connectStream } from './stream-client.ts';

let s: TestService;
beforeAll(async () => {
  s = await testService({ webRoot: join(tmpdir(), 'vigil-no-console-here') });
});
afterAll(async () => s.dispose());

/** Every `$ref` in a document. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refs(v, out);
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  return out;
}

describe('the OpenAPI document', () => {
  it('documents the routes the server answers, with their roles and error answers', async () => {
    const doc = json(await call(s.app, 'GET', '/openapi.json', null), 200);
    expect(doc.openapi).toBe('3.1.0');
    const operations = Object.entries(
      doc.paths as Record<string, Record<string, { description: string; responses: object }>>,
    ).flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ key: `${method.toUpperCase()} ${path}`, op })),
    );
    const keys = operations.map((o) => o.key);
    for (const expected of [
      'GET /health',
      'GET /ready',
      'GET /api/me',
      'POST /api/tokens',
      'POST /api/scenarios',
      'POST /api/scenarios/validate',
      'PUT /api/scenarios/{name}',
      'DELETE /api/scenarios/{name}',
      'POST /api/runs',
      'POST /api/runs/{id}/seek',
      'GET /api/runs/{id}/picture',
      'GET /api/runs/{id}/network',
      'POST /api/runs/{id}/alerts/{alertId}/acknowledge',
      'POST /api/runs/{id}/notifications',
      'GET /api/runs/{id}/audit/verify',
      'GET /ws',
    ])
      expect(keys).toContain(expected);
    // Each documented operation is a route the server has.
    for (const { key } of operations) {
      const [method, path] = key.split(' ') as [string, string];
      expect(s.app.hasRoute({ method: method as 'GET', url: path.replace(/\{(\w+)\}/g, ':$1') }), key).toBe(
        true,
      );
    }
    const admin = operations.find((o) => o.key === 'POST /api/runs')!.op;
    expect(admin.description).toMatch(/admin/);
    expect(Object.keys(admin.responses)).toEqual(expect.arrayContaining(['201', '400', '401', '403']));
    // Every reference resolves to a component.
    for (const ref of refs(doc)) {
      const name = ref.replace('#/components/schemas/', '');
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
    for (const name of [
      'Alert',
      'AlertView',
      'Track',
      'Picture',
      'Run',
      'Error',
      'StreamServerMessage',
      'StreamClientMessage',
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
  });

  it('is browsable at /docs', async () => {
    const page = await call(s.app, 'GET', '/docs', null);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const spec = json(await call(s.app, 'GET', '/docs/json', null), 200);
    expect(spec.info.title).toBe('vigil service API');
  });
});

describe('health and readiness', () => {
  it('answers health always and readiness once ready, naming the store and bus', async () => {
    expect(json(await call(s.app, 'GET', '/health', null), 200).status).toBe('ok');
    expect(json(await call(s.app, 'GET', '/ready', null), 200)).toMatchObject({
      status: 'ready',
      store: 'sqlite',
      bus: 'memory',
    });
    const starting = await buildApp({ store: s.store, bus: s.bus, tokens: s.tokens });
    expect(json(await starting.app.inject({ url: '/ready' }), 503).status).toBe('starting');
    starting.setState('ready');
    expect(json(await starting.app.inject({ url: '/ready' }), 200).status).toBe('ready');
    await starting.app.close();
  });
});

describe('tokens', () => {
  it('are created by admins, shown once, listed without secrets, and revoked', async () => {
    const created = json(
      await call(s.app, 'POST', '/api/tokens', s.admin, { name: 'night shift', role: 'operator' }),
      201,
    );
    expect(created.token).toMatch(/^vigil_/);
    expect(json(await call(s.app, 'GET', '/api/me', created.token), 200)).toEqual({
      name: 'night shift',
      role: 'operator',
      tokenId: created.info.id,
    });
    const listed = await call(s.app, 'GET', '/api/tokens', s.admin);
    expect(listed.body).not.toContain(created.token);
    expect(json(listed, 200).find((t: { id: string }) => t.id === created.info.id)).toEqual(created.info);
    expect((await call(s.app, 'DELETE', `/api/tokens/${created.info.id}`, s.admin)).statusCode).toBe(204);
    json(await call(s.app, 'GET', '/api/me', created.token), 401);
    json(await call(s.app, 'DELETE', `/api/tokens/${created.info.id}`, s.admin), 404);
  });

  it('are managed by admins only, with checked bodies', async () => {
    json(await call(s.app, 'POST', '/api/tokens', s.operator, { name: 'x', role: 'admin' }), 403);
    json(await call(s.app, 'GET', '/api/tokens', s.observer), 403);
    const bad = json(await call(s.app, 'POST', '/api/tokens', s.admin, { name: '', role: 'king' }), 400);
    expect(bad.problems.map((p: { path: string }) => p.path).sort()).toEqual(['name', 'role']);
  });
});

describe('requests no route takes', () => {
  it('answers an unknown route 404, bad JSON 400 and an unknown body type 415, all with the error body', async () => {
    expect(json(await call(s.app, 'GET', '/api/nothing', s.observer), 404)).toMatchObject({
      error: 'not-found',
    });
    const badJson = await s.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { authorization: `Bearer ${s.admin}`, 'content-type': 'application/json' },
      payload: '{"scenario": ',
    });
    expect(json(badJson, 400).error).toBe('bad-request');
    const xml = await s.app.inject({
      method: 'POST',
      url: '/api/runs',
      headers: { authorization: `Bearer ${s.admin}`, 'content-type': 'application/xml' },
      payload: '<run/>',
    });
    expect(json(xml, 415).error).toBe('unsupported-media-type');
  });
});

describe('the console', () => {
  it('says where the API is when the console is not built', async () => {
    const page = await call(s.app, 'GET', '/', null);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('/docs');
  });

  it("serves the console's built files at / when there are some", async () => {
    const web = mkdtempSync(join(tmpdir(), 'vigil-web-'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>vigil console</title>');
    writeFileSync(join(web, 'app.js'), 'console.log(1)');
    const withConsole = await testService({ webRoot: web });
    const index = await call(withConsole.app, 'GET', '/', null);
    expect(index.body).toContain('vigil console');
    expect((await call(withConsole.app, 'GET', '/app.js', null)).headers['content-type']).toMatch(
      /javascript/,
    );
    // A page address of the console's own routing gets the page; API addresses stay 404.
    const page = await withConsole.app.inject({ url: '/runs/r1/alerts', headers: { accept: 'text/html' } });
    expect(page.body).toContain('vigil console');
    expect(
      json(await withConsole.app.inject({ url: '/api/none', headers: { accept: 'text/html' } }), 404).error,
    ).toBe('not-found');
    expect((await withConsole.app.inject({ url: '/missing.js' })).statusCode).toBe(404);
    // The API still answers beside the files.
    expect(json(await call(withConsole.app, 'GET', '/health', null), 200).status).toBe('ok');
    await withConsole.dispose();
  });
});

describe('logs', () => {
  it('are JSON lines that never contain a token, from headers or the stream URL', async () => {
    await storeScenario(s, 'logged', polar(10));
    const run = await startRun(s, { scenario: 'logged', paused: true });
    await call(s.app, 'GET', `/api/runs/${run.id}`, s.observer);
    await call(s.app, 'GET', '/api/me', 'vigil_a-wrong-token-that-must-not-be-logged');
    const c = await connectStream(s.app, s.operator);
    await c.next('hello');
    c.close();
    await new Promise((r) => setTimeout(r, 50));
    expect(s.logs.length).toBeGreaterThan(5);
    for (const line of s.logs) expect(() => JSON.parse(line)).not.toThrow();
    const all = s.logs.join('\n');
    for (const secret of [s.admin, s.operator, s.observer, 'vigil_a-wrong-token-that-must-not-be-logged'])
      expect(all).not.toContain(secret);
    expect(all).toContain('/ws?token=***');
  });
});
