// The exchange between warning centres over the service (issue 9; src/exchange/README.md):
// the inbox partners' couriers POST signed envelopes to (no token — the Ed25519
// signature is the credential, checked by the node over the bytes as sent), and the
// centre's own view: partners (list: observer; add: admin), sending a notification
// (operator, as api.ts documents) and the state of outbox, inbox, rejections and
// alarms. A service started without --centre has no exchange: these answer 404 saying so.
import { z } from 'zod';
import {
  addPeerFromRequest,
  exchangeStatus,
  listPeers,
  notifyAnswerSchema,
  notifyFromRequest,
  notifyRequestSchema,
  peerRequestSchema,
  peerViewSchema,
} from '../../exchange/api.ts';
import { MAX_ENVELOPE_BYTES } from '../../exchange/envelope.ts';
import { ALARM_KINDS } from '../../exchange/exchange-node.ts';
import { INBOX_PATH, inboxAnswer } from '../../exchange/http-transport.ts';
import type { ExchangeService } from '../exchange/exchange-service.ts';
import { ApiError, apiProblem, ERROR_CODES } from '../http/api-error.ts';
import { type RouteSpec, route } from '../http/route.ts';
import type { RequestLimits } from '../limits/request-limits.ts';
import { apiProblemSchema, errorBodySchema } from '../schemas/common.ts';

const bad = (d: string) => ({ description: d, schema: errorBodySchema });

const envelopeDoc = z
  .object({
    v: z.literal(1),
    id: z.string(),
    from: z.string().meta({ description: 'The sending centre.' }),
    to: z.string().meta({ description: 'This centre (signed: no replay to another).' }),
    seq: z
      .int()
      .nullable()
      .meta({ description: "The sender's number for ordered messages; null for control." }),
    issuedAt: z.string().meta({ format: 'date-time' }),
    body: z.record(z.string(), z.unknown()).meta({
      description: 'notification | launch-report | ack | line-check (src/exchange/README.md).',
    }),
    sig: z.string().meta({ description: 'Ed25519 signature, base64, over the canonical JSON of the rest.' }),
  })
  .meta({
    id: 'ExchangeEnvelope',
    description: `A signed exchange message as canonical JSON, at most ${MAX_ENVELOPE_BYTES} bytes.`,
  });

const receiptSchema = z
  .object({
    status: z.enum(['accepted', 'rejected']),
    reason: z.string().nullable().meta({ description: 'Why it was refused (or duplicate).' }),
    messageId: z.string().nullable(),
    detail: z.string(),
    problems: z.array(apiProblemSchema),
    ack: envelopeDoc.nullable().meta({ description: 'The signed acknowledgement owed to the sender.' }),
    error: z.enum(Object.values(ERROR_CODES) as [string, ...string[]]).optional(),
    message: z.string().optional(),
  })
  .meta({
    id: 'ExchangeReceipt',
    description: 'What the inbox made of a message; refusals also carry the Error fields.',
  });

const alarmSchema = z.object({
  n: z.int(),
  atMs: z.number().meta({ description: 'When it was raised, ms since 1970 (UTC).' }),
  kind: z.enum(ALARM_KINDS),
  peer: z.string(),
  messageId: z.string().nullable(),
  text: z.string(),
});

const statusSchema = z
  .object({
    centreId: z.string(),
    fingerprint: z.string().meta({ description: "This centre's public key fingerprint." }),
    peers: z.array(peerViewSchema),
    outbox: z.object({ pending: z.int(), acknowledged: z.int() }),
    inbox: z.object({ stored: z.int(), held: z.int(), untaken: z.int() }),
    rejections: z.record(z.string(), z.int()).meta({ description: 'Refused messages by reason.' }),
    alarms: z.array(alarmSchema).meta({ description: 'The 50 most recent alarms, oldest first.' }),
  })
  .meta({ id: 'ExchangeStatus' });

const peerSchema = peerViewSchema.meta({ id: 'ExchangePeer' });

/** The sender a message names, read only to pick its rate bucket (never trusted otherwise). */
function claimedSender(text: string): string | null {
  try {
    const from = (JSON.parse(text) as { from?: unknown } | null)?.from;
    return typeof from === 'string' ? from : null;
  } catch {
    return null;
  }
}

export function exchangeRoutes(exchange: ExchangeService | null, limits: RequestLimits): RouteSpec[] {
  const running = (): ExchangeService => {
    if (!exchange)
      throw new ApiError(
        404,
        'this service runs no exchange: start it with vigil serve --centre ID [--exchange-home DIR]',
      );
    return exchange;
  };
  const none = bad('This service runs no exchange (started without --centre)');
  return [
    route({
      method: 'POST',
      url: INBOX_PATH,
      tag: 'exchange',
      summary: "A partner centre's signed message",
      description:
        "Where partners' couriers deliver. The signature is the credential: the message must come from a registered partner, be addressed here, be fresh (300 s) and not replayed. The answer is the receipt with the signed acknowledgement.",
      role: null,
      rawJson: true,
      body: envelopeDoc,
      bodyLimit: MAX_ENVELOPE_BYTES,
      responses: {
        200: {
          description: 'Stored (or already stored): the receipt with the acknowledgement',
          schema: receiptSchema,
        },
        400: { description: 'Malformed: the receipt with the located problems', schema: receiptSchema },
        403: { description: 'Unknown sender or bad signature', schema: receiptSchema },
        404: none,
        409: { description: 'Misaddressed, stale, from the future or replayed', schema: receiptSchema },
        413: bad(`Over ${MAX_ENVELOPE_BYTES} bytes`),
        429: bad('Too many messages from this partner (or address)'),
      },
      handler: async ({ request, reply }) => {
        const service = running();
        const text = typeof request.body === 'string' ? request.body : '';
        const sender = claimedSender(text);
        if (sender !== null && service.node.peers().some((p) => p.name === sender))
          limits.admitSender(sender, reply);
        const { statusCode, payload } = inboxAnswer(service.node, text);
        // Anything it took (an acknowledgement, a line check, a message) may raise alarms or release messages.
        service.afterChange();
        reply.code(statusCode);
        const receipt = { ...payload, problems: payload.problems.map(apiProblem) };
        if (statusCode < 400) return receipt;
        const error = ERROR_CODES[statusCode as keyof typeof ERROR_CODES];
        return { ...receipt, error, message: `${payload.reason}: ${payload.detail}` };
      },
    }),
    route({
      method: 'GET',
      url: '/api/exchange/peers',
      tag: 'exchange',
      summary: 'Partner centres: keys, URLs, when last heard',
      role: 'observer',
      responses: { 200: { description: 'Partners', schema: z.array(peerSchema) }, 404: none },
      handler: async () => listPeers(running().node),
    }),
    route({
      method: 'POST',
      url: '/api/exchange/peers',
      tag: 'exchange',
      summary: 'Register a partner centre',
      description: 'Its Ed25519 public key (base64 or PEM) and the base URL of its vigil serve.',
      role: 'admin',
      body: peerRequestSchema,
      status: 201,
      responses: {
        201: { description: 'Registered', schema: peerSchema },
        400: bad('Bad body or key; the name already taken'),
        404: none,
      },
      handler: async ({ body }) => addPeerFromRequest(running().node, body),
    }),
    route({
      method: 'POST',
      url: '/api/exchange/notify',
      tag: 'exchange',
      summary: 'Send a launch notification to a partner',
      description:
        "In the scenario file's notification form without delivered/deliveredAt. Queued in the outbox and delivered by the courier, retried until acknowledged.",
      role: 'operator',
      body: notifyRequestSchema,
      status: 202,
      responses: {
        202: { description: 'Queued', schema: notifyAnswerSchema },
        400: bad('Bad notification or unknown partner: located problems'),
        404: none,
      },
      handler: async ({ body }) => {
        return notifyFromRequest(running().node, body);
      },
    }),
    route({
      method: 'GET',
      url: '/api/exchange/status',
      tag: 'exchange',
      summary: 'Outbox, inbox, refusals by reason and recent alarms',
      role: 'observer',
      responses: { 200: { description: 'The exchange', schema: statusSchema }, 404: none },
      handler: async () => exchangeStatus(running().node),
    }),
  ];
}
