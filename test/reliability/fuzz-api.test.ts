// Fuzzing the API's write routes through the server's inject interface (a real app on
// a throwaway SQLite store): random JSON, random text under any content type, and
// valid bodies with fields deleted, renamed, retyped or added, to scenario, run,
// run-control, operator, notification and token routes, with path names fuzzed too.
// Every answer is 2xx or 4xx — never 5xx — each 4xx has the standard error body
// {error, message, problems?} with one-line located problems, and a rejected write
// leaves what the API lists (scenarios, runs, tokens, the target run's actions and
// notifications) exactly as it was.
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  bundled,
  json,
  polar,
  startRun,
  storeScenario,
  type TestService,
  testService,
} from '../server/helpers.ts';
import { fuzzAsync, fuzzDetail, mutatedData, mutatedText, NASTY_STRINGS, preview } from './arbitraries.ts';
import { expectStandardError } from './decoder-checks.ts';
import { reportFigure } from './figures.ts';

let s: TestService;
let target: string;
const SCENARIO = polar(1);

beforeAll(async () => {
  s = await testService({ tickMs: 50 });
  await storeScenario(s, 'base', SCENARIO);
  target = (await startRun(s, { scenario: 'base', paused: true, id: 'target' })).id;
});
afterAll(async () => s?.dispose());

type Method = 'POST' | 'PUT' | 'DELETE';

interface Route {
  method: Method;
  /** The path with `{name}` where a fuzzed or valid path name goes. */
  path: string;
  /** A path name the route knows. */
  name: string;
  /** Valid bodies, to mutate. */
  bodies: unknown[];
  /** Takes the body as YAML or plain text too. */
  text?: boolean;
}

const notification = (id: string) => ({
  id,
  regime: 'HCoC',
  kind: 'pre-launch',
  issued: '2026-05-01T12:00:30Z',
  vehicleClass: 'SLV',
  window: { start: '2026-05-01T13:00:00Z', end: '2026-05-01T14:00:00Z' },
  launchArea: { center: [45.9, 63.3], radiusKm: 50 },
  channel: 'ICC-Vienna',
});

const ROUTES: Route[] = [
  { method: 'POST', path: '/api/scenarios', name: '', bodies: [{ name: 'fz', text: SCENARIO }] },
  {
    method: 'POST',
    path: '/api/scenarios/validate',
    name: '',
    bodies: [{ text: SCENARIO, name: 'x.yaml' }, { text: bundled('salvo') }],
    text: true,
  },
  { method: 'PUT', path: '/api/scenarios/{name}', name: 'base', bodies: [{ text: SCENARIO }], text: true },
  { method: 'DELETE', path: '/api/scenarios/{name}', name: 'base', bodies: [] },
  {
    method: 'POST',
    path: '/api/runs',
    name: '',
    bodies: [{ scenario: 'base', paused: true, mode: 'paced', pace: 1, seed: 7 }],
  },
  { method: 'POST', path: '/api/runs/{name}/pause', name: 'target', bodies: [{}] },
  {
    method: 'POST',
    path: '/api/runs/{name}/resume',
    name: 'target',
    bodies: [{ mode: 'paced', pace: 0.001 }],
  },
  { method: 'POST', path: '/api/runs/{name}/seek', name: 'target', bodies: [{ timeS: 0 }] },
  {
    method: 'POST',
    path: '/api/runs/{name}/alerts/A1/acknowledge',
    name: 'target',
    bodies: [{ text: 'seen' }, {}],
  },
  { method: 'POST', path: '/api/runs/{name}/alerts/A1/comments', name: 'target', bodies: [{ text: 'note' }] },
  { method: 'POST', path: '/api/runs/{name}/comments', name: 'target', bodies: [{ text: 'note' }] },
  {
    method: 'POST',
    path: '/api/runs/{name}/notifications',
    name: 'target',
    bodies: [{ notification: notification('FZ-1') }],
  },
  { method: 'POST', path: '/api/tokens', name: '', bodies: [{ name: 'fuzz', role: 'observer' }] },
  { method: 'DELETE', path: '/api/tokens/{name}', name: 'no-such-token', bodies: [] },
];

const CONTENT_TYPES = [
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  'application/yaml',
  'application/octet-stream',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'text/html',
];

interface Request {
  route: Route;
  name: string;
  token: 'admin' | 'operator' | 'observer' | 'none' | 'bogus';
  contentType: string | null;
  payload: string | null;
}

/** Path segments sent without encoding: broken escapes, encoded separators, an encoded NUL. */
const RAW_NAMES = ['%', '%E0%A4%A', '%zz', '%00', '..%2F..%2Fhealth', 'a%2Fb', '%C0%AF'];

const pathName = fc.oneof(
  { weight: 1, arbitrary: fc.constantFrom(...RAW_NAMES) },
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom(...NASTY_STRINGS.filter((n) => n !== '')) },
  { weight: 1, arbitrary: fc.constant('x'.repeat(300)) },
);

const request: fc.Arbitrary<Request> = fc
  .record({
    route: fc.constantFrom(...ROUTES),
    name: pathName,
    token: fc.oneof(
      { weight: 12, arbitrary: fc.constant('admin' as const) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          'operator' as const,
          'observer' as const,
          'none' as const,
          'bogus' as const,
        ),
      },
    ),
    contentType: fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      { weight: 2, arbitrary: fc.constantFrom(...CONTENT_TYPES) },
      { weight: 1, arbitrary: fc.constant(null) },
    ),
    body: fc.nat(),
    kind: fc.nat(4),
    random: fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
      fc.string({ unit: 'binary', maxLength: 300 }),
    ),
  })
  .chain((r) => {
    const bodies = r.route.bodies;
    const mutated =
      bodies.length > 0 ? mutatedData(bodies).map((d) => JSON.stringify(d) ?? 'null') : fc.constant(r.random);
    const text = mutatedText([SCENARIO, bundled('salvo')]);
    const payload: fc.Arbitrary<string | null> =
      r.kind === 0
        ? fc.constant(r.random)
        : r.kind === 1 && r.route.text
          ? text
          : r.kind === 2
            ? fc.constant(null)
            : mutated;
    return payload.map((p) => ({
      route: r.route,
      name: r.name ?? r.route.name,
      token: r.token,
      contentType: r.kind === 1 && r.route.text ? 'text/plain' : r.contentType,
      payload: p,
    }));
  });

/** What the API lists: a rejected write must leave all of it as it was. Clocks and progress move on their own and are left out. */
async function listing(): Promise<string> {
  const get = async (url: string) =>
    json(await s.app.inject({ method: 'GET', url, headers: bearer(s.admin) }), 200);
  const runs = (await get('/api/runs')) as Array<Record<string, unknown>>;
  return JSON.stringify({
    scenarios: await get('/api/scenarios'),
    runs: runs.map((r) => [r['id'], r['scenarioName'], r['scenarioVersion'], r['seed'], r['parameters']]),
    tokens: await get('/api/tokens'),
    actions: await get(`/api/runs/${target}/actions`),
    notifications: await get(`/api/runs/${target}/notifications`),
  });
}

/** The path with the name percent-encoded — or as it is, for the raw (broken) escapes among the names. */
function urlOf(r: Request): string {
  const encoded = RAW_NAMES.includes(r.name)
    ? r.name
    : [...Buffer.from(r.name, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
  return r.route.path.replace('{name}', encoded);
}

function send(r: Request): Promise<LightMyRequestResponse> {
  const token = r.token === 'none' ? null : r.token === 'bogus' ? 'vigil_not-a-token' : s[r.token];
  return s.app.inject({
    method: r.route.method,
    url: urlOf(r),
    headers: {
      ...(token ? bearer(token) : {}),
      ...(r.contentType ? { 'content-type': r.contentType } : {}),
    },
    ...(r.payload === null ? {} : { payload: r.payload }),
  });
}

describe('API fuzzing', () => {
  it('every write answers 2xx or a standard 4xx, and a rejected one changes nothing listed', async () => {
    const statuses: Record<string, number> = {};
    let rejected = 0;
    let before = await listing();
    const result = await fuzzAsync(
      'api: write routes',
      request,
      async (r) => {
        const res = await send(r);
        const what = `${r.route.method} ${urlOf(r).slice(0, 80)} (${r.contentType}, ${r.token}) ${preview(r.payload)}`;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500 || res.statusCode < 200)
          throw new Error(`${what}: answered ${res.statusCode}: ${res.body.slice(0, 500)}`);
        const after = await listing();
        if (res.statusCode >= 400) {
          rejected++;
          expectStandardError(res, what);
          if (after !== before)
            throw new Error(`${what}: rejected with ${res.statusCode}, yet what the API lists changed`);
        }
        before = after;
      },
      1200,
    );
    // The server logged no internal error while it answered them.
    const internal = s.logs.filter((l) => l.includes('"level":50'));
    expect(internal.slice(0, 3)).toEqual([]);
    expect(rejected).toBeGreaterThan(0);
    reportFigure({
      subject: 'API write routes',
      tried: 'fuzzed requests',
      count: result.count,
      failure: '5xx answers, non-standard errors or changes by rejected writes',
      failures: 0,
      detail: `status ${Object.entries(statuses)
        .map(([c, n]) => `${c}×${n}`)
        .join(', ')}; ${fuzzDetail([result])}`,
    });
  });
});
