// The signed envelope every exchange message travels in:
//   {v: 1, id, from, to, seq, issuedAt, body, sig}
// `sig` is an Ed25519 signature (RFC 8032) over the canonical JSON (sorted keys, no
// whitespace: canonical-json.ts) of every other field, prefixed with a domain label
// so a signature over anything else can never pass for one here. `to` is signed too,
// so a message for one centre cannot be replayed to another. `seq` numbers the
// sender's ORDERED messages to this recipient from 1; control messages carry null.
//
// Decoding never trusts its input: size, JSON syntax and every field are checked and
// any problem is an InputError located at the field (source `exchange message`).
import { type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../centre/audit/canonical-json.ts';
import { InputError, type InputProblem } from '../scenario/input-error.ts';
import { scenarioErrorMap } from '../scenario/issue-messages.ts';
import { issueProblems } from '../scenario/issue-problems.ts';
import { jsonSyntaxMessage } from '../scenario/json-syntax.ts';
import { id, utcInstant } from '../scenario/schema-fields.ts';
import { bodySchema, isOrdered, type MessageBody } from './messages.ts';

export const ENVELOPE_VERSION = 1;
/** Largest encoded envelope accepted, bytes (a notification with a 10,000-point polygon fits). */
export const MAX_ENVELOPE_BYTES = 512 * 1024;
const SIGNING_LABEL = 'vigil-exchange-v1\n';
/**
 * An Ed25519 signature is 64 bytes: 88 characters of base64 with padding, in its one
 * canonical spelling — the last character before the padding carries 2 bits and 4
 * zero bits, so other spellings of the same bytes (which decoders accept) are refused.
 */
const SIGNATURE = /^[A-Za-z0-9+/]{85}[AQgw]==$/;

const SOURCE = 'exchange message';

export interface UnsignedEnvelope {
  v: typeof ENVELOPE_VERSION;
  id: string;
  from: string;
  to: string;
  seq: number | null;
  /** UTC ISO instant with milliseconds. */
  issuedAt: string;
  body: MessageBody;
}

export interface Envelope extends UnsignedEnvelope {
  /** base64 Ed25519 signature over the signing bytes of the rest. */
  sig: string;
}

const envelopeSchema = z
  .strictObject({
    v: z.literal(ENVELOPE_VERSION),
    id,
    from: id,
    to: id,
    seq: z.int().min(1).max(Number.MAX_SAFE_INTEGER).nullable(),
    issuedAt: utcInstant,
    body: bodySchema,
    sig: z.string().regex(SIGNATURE, { error: 'expected an Ed25519 signature: 88 characters of base64' }),
  })
  .superRefine((e, ctx) => {
    const ordered = isOrdered(e.body);
    if (ordered && e.seq === null)
      ctx.addIssue({ code: 'custom', path: ['seq'], message: `a ${e.body.type} needs a sequence number` });
    if (!ordered && e.seq !== null)
      ctx.addIssue({ code: 'custom', path: ['seq'], message: `a ${e.body.type} carries no sequence number` });
  });

/** The bytes the signature covers. */
export function signingBytes(e: UnsignedEnvelope): Buffer {
  const { v, id, from, to, seq, issuedAt, body } = e;
  return Buffer.from(SIGNING_LABEL + canonicalJson({ v, id, from, to, seq, issuedAt, body }), 'utf8');
}

export function signEnvelope(e: UnsignedEnvelope, privateKey: KeyObject): Envelope {
  return { ...e, sig: sign(null, signingBytes(e), privateKey).toString('base64') };
}

export function signatureValid(e: Envelope, publicKey: KeyObject): boolean {
  return verify(null, signingBytes(e), publicKey, Buffer.from(e.sig, 'base64'));
}

/** The envelope as sent: canonical JSON, UTF-8. */
export function encodeEnvelope(e: Envelope): Uint8Array {
  return Buffer.from(canonicalJson(e), 'utf8');
}

/**
 * Checks an envelope as received — bytes, text or an already parsed JSON value (an
 * HTTP framework's body) — and returns it exactly as sent (the signed form, before any
 * default the schema would add), with the body as checked. Throws InputError.
 */
export function decodeEnvelope(input: Uint8Array | string | unknown): { raw: Envelope; body: MessageBody } {
  const fail = (problems: InputProblem[]): never => {
    throw new InputError(problems);
  };
  let value: unknown = input;
  if (typeof input === 'string' || input instanceof Uint8Array) {
    const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.byteLength;
    if (size > MAX_ENVELOPE_BYTES)
      fail([
        { source: SOURCE, path: [], message: `too large: ${size} bytes (at most ${MAX_ENVELOPE_BYTES})` },
      ]);
    const text = typeof input === 'string' ? input : Buffer.from(input).toString('utf8');
    try {
      value = JSON.parse(text);
    } catch (err) {
      fail([{ source: SOURCE, path: [], message: `not JSON: ${jsonSyntaxMessage(err)}` }]);
    }
  }
  const result = envelopeSchema.safeParse(value, { error: scenarioErrorMap });
  if (!result.success) fail(issueProblems(result.error.issues, SOURCE));
  return { raw: value as Envelope, body: result.data!.body };
}

/** `issuedAt` text for an instant: UTC with milliseconds. */
export function instantText(unixMs: number): string {
  return new Date(unixMs).toISOString();
}
