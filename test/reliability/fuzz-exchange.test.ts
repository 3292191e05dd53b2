// Fuzzing what a partner centre (or anyone who can reach POST /exchange/inbox or the
// exchange subject) sends: random bytes, text and JSON, and valid signed envelopes of
// every body type with bits flipped, text spliced, and fields deleted, renamed,
// retyped or added at any depth. The decoder gives the envelope exactly as sent or an
// InputError; the receiving node never throws, accepts none of them (the originals
// are already stored, so even an unchanged copy is a duplicate), gives each rejection a
// reason, and its store is left exactly as it was.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Envelope } from '../../src/exchange/envelope.ts';
import { REJECT_REASONS } from '../../src/exchange/exchange-node.ts';
import { notificationBody } from '../exchange/helpers.ts';
import {
  bitFlips,
  type FuzzResult,
  fuzz,
  fuzzDetail,
  mutatedData,
  mutatedText,
  total,
} from './arbitraries.ts';
import { checkEnvelopeInput, type Verdict } from './decoder-checks.ts';
import { pair, signed, storedState, T0, wire } from './exchange-arbitraries.ts';
import { reportFigure } from './figures.ts';

const p = pair();
const issuedAt = new Date(T0).toISOString();
const ORIGINALS: Envelope[] = [
  { v: 1, id: 'A-n1', from: 'A', to: 'B', seq: 1, issuedAt, body: notificationBody('N-1') as never },
  {
    v: 1,
    id: 'A-r1',
    from: 'A',
    to: 'B',
    seq: 2,
    issuedAt,
    body: {
      type: 'launch-report',
      reportId: 'R1',
      revision: 1,
      status: 'observed',
      vehicleClass: 'ICBM',
      launchTime: '2026-05-01T11:58:00Z',
      launchArea: { center: [62.5, 40.5], radiusKm: 50 },
      azimuthDeg: 15,
      impactArea: { center: [56, 160], radiusKm: 100 },
      minRangeKm: 500,
    },
  },
  {
    v: 1,
    id: 'A-a1',
    from: 'A',
    to: 'B',
    seq: null,
    issuedAt,
    body: { type: 'ack', ackId: 'B-9', ackSeq: 3 },
  },
  {
    v: 1,
    id: 'A-l1',
    from: 'A',
    to: 'B',
    seq: null,
    issuedAt,
    body: { type: 'line-check', intervalS: 60, lastSeq: 2 },
  },
].map((e) => signed(e as Parameters<typeof signed>[0], p.keyA));
const BYTES = ORIGINALS.map(wire);
const TEXTS = BYTES.map((b) => Buffer.from(b).toString('utf8'));
const DOCUMENTS = TEXTS.map((t) => JSON.parse(t) as unknown);

const input: fc.Arbitrary<unknown> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }),
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(...BYTES).chain(bitFlips),
  mutatedText(TEXTS),
  mutatedData(DOCUMENTS),
  mutatedData(DOCUMENTS).map((d) => JSON.stringify(d)),
);

describe('exchange message fuzzing', () => {
  it('the originals are accepted once, each', () => {
    for (const b of BYTES) expect(p.b.receive(b)).toMatchObject({ status: 'accepted' });
    const delivered = p.b.take();
    expect(delivered).toHaveLength(2);
    p.b.confirmTaken(delivered);
  });

  it('the decoder gives the envelope sent or an InputError; the node accepts none, says why, and changes nothing', () => {
    const before = storedState(p.b, p.storeB);
    const verdicts: Record<Verdict, number> = { accepted: 0, rejected: 0 };
    const reasons: Record<string, number> = {};
    const results: FuzzResult[] = [];
    results.push(
      fuzz(
        'exchange: received messages',
        input,
        (message) => {
          verdicts[checkEnvelopeInput(message)]++;
          const receipt = p.b.receive(message);
          if (receipt.status !== 'rejected') throw new Error(`accepted: ${JSON.stringify(receipt)}`);
          if (!REJECT_REASONS.includes(receipt.reason!))
            throw new Error(`no reason: ${JSON.stringify(receipt)}`);
          if (receipt.detail.trim() === '') throw new Error(`no detail: ${JSON.stringify(receipt)}`);
          if (receipt.reason === 'malformed' && receipt.problems.length === 0)
            throw new Error(`malformed without problems: ${JSON.stringify(receipt)}`);
          reasons[receipt.reason!] = (reasons[receipt.reason!] ?? 0) + 1;
          if (p.b.take().length > 0) throw new Error('a message was delivered');
          if (storedState(p.b, p.storeB) !== before) throw new Error('the store changed');
        },
        2500,
      ),
    );
    expect(verdicts.rejected).toBeGreaterThan(0);
    const counted = Object.values(p.b.status().rejections).reduce((n, k) => n + k, 0);
    expect(counted).toBe(total(results));
    reportFigure({
      subject: 'exchange envelope decoder',
      tried: 'fuzzed inputs',
      count: total(results),
      failure: 'crashes, hangs or wrong results',
      failures: 0,
      detail: `${verdicts.accepted} decoded, ${verdicts.rejected} refused; ${fuzzDetail(results)}`,
    });
    reportFigure({
      subject: 'exchange receiver',
      tried: 'fuzzed messages',
      count: total(results),
      failure: 'accepted or changed the store',
      failures: 0,
      detail: Object.entries(reasons)
        .sort()
        .map(([r, n]) => `${r} ${n}`)
        .join(', '),
    });
  });
});
