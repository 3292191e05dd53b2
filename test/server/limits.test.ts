// The service's limits (issue 9): a token bucket per token — 429 with Retry-After when
// it is empty, room again once it has refilled (on a stepped clock, no sleeping),
// other tokens untouched; requests without a valid token share their address's
// bucket; the exchange inbox also the claimed partner's; the counts in GET
// /api/status; the stream's connections and messages take from the token's bucket. Every body-taking route family takes a body of exactly its limit and
// refuses one byte more with 413; the stream refuses an oversize message.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_ENVELOPE_BYTES } from '../../src/exchange/envelope.ts';
import { generateKeyPair, publicKeyText, writeKeyPair } from '../../src/exchange/keys.ts';
import { DEFAULT_BODY_LIMIT } from '../../src/server/app.ts';
import { TokenBuckets } from '../../src/server/limits/token-buckets.ts';
import { SCENARIO_BODY_LIMIT } from '../../src/server/routes/scenarios.ts';
import { bearer, call, json, type TestService, testService } from './helpers.ts';
import { connectStream } from './stream-client.ts';

const RATE = { ratePerS: 2, burst: 3 };
let nowMs = 0;
let s: TestService;
beforeAll(async () => {
  const home = join(mkdtempSync(join(tmpdir(), 'vigil-limits-')), 'exchange');
  writeKeyPair(home, 'RUS');
  s = await testService({ rateLimit: RATE, clock: () => nowMs, exchange: { home, centreId: 'RUS' } });
  // Registered before the clock is watched: a partner whose messages the inbox counts.
  json(
    await call(s.app, 'POST', '/api/exchange/peers', s.admin, {
      name: 'NOR',
      key: publicKeyText(generateKeyPair().publicKey),
    }),
    201,
  );
});
afterAll(async () => s.dispose());

/** A fresh second for every test: all buckets full again (burst 3 at 2 a second refills in 1.5 s). */
const nextSecond = () => {
  nowMs += 10_000;
};

const me = (token: string | null, remoteAddress = '127.0.0.1') =>
  s.app.inject({ url: '/api/me', headers: token ? bearer(token) : {}, remoteAddress });

const status = async () => json(await call(s.app, 'GET', '/api/status', s.admin), 200);

describe('token buckets', () => {
  it('let a burst through, then one request per 1/rate seconds, and say how long to wait', () => {
    let t = 0;
    const buckets = new TokenBuckets({ ratePerS: 4, burst: 2 }, () => t);
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a')).toEqual({ allowed: false, retryAfterS: 0.25 });
    t = 100;
    const refused = buckets.take('a');
    expect(refused.allowed).toBe(false);
    expect((refused as { retryAfterS: number }).retryAfterS).toBeCloseTo(0.15, 12);
    expect(buckets.take('b')).toEqual({ allowed: true });
    t = 250;
    expect(buckets.take('a')).toEqual({ allowed: true });
    expect(buckets.take('a').allowed).toBe(false);
    // Never more than the burst, however long the quiet.
    t = 1_000_000;
    expect([1, 2, 3].map(() => buckets.take('a').allowed)).toEqual([true, true, false]);
  });

  it('refuse a rate that is not positive', () => {
    expect(() => new TokenBuckets({ ratePerS: 0, burst: 1 })).toThrow(/ratePerS > 0/);
  });
});

describe('the request rate per token', () => {
  it('answers 429 with Retry-After once the burst is spent, and again after the bucket refills', async () => {
    nextSecond();
    const before = (await status()).limits.limited.token;
    for (let i = 0; i < RATE.burst; i++) expect((await me(s.operator)).statusCode).toBe(200);
    const refused = await me(s.operator);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.json()).toMatchObject({ error: 'too-many-requests' });
    expect(refused.json().message).toMatch(/at most 2 a second/);

    // Another token is its own bucket.
    expect((await me(s.observer)).statusCode).toBe(200);

    // One request comes back every 500 ms: not at 499 ms, at 500 ms, and then only one.
    nowMs += 499;
    expect((await me(s.operator)).statusCode).toBe(429);
    nowMs += 1;
    expect((await me(s.operator)).statusCode).toBe(200);
    expect((await me(s.operator)).statusCode).toBe(429);
    nowMs += 1500;
    for (let i = 0; i < RATE.burst; i++)
      expect((await me(s.operator)).statusCode, `after refill ${i}`).toBe(200);

    expect((await status()).limits).toMatchObject({ rate: RATE });
    expect((await status()).limits.limited.token).toBe(before + 3);
  });

  it('counts requests without a valid token by address: made-up tokens share it, other addresses do not', async () => {
    nextSecond();
    const before = (await status()).limits.limited.address;
    expect((await me(null)).statusCode).toBe(401);
    expect((await me('vigil_made_up_1')).statusCode).toBe(401);
    expect((await me('vigil_made_up_2')).statusCode).toBe(401);
    const refused = await me('vigil_made_up_3');
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBe('1');
    expect((await me(null, '10.0.0.9')).statusCode).toBe(401);
    // A valid token from the same address has its own bucket.
    expect((await me(s.admin)).statusCode).toBe(200);
    // Probes are never limited.
    expect((await s.app.inject({ url: '/health' })).statusCode).toBe(200);
    expect((await s.app.inject({ url: '/ready' })).statusCode).toBe(200);
    expect((await status()).limits.limited.address).toBe(before + 1);
  });

  it('limits the stream’s connections with the token’s bucket', async () => {
    nextSecond();
    for (let i = 0; i < RATE.burst; i++) expect((await me(s.observer)).statusCode).toBe(200);
    await expect(connectStream(s.app, s.observer)).rejects.toThrow(/429/);
    nowMs += 500;
    const client = await connectStream(s.app, s.observer);
    await client.next('hello');
    client.close();
  });

  it('limits the messages a client sends on the stream with its token’s bucket', async () => {
    nextSecond();
    const client = await connectStream(s.app, s.observer);
    await client.next('hello');
    // The connection took one; two pings are answered, the third is refused.
    client.send({ type: 'ping', id: 'p1' });
    client.send({ type: 'ping', id: 'p2' });
    client.send({ type: 'ping', id: 'p3' });
    const refused = await client.next('error');
    expect(refused.message).toMatch(/too many messages .*retry after 1 s; this message was not taken/);
    expect(client.messages.filter((m) => m.type === 'pong').map((m) => (m as { id?: string }).id)).toEqual([
      'p1',
      'p2',
    ]);
    nowMs += 500;
    client.send({ type: 'ping', id: 'p4' });
    await client.next('pong', (m) => m.id === 'p4');
    client.close();
  });

  it('limits the exchange inbox by the partner a message names, from any address', async () => {
    nextSecond();
    const before = (await status()).limits.limited.sender;
    const claimNor = (i: number) =>
      s.app.inject({
        method: 'POST',
        url: '/exchange/inbox',
        headers: { 'content-type': 'application/json' },
        payload: JSON.stringify({ from: 'NOR', id: `x-${i}` }),
        remoteAddress: `10.1.0.${i}`,
      });
    // Malformed, so refused by the node — but each took one from NOR's bucket.
    for (let i = 1; i <= RATE.burst; i++) expect((await claimNor(i)).statusCode).toBe(400);
    const refused = await claimNor(9);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error).toBe('too-many-requests');
    expect(refused.headers['retry-after']).toBe('1');
    expect((await status()).limits.limited.sender).toBe(before + 1);
  });
});

/** A JSON body of exactly `bytes` bytes. */
function bodyOf(bytes: number): string {
  const shell = '{"text":""}';
  return `{"text":"${'x'.repeat(bytes - shell.length)}"}`;
}

describe('body sizes', () => {
  const families: Array<[string, string, number]> = [
    ['POST', '/api/tokens', DEFAULT_BODY_LIMIT],
    ['POST', '/api/runs', DEFAULT_BODY_LIMIT],
    ['POST', '/api/runs/r1/seek', DEFAULT_BODY_LIMIT],
    ['POST', '/api/runs/r1/comments', DEFAULT_BODY_LIMIT],
    ['POST', '/api/runs/r1/alerts/A1/acknowledge', DEFAULT_BODY_LIMIT],
    ['POST', '/api/runs/r1/notifications', DEFAULT_BODY_LIMIT],
    ['POST', '/api/scenarios', SCENARIO_BODY_LIMIT],
    ['PUT', '/api/scenarios/s1', SCENARIO_BODY_LIMIT],
    ['POST', '/api/scenarios/validate', SCENARIO_BODY_LIMIT],
    ['POST', '/api/exchange/peers', DEFAULT_BODY_LIMIT],
    ['POST', '/api/exchange/notify', DEFAULT_BODY_LIMIT],
    ['POST', '/exchange/inbox', MAX_ENVELOPE_BYTES],
  ];

  it('takes a body of exactly the limit and refuses one byte more with 413, counted', async () => {
    const before = (await status()).limits.tooLarge;
    for (const [method, url, limit] of families) {
      nextSecond();
      const send = (bytes: number) =>
        s.app.inject({
          method: method as 'POST',
          url,
          headers: { ...bearer(s.admin), 'content-type': 'application/json' },
          payload: bodyOf(bytes),
        });
      const atLimit = await send(limit);
      expect(atLimit.statusCode, `${method} ${url} at ${limit} bytes`).not.toBe(413);
      expect(atLimit.statusCode, `${method} ${url} at ${limit} bytes`).toBeLessThan(500);
      const over = await send(limit + 1);
      expect(over.statusCode, `${method} ${url} at ${limit + 1} bytes`).toBe(413);
      expect(over.json().error).toBe('payload-too-large');
    }
    expect((await status()).limits.tooLarge).toBe(before + families.length);
  });

  it('closes a stream that sends a message over 16 KiB', async () => {
    nextSecond();
    const client = await connectStream(s.app, s.observer);
    await client.next('hello');
    const closed = new Promise<number>((resolve) => client.ws.on('close', (code) => resolve(code)));
    client.ws.send(JSON.stringify({ type: 'ping', id: 'x'.repeat(16 * 1024) }));
    // 1009: message too big (RFC 6455 §7.4.1).
    expect(await closed).toBe(1009);
  });
});

describe('timeouts', () => {
  it('are set on every connection: idle sockets and slow requests are cut', () => {
    expect(s.app.server.timeout).toBe(60_000);
    expect(s.app.server.requestTimeout).toBe(30_000);
  });
});
