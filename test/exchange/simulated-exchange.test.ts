// The simulated links between centres: whatever they lose at random, the protocol
// delivers every message exactly once and in order; an outage delays delivery to the
// first retry after it; a dropped notification never arrives and its sender is
// alarmed. Oracles: the messages sent, in order; the outage's end; the deadlines.
import { describe, expect, it } from 'vitest';
import { SimulatedExchange } from '../../src/exchange/simulated-exchange.ts';
import { createRng } from '../../src/physics/random.ts';
import { notificationBody, pair, T0 } from './helpers.ts';

function world(link = {}, faults: Array<{ notificationId: string; untilMs: number | null }> = [], seed = 1) {
  const p = pair({ retryMaxS: 30 });
  const rng = createRng(seed, 'test');
  const exchange = new SimulatedExchange({
    nodes: [p.a, p.b],
    clock: p.clock as unknown as { nowMs: number },
    link: { latencyS: 0.5, lossProbability: 0, outages: [], ...link },
    faults,
    random: () => rng.uniform(),
  });
  return { ...p, exchange };
}

describe('simulated exchange', () => {
  it('half of all transmissions lost: every message still arrives once, in order', () => {
    for (const seed of [1, 2, 3]) {
      const { a, b, exchange } = world({ lossProbability: 0.5 }, [], seed);
      for (let i = 1; i <= 20; i++)
        exchange.schedule(T0 + i * 1000, () => a.send('B', notificationBody(`N-${i}`)));
      exchange.runUntil(T0 + 3600_000);
      const got = b.take().map((d) => (d.body.type === 'notification' ? d.body.notification.id : ''));
      expect(got).toEqual(Array.from({ length: 20 }, (_, i) => `N-${i + 1}`));
      expect(a.status().outbox).toEqual({ pending: 0, acknowledged: 20 });
      expect(exchange.log.filter((x) => x.lost === 'lost at random').length).toBeGreaterThan(10);
    }
  });

  it('an outage delays delivery to the first retry after it', () => {
    const until = T0 + 600_000;
    const { a, b, exchange } = world({ outages: [{ fromMs: T0, untilMs: until }] });
    a.send('B', notificationBody());
    exchange.runUntil(T0 + 3600_000);
    const [d] = b.take();
    expect(d!.receivedAtMs).toBeGreaterThanOrEqual(until);
    // Retries every 30 s at most (retryMaxS), plus 0.5 s transit.
    expect(d!.receivedAtMs).toBeLessThanOrEqual(until + 30_500);
    expect(a.alarms().map((x) => x.kind)).toContain('ack-overdue');
  });

  it('a dropped notification never arrives; its sender is alarmed, the receiver told of the gap by line checks', () => {
    const { a, b, exchange } = world({}, [{ notificationId: 'N-1', untilMs: null }]);
    a.send('B', notificationBody('N-1'));
    exchange.runUntil(T0 + 3600_000);
    expect(b.take()).toEqual([]);
    expect(a.alarms().map((x) => x.kind)).toEqual(['ack-overdue']);
    expect(b.alarms().map((x) => x.kind)).toEqual(['sequence-gap']);
    expect(exchange.log.filter((x) => x.lost === 'dropped').length).toBeGreaterThan(100);
  });

  it('with live links there are no alarms at all over an hour', () => {
    const { a, b, exchange } = world();
    exchange.runUntil(T0 + 3600_000);
    expect([...a.alarms(), ...b.alarms()]).toEqual([]);
    expect(exchange.log.filter((x) => x.type === 'line-check')).toHaveLength(2 * 61);
  });
});
