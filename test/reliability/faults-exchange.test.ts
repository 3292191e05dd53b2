// Fault: the two ends of an exchange killed with SIGKILL in the middle of it (issue 9),
// each a process with its own exchange store: the sender killed mid-flush, the
// receiver killed by itself right after storing a message and before acknowledging it,
// and killed again by the test mid-stream. Each is started again on the same store
// (the receiver on the same port). Every message the receiver acknowledged is in its
// inbox exactly once, every message the sender stored is delivered exactly once, and
// the centre gets them in the sender's order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { parsePrivateKey, readKeyFile, type WrittenKeyPair, writeKeyPair } from '../../src/exchange/keys.ts';
import { type Child, freePort, startTsChild, waitUntil } from './fault-helpers.ts';
import { reportFigure } from './figures.ts';

const SENDER = resolve(import.meta.dirname, 'exchange-sender.ts');
const RECEIVER = resolve(import.meta.dirname, 'exchange-receiver.ts');
const MESSAGES = 40;

let dir: string;
const children: Child[] = [];

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'vigil-faults-exchange-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) await c.kill9();
  rmSync(dir, { recursive: true, force: true });
});

it('sender and receiver killed mid-exchange: each stored message delivered exactly once, in order', async () => {
  const keyA: WrittenKeyPair = writeKeyPair(join(dir, 'keys'), 'A');
  const keyB: WrittenKeyPair = writeKeyPair(join(dir, 'keys'), 'B');
  const port = await freePort();
  const senderStore = join(dir, 'a.db');
  const receiverStore = join(dir, 'b.db');
  const senderAcked = new Set<number>();
  const receiverAcked = new Set<number>();

  function receiver(dieAt?: number): Promise<Child> {
    return new Promise((ok, fail) => {
      const args = [receiverStore, keyB.privatePath, keyA.publicKey, String(port)];
      const child = startTsChild(RECEIVER, dieAt === undefined ? args : [...args, String(dieAt)], {
        onLine: (line, c) => {
          if (line === 'listening') ok(c);
          const m = /^acked (\d+)$/.exec(line);
          if (m) receiverAcked.add(Number(m[1]));
        },
      });
      children.push(child);
      child.exited.then(() => fail(new Error(`the receiver exited before listening:\n${child.stderr()}`)));
    });
  }

  function sender(onAcked: (count: number, child: Child) => void = () => undefined): Child {
    const child = startTsChild(
      SENDER,
      [senderStore, keyA.privatePath, keyB.publicKey, `http://127.0.0.1:${port}`, String(MESSAGES)],
      {
        onLine: (line, c) => {
          const m = /^acked (\d+)$/.exec(line);
          if (m) {
            senderAcked.add(Number(m[1]));
            onAcked(senderAcked.size, c);
          }
        },
      },
    );
    children.push(child);
    return child;
  }

  // The first receiver dies right after storing its 12th message, before acknowledging it.
  const firstReceiver = await receiver(12);
  // The first sender is killed mid-flush, with a quarter of its messages acknowledged.
  const firstSender = sender((count, c) => {
    if (count >= MESSAGES / 4) void c.kill9();
  });
  expect((await firstSender.exited).signal).toBe('SIGKILL');
  const ackedWhenSenderKilled = senderAcked.size;

  const secondSender = sender();
  expect((await firstReceiver.exited).signal).toBe('SIGKILL');
  const storedWhenReceiverDied = receiverAcked.size;
  // Back on the same port; killed by the test once it has acknowledged more.
  const secondReceiver = await receiver();
  await waitUntil(
    'the second receiver to acknowledge more',
    () => receiverAcked.size >= (MESSAGES * 2) / 3,
    30_000,
    1,
  );
  await secondReceiver.kill9();
  const ackedWhenReceiverKilled = receiverAcked.size;
  await receiver();

  const finished = await secondSender.exited;
  expect(finished, secondSender.stderr()).toEqual({ code: 0, signal: null });
  for (const c of children.splice(0)) await c.kill9();

  // The faults fell mid-exchange.
  expect(ackedWhenSenderKilled).toBeLessThan(MESSAGES);
  expect(storedWhenReceiverDied).toBeLessThan(MESSAGES);
  expect(ackedWhenReceiverKilled).toBeLessThan(MESSAGES);

  const all = Array.from({ length: MESSAGES }, (_, i) => i + 1);
  // The sender: each message queued once (a restart queued nothing again), all acknowledged.
  const a = ExchangeStore.open(senderStore);
  const outbox = a.outbox();
  a.close();
  expect(
    outbox.map((r) => r.seq).sort((x, y) => x - y),
    'sender outbox',
  ).toEqual(all);
  expect(outbox.every((r) => r.ackedAtMs !== null)).toBe(true);
  expect(
    [...senderAcked].sort((x, y) => x - y),
    'acknowledgements the sender saw',
  ).toEqual(all);

  // The receiver: each message stored once, every acknowledged one among them, delivered in order.
  const b = ExchangeStore.open(receiverStore);
  const node = new ExchangeNode({
    centreId: 'B',
    privateKey: parsePrivateKey(readKeyFile(keyB.privatePath), keyB.privatePath),
    store: b,
  });
  const inbox = node.inbox();
  const stored = inbox.map((m) => m.seq).sort((x, y) => x - y);
  expect(stored, 'receiver inbox').toEqual(all);
  expect(new Set(inbox.map((m) => m.id)).size).toBe(MESSAGES);
  expect(new Set(outbox.map((r) => r.id))).toEqual(new Set(inbox.map((m) => m.id)));
  const lostAcked = [...receiverAcked].filter((seq) => !stored.includes(seq));
  expect(lostAcked).toEqual([]);
  const delivered = node
    .take()
    .map((d) => (d.body.type === 'notification' ? d.body.notification['id'] : null));
  expect(delivered).toEqual(all.map((i) => `N-${i}`));
  // The message stored but never acknowledged came again and was recognised, not stored twice.
  const duplicates = node.status().rejections['duplicate'] ?? 0;
  expect(duplicates).toBeGreaterThanOrEqual(1);
  b.close();

  reportFigure({
    subject: 'exchange processes killed',
    tried: 'kill -9 of sender and receiver mid-exchange',
    count: 3,
    failure: 'messages lost, duplicated or out of order',
    failures: lostAcked.length + (MESSAGES - stored.length) + (delivered.length - new Set(delivered).size),
    detail: `${MESSAGES} messages; sender killed after ${ackedWhenSenderKilled} acknowledged, receiver died after storing its 12th before acknowledging it, and was killed after ${ackedWhenReceiverKilled} acknowledged; ${duplicates} retransmissions recognised as duplicates`,
  });
});
