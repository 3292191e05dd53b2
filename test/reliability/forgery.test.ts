// Forged, tampered and replayed exchange messages (issue 9): none may be accepted. The
// messages are built here with node:crypto keys, independently of the sending node:
// - forged: in a partner's name with another key (a stranger's, the recipient's own),
//   by a centre that is no partner, with a genuine signature moved onto other content,
//   and acknowledgements forged to make a sender stop retrying;
// - tampered: a genuine message with one value changed anywhere, bits flipped, or the
//   signature respelt;
// - replayed: a stored message again (now, or once outside the time window), to another
//   centre, its id or sequence number reused, or issued beyond the clock's window.
// Each must be rejected with the reason the protocol gives (src/exchange/README.md), and
// the receiver's store must hold what it held before.
import { createPublicKey } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pumpOnce, receiptAnswerSchema } from '../../src/exchange/courier.ts';
import { type Envelope, signEnvelope, type UnsignedEnvelope } from '../../src/exchange/envelope.ts';
import { ExchangeNode, type Receipt, type RejectReason } from '../../src/exchange/exchange-node.ts';
import { ExchangeStore } from '../../src/exchange/exchange-store.ts';
import { publicKeyText } from '../../src/exchange/keys.ts';
import { DEFAULT_TIMING } from '../../src/exchange/timing.ts';
import { notificationBody } from '../exchange/helpers.ts';
import {
  bitFlips,
  type FuzzResult,
  fuzz,
  fuzzAsync,
  fuzzDetail,
  mutateData,
  pathsOf,
  preview,
  structuralMutation,
  total,
} from './arbitraries.ts';
import { fixedKey, pair, storedState, T0, unsignedEnvelope, wire } from './exchange-arbitraries.ts';
import { reportFigure } from './figures.ts';

const STRANGERS = Array.from({ length: 6 }, (_, i) => fixedKey(`stranger-${i}`));
const envelopeAB = unsignedEnvelope('A', 'B', T0);

interface Tally {
  tried: number;
  accepted: number;
  reasons: Record<string, number>;
}

const tally = (): Tally => ({ tried: 0, accepted: 0, reasons: {} });

/** Records a receipt; throws unless it is a rejection for one of `expected`. */
function expectRejected(t: Tally, receipt: Receipt, expected: readonly RejectReason[], what: string): void {
  t.tried++;
  if (receipt.status !== 'rejected') t.accepted++;
  t.reasons[receipt.reason ?? 'accepted'] = (t.reasons[receipt.reason ?? 'accepted'] ?? 0) + 1;
  if (receipt.status !== 'rejected' || !expected.includes(receipt.reason!))
    throw new Error(
      `${what}: expected ${expected.join(' or ')}, got ${JSON.stringify(receipt).slice(0, 500)}`,
    );
}

const reasonsText = (t: Tally) =>
  Object.entries(t.reasons)
    .sort()
    .map(([r, n]) => `${r} ${n}`)
    .join(', ');

/** A JSON value changed so that its canonical form is certainly different. */
function changed(value: unknown, salt: number): unknown {
  if (typeof value === 'number') return value === 0 ? 1 : value > 1e300 ? value / 2 : value * 2 + 1;
  if (typeof value === 'string') return `${value}${'xyz'[salt % 3]}`;
  if (typeof value === 'boolean') return !value;
  if (value === null) return salt % 2;
  if (Array.isArray(value)) return [...value, salt];
  return { ...(value as object), [`k${salt}`]: salt };
}

/** A copy of `e` with the value at one path (any depth, `sig` left as signed) changed. */
function tamper(e: Envelope, pick: number, salt: number): Record<string, unknown> {
  const copy = structuredClone(e) as unknown as Record<string, unknown>;
  const paths = pathsOf(copy).filter((p) => p[0] !== 'sig');
  const path = paths[pick % paths.length]!;
  let parent: Record<string | number, unknown> = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  parent[last] = changed(parent[last], salt);
  return copy;
}

describe('forged messages', () => {
  const t = tally();
  const results: FuzzResult[] = [];

  it('messages in a partner’s name not signed with its key, or from no partner, are rejected and change nothing', () => {
    const p = pair();
    p.a.send('B', notificationBody('N-pending'));
    const [pending] = p.a.due().filter((o) => o.type === 'notification');
    const beforeA = storedState(p.a, p.storeA);
    const beforeB = storedState(p.b, p.storeB);
    const forgery = fc.record({
      e: envelopeAB,
      how: fc.constantFrom('stranger', 'recipient-key', 'no-partner', 'transplant', 'forged-ack'),
      stranger: fc.nat(STRANGERS.length - 1),
    });
    results.push(
      fuzz(
        'forgery: forged messages',
        forgery,
        ({ e, how, stranger }) => {
          const key = STRANGERS[stranger]!;
          if (how === 'stranger')
            expectRejected(t, p.b.receive(wire(signEnvelope(e, key))), ['bad-signature'], how);
          else if (how === 'recipient-key')
            expectRejected(t, p.b.receive(wire(signEnvelope(e, p.keyB))), ['bad-signature'], how);
          else if (how === 'no-partner')
            expectRejected(
              t,
              p.b.receive(wire(signEnvelope({ ...e, from: 'C' }, key))),
              ['unknown-sender'],
              how,
            );
          else if (how === 'transplant') {
            const sig = pending!.envelope.sig;
            expectRejected(t, p.b.receive(wire({ ...e, sig })), ['bad-signature'], how);
          } else {
            const ack: UnsignedEnvelope = {
              ...e,
              from: 'B',
              to: 'A',
              seq: null,
              body: { type: 'ack', ackId: pending!.messageId, ackSeq: pending!.seq! },
            };
            expectRejected(t, p.a.receive(wire(signEnvelope(ack, key))), ['bad-signature'], how);
          }
          if (storedState(p.b, p.storeB) !== beforeB) throw new Error(`${how}: B's store changed`);
          if (storedState(p.a, p.storeA) !== beforeA) throw new Error(`${how}: A's store changed`);
        },
        600,
      ),
    );
    expect(t.accepted).toBe(0);
    expect(p.a.status().outbox).toEqual({ pending: 1, acknowledged: 0 });
    expect(p.b.take()).toEqual([]);
    expect(t.tried).toBe(total(results));
    reportFigure({
      subject: 'exchange receiver',
      tried: 'forged messages',
      count: t.tried,
      failure: 'accepted',
      failures: t.accepted,
      detail: `${reasonsText(t)}; ${fuzzDetail(results)}`,
    });
  });
});

describe('tampered messages', () => {
  const t = tally();
  const results: FuzzResult[] = [];

  it('a genuine message with any value changed, bits flipped or its signature respelt is rejected and changes nothing', () => {
    const p = pair();
    const before = storedState(p.b, p.storeB);
    const tampering = envelopeAB.chain((e) => {
      const genuine = signEnvelope(e, p.keyA);
      return fc.oneof(
        fc
          .tuple(fc.nat(), fc.nat())
          .map(([pick, salt]) => ({ how: 'value', message: tamper(genuine, pick, salt) as unknown })),
        bitFlips(wire(genuine)).map((bytes) => ({ how: 'bits', message: bytes as unknown })),
        fc.nat(63).map((i) => {
          // The same signature bytes in another base64 spelling, or one signature byte changed.
          const raw = Buffer.from(genuine.sig, 'base64');
          raw[i] = raw[i]! ^ 0x01;
          return { how: 'signature', message: { ...genuine, sig: raw.toString('base64') } as unknown };
        }),
        fc.constant({
          how: 'respelt',
          message: {
            ...genuine,
            sig: genuine.sig.replace(/.==$/, (c) => `${String.fromCharCode(c.charCodeAt(0) + 1)}==`),
          } as unknown,
        }),
      );
    });
    results.push(
      fuzz(
        'forgery: tampered messages',
        tampering,
        ({ how, message }) => {
          expectRejected(t, p.b.receive(message), ['bad-signature', 'malformed', 'unknown-sender'], how);
          if (storedState(p.b, p.storeB) !== before) throw new Error(`${how}: B's store changed`);
        },
        1200,
      ),
    );
    expect(t.accepted).toBe(0);
    expect(p.b.take()).toEqual([]);
    expect(t.tried).toBe(total(results));
    reportFigure({
      subject: 'exchange receiver',
      tried: 'tampered messages',
      count: t.tried,
      failure: 'accepted',
      failures: t.accepted,
      detail: `${reasonsText(t)}; ${fuzzDetail(results)}`,
    });
  });
});

describe('replayed messages', () => {
  const t = tally();
  const results: FuzzResult[] = [];
  const maxAgeMs = DEFAULT_TIMING.maxAgeS * 1000;

  it('a stored message again, late, elsewhere, or with its id or number reused is never accepted twice', () => {
    const replay = fc.record({
      e: envelopeAB,
      how: fc.constantFrom('again', 'late', 'elsewhere', 'same-id', 'same-seq', 'from-future'),
      laterS: fc.integer({ min: 0, max: 4 * DEFAULT_TIMING.maxAgeS }),
      beyondMs: fc.integer({ min: 1, max: 10 * maxAgeMs }),
      salt: fc.nat(),
    });
    results.push(
      fuzz(
        'forgery: replayed messages',
        replay,
        ({ e, how, laterS, beyondMs, salt }) => {
          const p = pair();
          const ordered = e.seq !== null;
          // The first copy, with the next sequence number so it is released to the centre.
          const original = signEnvelope({ ...e, seq: ordered ? 1 : null }, p.keyA);
          expect(p.b.receive(wire(original)).status).toBe('accepted');
          const delivered = p.b.take();
          expect(delivered).toHaveLength(ordered ? 1 : 0);
          p.b.confirmTaken(delivered);
          const inbox = () => JSON.stringify({ inbox: p.storeB.inbox(), orders: p.storeB.orders() });
          const before = inbox();
          if (how === 'again') {
            p.clock.advance(laterS);
            p.b.due();
            const stale = laterS > DEFAULT_TIMING.maxAgeS;
            expectRejected(t, p.b.receive(wire(original)), [stale ? 'stale' : 'duplicate'], how);
          } else if (how === 'late') {
            p.clock.advance((maxAgeMs + beyondMs) / 1000);
            p.b.due();
            expectRejected(t, p.b.receive(wire(original)), ['stale'], how);
          } else if (how === 'elsewhere') {
            // C knows A as well, but the message is signed for B.
            const c = new ExchangeNode({
              centreId: 'C',
              privateKey: STRANGERS[0]!,
              store: ExchangeStore.open(':memory:'),
              clock: () => p.clock.nowMs,
            });
            c.addPeer('A', publicKeyText(createPublicKey(p.keyA)));
            expectRejected(t, c.receive(wire(original)), ['wrong-recipient'], how);
            expect(c.take()).toEqual([]);
          } else if (how === 'same-id') {
            const other = signEnvelope(
              {
                ...original,
                body: ordered
                  ? notificationBody(`N-${salt}`)
                  : { type: 'line-check', intervalS: 60, lastSeq: salt + 1 },
              } as UnsignedEnvelope,
              p.keyA,
            );
            expectRejected(t, p.b.receive(wire(other)), ['replayed-id'], how);
          } else if (how === 'same-seq' && ordered) {
            const other = signEnvelope({ ...original, id: `${original.id}-${salt}` }, p.keyA);
            expectRejected(t, p.b.receive(wire(other)), ['replayed-sequence'], how);
          } else if (how === 'same-seq') {
            // A control message has no sequence number: reuse its id with another lastSeq instead.
            const other = signEnvelope(
              {
                ...original,
                body: { type: 'line-check', intervalS: 60, lastSeq: salt + 1 },
              } as UnsignedEnvelope,
              p.keyA,
            );
            expectRejected(t, p.b.receive(wire(other)), ['replayed-id'], how);
          } else {
            const ahead = new Date(p.clock.nowMs + DEFAULT_TIMING.maxFutureS * 1000 + beyondMs).toISOString();
            const future = signEnvelope(
              { ...original, id: `${original.id}-f`, seq: ordered ? 2 : null, issuedAt: ahead },
              p.keyA,
            );
            expectRejected(t, p.b.receive(wire(future)), ['from-future'], how);
          }
          if (inbox() !== before) throw new Error(`${how}: B's inbox changed`);
          if (p.b.take().length > 0) throw new Error(`${how}: delivered again`);
        },
        400,
      ),
    );
    expect(t.accepted).toBe(0);
    expect(t.tried).toBe(total(results));
    reportFigure({
      subject: 'exchange receiver',
      tried: 'replayed messages',
      count: t.tried,
      failure: 'accepted',
      failures: t.accepted,
      detail: `${reasonsText(t)}; ${fuzzDetail(results)}`,
    });
  });
});

describe('answers from a partner', () => {
  it('a receipt answered over HTTP acknowledges a message only when its ack is B’s genuine one', async () => {
    const t = tally();
    let genuineTaken = 0;
    /** The fuzzed answer, made from B's genuine receipt for the transmission (its ack issued now). */
    type Recipe = (genuine: Record<string, unknown>) => unknown;
    const recipe: fc.Arbitrary<Recipe> = fc.oneof(
      fc.jsonValue({ maxDepth: 4 }).map(
        (v): Recipe =>
          () =>
            v,
      ),
      fc.array(structuralMutation, { minLength: 1, maxLength: 3 }).map(
        (ms): Recipe =>
          (g) =>
            ms.reduce((d: unknown, m) => mutateData(d, m), g),
      ),
      fc.nat(STRANGERS.length - 1).map(
        (k): Recipe =>
          (g) => ({ ...g, ack: signEnvelope(g['ack'] as UnsignedEnvelope, STRANGERS[k]!) }),
      ),
      fc.tuple(fc.nat(), fc.nat()).map(
        ([pick, salt]): Recipe =>
          (g) => ({ ...g, ack: tamper(g['ack'] as Envelope, pick, salt) }),
      ),
    );
    const result = await fuzzAsync(
      'forgery: answers with forged acknowledgements',
      recipe,
      async (make) => {
        const p = pair();
        const { id } = p.a.send('B', notificationBody('N-answered'));
        let genuineAck = false;
        let isReceipt = false;
        let shown: unknown = null;
        await pumpOnce(p.a, {
          deliver: async (_peer, out) => {
            // The round's line check goes its own way; the notification gets the fuzzed answer.
            if (out.messageId !== id) return { kind: 'sent' };
            const r = p.b.receive(out.bytes);
            const receipt = { status: r.status, reason: r.reason, detail: r.detail, ack: r.ack };
            const answer = make(structuredClone(receipt));
            // The receipt's other fields are not signed and need not be: only its ack counts.
            const ack =
              typeof answer === 'object' && answer !== null ? Reflect.get(answer, 'ack') : undefined;
            genuineAck = isDeepStrictEqual(ack, receipt.ack);
            isReceipt = receiptAnswerSchema.safeParse(answer).success;
            shown = answer;
            return { kind: 'answered', answer };
          },
        });
        if (genuineAck) {
          // B's own acknowledgement in a well-formed receipt, whatever else it says: taken (in a
          // broken one the sender may leave it, and retries).
          if (isReceipt && !p.a.acknowledged(id))
            throw new Error(`a genuine acknowledgement was not taken: ${preview(shown)}`);
          if (isReceipt) genuineTaken++;
          return;
        }
        t.tried++;
        if (p.a.acknowledged(id)) {
          t.accepted++;
          throw new Error('acknowledged by a forged or tampered answer');
        }
        if (p.a.status().outbox.pending !== 1) throw new Error('the message left the outbox');
      },
      400,
    );
    expect(t.accepted).toBe(0);
    expect(genuineTaken).toBeGreaterThan(0);
    reportFigure({
      subject: 'exchange sender',
      tried: 'answers with forged or tampered acknowledgements',
      count: t.tried,
      failure: 'accepted',
      failures: t.accepted,
      detail: `${genuineTaken} answers carrying B's own acknowledgement taken; ${fuzzDetail([result])}`,
    });
  });
});
