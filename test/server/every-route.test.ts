// Every route of the OpenAPI document, asked the ways a request can be refused: with
// no token (401), a token of too low a role (403), a body with an unknown field (400
// naming the field), and a body over the limit (413) — all with the error body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENVELOPE_BYTES } from '../../src/exchange/envelope.ts';
import { INBOX_PATH } from '../../src/exchange/http-transport.ts';
import { DEFAULT_BODY_LIMIT } from '../../src/server/app.ts';
import { SCENARIO_BODY_LIMIT } from '../../src/server/routes/scenarios.ts';
import { call, json, type TestService, testService } from './helpers.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Operation {
  method: Method;
  url: string;
  role: string | null;
  hasBody: boolean;
  key: string;
}

let s: TestService;
let operations: Operation[];
beforeAll(async () => {
  s = await testService();
  const doc = json(await call(s.app, 'GET', '/openapi.json', null), 200);
  operations = Object.entries(
    doc.paths as Record<string, Record<string, { description: string; requestBody?: object }>>,
  )
    .flatMap(([path, ops]) =>
      Object.entries(ops).map(([method, op]) => ({
        method: method.toUpperCase() as Method,
        // Path parameters with values the path schemas accept.
        url: path
          .replace('{tokenId}', 'some-token')
          .replace('{alertId}', 'A1')
          .replace(/\{\w+\}/g, 'some-run'),
        role: /\*\*(\w+)\*\*/.exec(op.description)?.[1] ?? null,
        hasBody: op.requestBody !== undefined,
        key: `${method.toUpperCase()} ${path}`,
      })),
    )
    .filter((o) => o.url !== '/ws');
});
afterAll(async () => s.dispose());

const below: Record<string, string[]> = {
  observer: [],
  operator: ['observer'],
  admin: ['observer', 'operator'],
};

describe('every route', () => {
  it('needs a valid token when it has a role: 401 without one', async () => {
    const guarded = operations.filter((o) => o.role !== null);
    expect(guarded.length).toBeGreaterThan(30);
    for (const o of guarded) {
      for (const token of [null, 'vigil_unknown']) {
        const r = await call(s.app, o.method, o.url, token, o.hasBody ? {} : undefined);
        expect(r.statusCode, `${o.key} with ${token ?? 'no token'}`).toBe(401);
        expect(r.json().error).toBe('unauthorized');
      }
    }
  });

  it('answers 403 to a token whose role is too low', async () => {
    const tokens: Record<string, string> = { observer: s.observer, operator: s.operator };
    let checked = 0;
    for (const o of operations.filter((x) => x.role !== null)) {
      for (const role of below[o.role!]!) {
        const r = await call(s.app, o.method, o.url, tokens[role]!, o.hasBody ? {} : undefined);
        expect(r.statusCode, `${o.key} as ${role}`).toBe(403);
        expect(r.json().error).toBe('forbidden');
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('answers 400 naming an unknown body field', async () => {
    // The exchange inbox answers as the exchange protocol does (test/server/exchange-routes.test.ts).
    const withBody = operations.filter((o) => o.hasBody && o.url !== INBOX_PATH);
    expect(withBody.length).toBeGreaterThan(10);
    for (const o of withBody) {
      const r = await call(s.app, o.method, o.url, s.admin, { notAField: 1 });
      expect(r.statusCode, o.key).toBe(400);
      const problems = r.json().problems as Array<{ source: string; path: string }>;
      expect(problems, o.key).toContainEqual(
        expect.objectContaining({ source: 'request body', path: 'notAField' }),
      );
    }
  });

  it('answers 413 to a body over the limit', async () => {
    for (const o of operations.filter((x) => x.hasBody)) {
      const limit = o.url.startsWith('/api/scenarios')
        ? SCENARIO_BODY_LIMIT
        : o.url === INBOX_PATH
          ? MAX_ENVELOPE_BYTES
          : DEFAULT_BODY_LIMIT;
      const r = await call(s.app, o.method, o.url, s.admin, { text: 'x'.repeat(limit + 1) });
      expect(r.statusCode, o.key).toBe(413);
      expect(r.json().error).toBe('payload-too-large');
    }
  });

  it('answers 404 for a run that does not exist', async () => {
    const notification = {
      id: 'N1',
      regime: 'HCoC',
      kind: 'pre-launch',
      issued: '2026-05-01T12:00:00Z',
      vehicleClass: 'SLV',
      window: { start: '2026-05-01T13:00:00Z', end: '2026-05-01T14:00:00Z' },
      launchArea: { center: [45.9, 63.3], radiusKm: 50 },
      channel: 'ICC-Vienna',
    };
    const validBody = (url: string) =>
      url.endsWith('/seek')
        ? { timeS: 1 }
        : url.endsWith('comments')
          ? { text: 'x' }
          : url.endsWith('/notifications')
            ? { notification }
            : {};
    for (const o of operations.filter((x) => x.url.includes('/api/runs/some-run'))) {
      const r = await call(s.app, o.method, o.url, s.admin, o.hasBody ? validBody(o.url) : undefined);
      expect(r.statusCode, o.key).toBe(404);
      expect(r.json().error).toBe('not-found');
    }
  });
});
