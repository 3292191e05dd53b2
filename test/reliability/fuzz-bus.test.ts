// Fuzzing the report decoder a feed on the bus reaches (decode-report.ts): random
// bytes, random JSON, valid reports with bits flipped and with fields deleted,
// renamed, retyped or added, on their own subject and on another. Each message decodes
// to exactly the report sent or is an InputError giving the dead-letter reason. Then
// through the in-process bus: a consumer fed a fuzzed mix sends every rejected message
// to the dead-letter subject with its reason and goes on handling the good ones.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseVariations } from '../../src/analysis/montecarlo/variations.ts';
import type { DeadLetter } from '../../src/bus/dead-letter.ts';
import { decodeReportMessage } from '../../src/bus/decode-report.ts';
import { MemoryBus } from '../../src/bus/memory-bus.ts';
import { bytesText, jsonBytes } from '../../src/bus/message-bus.ts';
import { subjectsFor } from '../../src/bus/subjects.ts';
import { campaignIdOf, workItemBytes } from '../../src/cli/montecarlo/work-messages.ts';
import { polar } from '../server/helpers.ts';
import { irReport, radarReport } from '../store/fixtures.ts';
import {
  bitFlips,
  type FuzzResult,
  fuzz,
  fuzzAsync,
  fuzzDetail,
  mutatedData,
  NASTY_STRINGS,
  total,
} from './arbitraries.ts';
import { checkReportMessage, checkRunResult, checkWorkItem, type Verdict } from './decoder-checks.ts';
import { reportFigure } from './figures.ts';

const IR = irReport('sbirs-geo-1#7', 312.5);
const RADAR = radarReport('beale:1#4', 318);
const RADAR_RATE = { ...radarReport('beale:1#5', 319), rangeRateMps: -4500.5, sigmaRangeRateMps: 5 };
const VALID = [IR, RADAR, RADAR_RATE];
const subjectOf = (sensorId: string) => `vigil.reports.${sensorId}`;

const encoder = new TextEncoder();
const SENSORS = ['sbirs-geo-1', 'beale:1', 'other', 'site.face1'];

/** A message and the subject it arrives on. */
const message: fc.Arbitrary<{ bytes: Uint8Array; subject: string | undefined }> = fc.record({
  bytes: fc.oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.string({ unit: 'binary', maxLength: 300 }).map((s) => encoder.encode(s)),
    fc.jsonValue({ maxDepth: 4 }).map((v) => jsonBytes(v)),
    mutatedData(VALID).map((v) => jsonBytes(v)),
    fc.constantFrom(...VALID).chain((r) => bitFlips(jsonBytes(r))),
    fc
      .tuple(
        fc.constantFrom(...VALID),
        fc.constantFrom(...Object.keys(IR)),
        fc.constantFrom(...NASTY_STRINGS),
      )
      .map(([r, k, s]) => encoder.encode(JSON.stringify({ ...r, [k]: 0 }).replace(':0', `:${s}`))),
  ),
  subject: fc.option(fc.constantFrom(...SENSORS).map(subjectOf), { nil: undefined }),
});

/** Any report the schema's rules allow, built independently of it (the protocol in src/bus/README.md). */
const finite = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
const unitVector = fc
  .tuple(finite(-1, 1), finite(-1, 1), finite(-1, 1))
  .filter(([x, y, z]) => Math.hypot(x, y, z) > 1e-3)
  .map(([x, y, z]) => {
    const n = Math.hypot(x, y, z);
    return [x / n, y / n, z / n];
  });
const sensorId = fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9_:-]{0,20}$/);
const common = {
  id: fc.string({ minLength: 1, maxLength: 200 }),
  sensorId,
  timeS: finite(-1e9, 1e9),
  azRad: finite(-2 * Math.PI, 2 * Math.PI),
  count: fc.integer({ min: 0, max: 1_000_000 }),
};
const validReport = fc.oneof(
  fc.record({
    kind: fc.constant('ir'),
    ...common,
    observerEci: fc.tuple(unitVector, finite(6_356_800, 1e9)).map(([u, r]) => u.map((c) => c * r)),
    losEci: unitVector,
    elRad: finite(-2 * Math.PI, 2 * Math.PI),
    sigmaRad: finite(1e-12, 1),
    intensity: finite(0, 1e6),
  }),
  fc
    .record({
      kind: fc.constant('radar'),
      ...common,
      radarId: sensorId,
      site: fc.record({
        latRad: finite(-Math.PI / 2, Math.PI / 2),
        lonRad: finite(-2 * Math.PI, 2 * Math.PI),
        hM: finite(-500, 10_000),
      }),
      rangeM: finite(1e-3, 1e8),
      elRad: finite(-Math.PI / 2, Math.PI / 2),
      rate: fc.option(fc.tuple(finite(-1e4, 1e4), finite(1e-6, 100)), { nil: null }),
      sigmaRangeM: finite(1e-6, 1e4),
      sigmaAngleRad: finite(1e-9, 1),
      snrDb: finite(-100, 100),
    })
    .map(({ rate, ...r }) => ({
      ...r,
      rangeRateMps: rate?.[0] ?? null,
      sigmaRangeRateMps: rate?.[1] ?? null,
    })),
);

describe('bus report decoder fuzzing', () => {
  const results: FuzzResult[] = [];
  const verdicts: Record<Verdict, number> = { accepted: 0, rejected: 0 };

  it('every message decodes to the report sent or is an InputError with the reason', () => {
    for (const r of VALID) expect(checkReportMessage(jsonBytes(r), subjectOf(r.sensorId))).toBe('accepted');
    results.push(
      fuzz(
        'bus: report messages',
        message,
        ({ bytes, subject }) => {
          verdicts[checkReportMessage(bytes, subject)]++;
        },
        2500,
      ),
    );
    expect(verdicts.accepted).toBeGreaterThan(0);
  });

  it('every report the protocol allows is accepted on its own subject, as sent', () => {
    results.push(
      fuzz(
        'bus: valid reports',
        validReport,
        (r) => {
          const verdict = checkReportMessage(jsonBytes(r), subjectOf(r.sensorId));
          if (verdict !== 'accepted') throw new Error(`a valid report was refused: ${JSON.stringify(r)}`);
          verdicts.accepted++;
        },
        500,
      ),
    );
  });

  it('through the bus: every rejected message is dead-lettered with its reason, every good one handled, in order', async () => {
    let dead = 0;
    let handledTotal = 0;
    let published = 0;
    const result = await fuzzAsync(
      'bus: consumer with a fuzzed mix',
      fc.array(
        fc.oneof(
          message.map((m) => ({ ...m, subject: m.subject ?? subjectOf('sbirs-geo-1') })),
          fc.constantFrom(...VALID).map((r) => ({ bytes: jsonBytes(r), subject: subjectOf(r.sensorId) })),
        ),
        { minLength: 1, maxLength: 25 },
      ),
      async (batch) => {
        const bus = new MemoryBus();
        try {
          const handled: string[] = [];
          const letters: DeadLetter[] = [];
          const deadSub = await bus.consume(bus.subjects.deadLetter, 'dead-reader', async (m) => {
            letters.push(JSON.parse(bytesText(m.data)) as DeadLetter);
          });
          const sub = await bus.consume(bus.subjects.allReports, 'centre', async (m) => {
            handled.push(m.msgId);
            decodeReportMessage(m.data, m.subject);
            handled[handled.length - 1] = `${m.msgId}:ok`;
          });
          const expectGood: string[] = [];
          const expectDead = new Map<string, string>();
          for (const [i, { bytes, subject }] of batch.entries()) {
            const msgId = `m${i}`;
            await bus.publish(subject, bytes, { msgId });
            try {
              decodeReportMessage(bytes, subject);
              expectGood.push(`${msgId}:ok`);
            } catch (err) {
              expectDead.set(msgId, (err as Error).message);
            }
          }
          const deadline = Date.now() + 5_000;
          while (handled.length < batch.length || letters.length < expectDead.size) {
            if (Date.now() > deadline)
              throw new Error(`consumer stalled: ${handled.length} handled, ${letters.length} dead letters`);
            await new Promise((r) => setTimeout(r, 2));
          }
          await sub.close();
          await deadSub.close();
          expect(handled.filter((h) => h.endsWith(':ok'))).toEqual(expectGood);
          expect(letters.map((l) => l.msgId).sort()).toEqual([...expectDead.keys()].sort());
          for (const l of letters) {
            expect(l.reason).toBe(expectDead.get(l.msgId));
            expect(l.problems.length).toBeGreaterThan(0);
            expect(l.consumer).toBe('centre');
            expect(l.deliveries).toBe(1);
          }
          published += batch.length;
          dead += letters.length;
          handledTotal += expectGood.length;
        } finally {
          await bus.close();
        }
      },
      60,
    );
    results.push(result);
    // The two properties before this one passed too (a failed one leaves no result).
    expect(results).toHaveLength(3);
    expect(dead).toBeGreaterThan(0);
    expect(handledTotal).toBeGreaterThan(0);
    reportFigure({
      subject: 'bus report decoder',
      tried: 'fuzzed messages',
      count: total(results.slice(0, 2)) + published,
      failure: 'crashes, hangs or wrong results',
      failures: 0,
      detail: `${verdicts.accepted} accepted, ${verdicts.rejected} rejected alone; ${published} through the bus in ${result.count} batches: ${dead} dead-lettered, ${handledTotal} handled; ${fuzzDetail(results)}`,
    });
  });
});

describe('Monte Carlo work item and result fuzzing', () => {
  const subjects = subjectsFor();
  const spec = {
    scenarioText: polar(1),
    sourceName: 'polar.yaml',
    baseSeed: 7,
    runs: 4,
    variations: parseVariations(['noise=0.5..2,pd=0.9', 'launch-time=120']),
  };
  const campaignId = campaignIdOf(spec);
  const ITEMS = [0, 3].map((run) =>
    JSON.parse(bytesText(workItemBytes(spec, campaignId, 'coord-1', run, subjects))),
  );
  const RESULTS = [0, 3].map((run) => ({
    format: 'vigil-montecarlo-result/1',
    campaignId,
    run,
    worker: 'host:1',
    record: {
      run,
      seed: 1,
      durationS: 60,
      variation: {},
      launches: [],
      falseAlerts: [],
      gospa: null,
      reports: { total: 0, falseAlarms: 0 },
    },
  }));
  const bytesOf = (docs: unknown[]) =>
    fc.oneof(
      fc.uint8Array({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => jsonBytes(v)),
      mutatedData(docs).map((v) => jsonBytes(v)),
      fc.constantFrom(...docs).chain((d) => bitFlips(jsonBytes(d))),
    );

  it('a work item is the item and its campaign or an InputError; a result is one of the campaign’s runs or ignored', () => {
    for (const item of ITEMS)
      expect(checkWorkItem(jsonBytes(item), subjects.monteCarloWork)).toBe('accepted');
    for (const r of RESULTS) expect(checkRunResult(jsonBytes(r), campaignId, spec.runs)).toBe('accepted');
    const work = fuzz(
      'bus: Monte Carlo work items',
      bytesOf(ITEMS),
      (b) => void checkWorkItem(b, subjects.monteCarloWork),
      600,
    );
    const results = fuzz(
      'bus: Monte Carlo results',
      bytesOf(RESULTS),
      (b) => void checkRunResult(b, campaignId, spec.runs),
      600,
    );
    reportFigure({
      subject: 'bus Monte Carlo messages',
      tried: 'fuzzed work items and results',
      count: work.count + results.count,
      failure: 'crashes, hangs or wrong results',
      failures: 0,
      detail: fuzzDetail([work, results]),
    });
  });
});
