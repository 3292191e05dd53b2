// Fault: the NATS server under `vigil serve` killed with SIGKILL in the middle of a
// live run and kept down longer than the client's publish timeout (5 s), then started
// again on the same port and storage (issue 9). The run stores every step whatever the
// bus does; its step publisher keeps the steps the bus has not acknowledged in a
// bounded backlog and retries them in order, and the run waits when the backlog is
// full. Afterwards every alert version the store holds is on the alerts stream exactly
// once, with the body the store has, and nothing else is there, and the reports stream
// holds as many reports as the store. Oracle: the store. The same decisions on an
// in-process bus that refuses every publication for a while: nothing is dropped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import type { BusMessage, MessageBus } from '../../src/bus/message-bus.ts';
import { NatsBus } from '../../src/bus/nats-bus.ts';
import { canonicalJson } from '../../src/centre/audit/canonical-json.ts';
import type { RunView } from '../../src/server/runs/run-events.ts';
import { DEFAULT_PUBLISH_BACKLOG } from '../../src/server/runs/step-publisher.ts';
import { polar, runView, startRun, storeScenario, type TestService, testService } from '../server/helpers.ts';
import { describeWithService } from '../store/services.ts';
import { NATS_SERVER, NatsServer, sleep, waitUntil } from './fault-helpers.ts';
import { reportFigure } from './figures.ts';

/** Longer than the NATS client's publish timeout (5 s): publications in the outage fail, they do not just wait. */
const DOWN_MS = 8000;
const ROOT = 'faultsvc';

let dir: string;
let server: NatsServer;
const closers: Array<() => Promise<unknown>> = [];

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-faults-nats-service-'));
  server = await NatsServer.start(join(dir, 'jetstream'));
});
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close().catch(() => undefined);
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Every message on the alerts stream, read from the start by a consumer of the test's own. */
async function alertsOnTheBus(expected: number): Promise<Map<string, BusMessage[]>> {
  const bus = await NatsBus.connect(server.url, ROOT);
  closers.push(() => bus.close());
  const seen = new Map<string, BusMessage[]>();
  let count = 0;
  const sub = await bus.consume(bus.subjects.alerts, 'check', async (m) => {
    seen.set(m.msgId, [...(seen.get(m.msgId) ?? []), m]);
    count++;
  });
  closers.push(() => sub.close());
  await waitUntil('the alerts stream read to its end', () => count >= expected, 30_000);
  return seen;
}

async function messagesIn(stream: string): Promise<number> {
  const nc = await connect({ servers: server.url });
  try {
    return (await (await jetstreamManager(nc)).streams.info(stream)).state.messages;
  } finally {
    await nc.close();
  }
}

describeWithService(
  'NATS killed under a live run for longer than the publish timeout',
  NATS_SERVER ? null : 'no nats-server binary (/usr/sbin or PATH)',
  () => {
    it('every stored alert version reaches the bus exactly once; a full backlog holds the run back', async () => {
      let s: TestService | null = await testService({
        // Reconnect attempts every 100 ms, so the bus is back soon after the server.
        openBus: () => NatsBus.connect(server.url, ROOT, { reconnectWaitMs: 100 }),
      });
      closers.push(async () => s?.dispose());
      await storeScenario(s, 'polar', polar());
      const run = await startRun(s, { scenario: 'polar', mode: 'batch' });

      await waitUntil(
        '250 s of progress (alerts climbing the ladder)',
        async () => ((await runView(s!, run.id)).progressS ?? 0) >= 250,
      );
      await server.kill9();
      const killedAt = (await runView(s, run.id)).progressS!;
      // Held at the limit: the run has stored every step the backlog allows, and waits.
      const held = await waitUntil(
        'the backlog to fill',
        async () => {
          const v = await runView(s!, run.id);
          return v.publication.unpublishedSteps === DEFAULT_PUBLISH_BACKLOG ? v : null;
        },
        DOWN_MS,
      );
      await sleep(DOWN_MS - 1000);
      const during = await runView(s, run.id);
      expect(during.status).toBe('running');
      expect(during.progressS).toBe(held.progressS);
      expect(during.publication).toMatchObject({ unpublishedSteps: DEFAULT_PUBLISH_BACKLOG });
      expect(during.publication.failedTries).toBeGreaterThan(0);
      expect(during.progressS!).toBeLessThan(run.durationS);
      await server.restart();

      const end = await waitUntil(
        'the run to finish and its backlog to empty',
        async () => {
          const v: RunView = await runView(s!, run.id);
          if (v.status === 'failed') throw new Error(`run failed: ${v.statusReason}`);
          return v.status === 'finished' && v.publication.unpublishedSteps === 0 ? v : null;
        },
        60_000,
      );
      expect(s.logs.some((l) => l.includes('could not publish a stored step on the bus'))).toBe(true);
      expect(s.logs.some((l) => l.includes('the bus acknowledged every stored step again'))).toBe(true);

      // The store's alert versions: what the bus must hold, once each.
      const expected = new Map<string, unknown>();
      for (const alert of await s.store.alertsAt(run.id))
        for (const v of await s.store.alertHistory(run.id, alert.id))
          expected.set(`${run.id}:alert:${alert.id}@${v.stepS}`, {
            runId: run.id,
            timeS: v.stepS,
            alert: v.alert,
          });
      const stepsStored = end.progressS! / end.stepS;
      const reportsStored = (await s.store.listReports(run.id)).length;
      await s.dispose();
      s = null;

      expect(expected.size).toBeGreaterThan(0);
      const seen = await alertsOnTheBus(expected.size);
      const missing = [...expected.keys()].filter((id) => !seen.has(id));
      const extra = [...seen.keys()].filter((id) => !expected.has(id));
      const twice = [...seen].filter(([, ms]) => new Set(ms.map((m) => m.seq)).size > 1).map(([id]) => id);
      const changed = [...expected].filter(
        ([id, body]) =>
          seen.has(id) &&
          canonicalJson(JSON.parse(Buffer.from(seen.get(id)![0]!.data).toString('utf8'))) !==
            canonicalJson(body),
      );
      expect(missing).toEqual([]);
      expect(extra).toEqual([]);
      expect(twice).toEqual([]);
      expect(changed).toEqual([]);
      expect(await messagesIn(`${ROOT.toUpperCase()}_ALERTS`)).toBe(expected.size);
      // Every stored report too: each report's id is its own, so the counts must agree.
      const reportsOnBus = await messagesIn(`${ROOT.toUpperCase()}_REPORTS`);
      expect(reportsOnBus).toBe(reportsStored);
      reportFigure({
        subject: 'NATS killed under vigil serve',
        tried: 'stored alert versions published through an 8 s NATS outage mid-run',
        count: expected.size,
        failure: 'missing from the bus, stored twice or changed',
        failures: missing.length + twice.length + changed.length + extra.length,
        detail: `${stepsStored} steps stored; killed at ${killedAt} s of progress, run held at ${held.progressS} s with ${DEFAULT_PUBLISH_BACKLOG} steps unpublished; ${during.publication.failedTries} failed tries retried`,
      });
    }, 120_000);
  },
);

/** The in-process bus, refusing every publication while `down` (as a bus whose publish times out). */
function flakyBus(): MessageBus & { down: boolean; refused: number; inner: MemoryBus } {
  const inner = new MemoryBus({ root: ROOT });
  const bus = {
    kind: 'memory' as const,
    subjects: inner.subjects,
    inner,
    down: false,
    refused: 0,
    publish: (subject: string, data: Uint8Array, options: { msgId: string }) => {
      if (bus.down) {
        bus.refused++;
        return Promise.reject(new Error('publish timed out (the bus is down)'));
      }
      return inner.publish(subject, data, options);
    },
    consume: inner.consume.bind(inner),
    close: () => inner.close(),
  };
  return bus;
}

it('a bus refusing publications: the backlog holds the run at its limit, and every alert version comes out once', async () => {
  const bus = flakyBus();
  const s = await testService({ openBus: async () => bus });
  closers.push(() => s.dispose());
  await storeScenario(s, 'polar', polar());
  const run = await startRun(s, { scenario: 'polar', mode: 'batch' });
  await waitUntil('250 s of progress', async () => ((await runView(s, run.id)).progressS ?? 0) >= 250);
  bus.down = true;
  const held = await waitUntil('the backlog to fill', async () => {
    const v = await runView(s, run.id);
    return v.publication.unpublishedSteps === DEFAULT_PUBLISH_BACKLOG ? v : null;
  });
  // Held: with the backlog full it computes nothing, however many retries fail meanwhile.
  const refusedWhenFull = bus.refused;
  await waitUntil('more retries to fail', () => bus.refused > refusedWhenFull + 5);
  const during = await runView(s, run.id);
  expect(during).toMatchObject({ status: 'running', progressS: held.progressS });
  expect(during.publication.unpublishedSteps).toBe(DEFAULT_PUBLISH_BACKLOG);
  bus.down = false;
  await waitUntil('the run to finish with nothing left to publish', async () => {
    const v = await runView(s, run.id);
    return v.status === 'finished' && v.publication.unpublishedSteps === 0;
  });

  const expected = new Set<string>();
  for (const alert of await s.store.alertsAt(run.id))
    for (const v of await s.store.alertHistory(run.id, alert.id))
      expected.add(`${run.id}:alert:${alert.id}@${v.stepS}`);
  const seen: string[] = [];
  const sub = await bus.inner.consume(bus.subjects.alerts, 'check', async (m) => {
    seen.push(m.msgId);
  });
  closers.push(() => sub.close());
  await waitUntil('every alert message read', () => seen.length >= expected.size);
  expect(seen.length).toBe(expected.size);
  expect(new Set(seen)).toEqual(expected);
});
