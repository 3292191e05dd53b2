// Backpressure of the stream: a client's queue is bounded and drops its oldest
// messages, counts them, coalesces clock ticks; and a client that fell behind on a
// live run is told how many messages it lost and sent the run's whole picture again.
import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import type { ServerMessage } from '../../src/server/schemas/stream.ts';
import { ClientQueue } from '../../src/server/ws/client-queue.ts';
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

/** A transport whose writes finish only when the test says so. */
function stalledTransport() {
  const sent: string[] = [];
  const pending: Array<() => void> = [];
  return {
    sent,
    pending,
    transport: {
      send(data: string, done: (err?: Error) => void) {
        sent.push(data);
        pending.push(() => done());
      },
    },
    /** Finishes the writes in flight (and any they start), until nothing is left. */
    drain() {
      while (pending.length > 0) pending.shift()!();
    },
  };
}

describe('a client queue', () => {
  it('sends everything when the client keeps up', () => {
    const sent: string[] = [];
    const q = new ClientQueue(
      {
        send: (d, done) => {
          sent.push(d);
          done();
        },
      },
      { maxQueued: 4, maxInFlightBytes: 2, onDrop: () => {}, onDrain: () => {} },
    );
    for (let i = 0; i < 100; i++) q.push(String(i));
    expect(sent).toEqual([...Array(100).keys()].map(String));
    expect(q.dropped).toBe(0);
    expect(q.sent).toBe(100);
  });

  it('drops the oldest queued messages of a stalled client, counts them, and keeps the newest', () => {
    const t = stalledTransport();
    const drops: number[] = [];
    let drained = 0;
    const q = new ClientQueue(t.transport, {
      maxQueued: 3,
      maxInFlightBytes: 2,
      onDrop: (n) => drops.push(n),
      onDrain: () => drained++,
    });
    for (let i = 0; i < 10; i++) q.push(String(i));
    // Two one-byte messages in flight, the three newest waiting, five dropped.
    expect(t.sent).toEqual(['0', '1']);
    expect(q.queued).toBe(3);
    expect(q.dropped).toBe(5);
    expect(drops.reduce((a, b) => a + b, 0)).toBe(5);
    t.drain();
    expect(t.sent).toEqual(['0', '1', '7', '8', '9']);
    expect(drained).toBe(1);
    expect(q.sent).toBe(5);
  });

  it('never holds more than its bound, however much is pushed', () => {
    const t = stalledTransport();
    const q = new ClientQueue(t.transport, {
      maxQueued: 50,
      maxInFlightBytes: 4,
      onDrop: () => {},
      onDrain: () => {},
    });
    let most = 0;
    for (let i = 0; i < 100_000; i++) {
      q.push(`${i % 10}`);
      most = Math.max(most, q.queued);
    }
    expect(most).toBe(50);
    expect(t.sent.length).toBe(4);
    expect(q.dropped).toBe(100_000 - 54);
  });

  it('replaces a waiting message with a newer one of the same key', () => {
    const t = stalledTransport();
    const q = new ClientQueue(t.transport, {
      maxQueued: 10,
      maxInFlightBytes: 1,
      onDrop: () => {},
      onDrain: () => {},
    });
    q.push('first');
    q.push('tick 1', 'time:r');
    q.push('step', null);
    q.push('tick 2', 'time:r');
    q.push('tick 3', 'time:r');
    expect(q.queued).toBe(2);
    t.drain();
    expect(t.sent).toEqual(['first', 'tick 3', 'step']);
    expect(q.dropped).toBe(0);
  });
});

/** A WebSocket whose writes wait until `drain()`: a client that reads slowly. */
class SlowSocket extends EventEmitter {
  readonly OPEN = 1;
  readyState = 1;
  readonly out: ServerMessage[] = [];
  private pending: Array<(err?: Error) => void> = [];
  send(data: string, done: (err?: Error) => void): void {
    this.out.push(JSON.parse(data) as ServerMessage);
    this.pending.push(done);
  }
  drain(): void {
    while (this.pending.length > 0) this.pending.shift()!();
  }
  close(): void {
    this.readyState = 3;
    this.emit('close');
  }
  ping(): void {}
  terminate(): void {
    this.close();
  }
}

describe('a slow stream client of a live run', () => {
  let s: TestService;
  beforeAll(async () => {
    s = await testService({ stream: { maxQueued: 16, maxInFlightBytes: 2, pingMs: 0 } });
    await storeScenario(s, 'polar', polar(12));
  });
  afterAll(async () => s.dispose());

  it('is told how many messages it lost and then sent the whole picture again', async () => {
    const run = await startRun(s, { scenario: 'polar', paused: true });
    const socket = new SlowSocket();
    s.hub.connect(socket as unknown as WebSocket, { tokenId: 't', name: 'slow', role: 'observer' });
    socket.emit('message', Buffer.from(JSON.stringify({ type: 'subscribe', runId: run.id })), false);
    await waitFor('the subscription and its first picture', async () => {
      socket.drain();
      return socket.out.some((m) => m.type === 'snapshot');
    });
    json(await call(s.app, 'POST', `/api/runs/${run.id}/resume`, s.admin, { mode: 'batch' }), 200);
    await waitFor('the run to finish', async () => (await s.store.getRun(run.id))?.status === 'finished');
    // Stalled through the whole run: one message went out after the subscription's.
    const subscribed = socket.out.findIndex((m) => m.type === 'snapshot');
    expect(socket.out.length).toBeLessThanOrEqual(subscribed + 2);
    const before = socket.out.length;
    for (let k = 0; k < 50 && !socket.out.some((m) => m.type === 'snapshot' && m.reason === 'resync'); k++) {
      socket.drain();
      await new Promise((r) => setTimeout(r, 10));
    }
    socket.drain();
    const after = socket.out.slice(before);
    // At most the queue's worth of the newest messages, then the notice and the fresh picture.
    const notice = after.findIndex((m) => m.type === 'dropped');
    expect(notice).toBeGreaterThanOrEqual(0);
    expect(notice).toBeLessThanOrEqual(16 + 1);
    const dropped = after[notice] as Extract<ServerMessage, { type: 'dropped' }>;
    // 144 steps and more went to a client that took one message at a time, and none.
    expect(dropped.count).toBeGreaterThan(100);
    expect(dropped.total).toBe(dropped.count);
    const resync = after.slice(notice).find((m) => m.type === 'snapshot') as Extract<
      ServerMessage,
      { type: 'snapshot' }
    >;
    expect(resync.reason).toBe('resync');
    const replay = json(await call(s.app, 'GET', `/api/runs/${run.id}/picture?timeS=720`, s.observer), 200);
    expect(resync.picture).toEqual(replay);
    // The newest messages survived: the run's end is among them.
    expect(after.some((m) => m.type === 'run' && m.run.status === 'finished')).toBe(true);
    socket.close();
  });
});
