// The message bus contract (issue 6, DESIGN.md §6): publish with a message id,
// durable consumers with explicit acknowledgement, a dead-letter subject. Two
// implementations with the same semantics — in-process (the default) and NATS
// JetStream:
// - at least once: a message is acknowledged only when its handler's promise
//   resolves; a rejected or unfinished one is delivered again (to the same durable
//   consumer, also after it restarts);
// - deduplicated: a repeated message id within the stream's duplicate window is
//   dropped at publication, so a republished alert is stored once;
// - dead letters: a handler rejecting with InputError (the message itself is bad), or
//   failing on every one of `maxDeliver` deliveries, sends the message to the
//   dead-letter subject with the reason, and the consumer goes on.
// Handlers run one message at a time per subscription, in stream order apart from
// redeliveries; a handler that must not act twice on a redelivery keys on `msgId`.
import type { Subjects } from './subjects.ts';

export interface BusMessage {
  subject: string;
  data: Uint8Array;
  msgId: string;
  /** Position in its stream. */
  seq: number;
  /** 1 on the first delivery to this consumer. */
  deliveryCount: number;
  /** When the bus stored it, ms since the Unix epoch. */
  publishedAtMs: number;
}

export type MessageHandler = (message: BusMessage) => Promise<void>;

export interface PublishResult {
  seq: number;
  /** The message id was seen within the duplicate window; nothing was stored. */
  duplicate: boolean;
}

export interface ConsumeOptions {
  /** Deliveries of one message before it goes to the dead-letter subject (default 5). */
  maxDeliver?: number;
  /** How long a delivered message may go unacknowledged before it is delivered again, ms (default 30,000). */
  ackWaitMs?: number;
  /** Delay before a message whose handler failed is delivered again, ms (default 500). */
  retryDelayMs?: number;
}

const CONSUME_DEFAULTS: Required<ConsumeOptions> = { maxDeliver: 5, ackWaitMs: 30_000, retryDelayMs: 500 };

export function consumeOptions(options: ConsumeOptions = {}): Required<ConsumeOptions> {
  return {
    maxDeliver: options.maxDeliver ?? CONSUME_DEFAULTS.maxDeliver,
    ackWaitMs: options.ackWaitMs ?? CONSUME_DEFAULTS.ackWaitMs,
    retryDelayMs: options.retryDelayMs ?? CONSUME_DEFAULTS.retryDelayMs,
  };
}

export interface Subscription {
  /**
   * Stops taking messages: waits (at most the ack wait) for the message in hand, and
   * hands back unhandled ones for redelivery. The durable consumer keeps its place.
   */
  close(): Promise<void>;
  /** Settles when the subscription ends: resolves after close(), rejects if it stopped on an error. */
  readonly closed: Promise<void>;
}

export interface MessageBus {
  readonly kind: 'memory' | 'nats';
  readonly subjects: Subjects;
  publish(subject: string, data: Uint8Array, options: { msgId: string }): Promise<PublishResult>;
  /** Starts (or resumes) the durable consumer `durableName` on the subjects matching `filter`. */
  consume(
    filter: string,
    durableName: string,
    handler: MessageHandler,
    options?: ConsumeOptions,
  ): Promise<Subscription>;
  /** Closes every subscription, then the connection. */
  close(): Promise<void>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** A value as a JSON message body. */
export function jsonBytes(value: unknown): Uint8Array {
  return encoder.encode(JSON.stringify(value));
}

export function bytesText(data: Uint8Array): string {
  return decoder.decode(data);
}
