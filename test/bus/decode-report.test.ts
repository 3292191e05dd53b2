// decodeReportMessage: every report the simulator emits decodes back to itself, and
// anything else is an InputError naming the field and what was expected — never
// another kind of failure, whatever the bytes (the consumer must not crash).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeReportMessage, MAX_REPORT_BYTES } from '../../src/bus/decode-report.ts';
import { jsonBytes } from '../../src/bus/message-bus.ts';
import { sensorReportJsonSchema } from '../../src/bus/report-schema.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import type { SensorReport } from '../../src/sensors/report.ts';
import { irReport, radarReport } from '../store/fixtures.ts';

function problems(value: unknown, subject?: string) {
  try {
    decodeReportMessage(value instanceof Uint8Array ? value : jsonBytes(value), subject);
  } catch (err) {
    expect(err).toBeInstanceOf(InputError);
    return (err as InputError).problems.map((p) => ({ path: p.path, message: p.message }));
  }
  throw new Error('expected the message to be rejected');
}

describe('decodeReportMessage', () => {
  it('an IR report and a radar report (with and without range rate) decode to themselves', () => {
    const withRate = { ...radarReport('beale:1#2', 3), rangeRateMps: -4500.5, sigmaRangeRateMps: 5 };
    for (const r of [irReport('sbirs-geo-1#1', 1.5), radarReport('beale:1#1', 2), withRate] as SensorReport[])
      expect(decodeReportMessage(jsonBytes(r), `vigil.reports.${r.sensorId}`)).toEqual(r);
  });

  it('a missing field, a wrong type and an unknown field are each named with what was expected', () => {
    const { timeS: _, ...noTime } = irReport('a#1', 1);
    expect(problems(noTime)).toEqual([{ path: ['timeS'], message: "missing required key 'timeS'" }]);
    expect(problems({ ...irReport('a#1', 1), count: 1.5 })).toEqual([
      { path: ['count'], message: 'expected a whole number, got 1.5' },
    ]);
    const [unknown] = problems({ ...radarReport('b#1', 1), rangeKm: 2500 });
    expect(unknown!.path).toEqual(['rangeKm']);
    expect(unknown!.message).toMatch(/unknown key 'rangeKm'.*rangeM/);
  });

  it('an unknown kind names the kinds there are', () => {
    const [p] = problems({ ...irReport('a#1', 1), kind: 'optical' });
    expect(p!.path).toEqual(['kind']);
    expect(p!.message).toMatch(/ir, radar/);
  });

  it('unit mistakes are caught: kilometres for metres, degrees for radians, a line of sight that is not a unit vector', () => {
    expect(problems({ ...irReport('a#1', 1), observerEci: [42_164, 0, 0] })[0]!.message).toMatch(
      /in metres.*42164/,
    );
    expect(problems({ ...radarReport('b#1', 1), elRad: 30 })[0]!.path).toEqual(['elRad']);
    expect(problems({ ...irReport('a#1', 1), losEci: [1, 1, 0] })[0]).toEqual({
      path: ['losEci'],
      message: 'expected a unit vector (length 1 ± 0.000001); got length 1.4142136',
    });
  });

  it('non-finite numbers are refused (JSON cannot carry them; a null in their place is named)', () => {
    expect(problems({ ...irReport('a#1', 1), intensity: null })).toEqual([
      { path: ['intensity'], message: 'expected a number, got an empty value' },
    ]);
  });

  it('a range rate without its noise, or the reverse, is refused at sigmaRangeRateMps', () => {
    expect(problems({ ...radarReport('b#1', 1), rangeRateMps: 10 })[0]!.path).toEqual(['sigmaRangeRateMps']);
  });

  it('a report on the subject of another sensor is refused at sensorId', () => {
    expect(problems(irReport('a#1', 1), 'vigil.reports.beale:1')).toEqual([
      { path: ['sensorId'], message: "expected 'beale:1', the sensor the subject names; got 'sbirs-geo-1'" },
    ]);
  });

  it('bytes that are not UTF-8, not JSON, or too large are refused with the reason', () => {
    expect(problems(new Uint8Array([0xff, 0xfe, 0x7b]))[0]!.message).toMatch(/not UTF-8/);
    expect(problems(new TextEncoder().encode('{"kind":'))[0]!.message).toMatch(/not valid JSON/);
    expect(problems(new Uint8Array(MAX_REPORT_BYTES + 1))[0]!.message).toMatch(/too large/);
  });

  it('whatever JSON arrives, the result is a report or an InputError, nothing else', () => {
    const base = irReport('a#1', 1) as unknown as Record<string, unknown>;
    const mutated = fc.record({ key: fc.constantFrom(...Object.keys(base)), value: fc.jsonValue() });
    fc.assert(
      fc.property(
        fc.oneof(
          fc.jsonValue(),
          mutated.map(({ key, value }) => ({ ...base, [key]: value })),
        ),
        (value) => {
          try {
            decodeReportMessage(jsonBytes(value));
          } catch (err) {
            return err instanceof InputError && err.problems.length > 0;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the JSON Schema for feed providers lists both kinds with their required fields', () => {
    const schema = sensorReportJsonSchema() as {
      oneOf?: Array<{ required: string[] }>;
      anyOf?: Array<{ required: string[] }>;
    };
    const kinds = (schema.oneOf ?? schema.anyOf)!;
    expect(kinds.map((k) => k.required.includes('losEci'))).toEqual([true, false]);
    expect(kinds[1]!.required).toContain('rangeM');
  });
});
