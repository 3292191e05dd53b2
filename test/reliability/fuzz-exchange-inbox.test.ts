// POST /exchange/inbox, the one route a stranger reaches without a token (the
// signature is the credential), fuzzed through the service: random text under any
// content type, genuine envelopes from the partner NOR mutated, bit-flipped, forged
// with other keys, and replayed. Every answer is 200, 400, 403, 409 or 413/415 with
// the receipt (refusals also carry the standard error fields) — never 5xx; nothing but
// a genuine new message is accepted; a refused one leaves the inbox as it was.
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeEnvelope, signEnvelope, type UnsignedEnvelope } from '../../src/exchange/envelope.ts';
import { publicKeyText, writeKeyPair } from '../../src/exchange/keys.ts';
import { ERROR_CODES } from '../../src/server/http/api-error.ts';
import { notification, notificationBody } from '../exchange/helpers.ts';
import { bearer, call, json, type TestService, testService } from '../server/helpers.ts';
import {
  bitFlips,
  fuzzAsync,
  fuzzDetail,
  mutateData,
  mutatedData,
  preview,
  structuralMutation,
} from './arbitraries.ts';
import { expectStandardError } from './decoder-checks.ts';
import { fixedKey } from './exchange-arbitraries.ts';
import { reportFigure } from './figures.ts';

const nor = generateKeyPairSync('ed25519');
const STRANGER = generateKeyPairSync('ed25519').privateKey;
let s: TestService;
let seq = 0;
let ids = 0;

beforeAll(async () => {
  const home = join(mkdtempSync(join(tmpdir(), 'vigil-fuzz-inbox-')), 'exchange');
  writeKeyPair(home, 'RUS');
  s = await testService({ exchange: { home, centreId: 'RUS' } });
  // Nothing listens on port 1: RUS's acknowledgements go back in the HTTP answers only.
  json(
    await call(s.app, 'POST', '/api/exchange/peers', s.admin, {
      name: 'NOR',
      key: publicKeyText(nor.publicKey),
      url: 'http://127.0.0.1:1',
    }),
    201,
  );
});
afterAll(async () => s?.dispose());

/** NOR's next genuine notification to RUS, issued now. */
function genuine(key: KeyObject = nor.privateKey): Record<string, unknown> {
  const e: UnsignedEnvelope = {
    v: 1,
    id: `NOR-${++ids}`,
    from: 'NOR',
    to: 'RUS',
    seq: ++seq,
    issuedAt: new Date().toISOString(),
    body: notificationBody(`N-${ids}`) as UnsignedEnvelope['body'],
  };
  return JSON.parse(Buffer.from(encodeEnvelope(signEnvelope(e, key))).toString('utf8')) as Record<
    string,
    unknown
  >;
}

type Kind = 'random' | 'mutated' | 'bits' | 'forged' | 'replayed' | 'genuine';

interface Case {
  kind: Kind;
  contentType: string;
  /** Built when the case runs, so that it is issued within the receiver's time window. */
  make: () => string | Uint8Array | { payload: string; genuine: true };
}

let lastAccepted: string | null = null;

const cases: fc.Arbitrary<Case> = fc.oneof(
  fc
    .record({
      kind: fc.constant('random' as const),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'application/octet-stream',
        'application/yaml',
      ),
      payload: fc.oneof(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v) ?? 'null'),
      ),
    })
    .map(({ kind, contentType, payload }) => ({ kind, contentType, make: () => payload })),
  fc.array(structuralMutation, { minLength: 1, maxLength: 3 }).map((mutations) => ({
    kind: 'mutated' as const,
    contentType: 'application/json',
    make: () => {
      const original = genuine();
      const doc = mutations.reduce((d: unknown, m) => mutateData(d, m), original);
      // A mutation that changed nothing leaves a genuine new message, which is accepted.
      return isDeepStrictEqual(doc, original)
        ? { payload: JSON.stringify(doc), genuine: true as const }
        : (JSON.stringify(doc) ?? 'null');
    },
  })),
  fc.nat().map((salt) => ({
    kind: 'bits' as const,
    contentType: 'application/json',
    make: () => fc.sample(bitFlips(Buffer.from(JSON.stringify(genuine()))), { seed: salt, numRuns: 1 })[0]!,
  })),
  fc.constant({
    kind: 'forged' as const,
    contentType: 'application/json',
    make: () => JSON.stringify(genuine(STRANGER)),
  }),
  fc.constant({
    kind: 'replayed' as const,
    contentType: 'application/json',
    make: () => lastAccepted!,
  }),
  fc.constant({
    kind: 'genuine' as const,
    contentType: 'application/json',
    make: () => JSON.stringify(genuine()),
  }),
);

const inboxState = async () => {
  const status = json(await call(s.app, 'GET', '/api/exchange/status', s.observer), 200);
  return JSON.stringify(status.inbox);
};

describe('exchange inbox fuzzing (HTTP)', () => {
  it('answers every message with a receipt, never 5xx; accepts only genuine new messages; a refusal changes nothing', async () => {
    const tally: Record<Kind, { tried: number; accepted: number }> = {
      random: { tried: 0, accepted: 0 },
      mutated: { tried: 0, accepted: 0 },
      bits: { tried: 0, accepted: 0 },
      forged: { tried: 0, accepted: 0 },
      replayed: { tried: 0, accepted: 0 },
      genuine: { tried: 0, accepted: 0 },
    };
    const statuses: Record<number, number> = {};
    // A first genuine message, so that there is one to replay from the first case on.
    lastAccepted = JSON.stringify(genuine());
    const first = await s.app.inject({
      method: 'POST',
      url: '/exchange/inbox',
      headers: { 'content-type': 'application/json' },
      payload: lastAccepted,
    });
    expect(first.json()).toMatchObject({ status: 'accepted' });
    const result = await fuzzAsync(
      'exchange inbox: HTTP',
      cases,
      async (c) => {
        const made = c.make();
        const kind: Kind = typeof made === 'object' && 'genuine' in made ? 'genuine' : c.kind;
        const payload = typeof made === 'object' && 'genuine' in made ? made.payload : made;
        const before = await inboxState();
        const res: LightMyRequestResponse = await s.app.inject({
          method: 'POST',
          url: '/exchange/inbox',
          headers: { 'content-type': c.contentType },
          payload: typeof payload === 'string' ? payload : Buffer.from(payload),
        });
        const what = `${kind} ${preview(payload)}`;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (![200, 400, 403, 409, 413, 415].includes(res.statusCode))
          throw new Error(`${what}: answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        const body = res.json() as {
          status?: string;
          reason?: string | null;
          error?: string;
          message?: string;
        };
        if (res.statusCode >= 400 && body.error !== ERROR_CODES[res.statusCode as keyof typeof ERROR_CODES])
          throw new Error(
            `${what}: ${res.statusCode} without the standard error fields: ${res.body.slice(0, 300)}`,
          );
        const accepted = body.status === 'accepted';
        tally[kind].tried++;
        if (accepted) tally[kind].accepted++;
        if (accepted && kind !== 'genuine') throw new Error(`${what}: accepted`);
        if (!accepted && kind === 'genuine')
          throw new Error(`${what}: a genuine message refused: ${res.body}`);
        if (accepted) lastAccepted = typeof payload === 'string' ? payload : null;
        else if ((await inboxState()) !== before) throw new Error(`${what}: refused, yet the inbox changed`);
      },
      500,
    );
    const wrong = Object.entries(tally).filter(([k, t]) => k !== 'genuine' && t.accepted > 0);
    expect(wrong).toEqual([]);
    expect(tally.genuine.accepted).toBe(tally.genuine.tried);
    const { forged, replayed, mutated, bits } = tally;
    reportFigure({
      subject: 'exchange inbox (HTTP)',
      tried: 'fuzzed, forged, tampered and replayed messages',
      count: result.count - tally.genuine.tried,
      failure: 'accepted or 5xx',
      failures: 0,
      detail: `${forged.tried} forged, ${mutated.tried + bits.tried} tampered, ${replayed.tried} replayed, ${tally.random.tried} random; ${tally.genuine.tried} genuine all accepted; status ${Object.entries(
        statuses,
      )
        .map(([c, n]) => `${c}×${n}`)
        .join(', ')}; ${fuzzDetail([result])}`,
    });
  });
});

describe('exchange routes fuzzing (HTTP)', () => {
  const ROUTES = [
    {
      url: '/api/exchange/peers',
      token: () => s.admin,
      bodies: [{ name: 'SWE', key: publicKeyText(fixedKey('SWE-pub')), url: 'http://127.0.0.1:1' }],
    },
    {
      url: '/api/exchange/notify',
      token: () => s.operator,
      bodies: [{ to: 'NOR', notification: notification('RUS-1') }],
    },
  ];
  const request = fc.oneof(
    ...ROUTES.map((route) =>
      fc
        .oneof(
          mutatedData(route.bodies).map((d) => JSON.stringify(d) ?? 'null'),
          fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v) ?? 'null'),
          fc.string({ unit: 'binary', maxLength: 200 }),
        )
        .map((payload) => ({ route, payload })),
    ),
  );
  const listed = async () => {
    const status = json(await call(s.app, 'GET', '/api/exchange/status', s.observer), 200);
    return JSON.stringify({
      peers: status.peers.map((p: { name: string; publicKey: string; url: string | null }) => [
        p.name,
        p.publicKey,
        p.url,
      ]),
      outbox: status.outbox,
      inbox: status.inbox,
    });
  };

  it('peers and notify answer 2xx or a standard 4xx, never 5xx; a refusal changes nothing listed', async () => {
    const statuses: Record<number, number> = {};
    let before = await listed();
    const result = await fuzzAsync(
      'exchange routes: HTTP',
      request,
      async ({ route, payload }) => {
        const res = await s.app.inject({
          method: 'POST',
          url: route.url,
          headers: { ...bearer(route.token()), 'content-type': 'application/json' },
          payload,
        });
        const what = `POST ${route.url} ${preview(payload)}`;
        statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        if (res.statusCode >= 500)
          throw new Error(`${what}: answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        const after = await listed();
        if (res.statusCode >= 400) {
          expectStandardError(res, what);
          if (after !== before) throw new Error(`${what}: refused, yet what the exchange lists changed`);
        }
        before = after;
      },
      400,
    );
    expect(Object.keys(statuses).some((c) => Number(c) >= 400)).toBe(true);
    reportFigure({
      subject: 'exchange routes (HTTP)',
      tried: 'fuzzed requests',
      count: result.count,
      failure: '5xx answers, non-standard errors or changes by refusals',
      failures: 0,
      detail: `status ${Object.entries(statuses)
        .map(([c, n]) => `${c}×${n}`)
        .join(', ')}; ${fuzzDetail([result])}`,
    });
  });
});
