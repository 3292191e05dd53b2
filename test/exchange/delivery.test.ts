// Delivery (issue 9): the outbox retries with exponential backoff until the partner
// acknowledges; the inbox stores each message once and releases a sender's messages
// in sequence order, holding later ones behind a gap for at most maxHoldS; alarms go
// off when an acknowledgement or a line check is overdue and when a message is
// missing. Oracles: the backoff schedule 2, 4, 8 … s capped at retryMaxS written out
// here; the order the messages were sent in; the deadlines of the timing.
import { describe, expect, it } from 'vitest';
import { encodeEnvelope } from '../../src/exchange/envelope.ts';
import type { ExchangeNode, Outgoing } from '../../src/exchange/exchange-node.ts';
import { notificationBody, pair } from './helpers.ts';

const ordered = (outs: Outgoing[]) => outs.filter((o) => o.type !== 'line-check');
const lineChecks = (outs: Outgoing[]) => outs.filter((o) => o.type === 'line-check');

/** Delivers to `to` and carries the acknowledgement back to `from`. */
function deliver(out: Outgoing, to: ExchangeNode, from: ExchangeNode) {
  const receipt = to.receive(out.bytes);
  if (receipt.ack) from.receive(encodeEnvelope(receipt.ack));
  return receipt;
}

describe('outbox', () => {
  it('retries after 2, 4, 8, … s, capped at retryMaxS, until acknowledged', () => {
    const { a, b, clock } = pair({ retryFirstS: 2, retryMaxS: 30, ackDeadlineS: 10_000 });
    a.send('B', notificationBody());
    const sentAt: number[] = [];
    const start = clock.nowMs;
    for (let s = 0; s <= 120; s++) {
      if (ordered(a.due()).length > 0) sentAt.push((clock.nowMs - start) / 1000);
      clock.advance(1);
    }
    // Waits 2, 4, 8, 16, then 30 s: transmissions at 0, 2, 6, 14, 30, 60, 90, 120 s.
    expect(sentAt).toEqual([0, 2, 6, 14, 30, 60, 90, 120]);
    clock.advance(30);
    const [last] = ordered(a.due());
    expect(last?.attempt).toBe(9);
    deliver(last!, b, a);
    clock.advance(3600);
    expect(ordered(a.due())).toEqual([]);
  });

  it('each retransmission is signed afresh (same id and number, new issue time), so it passes the time window', () => {
    const { a, b, clock } = pair({ retryMaxS: 60 });
    a.send('B', notificationBody());
    const first = ordered(a.due())[0]!;
    clock.advance(3600);
    const later = ordered(a.due())[0]!;
    expect([later.messageId, later.seq]).toEqual([first.messageId, first.seq]);
    expect(later.envelope.issuedAt).not.toBe(first.envelope.issuedAt);
    expect(b.receive(first.bytes).reason).toBe('stale');
    expect(b.receive(later.bytes).status).toBe('accepted');
  });

  it('a lost acknowledgement costs a retransmission, not a second delivery', () => {
    const { a, b, clock } = pair();
    a.send('B', notificationBody());
    const first = ordered(a.due())[0]!;
    expect(b.receive(first.bytes).status).toBe('accepted');
    clock.advance(2);
    const second = ordered(a.due())[0]!;
    expect(deliver(second, b, a).reason).toBe('duplicate');
    expect(b.take()).toHaveLength(1);
    clock.advance(600);
    expect(ordered(a.due())).toEqual([]);
  });

  it('numbers messages 1, 2, 3 per partner', () => {
    const { a } = pair();
    expect(
      [a.send('B', notificationBody('N-1')), a.send('B', notificationBody('N-2'))].map((s) => s.seq),
    ).toEqual([1, 2]);
  });
});

describe('ordering', () => {
  it('holds messages that arrive ahead of a gap and releases them in order when it fills', () => {
    const { a, b } = pair();
    for (const id of ['N-1', 'N-2', 'N-3']) a.send('B', notificationBody(id));
    const [m1, m2, m3] = ordered(a.due());
    deliver(m3!, b, a);
    deliver(m2!, b, a);
    expect(b.take()).toEqual([]);
    deliver(m1!, b, a);
    expect(b.take().map((d) => d.seq)).toEqual([1, 2, 3]);
  });

  it('waits at most maxHoldS for a missing message, then releases past it with an alarm; the straggler comes late', () => {
    const { a, b, clock } = pair({ maxHoldS: 120 });
    for (const id of ['N-1', 'N-2', 'N-3']) a.send('B', notificationBody(id));
    const [m1, m2, m3] = ordered(a.due());
    deliver(m2!, b, a);
    deliver(m3!, b, a);
    clock.advance(119);
    expect(b.tick()).toEqual([]);
    expect(b.take()).toEqual([]);
    clock.advance(1);
    const alarms = b.tick();
    expect(alarms.map((x) => [x.kind, x.peer])).toEqual([['sequence-gap', 'A']]);
    expect(alarms[0]!.text).toContain('#1');
    const released = b.take();
    expect(released.map((d) => d.seq)).toEqual([2, 3]);
    b.confirmTaken(released);
    expect(deliver(m1!, b, a).status).toBe('accepted');
    expect(b.take().map((d) => d.seq)).toEqual([1]);
  });

  it('a line check that counts a message never received raises a gap alarm after the hold', () => {
    const { a, b, clock } = pair({ maxHoldS: 120 });
    a.send('B', notificationBody());
    const outs = a.due();
    expect(ordered(outs)).toHaveLength(1); // lost on the way
    const check = lineChecks(outs).find((o) => o.peer === 'B')!;
    expect(check.envelope.body).toMatchObject({ type: 'line-check', lastSeq: 1 });
    expect(b.receive(check.bytes).status).toBe('accepted');
    clock.advance(120);
    expect(b.tick().map((x) => x.kind)).toEqual(['sequence-gap']);
    clock.advance(600);
    expect(b.tick().filter((x) => x.kind === 'sequence-gap')).toEqual([]);
  });
});

describe('alarms', () => {
  it('an acknowledgement not received within ackDeadlineS raises an alarm once; a late one says so', () => {
    const { a, b, clock } = pair({ ackDeadlineS: 120 });
    a.send('B', notificationBody());
    a.due();
    clock.advance(119);
    expect(a.tick()).toEqual([]);
    clock.advance(1);
    const [overdue] = a.tick();
    expect(overdue).toMatchObject({ kind: 'ack-overdue', peer: 'B', messageId: 'A-1' });
    clock.advance(50);
    expect(a.tick()).toEqual([]);
    const retry = ordered(a.due())[0]!;
    deliver(retry, b, a);
    expect(a.alarms().map((x) => x.kind)).toEqual(['ack-overdue', 'acknowledged-late']);
  });

  it('silence from a partner for lineCheckOverdueS raises a line-check alarm; its next message clears it', () => {
    const { a, b, clock } = pair({ lineCheckEveryS: 60, lineCheckOverdueS: 180 });
    b.tick();
    clock.advance(179);
    expect(b.tick()).toEqual([]);
    clock.advance(1);
    expect(b.tick().map((x) => [x.kind, x.peer])).toEqual([['line-check-overdue', 'A']]);
    expect(b.tick()).toEqual([]);
    const check = lineChecks(a.due())[0]!;
    b.receive(check.bytes);
    expect(b.alarms().map((x) => x.kind)).toEqual(['line-check-overdue', 'line-restored']);
  });

  it('line checks keep a live line free of alarms', () => {
    const { a, b, clock } = pair({ lineCheckEveryS: 60, lineCheckOverdueS: 180 });
    for (let s = 0; s < 3600; s += 10) {
      for (const out of lineChecks(a.due())) b.receive(out.bytes);
      for (const out of lineChecks(b.due())) a.receive(out.bytes);
      a.tick();
      b.tick();
      clock.advance(10);
    }
    expect([...a.alarms(), ...b.alarms()]).toEqual([]);
    expect(a.status().peers[0]!.line?.lastHeardMs).toBeGreaterThan(clock.nowMs - 70_000);
  });
});
