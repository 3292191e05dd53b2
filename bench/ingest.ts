// Sensor-report ingest through the bus (issue 6): reports published to
// `vigil.reports.<sensorId>` at 10,000 per second for 60 s (VIGIL_BENCH_INGEST_S sets
// the duration, VIGIL_BENCH_SHORT=1 makes it 5 s; VIGIL_BENCH_INGEST_RATE the rate),
// paced against the clock, each with its report id as message id; one durable
// consumer — a stand-in for the centre — decodes and checks every message
// (decodeReportMessage, warmed up on 20,000 reports first), acknowledges it and notes
// when it handled it. Reported: the achieved publication rate, reports dropped
// (published but never handled), and the latency from publication to the handler,
// p50 and p99. Targets: the full rate, nothing dropped, p99 < 100 ms.
// For NATS the feed is a worker thread with its own connection, as a feed is its own
// program, publishing as a high-rate feed does: core NATS publishes carrying the
// Nats-Msg-Id header (the stream stores and deduplicates them; no reply per message).
// Publication times go through shared memory, so publish → handled is on one clock.
// Beside it, the capacity of the bus's own acknowledged publish (MessageBus.publish,
// one PubAck per message, unpaced). Baseline in the same process: the in-process bus,
// publisher and consumer on the main thread (a bus object cannot cross threads).
// NATS from $VIGIL_TEST_NATS_URL (default nats://127.0.0.1:4222), streams under a root
// of their own, deleted afterwards; the rows say so when the server is down.
// Then the real path on each bus: a paced feed run of the in-process service taking
// reports at VIGIL_BENCH_FEED_RATE (default 1,000) a second, publication → stored step
// (ingest-feed-run.ts).
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, headers } from '@nats-io/transport-node';
import { decodeReportMessage } from '../src/bus/decode-report.ts';
import { MemoryBus } from '../src/bus/memory-bus.ts';
import { type BusMessage, jsonBytes, type MessageBus } from '../src/bus/message-bus.ts';
import { NatsBus } from '../src/bus/nats-bus.ts';
import { type Subjects, streamLayout, subjectsFor } from '../src/bus/subjects.ts';
import type { IrReport } from '../src/sensors/report.ts';
import type { BenchRow, BenchSuite } from './harness.ts';
import { feedRunRows } from './ingest-feed-run.ts';

const DURATION_S =
  process.env['VIGIL_BENCH_SHORT'] === '1' ? 5 : Number(process.env['VIGIL_BENCH_INGEST_S'] ?? 60);
const RATE = Number(process.env['VIGIL_BENCH_INGEST_RATE'] ?? 10_000);
const NATS_URL = process.env['VIGIL_TEST_NATS_URL'] || 'nats://127.0.0.1:4222';
const SENSORS = 24;
/** After the last publication, how long the consumer may take to catch up before the rest counts as dropped. */
const DRAIN_MS = 10_000;
const P99_TARGET_MS = 100;
const WARM_UP_REPORTS = 20_000;
const CAPACITY_REPORTS = 20_000;

function report(i: number): IrReport {
  const a = (i % 3600) * 0.001745;
  return {
    kind: 'ir',
    id: `sat-${i % SENSORS}#${i}`,
    sensorId: `sat-${i % SENSORS}`,
    timeS: i / RATE,
    observerEci: [42_164_000 * Math.cos(a), 42_164_000 * Math.sin(a), 0],
    losEci: [-Math.cos(a), -Math.sin(a), 0],
    azRad: a,
    elRad: 0.05,
    sigmaRad: 2.5e-5,
    intensity: 0.8,
    count: 1,
  };
}

function quantile(sorted: Float64Array, q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wall-clock ms with sub-ms resolution, comparable between threads. */
function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

interface Published {
  refused: number;
  seconds: number;
}

/** Sends one report: a promise of whether the bus took it as new, or null when the sender gets no answer. */
type Send = (subject: string, data: Uint8Array, msgId: string) => Promise<{ duplicate: boolean }> | null;

/**
 * Publishes `total` reports paced at RATE, writing each publication time into `sentAt[i]`
 * first. Publications are not awaited one by one (a feed keeps many in flight); only
 * their count is kept, so the pace never stalls on a batch of them.
 */
async function publishPaced(
  send: Send,
  subjects: Subjects,
  total: number,
  sentAt: Float64Array,
): Promise<Published> {
  let refused = 0;
  let inFlight = 0;
  const settled = (duplicate: boolean) => {
    inFlight--;
    if (duplicate) refused++;
  };
  const start = performance.now();
  let next = 0;
  while (next < total) {
    const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * RATE));
    while (next < due) {
      const i = next++;
      const r = report(i);
      sentAt[i] = nowMs();
      const answer = send(subjects.report(r.sensorId), jsonBytes(r), r.id);
      if (answer) {
        inFlight++;
        answer.then(
          (ack) => settled(ack.duplicate),
          () => settled(true),
        );
      }
    }
    await sleep(1);
  }
  while (inFlight > 0) await sleep(5);
  return { refused, seconds: (performance.now() - start) / 1000 };
}

/** The NATS publisher as a worker thread: its own connection, publication times into shared memory. */
function publishFromWorker(root: string, total: number, sentAt: Float64Array): Promise<Published> {
  return new Promise((resolve, reject) => {
    // The worker runs this .ts file too, so it first registers tsx (which `tsx bench/run.ts` does not pass on to workers).
    const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); })`;
    const worker = new Worker(bootstrap, {
      eval: true,
      workerData: { role: 'ingest-publisher', root, total, sentAt: sentAt.buffer },
    });
    // Connected and ready: only then does the clock start.
    worker.on('message', (m: 'ready' | Published) => {
      if (m === 'ready') worker.postMessage('go');
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

async function ingest(
  label: string,
  bus: MessageBus,
  publish: (sentAt: Float64Array) => Promise<Published>,
): Promise<BenchRow[]> {
  const total = Math.round(RATE * DURATION_S);
  const sentAt = new Float64Array(new SharedArrayBuffer(total * Float64Array.BYTES_PER_ELEMENT));
  const latency = new Float64Array(total).fill(Number.NaN);
  let handled = 0;
  let redelivered = 0;
  // Warm the decoder first, as in a centre that has been running for a while.
  for (let i = 0; i < WARM_UP_REPORTS; i++)
    decodeReportMessage(jsonBytes(report(i)), bus.subjects.report(report(i).sensorId));
  const subscription = await bus.consume(bus.subjects.allReports, 'centre-bench', async (m: BusMessage) => {
    const r = decodeReportMessage(m.data, m.subject);
    const i = Number(r.id.slice(r.id.indexOf('#') + 1));
    if (!Number.isNaN(latency[i]!)) {
      redelivered++;
      return;
    }
    latency[i] = nowMs() - sentAt[i]!;
    handled++;
  });

  const { refused, seconds: publishS } = await publish(sentAt);
  let lastProgress = performance.now();
  let seen = handled;
  while (handled < total - refused && performance.now() - lastProgress < DRAIN_MS) {
    await sleep(20);
    if (handled > seen) {
      seen = handled;
      lastProgress = performance.now();
    }
  }
  await subscription.close();

  const dropped = total - handled;
  const sorted = latency.filter((x) => !Number.isNaN(x)).sort();
  const rate = total / publishS;
  const p99 = quantile(sorted, 0.99);
  return [
    {
      name: `${label}: publication rate`,
      value: rate,
      unit: 'reports/s',
      target: `≥ ${RATE} reports/s`,
      met: rate >= 0.99 * RATE,
      note: `${total} reports in ${publishS.toFixed(1)} s`,
    },
    {
      name: `${label}: dropped`,
      value: dropped,
      unit: 'reports',
      target: '0',
      met: dropped === 0,
      note: `${refused} publications failed or came back duplicate; ${redelivered} redeliveries`,
    },
    { name: `${label}: latency p50, publish → handled`, value: quantile(sorted, 0.5), unit: 'ms' },
    {
      name: `${label}: latency p99, publish → handled`,
      value: p99,
      unit: 'ms',
      target: `< ${P99_TARGET_MS} ms`,
      met: p99 < P99_TARGET_MS,
      note: `max ${sorted.length > 0 ? sorted[sorted.length - 1]!.toFixed(1) : '—'} ms`,
    },
  ];
}

/** How fast MessageBus.publish goes when each publication waits for its PubAck, 1,000 in flight at a time. */
async function ackedCapacity(bus: MessageBus): Promise<BenchRow> {
  const n = CAPACITY_REPORTS;
  const start = performance.now();
  for (let first = 0; first < n; first += 1000) {
    const batch: Promise<unknown>[] = [];
    for (let i = first; i < Math.min(n, first + 1000); i++) {
      const r = report(i);
      batch.push(bus.publish(bus.subjects.report(r.sensorId), jsonBytes(r), { msgId: `capacity-${i}` }));
    }
    await Promise.all(batch);
  }
  const rate = n / ((performance.now() - start) / 1000);
  return {
    name: 'NATS JetStream: MessageBus.publish with PubAck, unpaced',
    value: rate,
    unit: 'reports/s',
    note: `${n} reports, 1,000 in flight; no consumer running`,
  };
}

/** Deletes the streams under `root` on the NATS server. */
async function deleteStreams(root: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  for (const spec of streamLayout(root)) await jsm.streams.delete(spec.name).catch(() => false);
  await nc.close();
}

async function nats(): Promise<BenchRow[]> {
  const root = `bench${process.pid}`;
  let bus: NatsBus;
  try {
    bus = await NatsBus.connect(NATS_URL, root);
  } catch (err) {
    return [
      {
        name: 'NATS JetStream: ingest',
        value: Number.NaN,
        unit: 'reports/s',
        note: `skipped: cannot connect to ${NATS_URL} (${(err as Error).message})`,
      },
    ];
  }
  let rows: BenchRow[];
  try {
    rows = await ingest('NATS JetStream', bus, (sentAt) => publishFromWorker(root, sentAt.length, sentAt));
    rows.push(await ackedCapacity(bus));
  } finally {
    await bus.close();
    await deleteStreams(root);
  }
  // The feed run on streams of its own: else its consumer first passes over every report above.
  const feedRoot = `${root}feed`;
  const feedBus = await NatsBus.connect(NATS_URL, feedRoot);
  try {
    return [...rows, ...(await feedRunRows('NATS JetStream', feedBus, DURATION_S))];
  } finally {
    await feedBus.close();
    await deleteStreams(feedRoot);
  }
}

async function memory(): Promise<BenchRow[]> {
  const bus = new MemoryBus({ maxMessagesPerStream: Math.round(RATE * DURATION_S) });
  try {
    const send: Send = (subject, data, msgId) => bus.publish(subject, data, { msgId });
    return await ingest('in-process (baseline)', bus, (sentAt) =>
      publishPaced(send, bus.subjects, sentAt.length, sentAt),
    );
  } finally {
    await bus.close();
  }
}

/** The feed run on a fresh in-process bus: the baseline rows' stream is not its feed. */
async function memoryFeedRun(): Promise<BenchRow[]> {
  const bus = new MemoryBus();
  try {
    return await feedRunRows('in-process', bus, DURATION_S);
  } finally {
    await bus.close();
  }
}

export const suite: BenchSuite = {
  title: `Ingest: sensor reports at ${RATE}/s for ${DURATION_S} s through the bus`,
  async run() {
    return [...(await nats()), ...(await memory()), ...(await memoryFeedRun())];
  },
};

if (!isMainThread && workerData?.role === 'ingest-publisher') {
  const { root, total, sentAt } = workerData as { root: string; total: number; sentAt: SharedArrayBuffer };
  const nc = await connect({ servers: NATS_URL, name: 'vigil-bench-feed' });
  const send: Send = (subject, data, msgId) => {
    const h = headers();
    h.set('Nats-Msg-Id', msgId);
    nc.publish(subject, data, { headers: h });
    return null;
  };
  await new Promise((go) => {
    parentPort!.once('message', go);
    parentPort!.postMessage('ready');
  });
  const published = await publishPaced(send, subjectsFor(root), total, new Float64Array(sentAt));
  await nc.flush();
  await nc.close();
  parentPort!.postMessage(published);
}
