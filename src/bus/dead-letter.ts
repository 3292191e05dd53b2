// Dead letters: what goes to the dead-letter subject when a consumer gives up on a
// message — the message whole, where it came from, and why, so an operator can read
// the reason and a tool can republish it once fixed.
import { formatPath, InputError } from '../scenario/input-error.ts';
import type { BusMessage, ConsumeOptions } from './message-bus.ts';
import { jsonBytes } from './message-bus.ts';

export interface DeadLetter {
  subject: string;
  msgId: string;
  /** The durable consumer that rejected it. */
  consumer: string;
  deliveries: number;
  /** One line per problem: `field.path: what was expected`, or the handler's error. */
  reason: string;
  problems: Array<{ path: string; message: string }>;
  deadAtMs: number;
  /** The message body as text when it is UTF-8, else base64 in `payloadBase64`. */
  payloadText?: string;
  payloadBase64?: string;
}

/** What to do with a message after one delivery to a handler. */
export type Outcome =
  | { kind: 'ack' }
  | { kind: 'retry'; delayMs: number }
  | { kind: 'dead'; reason: string; problems: DeadLetter['problems'] };

/** Runs the handler on one delivery and decides: acknowledge, deliver again later, or dead-letter. */
export async function handleDelivery(
  message: BusMessage,
  handler: (message: BusMessage) => Promise<void>,
  options: Required<ConsumeOptions>,
): Promise<Outcome> {
  if (message.deliveryCount > options.maxDeliver)
    return {
      kind: 'dead',
      reason: `delivered ${message.deliveryCount} times without an answer (the consumer stopped while handling it)`,
      problems: [],
    };
  try {
    await handler(message);
    return { kind: 'ack' };
  } catch (err) {
    if (err instanceof InputError)
      return {
        kind: 'dead',
        reason: err.message,
        problems: err.problems.map((p) => ({ path: formatPath(p.path), message: p.message })),
      };
    if (message.deliveryCount >= options.maxDeliver)
      return {
        kind: 'dead',
        reason: `failed on all ${message.deliveryCount} deliveries: ${err instanceof Error ? err.message : String(err)}`,
        problems: [],
      };
    return { kind: 'retry', delayMs: options.retryDelayMs };
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function deadLetterBody(
  message: BusMessage,
  consumer: string,
  outcome: Extract<Outcome, { kind: 'dead' }>,
): Uint8Array {
  const letter: DeadLetter = {
    subject: message.subject,
    msgId: message.msgId,
    consumer,
    deliveries: message.deliveryCount,
    reason: outcome.reason,
    problems: outcome.problems,
    deadAtMs: Date.now(),
  };
  try {
    letter.payloadText = strictUtf8.decode(message.data);
  } catch {
    letter.payloadBase64 = Buffer.from(message.data).toString('base64');
  }
  return jsonBytes(letter);
}

/** The dead letter's own message id: republishing the same rejection is deduplicated. */
export function deadLetterMsgId(message: BusMessage, consumer: string): string {
  return `dead:${consumer}:${message.msgId}`;
}
