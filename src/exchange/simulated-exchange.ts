// The exchange between centres inside one simulation: every node runs the real
// protocol (exchange-node.ts) on a shared simulated clock, and the links between them
// carry each transmission after a latency or lose it — at random with a given
// probability, during outages, or, for a named notification, until a given time
// (delayed) or always (dropped: the 1995 case of DOMAIN.md §6.4). Event-driven: time
// jumps to the next arrival or the next instant a node has something due.

import { encodeEnvelope } from './envelope.ts';
import type { Alarm, ExchangeNode, Outgoing, Receipt } from './exchange-node.ts';

export interface SimClock {
  nowMs: number;
}

export interface LinkConditions {
  /** One-way transit time, s. */
  latencyS: number;
  /** Probability that any one transmission is lost. */
  lossProbability: number;
  /** When the links carry nothing, ms since the Unix epoch. */
  outages: ReadonlyArray<{ fromMs: number; untilMs: number }>;
}

export const PERFECT_LINK: Readonly<LinkConditions> = { latencyS: 0.5, lossProbability: 0, outages: [] };

/** Transmissions carrying notification `notificationId` are lost until `untilMs` (null: always). */
export interface MessageFault {
  notificationId: string;
  untilMs: number | null;
}

export interface Transmission {
  atMs: number;
  from: string;
  to: string;
  type: Outgoing['type'];
  messageId: string;
  seq: number | null;
  attempt: number;
  /** Why it never arrived, or null. */
  lost: string | null;
  arrivedAtMs: number | null;
  receipt: Pick<Receipt, 'status' | 'reason' | 'detail'> | null;
}

export interface SimulatedExchangeOptions {
  nodes: readonly ExchangeNode[];
  clock: SimClock;
  link?: LinkConditions;
  faults?: readonly MessageFault[];
  /** Uniform in [0, 1): the link's losses (a seeded stream, for reproducible runs). */
  random: () => number;
}

interface Pending {
  atMs: number;
  order: number;
  run: () => void;
}

/** Most events handled at one instant before the simulation is judged stuck. */
const MAX_EVENTS_AT_ONE_INSTANT = 100_000;

export class SimulatedExchange {
  readonly log: Transmission[] = [];
  readonly alarms: Array<Alarm & { centre: string }> = [];
  private readonly nodes: Map<string, ExchangeNode>;
  private readonly clock: SimClock;
  private readonly link: LinkConditions;
  private readonly faults: readonly MessageFault[];
  private readonly random: () => number;
  private readonly queue: Pending[] = [];
  private order = 0;

  constructor(options: SimulatedExchangeOptions) {
    this.nodes = new Map(options.nodes.map((n) => [n.centreId, n]));
    this.clock = options.clock;
    this.link = options.link ?? PERFECT_LINK;
    this.faults = options.faults ?? [];
    this.random = options.random;
  }

  /** Runs `action` at `atMs` on the simulated clock (a centre sending something, say). */
  schedule(atMs: number, action: () => void): void {
    const item = { atMs, order: this.order++, run: action };
    let i = this.queue.length;
    while (i > 0 && this.queue[i - 1]!.atMs > atMs) i--;
    this.queue.splice(i, 0, item);
  }

  /** Advances the clock to `endMs`, carrying out everything due on the way. */
  runUntil(endMs: number): void {
    let lastMs = Number.NEGATIVE_INFINITY;
    let sameInstant = 0;
    for (;;) {
      const now = this.clock.nowMs;
      let next = this.queue[0]?.atMs ?? Number.POSITIVE_INFINITY;
      for (const node of this.nodes.values())
        next = Math.min(next, Math.max(now, node.nextWakeMs() ?? Infinity));
      if (!(next <= endMs)) break;
      this.clock.nowMs = Math.max(now, next);
      sameInstant = this.clock.nowMs === lastMs ? sameInstant + 1 : 0;
      if (sameInstant > MAX_EVENTS_AT_ONE_INSTANT)
        throw new Error(`the simulated exchange is stuck at ${new Date(lastMs).toISOString()}`);
      lastMs = this.clock.nowMs;
      while (this.queue[0] && this.queue[0].atMs <= this.clock.nowMs) this.queue.shift()!.run();
      for (const node of this.nodes.values()) {
        const wake = node.nextWakeMs();
        if (wake === null || wake > this.clock.nowMs) continue;
        for (const alarm of node.tick()) this.alarms.push({ ...alarm, centre: node.centreId });
        for (const out of node.due()) this.transmit(node.centreId, out);
      }
    }
    this.clock.nowMs = Math.max(this.clock.nowMs, endMs);
  }

  private lossOf(out: Outgoing, now: number): string | null {
    const body = out.envelope.body;
    if (body.type === 'notification') {
      const fault = this.faults.find((f) => f.notificationId === body.notification.id);
      if (fault && (fault.untilMs === null || now < fault.untilMs))
        return fault.untilMs === null ? 'dropped' : 'delayed';
    }
    if (this.link.outages.some((o) => now >= o.fromMs && now < o.untilMs)) return 'link down';
    if (this.link.lossProbability > 0 && this.random() < this.link.lossProbability) return 'lost at random';
    return null;
  }

  private transmit(from: string, out: Outgoing): void {
    const now = this.clock.nowMs;
    const to = this.nodes.get(out.peer);
    const entry: Transmission = {
      atMs: now,
      from,
      to: out.peer,
      type: out.type,
      messageId: out.messageId,
      seq: out.seq,
      attempt: out.attempt,
      lost: to ? this.lossOf(out, now) : 'no such centre',
      arrivedAtMs: null,
      receipt: null,
    };
    this.log.push(entry);
    if (entry.lost !== null || !to) return;
    this.schedule(now + this.link.latencyS * 1000, () => {
      entry.arrivedAtMs = this.clock.nowMs;
      const receipt = to.receive(out.bytes);
      entry.receipt = { status: receipt.status, reason: receipt.reason, detail: receipt.detail };
      if (receipt.ack)
        this.transmit(to.centreId, {
          peer: from,
          messageId: receipt.ack.id,
          type: 'ack',
          seq: null,
          attempt: 1,
          envelope: receipt.ack,
          bytes: encodeEnvelope(receipt.ack),
        });
    });
  }
}
