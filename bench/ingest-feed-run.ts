// Ingest through the real path (issue 6): reports published on `vigil.reports.<sensorId>`
// to an in-process service (buildApp on an in-memory SQLite store) running a feed run
// of the polar ICBM's scenario without its launch — the sensor network's own clutter
// only — paced at real time (pace 1). The feed is the launch's reports as the same
// network makes them (simulateNetwork, as test/server/feed.test.ts does), shifted so
// the first lands 1 s into the run, and filler reports up to FEED_RATE a second: the
// network's clutter reports cycled, each with its own id and its time re-set. Every
// report is timed at the run's clock when it is published, so it goes into the step
// after it.
//
// Measured per report: publication → the run's 'step' event for the step that took it
// (emitted after the step is stored, so the report is in the centre's picture and the
// store). The step event carries no report ids: a report is matched to the first step
// event whose time is at or after its own, and afterwards the run's stored reports
// (`feed/<id>`) confirm which were really taken; any published report not stored
// counts as dropped (late, queue full or lost), with the run's feed counts in the note.
//
// Publication is MessageBus.publish from the main thread, not awaited one by one; the
// publication time is taken as each is sent, so a step computation holding the thread
// delays publications but does not hide latency. The run's clock is estimated from the
// wall time just before it is resumed: its own anchor comes a little later, so reports
// are never timed behind it.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { jsonBytes, type MessageBus } from '../src/bus/message-bus.ts';
import { parseScenario } from '../src/scenario/load.ts';
import type { SensorReport } from '../src/sensors/report.ts';
import { simulateNetwork } from '../src/sensors/run-network.ts';
import { buildApp } from '../src/server/app.ts';
import { TokenStore } from '../src/server/auth/token-store.ts';
import type { RunView } from '../src/server/runs/run-events.ts';
import { openStore } from '../src/store/open-store.ts';
import { generateTruth } from '../src/world/generate.ts';
import type { BenchRow } from './harness.ts';

const FEED_RATE = Number(process.env['VIGIL_BENCH_FEED_RATE'] ?? 1000);
const P99_TARGET_MS = 100;
/** Where the launch's first report lands on the run's clock, s. */
const LAUNCH_AT_S = 1;
/** After the last publication, at most this long for the steps that take the rest, ms. */
const DRAIN_MS = 30_000;

const POLAR = readFileSync(resolve(import.meta.dirname, '../scenarios/polar-icbm.yaml'), 'utf8');

/** The launch's reports and the network's clutter, from the simulated polar ICBM's first 10 minutes. */
function feedSources(): { launch: SensorReport[]; clutter: SensorReport[] } {
  const s = parseScenario(POLAR.replace(/^duration: .*$/m, 'duration: 10m'), 'polar-icbm.yaml');
  const network = simulateNetwork(s, generateTruth(s), s.seed);
  const launch: SensorReport[] = [];
  const clutter: SensorReport[] = [];
  network.reports.forEach((r, i) => {
    (network.labels[i]!.cause === 'object' ? launch : clutter).push(r);
  });
  return { launch: launch.sort((a, b) => a.timeS - b.timeS), clutter };
}

/** The run's scenario: the polar ICBM without its launch, long enough for the feed and its last step. */
function quietScenario(seconds: number): string {
  return POLAR.replace(/^duration: .*$/m, `duration: ${seconds}s`).replace(
    /^events:[\s\S]*$/m,
    'events: []\n',
  );
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function quantile(sorted: Float64Array, q: number): number {
  return sorted.length === 0
    ? Number.NaN
    : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/** Rows for one bus: the service is built on it, and closed (with its store) afterwards; the bus is the caller's. */
export async function feedRunRows(label: string, bus: MessageBus, durationS: number): Promise<BenchRow[]> {
  const { launch, clutter } = feedSources();
  const store = await openStore('sqlite::memory:');
  const tokens = new TokenStore(null);
  const admin = tokens.create('bench', 'admin').token;
  const service = await buildApp({ store, bus, tokens, log: false });
  await service.app.ready();
  service.setState('ready');
  const call = async (url: string, payload: Record<string, unknown>): Promise<RunView> => {
    const answer = await service.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${admin}` },
      payload,
    });
    if (answer.statusCode >= 300) throw new Error(`${url}: ${answer.statusCode} ${answer.body}`);
    return answer.json() as RunView;
  };
  try {
    // Two steps of margin past the feed, so its last reports have a step before the end.
    const text = quietScenario(Math.ceil(durationS) + 15);
    await call('/api/scenarios', { name: 'quiet', text });
    const run = await call('/api/runs', {
      scenario: 'quiet',
      feed: true,
      paused: true,
      mode: 'paced',
      pace: 1,
    });

    const sent = new Map<string, { timeS: number; atMs: number }>();
    const latency = new Map<string, number>();
    const pending: { id: string; timeS: number; atMs: number }[] = [];
    let steps = 0;
    /** How long after its clock time the latest step was stored, ms: the centre's own part of the wait. */
    let slowestStepMs = 0;
    let startMs = Number.NaN;
    const unlisten = service.runs.listen((e) => {
      if (e.type !== 'step' || e.runId !== run.id) return;
      const now = performance.now();
      steps++;
      slowestStepMs = Math.max(slowestStepMs, now - (startMs + e.timeS * 1000));
      let kept = 0;
      for (const p of pending) {
        if (p.timeS <= e.timeS) latency.set(p.id, now - p.atMs);
        else pending[kept++] = p;
      }
      pending.length = kept;
    });

    const launchShift = LAUNCH_AT_S - launch[0]!.timeS;
    let nextLaunch = 0;
    let filler = 0;
    let inFlight = 0;
    let failed = 0;
    const publish = (r: SensorReport) => {
      const atMs = performance.now();
      sent.set(r.id, { timeS: r.timeS, atMs });
      pending.push({ id: r.id, timeS: r.timeS, atMs });
      inFlight++;
      bus.publish(bus.subjects.report(r.sensorId), jsonBytes(r), { msgId: r.id }).then(
        (ack) => {
          inFlight--;
          if (ack.duplicate) failed++;
        },
        () => {
          inFlight--;
          failed++;
        },
      );
    };
    startMs = performance.now();
    await call(`/api/runs/${run.id}/resume`, { mode: 'paced', pace: 1 });
    for (;;) {
      const clockS = (performance.now() - startMs) / 1000;
      if (clockS >= durationS) break;
      while (nextLaunch < launch.length && launch[nextLaunch]!.timeS + launchShift <= clockS)
        publish({ ...launch[nextLaunch++]!, timeS: clockS });
      const fillerDue = Math.floor(clockS * FEED_RATE) - nextLaunch;
      while (filler < fillerDue) {
        const c = clutter[filler % clutter.length]!;
        publish({ ...c, id: `fill-${filler++}`, timeS: clockS });
      }
      await sleep(1);
    }
    const publishS = (performance.now() - startMs) / 1000;
    const total = sent.size;
    const drainEnd = performance.now() + DRAIN_MS;
    while ((pending.length > 0 || inFlight > 0) && performance.now() < drainEnd) await sleep(20);
    unlisten();

    const view = await call(`/api/runs/${run.id}/pause`, {}).catch(() => null);
    const stored = new Set(
      (await store.listReports(run.id)).filter((r) => r.id.startsWith('feed/')).map((r) => r.id.slice(5)),
    );
    const taken = [...latency].filter(([id]) => stored.has(id)).map(([, ms]) => ms);
    const sorted = Float64Array.from(taken).sort();
    const dropped = total - sorted.length;
    const p99 = quantile(sorted, 0.99);
    const stepS = run.stepS;
    const feed = view?.feed;
    const counts = feed
      ? `feed counts: received ${feed.received}, accepted ${feed.accepted}, late ${feed.late}, dropped ${feed.dropped}, duplicate ${feed.duplicate}, malformed ${feed.malformed}`
      : 'feed counts unavailable';
    const why = `a paced run computes a step every ${stepS} s of its clock and a report waits for the step after its time, so the wait alone is 0-${stepS} s (about ${stepS / 2} s on average); the slowest step was stored ${slowestStepMs.toFixed(0)} ms after its clock time`;
    return [
      {
        name: `${label}: feed run, publication rate`,
        value: total / publishS,
        unit: 'reports/s',
        target: `≥ ${FEED_RATE} reports/s`,
        met: total / publishS >= 0.99 * FEED_RATE,
        note: `${total} reports in ${publishS.toFixed(1)} s (${nextLaunch} of them the launch's); ${steps} steps`,
      },
      {
        name: `${label}: feed run, dropped`,
        value: dropped,
        unit: 'reports',
        target: '0',
        met: dropped === 0,
        note: `published but not in a stored step; ${failed} publications failed or came back duplicate; ${counts}`,
      },
      {
        name: `${label}: feed run, latency p50, publish → stored step`,
        value: quantile(sorted, 0.5),
        unit: 'ms',
        note: why,
      },
      {
        name: `${label}: feed run, latency p99, publish → stored step`,
        value: p99,
        unit: 'ms',
        target: `< ${P99_TARGET_MS} ms`,
        met: p99 < P99_TARGET_MS,
        note: `max ${sorted.length > 0 ? sorted[sorted.length - 1]!.toFixed(0) : '—'} ms; ${why}`,
      },
    ];
  } finally {
    await service.close();
    await store.close();
  }
}
