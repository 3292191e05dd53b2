// The transports (issue 9): HTTP between `vigil serve` instances — here a plain
// node:http server around `inboxAnswer`, as the server's route will be — and the
// message bus, in-process and NATS JetStream (when one is reachable). Each carries a
// notification from A to B and B's signed acknowledgement back, and a failure is
// retried by the outbox, never lost.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import type { MessageBus } from '../../src/bus/message-bus.ts';
import { NatsBus } from '../../src/bus/nats-bus.ts';
import { streamLayout } from '../../src/bus/subjects.ts';
import { busTransport, listenOnBus } from '../../src/exchange/bus-transport.ts';
import { deliverUntilAcknowledged, pumpOnce } from '../../src/exchange/courier.ts';
import type { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { httpTransport, inboxAnswer } from '../../src/exchange/http-transport.ts';
import { exchangeSubject } from '../../src/exchange/subjects.ts';
import { describeWithService, NATS_URL, unreachable } from '../store/services.ts';
import { clockAt, notificationBody, pair } from './helpers.ts';

const servers: Server[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/** Serves `node`'s inbox; `behave` may answer instead (return true when it did). */
async function serve(
  node: ExchangeNode,
  behave?: (res: import('node:http').ServerResponse) => boolean,
): Promise<string> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (behave?.(res)) return;
      const answer = inboxAnswer(node, Buffer.concat(chunks));
      res
        .writeHead(answer.statusCode, { 'content-type': 'application/json' })
        .end(JSON.stringify(answer.payload));
    });
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A pair on the wall clock (the transports run in real time). */
const livePair = () => pair({ retryFirstS: 0.05, retryMaxS: 0.2 }, realClock());

function realClock() {
  const c = clockAt(Date.now());
  Object.defineProperty(c, 'nowMs', { get: () => Date.now() });
  return c;
}

describe('HTTP', () => {
  it('carries a notification to the partner and its acknowledgement back in the answer', async () => {
    const { a, b } = livePair();
    const url = await serve(b);
    const { id } = a.send('B', notificationBody());
    const open = await deliverUntilAcknowledged(a, httpTransport({ baseUrl: url }), [id], 5000);
    expect(open).toEqual([]);
    expect(b.take().map((d) => d.id)).toEqual([id]);
  });

  it('answers 403 to a stranger and 400 to garbage, with the reason', async () => {
    const { b } = livePair();
    const url = await serve(b);
    const post = (body: string) =>
      fetch(`${url}/exchange/inbox`, { method: 'POST', body }).then(async (r) => [
        r.status,
        ((await r.json()) as { reason: string }).reason,
      ]);
    expect(await post('{"v":1}')).toEqual([400, 'malformed']);
    const stranger = pair().a;
    stranger.send('B', notificationBody());
    const forged = stranger.due().find((o) => o.type === 'notification')!;
    expect(await post(Buffer.from(forged.bytes).toString())).toEqual([403, 'bad-signature']);
  });

  it('a partner that does not answer in time is a failure noted on the message, which is retried', async () => {
    const { a, b } = livePair();
    let hang = true;
    const url = await serve(b, () => hang);
    const { id } = a.send('B', notificationBody());
    const round = await pumpOnce(a, httpTransport({ baseUrl: url, timeoutMs: 200 }));
    expect(round.sent.find((s) => s.out.messageId === id)?.result).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('no answer within 200 ms'),
    });
    expect(a.outbox()[0]!.lastError).toContain('no answer');
    hang = false;
    expect(await deliverUntilAcknowledged(a, httpTransport({ baseUrl: url }), [id], 5000)).toEqual([]);
    expect(b.inbox()).toHaveLength(1);
  });

  it('an answer that is not a receipt is a failure, not an acknowledgement', async () => {
    const { a, b } = livePair();
    const url = await serve(b, (res) => {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"accepted"}');
      return true;
    });
    const { id } = a.send('B', notificationBody());
    await pumpOnce(a, httpTransport({ baseUrl: url }));
    expect(a.acknowledged(id)).toBe(false);
    expect(a.outbox()[0]!.lastError).toContain('not a receipt');
  });

  it('an endless answer is cut off at the size limit, not buffered until the timeout', async () => {
    const { a, b } = livePair();
    let written = 0;
    const url = await serve(b, (res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(16 * 1024, 0x20);
      const more = () => {
        while (!res.destroyed && written < 64 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
      };
      more();
      return true;
    });
    a.send('B', notificationBody());
    const round = await pumpOnce(a, httpTransport({ baseUrl: url, timeoutMs: 30_000 }));
    expect(round.sent[0]?.result).toMatchObject({
      kind: 'failed',
      error: expect.stringContaining('too large'),
    });
    // Far less than the 64 MiB the partner would send: the sender stopped reading.
    expect(written).toBeLessThan(16 * 1024 * 1024);
  });
});

async function overTheBus(bus: MessageBus, b2: MessageBus = bus) {
  const { a, b } = livePair();
  const listenA = await listenOnBus(bus, a);
  const listenB = await listenOnBus(b2, b);
  try {
    const ids = ['N-1', 'N-2', 'N-3'].map((n) => a.send('B', notificationBody(n)).id);
    const open = await deliverUntilAcknowledged(a, busTransport(bus), ids, 10_000);
    expect(open).toEqual([]);
    expect(b.take().map((d) => d.seq)).toEqual([1, 2, 3]);
    expect(exchangeSubject(bus.subjects.root, 'B')).toBe(`${bus.subjects.root}.exchange.B`);
  } finally {
    await listenA.close();
    await listenB.close();
  }
}

describe('message bus', () => {
  it('carries messages to the partner subject and acknowledgements back (in-process bus)', async () => {
    const bus = new MemoryBus();
    try {
      await overTheBus(bus);
    } finally {
      await bus.close();
    }
  });
});

describeWithService('exchange over NATS JetStream', await unreachable(NATS_URL, 4222), () => {
  it('carries messages between two connections, each centre on its own subject', async () => {
    const root = `x${process.pid}r${Math.random().toString(36).slice(2, 7)}`;
    const one = await NatsBus.connect(NATS_URL, root);
    const two = await NatsBus.connect(NATS_URL, root);
    try {
      await overTheBus(one, two);
    } finally {
      await one.close();
      await two.close();
      const nc = await connect({ servers: NATS_URL });
      const jsm = await jetstreamManager(nc);
      for (const spec of streamLayout(root)) await jsm.streams.delete(spec.name).catch(() => false);
      await nc.close();
    }
  });
});
