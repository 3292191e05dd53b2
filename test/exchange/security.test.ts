// Receivers take only what a registered partner signed, addressed to them, issued
// within the time window and never seen before; everything else is rejected with its
// reason, logged and counted (issue 9). The oracle is the protocol's rule for each
// case, built independently of the receiver: envelopes are made and signed here with
// node:crypto keys and tampered with byte by byte.
import { createPublicKey } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeEnvelope,
  type Envelope,
  encodeEnvelope,
  signatureValid,
  signEnvelope,
} from '../../src/exchange/envelope.ts';
import { ExchangeNode } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { generateKeyPair, parsePublicKey, publicKeyText } from '../../src/exchange/keys.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import { notificationBody, pair } from './helpers.ts';

/** A's first message to B, as it goes on the wire. */
function firstMessage() {
  const p = pair();
  p.a.send('B', notificationBody());
  const [out] = p.a.due().filter((o) => o.type === 'notification');
  return { ...p, out: out! };
}

function resign(e: Envelope, key: Parameters<typeof signEnvelope>[1], change: Partial<Envelope>): Uint8Array {
  const { sig: _sig, ...rest } = { ...e, ...change };
  return encodeEnvelope(signEnvelope(rest, key));
}

describe('signing', () => {
  it('a signed envelope verifies with the sender key and with no other', () => {
    const { out, keyA, keyB } = firstMessage();
    const { raw } = decodeEnvelope(out.bytes);
    const stranger = parsePublicKey(publicKeyText(generateKeyPair().publicKey), 'stranger');
    expect(signatureValid(raw, createPublicKey(keyA))).toBe(true);
    expect(signatureValid(raw, createPublicKey(keyB))).toBe(false);
    expect(signatureValid(raw, stranger)).toBe(false);
  });

  it('round trip: B stores and acknowledges, A takes the acknowledgement and stops sending', () => {
    const { a, b, out, clock } = firstMessage();
    const receipt = b.receive(out.bytes);
    expect(receipt).toMatchObject({ status: 'accepted', reason: null, messageId: 'A-1', from: 'A' });
    expect(receipt.ack?.body).toEqual({ type: 'ack', ackId: 'A-1', ackSeq: 1 });
    const delivered = b.take();
    expect(delivered.map((d) => [d.from, d.seq, d.body.type])).toEqual([['A', 1, 'notification']]);
    expect(a.receive(encodeEnvelope(receipt.ack!))).toMatchObject({ status: 'accepted' });
    clock.advance(3600);
    expect(a.due().filter((o) => o.type === 'notification')).toEqual([]);
    expect(a.status().outbox).toEqual({ pending: 0, acknowledged: 1 });
  });
});

describe('rejection', () => {
  it('a forgery (signed with another key in the name of A) is a bad signature', () => {
    const { b, out } = firstMessage();
    const forged = resign(decodeEnvelope(out.bytes).raw, generateKeyPair().privateKey, {});
    expect(b.receive(forged)).toMatchObject({ status: 'rejected', reason: 'bad-signature', from: 'A' });
    expect(b.take()).toEqual([]);
  });

  it('one changed character in a value breaks the signature', () => {
    const { b, out } = firstMessage();
    const text = Buffer.from(out.bytes).toString('utf8');
    const tampered = text.replace('"radiusKm":150', '"radiusKm":151');
    expect(tampered).not.toBe(text);
    expect(b.receive(tampered)).toMatchObject({ status: 'rejected', reason: 'bad-signature' });
  });

  it('no message with one flipped bit, at any byte and in any bit, is ever accepted', () => {
    const { b, out } = firstMessage();
    const accepted: string[] = [];
    for (let at = 0; at < out.bytes.length; at++)
      for (let bit = 0; bit < 8; bit++) {
        const copy = Uint8Array.from(out.bytes);
        copy[at] = copy[at]! ^ (1 << bit);
        if (b.receive(copy).status !== 'rejected') accepted.push(`byte ${at} bit ${bit}`);
      }
    expect(accepted).toEqual([]);
    expect(b.take()).toEqual([]);
  });

  it('a message from a centre that is not a partner is from an unknown sender', () => {
    const { b } = pair();
    const c = new ExchangeNode({
      centreId: 'C',
      privateKey: generateKeyPair().privateKey,
      store: ExchangeStore.open(':memory:'),
    });
    c.addPeer('B', publicKeyText(generateKeyPair().publicKey));
    c.send('B', notificationBody());
    const [out] = c.due().filter((o) => o.type === 'notification');
    expect(b.receive(out!.bytes)).toMatchObject({ status: 'rejected', reason: 'unknown-sender', from: 'C' });
  });

  it('a message addressed to another centre is refused, even signed by a partner', () => {
    const { b, out, keyA } = firstMessage();
    const toC = resign(decodeEnvelope(out.bytes).raw, keyA, { to: 'C' });
    expect(b.receive(toC)).toMatchObject({ status: 'rejected', reason: 'wrong-recipient' });
  });

  it('the same message again is a duplicate: acknowledged again, never delivered twice', () => {
    const { b, out } = firstMessage();
    expect(b.receive(out.bytes).status).toBe('accepted');
    const again = b.receive(out.bytes);
    expect(again).toMatchObject({ status: 'rejected', reason: 'duplicate' });
    expect(again.ack?.body).toEqual({ type: 'ack', ackId: 'A-1', ackSeq: 1 });
    expect(b.take()).toHaveLength(1);
  });

  it('an id already used for another message is a replayed id', () => {
    const { b, out, keyA } = firstMessage();
    b.receive(out.bytes);
    const other = resign(decodeEnvelope(out.bytes).raw, keyA, { seq: 2 });
    expect(b.receive(other)).toMatchObject({ status: 'rejected', reason: 'replayed-id' });
  });

  it('a sequence number already used by another message is a replayed sequence', () => {
    const { b, out, keyA } = firstMessage();
    b.receive(out.bytes);
    const other = resign(decodeEnvelope(out.bytes).raw, keyA, { id: 'A-99' });
    expect(b.receive(other)).toMatchObject({ status: 'rejected', reason: 'replayed-sequence' });
    expect(b.take()).toHaveLength(1);
  });

  it('a message issued before the time window is stale, one from too far ahead is refused too', () => {
    const { b, out, keyA, clock } = firstMessage();
    clock.advance(301);
    expect(b.receive(out.bytes)).toMatchObject({ status: 'rejected', reason: 'stale' });
    const ahead = resign(decodeEnvelope(out.bytes).raw, keyA, {
      issuedAt: new Date(clock.nowMs + 301_000).toISOString(),
    });
    expect(b.receive(ahead)).toMatchObject({ status: 'rejected', reason: 'from-future' });
    clock.advance(-1);
    expect(b.receive(out.bytes).status).toBe('accepted');
  });

  it('malformed messages are rejected with each problem located', () => {
    const { b, out } = firstMessage();
    expect(b.receive('not json')).toMatchObject({ status: 'rejected', reason: 'malformed' });
    const e = JSON.parse(Buffer.from(out.bytes).toString()) as Record<string, unknown>;
    const r = b.receive(JSON.stringify({ ...e, extra: 1, seq: 0 }));
    expect(r).toMatchObject({ status: 'rejected', reason: 'malformed', from: 'A', messageId: 'A-1' });
    expect(r.problems.map((p) => p.path.join('.')).sort()).toEqual(['extra', 'seq']);
    expect(r.problems.every((p) => p.source === 'exchange message')).toBe(true);
    const noWindow = structuredClone(e) as { body: { notification: Record<string, unknown> } };
    delete noWindow.body.notification['window'];
    expect(b.receive(JSON.stringify(noWindow)).problems[0]?.path).toEqual(['body', 'notification', 'window']);
    const delivered = structuredClone(e) as { body: { notification: Record<string, unknown> } };
    delivered.body.notification['delivered'] = false;
    expect(b.receive(JSON.stringify(delivered)).problems[0]?.path).toEqual([
      'body',
      'notification',
      'delivered',
    ]);
  });

  it('an envelope with any one field replaced (at the top or in the notification) is rejected, never thrown on', () => {
    const { b, out } = firstMessage();
    const e = JSON.parse(Buffer.from(out.bytes).toString()) as Record<string, unknown> & {
      body: { notification: Record<string, unknown> };
    };
    const top = fc
      .record({ key: fc.constantFrom(...Object.keys(e)), value: fc.jsonValue() })
      .map(({ key, value }) => ({ ...e, [key]: value }));
    const inner = fc
      .record({ key: fc.constantFrom(...Object.keys(e.body.notification)), value: fc.jsonValue() })
      .map(({ key, value }) => ({
        ...e,
        body: { ...e.body, notification: { ...e.body.notification, [key]: value } },
      }));
    fc.assert(
      fc.property(fc.oneof(top, inner), (changed) => {
        const same = JSON.stringify(changed) === JSON.stringify(e);
        return same || b.receive(changed).status === 'rejected';
      }),
      { numRuns: 1000 },
    );
    expect(b.take()).toEqual([]);
  });

  it('decodeEnvelope throws only InputError, whatever it is given', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue(), fc.uint8Array({ maxLength: 200 })), (input) => {
        try {
          decodeEnvelope(input);
          return false;
        } catch (err) {
          return err instanceof InputError;
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('every rejection is logged with its reason and counted', () => {
    const { b, out, keyA, clock } = firstMessage();
    b.receive(out.bytes);
    b.receive(out.bytes);
    b.receive('{');
    b.receive(resign(decodeEnvelope(out.bytes).raw, generateKeyPair().privateKey, {}));
    b.receive(resign(decodeEnvelope(out.bytes).raw, keyA, { id: 'A-7' }));
    clock.advance(400);
    b.receive(out.bytes);
    expect(b.status().rejections).toEqual({
      'bad-signature': 1,
      duplicate: 1,
      malformed: 1,
      'replayed-sequence': 1,
      stale: 1,
    });
  });
});
