// Two centres' exchange nodes on one hand-driven clock, each knowing the other's key.
import type { KeyObject } from 'node:crypto';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { generateKeyPair, publicKeyText } from '../../src/exchange/keys.ts';
import type { ExchangeTiming } from '../../src/exchange/timing.ts';

export const T0 = Date.parse('2026-05-01T12:00:00Z');

export interface Clock {
  nowMs: number;
  advance(s: number): void;
}

export function clockAt(ms = T0): Clock {
  return {
    nowMs: ms,
    advance(s: number) {
      this.nowMs += s * 1000;
    },
  };
}

export interface Pair {
  clock: Clock;
  a: ExchangeNode;
  b: ExchangeNode;
  keyA: KeyObject;
  keyB: KeyObject;
  storeA: ExchangeStore;
  storeB: ExchangeStore;
}

/** Centres A and B, partners of each other; ids are `A-1`, `B-1`, … so tests can name them. */
export function pair(timing: Partial<ExchangeTiming> = {}, clock = clockAt()): Pair {
  const ka = generateKeyPair();
  const kb = generateKeyPair();
  const storeA = ExchangeStore.open(':memory:');
  const storeB = ExchangeStore.open(':memory:');
  let na = 0;
  let nb = 0;
  const a = new ExchangeNode({
    centreId: 'A',
    privateKey: ka.privateKey,
    store: storeA,
    clock: () => clock.nowMs,
    newId: () => `A-${++na}`,
    timing,
  });
  const b = new ExchangeNode({
    centreId: 'B',
    privateKey: kb.privateKey,
    store: storeB,
    clock: () => clock.nowMs,
    newId: () => `B-${++nb}`,
    timing,
  });
  a.addPeer('B', publicKeyText(kb.publicKey));
  b.addPeer('A', publicKeyText(ka.publicKey));
  return { clock, a, b, keyA: ka.privateKey, keyB: kb.privateKey, storeA, storeB };
}

/** A valid pre-launch notification in the scenario file's form. */
export function notification(id = 'N-1', extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id,
    regime: 'HCoC',
    kind: 'pre-launch',
    issued: '2026-04-30T12:00:00Z',
    vehicleClass: 'ICBM',
    window: { start: '2026-05-01T11:00:00Z', end: '2026-05-01T15:00:00Z' },
    launchArea: { center: [62.9, 40.6], radiusKm: 50 },
    plannedDirectionDeg: 60,
    impactAreas: [{ center: [56.2, 160.0], radiusKm: 150 }],
    channel: 'NRRC',
    ...extra,
  };
}

export const notificationBody = (id = 'N-1', extra: Record<string, unknown> = {}) => ({
  type: 'notification',
  notification: notification(id, extra),
});
