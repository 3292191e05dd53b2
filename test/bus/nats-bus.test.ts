// The message-bus contract against NATS JetStream (VIGIL_TEST_NATS_URL), each test
// with a subject root and streams of its own, deleted afterwards.
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { type BusMessage, jsonBytes } from '../../src/bus/message-bus.ts';
import { NatsBus } from '../../src/bus/nats-bus.ts';
import { streamLayout } from '../../src/bus/subjects.ts';
import { describeWithService, NATS_URL, unreachable } from '../store/services.ts';
import { busContract, waitFor } from './bus-contract.ts';

async function deleteStreams(root: string): Promise<void> {
  const nc = await connect({ servers: NATS_URL });
  try {
    const jsm = await jetstreamManager(nc);
    for (const spec of streamLayout(root)) await jsm.streams.delete(spec.name).catch(() => false);
  } finally {
    await nc.close();
  }
}

describeWithService('NATS JetStream message bus', await unreachable(NATS_URL, 4222), () => {
  describe('contract', () => {
    busContract({
      open: (root) => NatsBus.connect(NATS_URL, root),
      cleanup: deleteStreams,
    });
  });

  it('a durable consumer survives the whole bus being closed and opened again, and two publishers share one duplicate window', async () => {
    const root = `t${process.pid}r${Math.random().toString(36).slice(2, 7)}`;
    const one = await NatsBus.connect(NATS_URL, root);
    const two = await NatsBus.connect(NATS_URL, root);
    try {
      for (let i = 0; i < 50; i++) {
        await one.publish(one.subjects.alerts, jsonBytes(i), { msgId: `a${i}` });
        expect((await two.publish(two.subjects.alerts, jsonBytes(i), { msgId: `a${i}` })).duplicate).toBe(
          true,
        );
      }
      const seen = new Set<string>();
      const record = async (m: BusMessage) => {
        seen.add(m.msgId);
      };
      await one.consume(one.subjects.alerts, 'centre', record, { ackWaitMs: 1000 });
      await waitFor('20 alerts', () => seen.size >= 20);
      await one.close();
      const upTo = seen.size;
      for (let i = 50; i < 80; i++) await two.publish(two.subjects.alerts, jsonBytes(i), { msgId: `a${i}` });
      const later = await NatsBus.connect(NATS_URL, root);
      const afterRestart: string[] = [];
      await later.consume(
        later.subjects.alerts,
        'centre',
        async (m) => {
          afterRestart.push(m.msgId);
          seen.add(m.msgId);
        },
        { ackWaitMs: 1000 },
      );
      await waitFor('all 80 alerts', () => seen.size === 80);
      await later.close();
      expect(afterRestart.length).toBeGreaterThanOrEqual(80 - upTo);
      expect(afterRestart).toContain('a79');
    } finally {
      await one.close();
      await two.close();
      await deleteStreams(root);
    }
  });
});
