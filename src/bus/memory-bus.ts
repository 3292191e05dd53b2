// The in-process bus, the default: the same streams, durable consumers, explicit
// acknowledgement, redelivery, deduplication and dead letters as the NATS JetStream
// one, held in memory. Durable consumers survive a subscription's restart within the
// process, not the process itself. Each stream keeps at most `maxMessagesPerStream`
// messages (the oldest go first), so a feed cannot fill the memory.
import { deadLetterBody, deadLetterMsgId, handleDelivery } from './dead-letter.ts';
import {
  type BusMessage,
  type ConsumeOptions,
  consumeOptions,
  type MessageBus,
  type MessageHandler,
  type PublishResult,
  type Subscription,
} from './message-bus.ts';
import {
  DEFAULT_ROOT,
  type StreamSpec,
  type Subjects,
  streamFor,
  streamLayout,
  subjectMatches,
  subjectsFor,
} from './subjects.ts';

export interface MemoryBusOptions {
  root?: string;
  /** Default 100,000 (or the stream's own limit when lower). */
  maxMessagesPerStream?: number;
}

interface Stored {
  seq: number;
  subject: string;
  data: Uint8Array;
  msgId: string;
  publishedAtMs: number;
}

interface Pending {
  deliveries: number;
  /** When it may be delivered (again): after a retry delay, or when the ack wait runs out. */
  availableAtMs: number;
  /** Changes with each delivery, so a late answer to an earlier one is ignored. */
  delivery: number;
}

class Durable {
  readonly filter: string;
  /** Next stream seq not yet delivered for the first time. */
  cursor: number;
  readonly pending = new Map<number, Pending>();
  private wakers = new Set<() => void>();

  constructor(filter: string, cursor: number) {
    this.filter = filter;
    this.cursor = cursor;
  }

  wake(): void {
    const wakers = this.wakers;
    this.wakers = new Set();
    for (const w of wakers) w();
  }

  /** Resolves on the next wake, or when the earliest pending message becomes available. */
  waitForWork(): Promise<void> {
    let earliest = Number.POSITIVE_INFINITY;
    for (const p of this.pending.values()) earliest = Math.min(earliest, p.availableAtMs);
    return new Promise((resolve) => {
      const timer = Number.isFinite(earliest)
        ? setTimeout(resolve, Math.max(0, earliest - Date.now()) + 1)
        : null;
      this.wakers.add(() => {
        if (timer) clearTimeout(timer);
        resolve();
      });
    });
  }
}

class MemoryStream {
  readonly spec: StreamSpec;
  private readonly limit: number;
  /** seq → message, oldest first (Map keeps insertion order). */
  readonly messages = new Map<number, Stored>();
  nextSeq = 1;
  private readonly seen = new Map<string, { seq: number; atMs: number }>();
  readonly durables = new Map<string, Durable>();

  constructor(spec: StreamSpec, limit: number) {
    this.spec = spec;
    this.limit = limit;
  }

  firstSeq(): number {
    for (const seq of this.messages.keys()) return seq;
    return this.nextSeq;
  }

  publish(subject: string, data: Uint8Array, msgId: string): PublishResult {
    const now = Date.now();
    for (const [id, entry] of this.seen) {
      if (entry.atMs > now - this.spec.duplicateWindowMs) break;
      this.seen.delete(id);
    }
    const earlier = this.seen.get(msgId);
    if (earlier) return { seq: earlier.seq, duplicate: true };
    const seq = this.nextSeq++;
    this.messages.set(seq, { seq, subject, data: data.slice(), msgId, publishedAtMs: now });
    this.seen.set(msgId, { seq, atMs: now });
    for (const [oldest, m] of this.messages) {
      if (this.messages.size <= this.limit && m.publishedAtMs > now - this.spec.maxAgeMs) break;
      this.messages.delete(oldest);
    }
    for (const d of this.durables.values()) d.wake();
    return { seq, duplicate: false };
  }

  /** The next message for the durable: a due redelivery first, then the next new one. */
  take(durable: Durable, ackWaitMs: number): { stored: Stored; pending: Pending } | null {
    const now = Date.now();
    let due: number | null = null;
    for (const [seq, p] of durable.pending)
      if (p.availableAtMs <= now && (due === null || seq < due)) due = seq;
    if (due !== null) {
      const stored = this.messages.get(due);
      const pending = durable.pending.get(due)!;
      if (!stored) {
        durable.pending.delete(due);
        return this.take(durable, ackWaitMs);
      }
      pending.deliveries++;
      pending.delivery++;
      pending.availableAtMs = now + ackWaitMs;
      return { stored, pending };
    }
    durable.cursor = Math.max(durable.cursor, this.firstSeq());
    while (durable.cursor < this.nextSeq) {
      const stored = this.messages.get(durable.cursor++);
      if (stored && subjectMatches(durable.filter, stored.subject)) {
        const pending: Pending = { deliveries: 1, availableAtMs: now + ackWaitMs, delivery: 1 };
        durable.pending.set(stored.seq, pending);
        return { stored, pending };
      }
    }
    return null;
  }
}

class MemorySubscription implements Subscription {
  private stopping = false;
  readonly closed: Promise<void>;
  private readonly durable: Durable;
  private readonly ackWaitMs: number;

  constructor(
    bus: MemoryBus,
    stream: MemoryStream,
    durableName: string,
    durable: Durable,
    handler: MessageHandler,
    options: Required<ConsumeOptions>,
  ) {
    this.durable = durable;
    this.ackWaitMs = options.ackWaitMs;
    this.closed = this.loop(bus, stream, durableName, handler, options);
  }

  private async loop(
    bus: MemoryBus,
    stream: MemoryStream,
    durableName: string,
    handler: MessageHandler,
    options: Required<ConsumeOptions>,
  ): Promise<void> {
    while (!this.stopping) {
      const next = stream.take(this.durable, options.ackWaitMs);
      if (!next) {
        await this.durable.waitForWork();
        continue;
      }
      const { stored, pending } = next;
      const delivery = pending.delivery;
      const message: BusMessage = {
        subject: stored.subject,
        data: stored.data,
        msgId: stored.msgId,
        seq: stored.seq,
        deliveryCount: pending.deliveries,
        publishedAtMs: stored.publishedAtMs,
      };
      const outcome = await handleDelivery(message, handler, options);
      // Answered too late: it has been delivered again since, and that delivery decides.
      if (this.durable.pending.get(stored.seq)?.delivery !== delivery) continue;
      if (outcome.kind === 'retry') {
        pending.availableAtMs = Date.now() + outcome.delayMs;
        this.durable.wake();
        continue;
      }
      if (outcome.kind === 'dead')
        await bus.publish(bus.subjects.deadLetter, deadLetterBody(message, durableName, outcome), {
          msgId: deadLetterMsgId(message, durableName),
        });
      this.durable.pending.delete(stored.seq);
      if (stream.spec.retention === 'workqueue') stream.messages.delete(stored.seq);
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    this.durable.wake();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.closed.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, this.ackWaitMs))),
    ]);
    clearTimeout(timer);
  }
}

export class MemoryBus implements MessageBus {
  readonly kind = 'memory';
  readonly subjects: Subjects;
  private readonly layout: StreamSpec[];
  private readonly streams = new Map<string, MemoryStream>();
  private readonly subscriptions = new Set<Subscription>();

  constructor(options: MemoryBusOptions = {}) {
    const root = options.root ?? DEFAULT_ROOT;
    this.subjects = subjectsFor(root);
    this.layout = streamLayout(root);
    for (const spec of this.layout)
      this.streams.set(
        spec.name,
        new MemoryStream(spec, Math.min(spec.maxMessages, options.maxMessagesPerStream ?? 100_000)),
      );
  }

  private streamOf(subjectOrFilter: string): MemoryStream {
    const spec = streamFor(this.layout, subjectOrFilter);
    if (!spec)
      throw new Error(`no stream takes '${subjectOrFilter}' (subjects start with '${this.subjects.root}.')`);
    return this.streams.get(spec.name)!;
  }

  async publish(subject: string, data: Uint8Array, options: { msgId: string }): Promise<PublishResult> {
    if (/[*>\s]/.test(subject)) throw new Error(`cannot publish to a wildcard subject '${subject}'`);
    if (!options.msgId) throw new Error('a message id is required');
    return this.streamOf(subject).publish(subject, data, options.msgId);
  }

  async consume(
    filter: string,
    durableName: string,
    handler: MessageHandler,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    const stream = this.streamOf(filter);
    let durable = stream.durables.get(durableName);
    if (durable && durable.filter !== filter)
      throw new Error(
        `durable consumer '${durableName}' already follows '${durable.filter}', not '${filter}'`,
      );
    if (!durable) {
      durable = new Durable(filter, stream.firstSeq());
      stream.durables.set(durableName, durable);
    }
    const subscription = new MemorySubscription(
      this,
      stream,
      durableName,
      durable,
      handler,
      consumeOptions(options),
    );
    this.subscriptions.add(subscription);
    // Marked as observed here, so a consumer that fails does not crash the process; callers watch `closed`.
    subscription.closed.catch(() => undefined);
    return {
      closed: subscription.closed,
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
  }
}
