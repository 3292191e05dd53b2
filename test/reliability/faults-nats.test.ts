// Fault: the NATS server killed with SIGKILL in the middle of a stream and started
// again on the same port and storage (issue 9). A publisher keeps publishing through
// the outage (retrying what was not acknowledged, with the same message id) and a
// durable consumer keeps consuming, neither told anything: every publication the
// server acknowledged is consumed, none is stored twice, and the consumer goes on by
// itself once the server is back. The same through the exchange's bus transport: every
// message the sender stored is acknowledged and delivered once, in order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { type BusMessage, jsonBytes } from '../../src/bus/message-bus.ts';
import { NatsBus, type NatsBusOptions } from '../../src/bus/nats-bus.ts';
import { busTransport, listenOnBus } from '../../src/exchange/bus-transport.ts';
import { runCourier } from '../../src/exchange/courier.ts';
import { notificationBody, pair } from '../exchange/helpers.ts';
import { describeWithService } from '../store/services.ts';
import { NATS_SERVER, NatsServer, sleep, waitUntil } from './fault-helpers.ts';
import { reportFigure } from './figures.ts';

let dir: string;
let server: NatsServer;
const closers: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-faults-nats-'));
  server = await NatsServer.start(join(dir, 'jetstream'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Publishes until the server acknowledges, retrying with the same message id; returns the failed tries. */
async function publishUntilAcknowledged(bus: NatsBus, subject: string, i: number): Promise<number> {
  const deadline = Date.now() + 20_000;
  for (let failures = 0; ; failures++) {
    try {
      await bus.publish(subject, jsonBytes({ i }), { msgId: `m${i}` });
      return failures;
    } catch (err) {
      if (Date.now() > deadline) throw new Error(`m${i} still not acknowledged after 20 s: ${err}`);
      await sleep(50);
    }
  }
}

/** Messages the stream holds, asked on a connection of its own. */
async function storedMessages(url: string, stream: string): Promise<number> {
  const nc = await connect({ servers: url });
  try {
    return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;
  } finally {
    await nc.close();
  }
}

/** Kills the server once `ready()` holds, keeps it down for `downMs`, starts it again. */
async function restartWhen(
  ready: () => boolean,
  downMs: number,
  onKilled: () => void = () => undefined,
): Promise<{ killedAt: number }> {
  await waitUntil('the moment to kill the NATS server', ready, 30_000, 1);
  await server.kill9();
  const killedAt = Date.now();
  onKilled();
  await sleep(downMs);
  await server.restart();
  return { killedAt };
}

/**
 * N messages published one after another and consumed by one durable consumer, the
 * server killed when half are acknowledged and started again after `downMs`.
 */
async function streamThroughRestart(N: number, downMs: number, connectOptions: NatsBusOptions = {}) {
  const root = `faults${downMs}`;
  const bus = await NatsBus.connect(server.url, root, connectOptions);
  closers.push(() => bus.close());
  // Every delivery: message id → the stream positions it came from.
  const deliveries = new Map<string, number[]>();
  const handled = new Set<string>();
  let slow = true;
  const sub = await bus.consume(
    bus.subjects.alerts,
    'faults',
    async (m: BusMessage) => {
      deliveries.set(m.msgId, [...(deliveries.get(m.msgId) ?? []), m.seq]);
      // The handler keys its effect on the message id, as message-bus.ts asks.
      handled.add(m.msgId);
      // Slower than the publisher until the fault, so the consumer has a backlog when the server dies.
      if (slow) await sleep(1);
    },
    { ackWaitMs: 2000, retryDelayMs: 50 },
  );
  closers.push(() => sub.close());

  const acknowledged: string[] = [];
  let failedTries = 0;
  const publishing = (async () => {
    for (let i = 0; i < N; i++) {
      failedTries += await publishUntilAcknowledged(bus, bus.subjects.alerts, i);
      acknowledged.push(`m${i}`);
    }
  })();
  let consumedAtKill = 0;
  let acknowledgedAtKill = 0;
  const { killedAt } = await restartWhen(
    () => acknowledged.length >= N / 2 && handled.size > 0,
    downMs,
    () => {
      consumedAtKill = handled.size;
      acknowledgedAtKill = acknowledged.length;
      slow = false;
    },
  );
  await publishing;
  await waitUntil('the consumer to take every acknowledged message', () => handled.size >= N, 20_000);
  const caughtUpAfterMs = Date.now() - killedAt;

  // The fault hit mid-stream: the publisher had more to send, the consumer a backlog.
  expect(acknowledgedAtKill).toBeLessThan(N);
  expect(consumedAtKill).toBeLessThan(acknowledgedAtKill);
  const lost = acknowledged.filter((id) => !handled.has(id));
  // A message stored twice would come from two stream positions.
  const storedTwice = [...deliveries].filter(([, seqs]) => new Set(seqs).size > 1).map(([id]) => id);
  const redelivered = [...deliveries.values()].filter((seqs) => seqs.length > 1).length;
  expect(lost).toEqual([]);
  expect(storedTwice).toEqual([]);
  expect(handled.size).toBe(N);
  expect(await storedMessages(server.url, `${root.toUpperCase()}_ALERTS`)).toBe(N);
  reportFigure({
    subject: `NATS restart (bus, ${downMs / 1000} s down)`,
    tried: 'messages published through a kill -9 and restart of nats-server',
    count: N,
    failure: 'acknowledged messages lost or stored twice',
    failures: lost.length + storedTwice.length,
    detail: `killed after ${acknowledgedAtKill} acknowledged and ${consumedAtKill} consumed; ${failedTries} publish tries failed and were retried; ${redelivered} redeliveries absorbed by message id; consumer caught up ${caughtUpAfterMs} ms after the kill`,
  });
}

describeWithService(
  'NATS server killed and restarted mid-stream',
  NATS_SERVER ? null : 'no nats-server binary (/usr/sbin or PATH)',
  () => {
    it('loses no acknowledged publication, stores none twice, and the durable consumer resumes by itself', async () => {
      await streamThroughRestart(3000, 1000);
    });

    it('a bus outlasting many reconnection attempts still resumes once the server is back', async () => {
      // 100 ms between attempts: the client's default ten attempts are spent within the 3 s outage.
      await streamThroughRestart(1000, 3000, { reconnectWaitMs: 100 });
    });

    it('a bus closed while the server is down closes without an error', async () => {
      const bus = await NatsBus.connect(server.url, 'faultsdown');
      const sub = await bus.consume(bus.subjects.alerts, 'faults', async () => undefined);
      await bus.publish(bus.subjects.alerts, jsonBytes(1), { msgId: 'm1' });
      await server.kill9();
      await expect(sub.close()).resolves.toBeUndefined();
      await expect(bus.close()).resolves.toBeUndefined();
      await server.restart();
    });

    it('the exchange over the bus: every stored message acknowledged and delivered once, in order', async () => {
      const K = 60;
      const sending = await NatsBus.connect(server.url, 'faultsx');
      const receiving = await NatsBus.connect(server.url, 'faultsx');
      closers.push(
        () => sending.close(),
        () => receiving.close(),
      );
      const { a, b } = pair(
        { retryFirstS: 0.2, retryMaxS: 1, lineCheckEveryS: 3600 },
        {
          get nowMs() {
            return Date.now();
          },
          advance() {
            throw new Error('wall clock');
          },
        },
      );
      const listenA = await listenOnBus(sending, a);
      const listenB = await listenOnBus(receiving, b);
      closers.push(
        () => listenA.close(),
        () => listenB.close(),
      );
      const stop = new AbortController();
      const courier = runCourier(a, busTransport(sending), { idleMs: 50, signal: stop.signal });
      closers.push(async () => {
        stop.abort();
        await courier;
      });

      const ids: string[] = [];
      const queueing = (async () => {
        for (let i = 1; i <= K; i++) {
          ids.push(a.send('B', notificationBody(`N-${i}`)).id);
          await sleep(10);
        }
      })();
      await restartWhen(() => b.inbox().length >= K / 3, 1000);
      await queueing;
      await waitUntil('every message acknowledged', () => ids.every((id) => a.acknowledged(id)), 60_000);

      // The inbox lists in arrival order: a retransmission may come after later messages.
      const inbox = b.inbox().sort((x, y) => x.seq - y.seq);
      const delivered = b.take();
      // Stored exactly once each, and released to the centre in the sender's order.
      expect(inbox.map((m) => m.seq)).toEqual(Array.from({ length: K }, (_, i) => i + 1));
      expect(delivered.map((d) => d.body.type === 'notification' && d.body.notification['id'])).toEqual(
        Array.from({ length: K }, (_, i) => `N-${i + 1}`),
      );
      const outOfArrivalOrder = b.inbox().filter((m, i) => m.seq !== i + 1).length;
      const lost = ids.filter((id) => !inbox.some((m) => m.id === id)).length;
      const twice = inbox.length - new Set(inbox.map((m) => m.id)).size;
      expect(lost + twice).toBe(0);
      reportFigure({
        subject: 'NATS restart (exchange bus transport)',
        tried: 'exchange messages sent through a kill -9 and restart of nats-server',
        count: K,
        failure: 'messages lost, duplicated or out of order',
        failures: lost + twice,
        detail: `${b.status().rejections['duplicate'] ?? 0} retransmissions recognised as duplicates, ${outOfArrivalOrder} arrived out of order and were held`,
      });
    });
  },
);
