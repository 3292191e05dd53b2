// The NATS JetStream bus (`--bus nats://…`), with the maintained client for Node
// (@nats-io/transport-node 3 + @nats-io/jetstream 3). On connect it creates or updates
// the streams of subjects.ts, each with a duplicate window so that the server drops a
// repeated message id. Consumers are durable pull consumers with explicit ack; the
// server redelivers whatever is not acknowledged within the ack wait. Dead-lettering
// is decided here, per delivery (dead-letter.ts), so the server's own max-deliver is
// unlimited and never drops a message silently.
import {
  AckPolicy,
  type ConsumerMessages,
  DeliverPolicy,
  DiscardPolicy,
  JetStreamApiCodes,
  JetStreamApiError,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
  jetstream,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
} from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
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
  subjectsFor,
} from './subjects.ts';

/** Messages pulled per request; enough to keep 10,000/s flowing with one handler at a time. */
const PULL_BATCH = 256;
/** Unacknowledged messages the server lets one consumer have out at once. */
const MAX_ACK_PENDING = 20_000;

function isApiError(err: unknown, code: number): boolean {
  return err instanceof JetStreamApiError && err.code === code;
}

async function ensureStream(jsm: JetStreamManager, spec: StreamSpec): Promise<void> {
  const config = {
    subjects: spec.subjects,
    max_age: nanos(spec.maxAgeMs),
    max_msgs: spec.maxMessages,
    duplicate_window: nanos(spec.duplicateWindowMs),
    discard: DiscardPolicy.Old,
  };
  let exists = true;
  try {
    await jsm.streams.info(spec.name);
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.StreamNotFound)) throw err;
    exists = false;
  }
  if (exists) await jsm.streams.update(spec.name, config);
  else
    await jsm.streams.add({
      ...config,
      name: spec.name,
      retention: spec.retention === 'workqueue' ? RetentionPolicy.Workqueue : RetentionPolicy.Limits,
      storage: StorageType.File,
    });
}

async function ensureConsumer(
  jsm: JetStreamManager,
  stream: string,
  durableName: string,
  filter: string,
  ackWaitMs: number,
): Promise<void> {
  try {
    const info = await jsm.consumers.info(stream, durableName);
    if (info.config.filter_subject !== filter)
      throw new Error(
        `durable consumer '${durableName}' already follows '${info.config.filter_subject}', not '${filter}'`,
      );
    if (info.config.ack_wait !== nanos(ackWaitMs))
      await jsm.consumers.update(stream, durableName, { ack_wait: nanos(ackWaitMs) });
  } catch (err) {
    if (!isApiError(err, JetStreamApiCodes.ConsumerNotFound)) throw err;
    await jsm.consumers.add(stream, {
      durable_name: durableName,
      filter_subject: filter,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ackWaitMs),
      max_deliver: -1,
      max_ack_pending: MAX_ACK_PENDING,
    });
  }
}

function toBusMessage(m: JsMsg): BusMessage {
  return {
    subject: m.subject,
    data: m.data,
    msgId: m.headers?.get('Nats-Msg-Id') ?? '',
    seq: m.seq,
    deliveryCount: m.info.deliveryCount,
    publishedAtMs: m.info.timestampNanos / 1e6,
  };
}

class NatsSubscription implements Subscription {
  private stopping = false;
  private readonly messages: ConsumerMessages;
  readonly closed: Promise<void>;
  private readonly ackWaitMs: number;
  /** Handled messages whose acks go out together at the end of this turn of the event loop (one write, not one each). */
  private readonly acks: JsMsg[] = [];
  private ackTimer: NodeJS.Immediate | null = null;

  constructor(
    bus: NatsBus,
    messages: ConsumerMessages,
    durableName: string,
    handler: MessageHandler,
    options: Required<ConsumeOptions>,
  ) {
    this.messages = messages;
    this.ackWaitMs = options.ackWaitMs;
    this.closed = this.loop(bus, durableName, handler, options).finally(() => this.flushAcks());
  }

  private ack(m: JsMsg): void {
    this.acks.push(m);
    this.ackTimer ??= setImmediate(() => this.flushAcks());
  }

  private flushAcks(): void {
    if (this.ackTimer) clearImmediate(this.ackTimer);
    this.ackTimer = null;
    for (const m of this.acks.splice(0)) m.ack();
  }

  private async loop(
    bus: NatsBus,
    durableName: string,
    handler: MessageHandler,
    options: Required<ConsumeOptions>,
  ): Promise<void> {
    for await (const m of this.messages) {
      // Pulled but not handled before the stop: hand back now rather than after the ack wait.
      if (this.stopping) {
        m.nak();
        continue;
      }
      const message = toBusMessage(m);
      const outcome = await handleDelivery(message, handler, options);
      if (outcome.kind === 'ack') this.ack(m);
      else if (outcome.kind === 'retry') m.nak(outcome.delayMs);
      else {
        try {
          await bus.publish(bus.subjects.deadLetter, deadLetterBody(message, durableName, outcome), {
            msgId: deadLetterMsgId(message, durableName),
          });
          m.term(outcome.reason.slice(0, 200));
        } catch {
          // The dead letter did not get out: keep the message, to be judged again later.
          m.nak(options.retryDelayMs);
        }
      }
    }
  }

  async close(): Promise<void> {
    this.stopping = true;
    // The iterator hands out what it has buffered, then ends; wait for that, or the ack wait.
    void this.messages.close();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      this.closed.catch(() => undefined),
      new Promise((resolve) => (timer = setTimeout(resolve, this.ackWaitMs))),
    ]);
    clearTimeout(timer);
    this.flushAcks();
  }
}

export interface NatsBusOptions {
  /** Wait between reconnection attempts after the connection is lost, ms (default 2,000). */
  reconnectWaitMs?: number;
}

export class NatsBus implements MessageBus {
  readonly kind = 'nats';
  readonly subjects: Subjects;
  private readonly nc: NatsConnection;
  private readonly js: JetStreamClient;
  private readonly jsm: JetStreamManager;
  private readonly layout: StreamSpec[];
  private readonly subscriptions = new Set<Subscription>();

  private constructor(nc: NatsConnection, jsm: JetStreamManager, root: string) {
    this.nc = nc;
    this.jsm = jsm;
    this.js = jetstream(nc);
    this.subjects = subjectsFor(root);
    this.layout = streamLayout(root);
  }

  /** Connects and creates or updates the streams. */
  static async connect(url: string, root = DEFAULT_ROOT, options: NatsBusOptions = {}): Promise<NatsBus> {
    subjectsFor(root);
    // Reconnect for as long as it takes: the client's default gives up after ten
    // attempts (20 s), after which every publication fails and every consumer ends
    // for good, though the server came back (test/reliability/faults-nats.test.ts).
    const nc = await connect({
      servers: url,
      name: 'vigil',
      maxReconnectAttempts: -1,
      reconnectTimeWait: options.reconnectWaitMs ?? 2000,
    });
    try {
      const jsm = await jetstreamManager(nc);
      for (const spec of streamLayout(root)) await ensureStream(jsm, spec);
      return new NatsBus(nc, jsm, root);
    } catch (err) {
      await nc.close();
      throw err;
    }
  }

  private streamOf(subjectOrFilter: string): StreamSpec {
    const spec = streamFor(this.layout, subjectOrFilter);
    if (!spec)
      throw new Error(`no stream takes '${subjectOrFilter}' (subjects start with '${this.subjects.root}.')`);
    return spec;
  }

  async publish(subject: string, data: Uint8Array, options: { msgId: string }): Promise<PublishResult> {
    if (/[*>\s]/.test(subject)) throw new Error(`cannot publish to a wildcard subject '${subject}'`);
    if (!options.msgId) throw new Error('a message id is required');
    this.streamOf(subject);
    const ack = await this.js.publish(subject, data, { msgID: options.msgId });
    return { seq: ack.seq, duplicate: ack.duplicate };
  }

  async consume(
    filter: string,
    durableName: string,
    handler: MessageHandler,
    options: ConsumeOptions = {},
  ): Promise<Subscription> {
    const resolved = consumeOptions(options);
    const stream = this.streamOf(filter).name;
    await ensureConsumer(this.jsm, stream, durableName, filter, resolved.ackWaitMs);
    const consumer = await this.js.consumers.get(stream, durableName);
    const messages = await consumer.consume({ max_messages: PULL_BATCH });
    const subscription = new NatsSubscription(this, messages, durableName, handler, resolved);
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
    if (this.nc.isClosed()) return;
    try {
      await this.nc.drain();
    } catch {
      // Draining needs the server; while it is down the connection is closed as it is
      // (what was not acknowledged comes back to the durable consumers anyway).
      await this.nc.close();
    }
  }
}
