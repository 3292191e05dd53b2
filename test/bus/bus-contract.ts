// The message-bus contract, one suite run against both buses (in-process and NATS
// JetStream): publish and consume, acknowledgement and redelivery, a durable consumer
// restarted mid-stream, duplicates dropped by message id, and bad messages sent to the
// dead-letter subject with their reason while the consumer goes on.
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { DeadLetter } from '../../src/bus/dead-letter.ts';
import { decodeReportMessage } from '../../src/bus/decode-report.ts';
import {
  type BusMessage,
  bytesText,
  jsonBytes,
  type MessageBus,
  type Subscription,
} from '../../src/bus/message-bus.ts';
import { irReport, radarReport } from '../store/fixtures.ts';

export interface BusTarget {
  /** A bus whose subjects start with `root` (fresh streams for each root). */
  open(root: string): Promise<MessageBus>;
  /** Removes what the bus made for `root`. */
  cleanup(root: string): Promise<void>;
}

/** Short ack wait so a message left unanswered comes back within the test. */
const ACK_WAIT_MS = 1000;
const FAST = { ackWaitMs: ACK_WAIT_MS, retryDelayMs: 50 };

export async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

let roots = 0;

export function busContract(target: BusTarget): void {
  let root: string;
  let bus: MessageBus;
  const subscriptions: Subscription[] = [];

  beforeEach(async () => {
    root = `t${process.pid}x${++roots}${Math.random().toString(36).slice(2, 7)}`;
    bus = await target.open(root);
  });

  afterEach(async () => {
    for (const s of subscriptions.splice(0)) await s.close();
    await bus.close();
    await target.cleanup(root);
  });

  async function consume(
    filter: string,
    durable: string,
    handler: (m: BusMessage) => Promise<void>,
    options: { maxDeliver?: number; ackWaitMs?: number; retryDelayMs?: number } = FAST,
  ): Promise<Subscription> {
    const s = await bus.consume(filter, durable, handler, { ...FAST, ...options });
    subscriptions.push(s);
    return s;
  }

  async function deadLetters(into: DeadLetter[]): Promise<void> {
    await consume(bus.subjects.deadLetter, 'dead-reader', async (m) => {
      into.push(JSON.parse(bytesText(m.data)) as DeadLetter);
    });
  }

  it('delivers what was published, in order, with its subject, id and body', async () => {
    const t0 = Date.now();
    const sent = Array.from({ length: 20 }, (_, i) => ({
      subject: bus.subjects.report(i % 2 === 0 ? 'sbirs-geo-1' : 'beale:1'),
      msgId: `m${i}`,
      body: `report ${i}`,
    }));
    for (const m of sent) await bus.publish(m.subject, jsonBytes(m.body), { msgId: m.msgId });
    const got: BusMessage[] = [];
    await consume(bus.subjects.allReports, 'reader', async (m) => {
      got.push(m);
    });
    await waitFor('20 messages', () => got.length === 20);
    expect(
      got.map((m) => ({ subject: m.subject, msgId: m.msgId, body: JSON.parse(bytesText(m.data)) })),
    ).toEqual(sent);
    expect(got.every((m) => m.deliveryCount === 1)).toBe(true);
    expect(got.map((m) => m.seq)).toEqual([...got.map((m) => m.seq)].sort((a, b) => a - b));
    for (const m of got) expect(m.publishedAtMs).toBeGreaterThan(t0 - 1000);
  });

  it('a consumer of one sensor subject gets that sensor only, and messages published later', async () => {
    const got: string[] = [];
    await consume(bus.subjects.report('beale:1'), 'beale-reader', async (m) => {
      got.push(m.msgId);
    });
    await bus.publish(bus.subjects.report('beale:1'), jsonBytes(1), { msgId: 'b1' });
    await bus.publish(bus.subjects.report('sbirs-geo-1'), jsonBytes(2), { msgId: 's1' });
    await bus.publish(bus.subjects.report('beale:1'), jsonBytes(3), { msgId: 'b2' });
    await waitFor('2 messages', () => got.length === 2);
    await sleep(200);
    expect(got).toEqual(['b1', 'b2']);
  });

  it('a repeated message id is dropped at publication and delivered once', async () => {
    const first = await bus.publish(bus.subjects.alerts, jsonBytes({ id: 'A1', level: 'event' }), {
      msgId: 'A1@1',
    });
    const again = await bus.publish(bus.subjects.alerts, jsonBytes({ id: 'A1', level: 'event' }), {
      msgId: 'A1@1',
    });
    const next = await bus.publish(bus.subjects.alerts, jsonBytes({ id: 'A1', level: 'launch-detected' }), {
      msgId: 'A1@2',
    });
    expect(first.duplicate).toBe(false);
    expect(again).toEqual({ seq: first.seq, duplicate: true });
    expect(next.seq).toBe(first.seq + 1);
    const got: string[] = [];
    await consume(bus.subjects.alerts, 'alert-reader', async (m) => {
      got.push(m.msgId);
    });
    await waitFor('2 alerts', () => got.length === 2);
    await sleep(200);
    expect(got).toEqual(['A1@1', 'A1@2']);
  });

  it('a message whose handler fails is delivered again, counting its deliveries, then acknowledged', async () => {
    for (let i = 0; i < 5; i++) await bus.publish(bus.subjects.tracks, jsonBytes(i), { msgId: `t${i}` });
    const deliveries: Array<[string, number]> = [];
    const done = new Set<string>();
    await consume(bus.subjects.tracks, 'flaky', async (m) => {
      deliveries.push([m.msgId, m.deliveryCount]);
      if (m.msgId === 't2' && m.deliveryCount < 3) throw new Error('database busy');
      done.add(m.msgId);
    });
    await waitFor('5 handled', () => done.size === 5);
    await sleep(300);
    expect(deliveries.filter(([id]) => id === 't2')).toEqual([
      ['t2', 1],
      ['t2', 2],
      ['t2', 3],
    ]);
    expect(deliveries.filter(([id]) => id !== 't2').map(([id, n]) => [id, n])).toEqual([
      ['t0', 1],
      ['t1', 1],
      ['t3', 1],
      ['t4', 1],
    ]);
  });

  it('a message failing on every delivery goes to the dead-letter subject after maxDeliver, and the rest flow on', async () => {
    const dead: DeadLetter[] = [];
    await deadLetters(dead);
    for (let i = 0; i < 4; i++) await bus.publish(bus.subjects.tracks, jsonBytes(i), { msgId: `t${i}` });
    const done: string[] = [];
    await consume(
      bus.subjects.tracks,
      'poisoned',
      async (m) => {
        if (m.msgId === 't1') throw new Error('cannot store track');
        done.push(m.msgId);
      },
      { maxDeliver: 3 },
    );
    await waitFor('a dead letter', () => dead.length === 1);
    await waitFor('3 handled', () => done.length === 3);
    expect(done).toEqual(['t0', 't2', 't3']);
    expect(dead[0]).toMatchObject({
      subject: bus.subjects.tracks,
      msgId: 't1',
      consumer: 'poisoned',
      deliveries: 3,
      reason: 'failed on all 3 deliveries: cannot store track',
      payloadText: '1',
    });
    await sleep(300);
    expect(dead).toHaveLength(1);
  });

  it('a malformed report goes to the dead-letter subject with the field and what was expected, never stopping the consumer', async () => {
    const dead: DeadLetter[] = [];
    await deadLetters(dead);
    const good = irReport('sbirs-geo-1#1', 12.5);
    const subject = bus.subjects.report('sbirs-geo-1');
    const kmPosition = { ...irReport('sbirs-geo-1#2', 13), observerEci: [42_164, 0, 0] };
    const wrongType = { ...irReport('sbirs-geo-1#3', 13.5), timeS: '13.5' };
    const { rangeM: _, ...noRange } = radarReport('beale:1#1', 14);
    const handled: string[] = [];
    await consume(bus.subjects.allReports, 'centre', async (m) => {
      handled.push(decodeReportMessage(m.data, m.subject).id);
    });
    await bus.publish(subject, new TextEncoder().encode('{"kind": "ir", '), { msgId: 'bad-json' });
    await bus.publish(subject, jsonBytes(kmPosition), { msgId: 'km' });
    await bus.publish(subject, jsonBytes(wrongType), { msgId: 'string-time' });
    await bus.publish(bus.subjects.report('beale:1'), jsonBytes(noRange), { msgId: 'no-range' });
    await bus.publish(bus.subjects.report('beale:1'), jsonBytes(good), { msgId: 'wrong-subject' });
    await bus.publish(subject, jsonBytes(good), { msgId: 'good' });
    await waitFor('5 dead letters', () => dead.length === 5);
    await waitFor('the good report', () => handled.length === 1);
    expect(handled).toEqual(['sbirs-geo-1#1']);
    const byId = new Map(dead.map((d) => [d.msgId, d]));
    expect(byId.get('bad-json')!.reason).toMatch(/not valid JSON/);
    expect(byId.get('bad-json')!.payloadText).toBe('{"kind": "ir", ');
    expect(byId.get('km')!.problems).toEqual([
      { path: 'observerEci', message: expect.stringMatching(/in metres/) },
    ]);
    expect(byId.get('string-time')!.problems).toEqual([
      { path: 'timeS', message: "expected a number, got '13.5'" },
    ]);
    expect(byId.get('no-range')!.problems).toEqual([
      { path: 'rangeM', message: "missing required key 'rangeM'" },
    ]);
    expect(byId.get('wrong-subject')!.problems[0]!.path).toBe('sensorId');
    for (const d of dead) {
      expect(d.deliveries).toBe(1);
      expect(d.consumer).toBe('centre');
    }
  });

  it('a consumer restarted mid-stream gets everything not yet acknowledged; an idempotent handler acts once per message', async () => {
    const total = 300;
    for (let i = 0; i < 200; i++)
      await bus.publish(bus.subjects.report(`s${i % 7}`), jsonBytes(i), { msgId: `r${i}` });
    const effects = new Map<string, number>();
    const handle = async (m: BusMessage) => {
      if (!effects.has(m.msgId)) effects.set(m.msgId, 0);
      effects.set(m.msgId, effects.get(m.msgId)! + 1);
    };
    // Idempotent by msgId: acts only on a message it has not acted on.
    const idempotent = async (m: BusMessage) => {
      if (effects.has(m.msgId)) return;
      await handle(m);
    };
    const first = await consume(bus.subjects.allReports, 'restarted', idempotent);
    await waitFor('80 handled', () => effects.size >= 80);
    await first.close();
    const beforeRestart = effects.size;
    for (let i = 200; i < total; i++)
      await bus.publish(bus.subjects.report(`s${i % 7}`), jsonBytes(i), { msgId: `r${i}` });
    await sleep(100);
    expect(effects.size).toBe(beforeRestart);
    await consume(bus.subjects.allReports, 'restarted', idempotent);
    await waitFor(`all ${total} handled`, () => effects.size === total);
    await sleep(300);
    expect([...effects.keys()].sort()).toEqual(Array.from({ length: total }, (_, i) => `r${i}`).sort());
    expect([...effects.values()].every((n) => n === 1)).toBe(true);
  });

  it('a message whose handler never answers is delivered again after the ack wait to the restarted consumer', async () => {
    for (let i = 0; i < 3; i++) await bus.publish(bus.subjects.tracks, jsonBytes(i), { msgId: `t${i}` });
    const seen: Array<[string, number]> = [];
    const stuck = await consume(bus.subjects.tracks, 'hung', (m) => {
      seen.push([m.msgId, m.deliveryCount]);
      return m.msgId === 't1' ? new Promise<void>(() => undefined) : Promise.resolve();
    });
    await waitFor('t1 in hand', () => seen.some(([id]) => id === 't1'));
    // Waits up to the ack wait for the hung handler, then gives up on it.
    await stuck.close();
    const after: Array<[string, number]> = [];
    await consume(bus.subjects.tracks, 'hung', async (m) => {
      after.push([m.msgId, m.deliveryCount]);
    });
    await waitFor(
      't1 and t2',
      () => after.some(([id]) => id === 't1') && after.some(([id]) => id === 't2'),
      15_000,
    );
    expect(after.find(([id]) => id === 't1')![1]).toBeGreaterThanOrEqual(2);
    expect(after.some(([id]) => id === 't0')).toBe(false);
  });

  it('Monte Carlo work items are consumed from the work subject', async () => {
    await bus.publish(bus.subjects.monteCarloWork, jsonBytes({ runs: [1, 2] }), { msgId: 'w1' });
    const got: unknown[] = [];
    await consume(bus.subjects.monteCarloWork, 'worker', async (m) => {
      got.push(JSON.parse(bytesText(m.data)));
    });
    await waitFor('the work item', () => got.length === 1);
    expect(got).toEqual([{ runs: [1, 2] }]);
  });

  it('publishing outside the streams, to a wildcard, or without a message id is refused', async () => {
    await expect(bus.publish('elsewhere.reports.x', jsonBytes(1), { msgId: 'x' })).rejects.toThrow(
      /no stream/,
    );
    await expect(bus.publish(`${root}.reports.*`, jsonBytes(1), { msgId: 'x' })).rejects.toThrow(/wildcard/);
    await expect(bus.publish(bus.subjects.tracks, jsonBytes(1), { msgId: '' })).rejects.toThrow(/message id/);
    await expect(bus.consume('elsewhere.>', 'x', async () => undefined)).rejects.toThrow(/no stream/);
  });
}
