// Two centres' services in one process, each with its exchange: NOR (`startService`,
// as `vigil serve --centre NOR` runs it) and RUS (the app with every answer checked
// against its documented schema). Partners are registered over the API, NOR notifies
// RUS through POST /api/exchange/notify, NOR's courier delivers it to RUS's inbox over
// real HTTP, and the notification reaches RUS's paused run. Forged, unsigned,
// misaddressed, stale and replayed envelopes are refused and change nothing; every
// route refuses the wrong token.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import { encodeEnvelope, signEnvelope, type UnsignedEnvelope } from '../../src/exchange/envelope.ts';
import {
  generateKeyPair,
  parsePrivateKey,
  publicKeyText,
  readKeyFile,
  writeKeyPair,
} from '../../src/exchange/keys.ts';
import type { MessageBody } from '../../src/exchange/messages.ts';
import { type RunningService, startService } from '../../src/server/service.ts';
import { notification } from '../exchange/helpers.ts';
import {
  call,
  json,
  polar,
  startRun,
  storeScenario,
  type TestService,
  testService,
  waitFor,
} from './helpers.ts';

const ADMIN_NOR = 'nor-admin-token-0123456789';

let dir: string;
let nor: RunningService;
let norLogs: string[];
let norOperator: string;
let norObserver: string;
let rus: TestService;
let rusUrl: string;
let norKey: ReturnType<typeof parsePrivateKey>;

async function norCall(method: string, path: string, token: string | null, body?: unknown) {
  const response = await fetch(`${nor.url}${path}`, {
    method,
    headers: {
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests read answers loosely
  return { status: response.status, body: (await response.json()) as any };
}

function capture(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-exchange-routes-'));
  const norHome = join(dir, 'nor/exchange');
  const rusHome = join(dir, 'rus/exchange');
  const norKeys = writeKeyPair(norHome, 'NOR');
  const rusKeys = writeKeyPair(rusHome, 'RUS');
  norKey = parsePrivateKey(readKeyFile(norKeys.privatePath), norKeys.privatePath);

  rus = await testService({ exchange: { home: rusHome, centreId: 'RUS' } });
  rusUrl = await rus.app.listen({ port: 0, host: '127.0.0.1' });

  norLogs = [];
  nor = await startService({
    port: 0,
    host: '127.0.0.1',
    db: join(dir, 'nor/vigil.db'),
    tokensPath: join(dir, 'nor/tokens.json'),
    adminToken: ADMIN_NOR,
    onInterrupted: 'resume',
    logLevel: 'info',
    logStream: capture(norLogs),
    // An acknowledgement overdue after 1 s, so the alarm comes within the test.
    exchange: { home: norHome, centreId: 'NOR', timing: { ackDeadlineS: 1 } },
  });
  norOperator = (await norCall('POST', '/api/tokens', ADMIN_NOR, { name: 'nor-duty', role: 'operator' })).body
    .token;
  norObserver = (await norCall('POST', '/api/tokens', ADMIN_NOR, { name: 'nor-watch', role: 'observer' }))
    .body.token;

  expect(
    (
      await norCall('POST', '/api/exchange/peers', ADMIN_NOR, {
        name: 'RUS',
        key: rusKeys.publicKey,
        url: rusUrl,
      })
    ).status,
  ).toBe(201);
  const added = json(
    await call(rus.app, 'POST', '/api/exchange/peers', rus.admin, {
      name: 'NOR',
      key: norKeys.publicKey,
      url: nor.url,
    }),
    201,
  );
  expect(added).toMatchObject({
    name: 'NOR',
    publicKey: norKeys.publicKey,
    fingerprint: norKeys.fingerprint,
  });

  // RUS watches a run, paused: notifications received must reach it.
  await storeScenario(rus, 'polar', polar(10));
  expect((await startRun(rus, { scenario: 'polar', id: 'watch', paused: true })).status).toBe('paused');
}, 60_000);

afterAll(async () => {
  await nor?.close();
  await rus?.dispose();
});

const rusStatus = async () => json(await call(rus.app, 'GET', '/api/exchange/status', rus.observer), 200);
const rusNotifications = async () =>
  json<Array<{ id: string; timeS: number; message: Record<string, unknown> }>>(
    await call(rus.app, 'GET', '/api/runs/watch/notifications', rus.observer),
    200,
  );

describe('a notification from one centre to another', () => {
  it('goes through NOR’s outbox to RUS’s inbox, is acknowledged, and reaches RUS’s paused run at its next step', async () => {
    const sent = await norCall('POST', '/api/exchange/notify', norOperator, {
      to: 'RUS',
      notification: notification('NOR-7'),
    });
    expect(sent.status).toBe(202);
    expect(sent.body).toMatchObject({ to: 'RUS', seq: 1 });

    const status = await waitFor('RUS to store it', async () => {
      const s = await rusStatus();
      return s.inbox.stored === 1 ? s : null;
    });
    expect(status.centreId).toBe('RUS');
    expect(status.peers.find((p: { name: string }) => p.name === 'NOR').lastHeard).not.toBeNull();
    await waitFor('NOR to have the acknowledgement', async () => {
      const s = (await norCall('GET', '/api/exchange/status', norObserver)).body;
      return s.outbox.acknowledged === 1 && s.outbox.pending === 0;
    });

    const filed = await waitFor('the run to have it', async () => {
      const list = await rusNotifications();
      return list.find((n) => n.id === 'NOR-7');
    });
    // The run has computed nothing and shows time 0: the next step is 5 s after its epoch
    // (polar-icbm's 2026-05-01T12:00:00Z); the notification was issued the day before.
    expect(filed.timeS).toBe(5);
    expect(filed.message).toMatchObject({
      id: 'NOR-7',
      kind: 'pre-launch',
      delivered: true,
      deliveredAt: '2026-05-01T12:00:05.000Z',
    });
    expect(
      rus.logs.some((l) => l.includes('notification NOR-7 (pre-launch) from NOR received; added to 1')),
    ).toBe(true);
  });

  it('raises an alarm, logged and shown, when a partner does not acknowledge in time', async () => {
    expect(
      (
        await norCall('POST', '/api/exchange/peers', ADMIN_NOR, {
          name: 'USA',
          key: publicKeyText(generateKeyPair().publicKey),
          // Nothing listens on port 1.
          url: 'http://127.0.0.1:1',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await norCall('POST', '/api/exchange/notify', norOperator, {
          to: 'USA',
          notification: notification('NOR-8'),
        })
      ).status,
    ).toBe(202);
    const alarm = await waitFor('the ack-overdue alarm', async () => {
      const s = (await norCall('GET', '/api/exchange/status', norObserver)).body;
      return s.alarms.find(
        (a: { kind: string; peer: string }) => a.kind === 'ack-overdue' && a.peer === 'USA',
      );
    });
    expect(alarm.text).toMatch(/USA has not acknowledged notification NOR-8/);
    expect(alarm.text).toMatch(/ECONNREFUSED|fetch failed|127\.0\.0\.1:1/);
    await waitFor('the alarm in the log', async () =>
      norLogs.some((l) => l.includes('exchange alarm ack-overdue') && l.includes('NOR-8')),
    );
  });
});

/** A message from NOR to RUS, signed (by NOR unless another key is given). */
const envelope = (over: Partial<UnsignedEnvelope> = {}, key = norKey) =>
  signEnvelope(
    {
      v: 1,
      id: 'test-2',
      from: 'NOR',
      to: 'RUS',
      seq: 2,
      issuedAt: new Date().toISOString(),
      body: { type: 'notification', notification: notification('NOR-20') } as MessageBody,
      ...over,
    },
    key,
  );
describe('the inbox', () => {
  const post = (payload: string | Uint8Array) =>
    rus.app.inject({
      method: 'POST',
      url: '/exchange/inbox',
      headers: { 'content-type': 'application/json' },
      payload: Buffer.from(payload),
    });

  it('refuses unsigned, forged, tampered, unknown, misaddressed and stale envelopes, changing nothing', async () => {
    const before = await rusStatus();
    const notificationsBefore = (await rusNotifications()).length;
    const { sig: _sig, ...unsigned } = envelope();
    const tampered = envelope();
    (tampered.body as { notification: { launchArea: unknown } }).notification.launchArea = {
      center: [10, 10],
      radiusKm: 50,
    };
    const otherKey = generateKeyPair().privateKey;
    const cases: Array<[string, string | Uint8Array, number, string]> = [
      ['not JSON', 'hello', 400, 'malformed'],
      ['unsigned', canonicalJson(unsigned), 400, 'malformed'],
      ['forged', encodeEnvelope(envelope({}, otherKey)), 403, 'bad-signature'],
      ['tampered', encodeEnvelope(tampered), 403, 'bad-signature'],
      ['unknown sender', encodeEnvelope(envelope({ from: 'XYZ' }, otherKey)), 403, 'unknown-sender'],
      ['misaddressed', encodeEnvelope(envelope({ to: 'USA' })), 409, 'wrong-recipient'],
      [
        'stale',
        encodeEnvelope(envelope({ issuedAt: new Date(Date.now() - 600_000).toISOString() })),
        409,
        'stale',
      ],
    ];
    for (const [what, payload, status, reason] of cases) {
      const r = await post(payload);
      expect(r.statusCode, what).toBe(status);
      expect(r.json(), what).toMatchObject({ status: 'rejected', reason, ack: null });
      expect(r.json().error, what).toBe(
        status === 400 ? 'bad-request' : status === 403 ? 'forbidden' : 'conflict',
      );
    }
    const unsignedAnswer = (await post(canonicalJson(unsigned))).json();
    expect(unsignedAnswer.problems).toContainEqual(expect.objectContaining({ path: 'sig' }));

    const after = await rusStatus();
    expect(after.inbox).toEqual(before.inbox);
    for (const reason of ['malformed', 'bad-signature', 'unknown-sender', 'wrong-recipient', 'stale'])
      expect(after.rejections[reason] ?? 0, reason).toBeGreaterThan(before.rejections[reason] ?? 0);
    expect(await rusNotifications()).toHaveLength(notificationsBefore);
  });

  it('takes a signed envelope once: a replay is acknowledged again but not delivered twice; a reused id or sequence number is refused', async () => {
    const original = encodeEnvelope(envelope());
    const first = await post(original);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'accepted', messageId: 'test-2' });
    expect(first.json().ack.body).toEqual({ type: 'ack', ackId: 'test-2', ackSeq: 2 });
    await waitFor('NOR-20 in the run', async () => (await rusNotifications()).some((n) => n.id === 'NOR-20'));
    const stored = (await rusStatus()).inbox;
    const count = (await rusNotifications()).length;

    const again = await post(original);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'rejected', reason: 'duplicate' });
    expect(again.json().ack.body).toEqual({ type: 'ack', ackId: 'test-2', ackSeq: 2 });

    const sameId = await post(
      encodeEnvelope(
        envelope({
          seq: 3,
          body: { type: 'notification', notification: notification('NOR-21') } as MessageBody,
        }),
      ),
    );
    expect(sameId.statusCode).toBe(409);
    expect(sameId.json().reason).toBe('replayed-id');
    const sameSeq = await post(encodeEnvelope(envelope({ id: 'test-2b' })));
    expect(sameSeq.statusCode).toBe(409);
    expect(sameSeq.json().reason).toBe('replayed-sequence');

    expect((await rusStatus()).inbox).toEqual(stored);
    expect(await rusNotifications()).toHaveLength(count);
  });
});

describe('refusals', () => {
  it('asks each exchange route for its role; the inbox for no token at all', async () => {
    const peer = { name: 'ABC', key: 'AAAA' };
    const notify = { to: 'NOR', notification: notification('X-1') };
    const cases: Array<[string, string, string | null, unknown, number]> = [
      ['GET', '/api/exchange/peers', null, undefined, 401],
      ['GET', '/api/exchange/peers', 'vigil_unknown', undefined, 401],
      ['POST', '/api/exchange/peers', null, peer, 401],
      ['POST', '/api/exchange/peers', rus.observer, peer, 403],
      ['POST', '/api/exchange/peers', rus.operator, peer, 403],
      ['POST', '/api/exchange/notify', null, notify, 401],
      ['POST', '/api/exchange/notify', rus.observer, notify, 403],
      ['GET', '/api/exchange/status', null, undefined, 401],
      ['GET', '/api/exchange/status', 'vigil_unknown', undefined, 401],
    ];
    for (const [method, url, token, body, status] of cases) {
      const r = await call(rus.app, method as 'GET', url, token, body);
      expect(r.statusCode, `${method} ${url} with ${token}`).toBe(status);
      expect(r.json().error).toBe(status === 401 ? 'unauthorized' : 'forbidden');
    }
    // A token, even a bad one, neither helps nor hurts at the inbox: the signature decides.
    const r = await rus.app.inject({
      method: 'POST',
      url: '/exchange/inbox',
      headers: { authorization: 'Bearer vigil_unknown', 'content-type': 'application/json' },
      payload: '{}',
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().reason).toBe('malformed');
  });

  it('locates bad input: a bad key, an unknown partner, a bad notification', async () => {
    const badKey = json(
      await call(rus.app, 'POST', '/api/exchange/peers', rus.admin, { name: 'ABC', key: 'not a key' }),
      400,
    );
    expect(badKey.problems[0]).toMatchObject({ source: 'request body', path: 'key' });
    const unknown = json(
      await call(rus.app, 'POST', '/api/exchange/notify', rus.operator, {
        to: 'NOBODY',
        notification: notification('X-2'),
      }),
      400,
    );
    expect(unknown.problems[0]).toMatchObject({ source: 'request body', path: 'to' });
    const badNotification = json(
      await call(rus.app, 'POST', '/api/exchange/notify', rus.operator, {
        to: 'NOR',
        notification: notification('X-3', { vehicleClass: 'BALLOON' }),
      }),
      400,
    );
    expect(badNotification.problems.map((p: { path: string }) => p.path)).toContain(
      'notification.vehicleClass',
    );
    expect((await rusStatus()).outbox.pending).toBe(0);
  });

  it('says so when the service runs no exchange', async () => {
    const plain = await testService();
    try {
      const status = json(await call(plain.app, 'GET', '/api/exchange/status', plain.observer), 404);
      expect(status.message).toMatch(/no exchange.*--centre/);
      const inbox = await plain.app.inject({
        method: 'POST',
        url: '/exchange/inbox',
        headers: { 'content-type': 'application/json' },
        payload: encodeEnvelope(envelope()),
      });
      expect(inbox.statusCode).toBe(404);
      expect(inbox.json().error).toBe('not-found');
    } finally {
      await plain.dispose();
    }
  });
});

describe('shutdown', () => {
  it('closes the exchange store with the service', async () => {
    const home = join(dir, 'closing/exchange');
    writeKeyPair(home, 'SWE');
    const s = await testService({ exchange: { home, centreId: 'SWE' } });
    expect(s.exchange!.node.status().centreId).toBe('SWE');
    await s.dispose();
    expect(() => s.exchange!.node.status()).toThrow();
  });
});
