// Moves a node's traffic over a transport: each round checks the deadlines, hands
// every due message to the transport, and feeds back what the partner answered (an
// HTTP receipt carries the signed acknowledgement, which the node verifies like any
// message). Transports differ only in `deliver`; a failed delivery is noted on the
// outbox row and retried by the node's own backoff.
import { z } from 'zod';
import type { Alarm, ExchangeNode, Outgoing } from './exchange-node.ts';
import type { PeerRow } from './exchange-store.ts';

/** What a transport made of one delivery. */
export type TransportResult =
  /** The partner answered at once (HTTP): its receipt, as received (not yet checked). */
  | { kind: 'answered'; answer: unknown }
  /** Handed to a store-and-forward medium (the bus); the acknowledgement comes as a message. */
  | { kind: 'sent' }
  | { kind: 'failed'; error: string };

export interface Transport {
  deliver(peer: PeerRow, out: Outgoing): Promise<TransportResult>;
}

/** A partner's receipt as it answers over HTTP; the acknowledgement inside is checked by the node. */
export const receiptAnswerSchema = z.object({
  status: z.enum(['accepted', 'rejected']),
  reason: z.string().max(100).nullable(),
  detail: z.string().max(2000),
  ack: z.unknown().nullable(),
});

export interface RoundResult {
  alarms: Alarm[];
  sent: Array<{ out: Outgoing; result: TransportResult }>;
}

/** One round: deadlines, then every due message through the transport. */
export async function pumpOnce(node: ExchangeNode, transport: Transport): Promise<RoundResult> {
  const alarms = node.tick();
  const sent: RoundResult['sent'] = [];
  const peers = new Map(node.peers().map((p) => [p.name, p]));
  for (const out of node.due()) {
    const peer = peers.get(out.peer);
    let result: TransportResult;
    if (!peer) result = { kind: 'failed', error: `partner '${out.peer}' is no longer registered` };
    else {
      try {
        result = await transport.deliver(peer, out);
      } catch (err) {
        result = { kind: 'failed', error: err instanceof Error ? err.message : String(err) };
      }
    }
    if (result.kind === 'answered') takeAnswer(node, out, result.answer);
    else if (result.kind === 'failed' && out.seq !== null) node.noteFailure(out.messageId, result.error);
    sent.push({ out, result });
  }
  return { alarms, sent };
}

function takeAnswer(node: ExchangeNode, out: Outgoing, answer: unknown): void {
  const parsed = receiptAnswerSchema.safeParse(answer);
  if (!parsed.success) {
    if (out.seq !== null)
      node.noteFailure(out.messageId, `${out.peer} answered with something that is not a receipt`);
    return;
  }
  const receipt = parsed.data;
  if (receipt.ack !== null && receipt.ack !== undefined) node.receive(receipt.ack);
  else if (receipt.status === 'rejected' && out.seq !== null)
    node.noteFailure(out.messageId, `${out.peer} rejected it: ${receipt.reason ?? '?'} — ${receipt.detail}`);
}

/** How often a sender waiting for acknowledgements looks whether they came, ms. */
const ACK_POLL_MS = 100;

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

export interface CourierOptions {
  /** Longest sleep between rounds, ms (a new message queued meanwhile waits at most this). */
  idleMs?: number;
  signal?: AbortSignal;
  onRound?: (round: RoundResult) => void;
}

/** Rounds until `signal` aborts, sleeping until the node's next deadline (at most idleMs). */
export async function runCourier(
  node: ExchangeNode,
  transport: Transport,
  options: CourierOptions = {},
): Promise<void> {
  const idleMs = options.idleMs ?? 1000;
  while (!options.signal?.aborted) {
    const round = await pumpOnce(node, transport);
    options.onRound?.(round);
    const wake = node.nextWakeMs();
    const wait = wake === null ? idleMs : Math.min(idleMs, Math.max(10, wake - Date.now()));
    await sleep(wait, options.signal);
  }
}

/**
 * Runs rounds until every message in `ids` is acknowledged or `timeoutMs` passes;
 * resolves to the ids still unacknowledged.
 */
export async function deliverUntilAcknowledged(
  node: ExchangeNode,
  transport: Transport,
  ids: readonly string[],
  timeoutMs: number,
  onRound?: (round: RoundResult) => void,
): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const round = await pumpOnce(node, transport);
    onRound?.(round);
    const open = ids.filter((id) => !node.acknowledged(id));
    if (open.length === 0 || Date.now() >= deadline) return open;
    // Acknowledgements over the bus arrive on their own: look again soon, not only when something is due.
    const wake = Math.min(node.nextWakeMs() ?? deadline, deadline, Date.now() + ACK_POLL_MS);
    await sleep(Math.max(10, wake - Date.now()));
  }
}
