// Exchange messages for the fuzz and forgery suites: bodies of the four types with any
// values the protocol allows (src/exchange/README.md), envelopes signed here with
// node:crypto keys independently of the sending node, two partner nodes A and B on a
// hand-driven clock, and a snapshot of what a node's store holds so a test can say a
// rejected message changed nothing.
import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import fc from 'fast-check';
import {
  type Envelope,
  encodeEnvelope,
  signEnvelope,
  type UnsignedEnvelope,
} from '../../src/exchange/envelope.ts';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { publicKeyText } from '../../src/exchange/keys.ts';
import type { MessageBody } from '../../src/exchange/messages.ts';
import { NOTIFIED_VEHICLE_CLASSES } from '../../src/scenario/schema-notifications.ts';
import { type Clock, clockAt, notificationBody, T0 } from '../exchange/helpers.ts';

export { T0 } from '../exchange/helpers.ts';

/** RFC 8410 PKCS#8 prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');

/** An Ed25519 private key made from `label`: the same key on every run, so a fuzz seed replays the same messages. */
export function fixedKey(label: string): KeyObject {
  const seed = createHash('sha256').update(`vigil-fuzz:${label}`).digest();
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8, seed]), format: 'der', type: 'pkcs8' });
}

export interface FixedPair {
  clock: Clock;
  a: ExchangeNode;
  b: ExchangeNode;
  keyA: KeyObject;
  keyB: KeyObject;
  storeA: ExchangeStore;
  storeB: ExchangeStore;
}

/** Centres A and B, partners of each other, with fixed keys, on one hand-driven clock (as test/exchange/helpers.ts's pair). */
export function pair(): FixedPair {
  const clock = clockAt();
  const node = (centreId: string, key: KeyObject, store: ExchangeStore) => {
    let n = 0;
    return new ExchangeNode({
      centreId,
      privateKey: key,
      store,
      clock: () => clock.nowMs,
      newId: () => `${centreId}-${++n}`,
    });
  };
  const keyA = fixedKey('A');
  const keyB = fixedKey('B');
  const storeA = ExchangeStore.open(':memory:');
  const storeB = ExchangeStore.open(':memory:');
  const a = node('A', keyA, storeA);
  const b = node('B', keyB, storeB);
  a.addPeer('B', publicKeyText(createPublicKey(keyB)));
  b.addPeer('A', publicKeyText(createPublicKey(keyA)));
  return { clock, a, b, keyA, keyB, storeA, storeB };
}

const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
export const wireId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,20}$/);
const instant = fc
  .integer({ min: T0 - 86_400_000 * 30, max: T0 + 86_400_000 * 30 })
  .map((ms) => new Date(ms).toISOString());
const area = fc.record({
  center: fc.tuple(finite(-90, 90), finite(-180, 180)),
  radiusKm: finite(0.001, 20_000),
});

export const orderedBody: fc.Arbitrary<MessageBody> = fc.oneof(
  wireId.map((id) => notificationBody(id) as MessageBody),
  fc.record({
    type: fc.constant('launch-report' as const),
    reportId: wireId,
    revision: fc.integer({ min: 1, max: 1_000_000 }),
    status: fc.constantFrom('observed' as const, 'withdrawn' as const),
    vehicleClass: fc.constantFrom(...NOTIFIED_VEHICLE_CLASSES),
    launchTime: instant,
    launchArea: area,
    azimuthDeg: fc.option(finite(0, 360), { nil: null }),
    impactArea: fc.option(area, { nil: null }),
    minRangeKm: finite(0, 40_000),
  }),
);

export const controlBody: fc.Arbitrary<MessageBody> = fc.oneof(
  fc.record({
    type: fc.constant('ack' as const),
    ackId: wireId,
    ackSeq: fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }),
  }),
  fc.record({
    type: fc.constant('line-check' as const),
    intervalS: finite(0.001, 86_400),
    lastSeq: fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
  }),
);

/** An unsigned envelope from `from` to `to` issued at `issuedMs`, with any body the protocol allows. */
export function unsignedEnvelope(from: string, to: string, issuedMs: number): fc.Arbitrary<UnsignedEnvelope> {
  return fc
    .oneof(
      fc.record({ id: wireId, seq: fc.integer({ min: 1, max: 1_000_000 }), body: orderedBody }),
      fc.record({ id: wireId, seq: fc.constant(null), body: controlBody }),
    )
    .map(({ id, seq, body }) => ({
      v: 1 as const,
      id,
      from,
      to,
      seq,
      issuedAt: new Date(issuedMs).toISOString(),
      body,
    }));
}

export function signed(e: UnsignedEnvelope, key: KeyObject): Envelope {
  return signEnvelope(e, key);
}

export const wire = (e: Envelope): Uint8Array => encodeEnvelope(e);

/** What a node has stored and decided, apart from its log of rejections (which a rejection adds to). */
export function storedState(node: ExchangeNode, store: ExchangeStore): string {
  return JSON.stringify({
    inbox: store.inbox(),
    orders: store.orders(),
    outbox: store.outbox(),
    alarms: store.alarms(),
    lines: store.peers().map((p) => store.line(p.name)),
    untaken: node.status().inbox,
  });
}
