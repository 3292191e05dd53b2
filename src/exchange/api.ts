// The exchange's HTTP API, framework-free, for `vigil serve` to mount (the inbox
// itself is http-transport.ts `inboxAnswer`):
//   GET  /api/exchange/peers   → listPeers            (observer)
//   POST /api/exchange/peers   → addPeerFromRequest   (admin)    body: peerRequestSchema
//   POST /api/exchange/notify  → notifyFromRequest    (operator) body: notifyRequestSchema
//   GET  /api/exchange/status  → exchangeStatus       (observer)
// Each handler takes the parsed JSON body, checks it with the schema the route also
// documents, and throws InputError located in the request body for anything wrong.
import { z } from 'zod';
import { type FieldPath, InputError } from '../scenario/input-error.ts';
import { scenarioErrorMap } from '../scenario/issue-messages.ts';
import { issueProblems } from '../scenario/issue-problems.ts';
import { id } from '../scenario/schema-fields.ts';
import type { Alarm, ExchangeNode } from './exchange-node.ts';

const SOURCE = 'request body';

export const peerRequestSchema = z
  .strictObject({
    name: id.meta({ description: "The partner's centre id." }),
    key: z
      .string()
      .min(1)
      .max(4096)
      .meta({ description: 'Its Ed25519 public key: base64 of the 32 bytes, or PEM.' }),
    url: z
      .string()
      .max(2000)
      .regex(/^https?:\/\/\S+$/, { error: 'expected an http:// or https:// base URL' })
      .optional()
      .meta({ description: 'Base URL of its vigil serve, where POST /exchange/inbox is.' }),
  })
  .meta({ description: 'A partner centre to register.' });

export const notifyRequestSchema = z
  .strictObject({
    to: id.meta({ description: 'The partner centre.' }),
    notification: z.unknown().meta({
      description:
        'A launch notification in the scenario file form (DOMAIN.md §7.6), without delivered/deliveredAt.',
    }),
  })
  .meta({ description: 'A notification to send to a partner.' });

export const peerViewSchema = z.object({
  name: z.string(),
  publicKey: z.string(),
  fingerprint: z.string(),
  url: z.string().nullable(),
  lastHeard: z.string().nullable().meta({ description: 'When anything authentic last came from it (UTC).' }),
  lineOverdue: z.boolean(),
});

export const notifyAnswerSchema = z.object({
  messageId: z.string(),
  seq: z.int(),
  to: z.string(),
});

export type PeerView = z.output<typeof peerViewSchema>;

function checked<T extends z.ZodType>(schema: T, body: unknown): z.output<T> {
  const result = schema.safeParse(body, { error: scenarioErrorMap });
  if (result.success) return result.data;
  throw new InputError(issueProblems(result.error.issues, SOURCE));
}

export function listPeers(node: ExchangeNode): PeerView[] {
  return node.status().peers.map((p) => ({
    name: p.name,
    publicKey: p.publicKey,
    fingerprint: p.fingerprint,
    url: p.url,
    lastHeard: p.line?.lastHeardMs ? new Date(p.line.lastHeardMs).toISOString() : null,
    lineOverdue: p.line?.overdue ?? false,
  }));
}

export function addPeerFromRequest(node: ExchangeNode, body: unknown): PeerView {
  const request = checked(peerRequestSchema, body);
  try {
    node.addPeer(request.name, request.key, request.url ?? null);
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      err.problems.map((p) => ({
        source: SOURCE,
        path: p.path.length > 0 ? p.path : ['key'],
        message: p.message,
      })),
    );
  }
  return listPeers(node).find((p) => p.name === request.name)!;
}

/** Queues the notification in the outbox; the service's courier delivers it. */
export function notifyFromRequest(node: ExchangeNode, body: unknown): z.output<typeof notifyAnswerSchema> {
  const request = checked(notifyRequestSchema, body);
  try {
    const { id: messageId, seq } = node.send(request.to, {
      type: 'notification',
      notification: request.notification,
    });
    return { messageId, seq, to: request.to };
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    throw new InputError(
      err.problems.map((p) => ({ source: SOURCE, path: requestPath(p.path), message: p.message })),
    );
  }
}

/** `send`'s paths (body.notification.…, to) as paths in the request. */
function requestPath(path: FieldPath): FieldPath {
  if (path[0] === 'body' && path[1] === 'notification') return ['notification', ...path.slice(2)];
  return path[0] === 'to' ? ['to'] : path;
}

export interface ExchangeStatusView {
  centreId: string;
  fingerprint: string;
  peers: PeerView[];
  outbox: { pending: number; acknowledged: number };
  inbox: { stored: number; held: number; untaken: number };
  rejections: Record<string, number>;
  alarms: Alarm[];
}

export function exchangeStatus(node: ExchangeNode, recentAlarms = 50): ExchangeStatusView {
  const s = node.status();
  return {
    centreId: s.centreId,
    fingerprint: s.publicKeyFingerprint,
    peers: listPeers(node),
    outbox: s.outbox,
    inbox: s.inbox,
    rejections: s.rejections,
    alarms: node.alarms().slice(-recentAlarms),
  };
}
