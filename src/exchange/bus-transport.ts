// The exchange over the message bus (NATS JetStream, or the in-process bus): a
// message is published to the recipient's subject (subjects.ts) and the bus keeps it
// until the recipient's durable consumer takes it; the recipient publishes its signed
// acknowledgement to the sender's subject. Written against the few bus calls it needs
// (MessageBus in src/bus has them), so the protocol does not depend on the edge.

import type { Transport } from './courier.ts';
import { encodeEnvelope } from './envelope.ts';
import type { ExchangeNode, Receipt } from './exchange-node.ts';
import { exchangeConsumer, exchangeSubject } from './subjects.ts';

/** The part of the message bus (src/bus/message-bus.ts) the exchange uses. */
export interface ExchangeBus {
  readonly subjects: { readonly root: string };
  publish(subject: string, data: Uint8Array, options: { msgId: string }): Promise<unknown>;
  consume(
    filter: string,
    durableName: string,
    handler: (message: { data: Uint8Array }) => Promise<void>,
  ): Promise<{ close(): Promise<void> }>;
}

export function busTransport(bus: ExchangeBus): Transport {
  return {
    async deliver(peer, out) {
      // One bus message id per signed version: a repeat of the same bytes is dropped by
      // the bus's duplicate window, a retransmission (newly signed) is carried.
      await bus.publish(exchangeSubject(bus.subjects.root, peer.name), out.bytes, {
        msgId: `${out.messageId}@${out.envelope.issuedAt}`,
      });
      return { kind: 'sent' };
    },
  };
}

/**
 * Takes the messages addressed to `node` from the bus: each goes through
 * `node.receive`, and an acknowledgement owed goes back to the sender's subject
 * before the bus message is itself acknowledged — so if publishing it fails, the bus
 * delivers the message again and the node (which stored it) acknowledges it again.
 */
export async function listenOnBus(
  bus: ExchangeBus,
  node: ExchangeNode,
  onReceipt?: (receipt: Receipt) => void,
): Promise<{ close(): Promise<void> }> {
  const root = bus.subjects.root;
  return bus.consume(
    exchangeSubject(root, node.centreId),
    exchangeConsumer(node.centreId),
    async ({ data }) => {
      const receipt = node.receive(data);
      if (receipt.ack && receipt.from)
        await bus.publish(exchangeSubject(root, receipt.from), encodeEnvelope(receipt.ack), {
          msgId: receipt.ack.id,
        });
      onReceipt?.(receipt);
    },
  );
}
