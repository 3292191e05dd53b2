// The exchange between `vigil serve` instances over HTTP. The sender POSTs the
// envelope to the partner's `POST /exchange/inbox`; the partner answers at once with
// its receipt, which carries the signed acknowledgement when the message was stored
// (or was already). No token is needed on that route: the signature is the
// credential, and the node checks it. Both sides are here, framework-free: the client
// (node's fetch, with a timeout on every call) and `inboxAnswer`, which a server route
// calls with the request body and answers with.

import type { Transport, TransportResult } from './courier.ts';
import type { Envelope } from './envelope.ts';
import type { ExchangeNode, Receipt } from './exchange-node.ts';

export const INBOX_PATH = '/exchange/inbox';
/** Longest answer read from a partner, bytes (a receipt with its acknowledgement is well under 4 KiB). */
const MAX_ANSWER_BYTES = 64 * 1024;

export interface HttpTransportOptions {
  /** Whole-request timeout, ms (default 10,000). */
  timeoutMs?: number;
  /** Sends to this base URL whatever the partner's registered URL (`vigil notify --via`). */
  baseUrl?: string;
}

/**
 * The answer's text, or null once it passes `limit` bytes — read chunk by chunk and
 * cancelled there, so a hostile partner cannot make the sender buffer without bound.
 */
async function readAtMost(response: Response, limit: number): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function httpTransport(options: HttpTransportOptions = {}): Transport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async deliver(peer, out): Promise<TransportResult> {
      const base = options.baseUrl ?? peer.url;
      if (!base) return { kind: 'failed', error: `no URL registered for ${peer.name}` };
      let response: Response;
      try {
        response = await fetch(`${base.replace(/\/+$/, '')}${INBOX_PATH}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: out.bytes,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        const e = err as Error;
        const why =
          e.name === 'TimeoutError'
            ? `no answer within ${timeoutMs} ms`
            : ((e.cause as Error)?.message ?? e.message);
        return { kind: 'failed', error: `${base}: ${why}` };
      }
      let text: string | null;
      try {
        text = await readAtMost(response, MAX_ANSWER_BYTES);
      } catch (err) {
        return { kind: 'failed', error: `${base}: answer cut off (${(err as Error).message})` };
      }
      if (text === null) return { kind: 'failed', error: `${base}: answer too large` };
      try {
        return { kind: 'answered', answer: JSON.parse(text) };
      } catch {
        return { kind: 'failed', error: `${base}: HTTP ${response.status}, not a receipt` };
      }
    },
  };
}

export interface InboxAnswer {
  statusCode: number;
  payload: {
    status: Receipt['status'];
    reason: Receipt['reason'];
    messageId: string | null;
    detail: string;
    problems: Receipt['problems'];
    ack: Envelope | null;
  };
}

/**
 * The answer to `POST /exchange/inbox` with `body` (raw bytes, text, or the JSON the
 * framework parsed): 200 when stored (or already stored), 400 malformed, 403 unknown
 * sender or bad signature, 409 otherwise (misaddressed, outside the time window, replayed).
 */
export function inboxAnswer(node: ExchangeNode, body: unknown): InboxAnswer {
  const r = node.receive(body);
  const statusCode =
    r.status === 'accepted' || r.reason === 'duplicate'
      ? 200
      : r.reason === 'malformed'
        ? 400
        : r.reason === 'unknown-sender' || r.reason === 'bad-signature'
          ? 403
          : 409;
  return {
    statusCode,
    payload: {
      status: r.status,
      reason: r.reason,
      messageId: r.messageId,
      detail: r.detail,
      problems: r.problems,
      ack: r.ack,
    },
  };
}
