// What every decoder must do with any input (issue 9), as checks the fuzz properties
// and the saved regression cases share: give a correct result or a clear rejection —
// an InputError whose problems are each one located line — and never throw anything
// else. A check throws (failing the property) when the decoder breaks the rule.
import { isDeepStrictEqual } from 'node:util';
import type { LightMyRequestResponse } from 'fastify';
import { decodeReportMessage } from '../../src/bus/decode-report.ts';
import { campaignIdOf, decodeResult, decodeWorkItem } from '../../src/cli/montecarlo/work-messages.ts';
import { decodeEnvelope } from '../../src/exchange/envelope.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import type { SensorReport } from '../../src/sensors/report.ts';
import { ERROR_CODES } from '../../src/server/http/api-error.ts';
import { checkScenarioText } from '../../src/server/runs/scenario-check.ts';
import { errorBodySchema } from '../../src/server/schemas/common.ts';
import { preview } from './arbitraries.ts';

export type Verdict = 'accepted' | 'rejected';

/** Line breaks, line separators and control characters: none belongs in a one-line message. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/** Throws unless `err` is an InputError with at least one well-formed problem from `source`. */
export function expectClearRejection(err: unknown, input: string, source?: string): InputError {
  if (!(err instanceof InputError)) {
    const what = err instanceof Error ? (err.stack ?? err.message) : String(err);
    throw new Error(`not an InputError but ${what}\n--- input ---\n${input}`);
  }
  const fail = (why: string) => {
    throw new Error(`badly formed rejection: ${why}\n${err.message.slice(0, 1000)}\n--- input ---\n${input}`);
  };
  if (err.problems.length === 0) fail('no problems listed');
  for (const p of err.problems) {
    if (typeof p.message !== 'string' || p.message.trim() === '') fail('an empty message');
    if (CONTROL.test(p.message))
      fail(`a line break or control character in the message: ${JSON.stringify(p.message)}`);
    if (source !== undefined && p.source !== source)
      fail(`source ${JSON.stringify(p.source)}, not '${source}'`);
    if (!Array.isArray(p.path)) fail('a path that is not a list');
    for (const k of p.path)
      if (typeof k !== 'string' && !(typeof k === 'number' && Number.isInteger(k) && k >= 0))
        fail(`a path segment ${String(k)}`);
    for (const [name, n] of [
      ['line', p.line],
      ['column', p.column],
    ] as const)
      if (n !== undefined && !(Number.isInteger(n) && n >= 1)) fail(`${name} ${String(n)}`);
  }
  return err;
}

/** Runs `decode`, returning 'accepted' or 'rejected'; throws if it failed in any other way. */
export function verdictOf(decode: () => unknown, input: string, source?: string): Verdict {
  try {
    decode();
    return 'accepted';
  } catch (err) {
    expectClearRejection(err, input, source);
    return 'rejected';
  }
}

/** Throws if any number reachable in `value` is not finite (NaN or ±Infinity leaked through a decoder). */
export function expectFiniteNumbers(value: unknown, what: string, path = ''): void {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${what}: ${path || 'the value'} is ${value}`);
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) expectFiniteNumbers(v, what, `${path}[${i}]`);
  } else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) expectFiniteNumbers(v, what, path ? `${path}.${k}` : k);
}

/** Throws if Object.prototype gained a property (a decoder assigned through `__proto__`). */
export function expectCleanPrototype(): void {
  const keys = Object.keys(Object.prototype);
  if (keys.length > 0) throw new Error(`Object.prototype polluted with ${keys.join(', ')}`);
}

// --- scenario files ---

/**
 * A scenario text as `vigil validate` and the API take it (load, every launch flyable,
 * the network resolvable): a scenario with finite numbers, or an InputError whose
 * problems inside the document each carry a line.
 */
export function checkScenarioInput(text: string, sourceName: string): Verdict {
  let scenario: unknown = null;
  const warnings: string[] = [];
  const emitWarning = process.emitWarning;
  // A warning on the process's stderr is output a stranger chose, outside the located problems.
  process.emitWarning = ((warning: string | Error) => {
    warnings.push(String(warning));
  }) as typeof process.emitWarning;
  try {
    scenario = checkScenarioText(text, sourceName).scenario;
  } catch (err) {
    const error = expectClearRejection(err, preview(text), sourceName);
    for (const p of error.problems)
      if (p.path.length > 0 && p.line === undefined)
        throw new Error(
          `problem at ${p.path.join('.')} without a line: ${p.message}\n--- input ---\n${preview(text)}`,
        );
  } finally {
    process.emitWarning = emitWarning;
  }
  if (warnings.length > 0)
    throw new Error(`process warning: ${warnings[0]}\n--- input ---\n${preview(text)}`);
  expectCleanPrototype();
  if (scenario === null) return 'rejected';
  expectFiniteNumbers(scenario, `scenario accepted from ${preview(text)}`);
  return 'accepted';
}

// --- bus report messages ---

/**
 * A message on a report subject: accepted only as exactly the JSON object sent (the
 * schema adds nothing and drops nothing), of a known kind, from the sensor its subject
 * names — else an InputError from that subject for the dead-letter reason.
 */
export function checkReportMessage(bytes: Uint8Array, subject?: string): Verdict {
  let report: SensorReport | null = null;
  const input = preview(bytes);
  try {
    report = decodeReportMessage(bytes, subject);
  } catch (err) {
    expectClearRejection(err, input, subject ?? 'report message');
    return 'rejected';
  }
  const sent = JSON.parse(new TextDecoder().decode(bytes)) as unknown;
  if (!isDeepStrictEqual(report, sent))
    throw new Error(`decoded report differs from the message sent: ${input}`);
  if (report.kind !== 'ir' && report.kind !== 'radar') throw new Error(`unknown kind accepted: ${input}`);
  if (subject !== undefined && !subject.endsWith(`.reports.${report.sensorId}`))
    throw new Error(`report of ${report.sensorId} accepted on ${subject}: ${input}`);
  return 'accepted';
}

// --- exchange envelopes ---

/**
 * An exchange message as received (bytes, text or a parsed body): accepted only as
 * exactly the JSON sent, with one of the four body types — else an InputError from
 * `exchange message`. (Whether its signature holds is the node's check, not the decoder's.)
 */
export function checkEnvelopeInput(input: unknown): Verdict {
  const shown = preview(input);
  let decoded: ReturnType<typeof decodeEnvelope>;
  try {
    decoded = decodeEnvelope(input);
  } catch (err) {
    expectClearRejection(err, shown, 'exchange message');
    return 'rejected';
  }
  const sent =
    typeof input === 'string'
      ? JSON.parse(input)
      : input instanceof Uint8Array
        ? JSON.parse(Buffer.from(input).toString('utf8'))
        : input;
  if (!isDeepStrictEqual(decoded.raw, sent))
    throw new Error(`decoded envelope differs from the one sent: ${shown}`);
  if (!['notification', 'launch-report', 'ack', 'line-check'].includes(decoded.body.type))
    throw new Error(`unknown body type accepted: ${shown}`);
  return 'accepted';
}

// --- API answers ---

/** Throws unless `res` is a 4xx with the standard error body ({error, message, problems?}) and one-line problems. */
export function expectStandardError(res: LightMyRequestResponse, what: string): void {
  if (res.statusCode < 400 || res.statusCode >= 500)
    throw new Error(`${what}: answered ${res.statusCode}, not a 4xx`);
  let body: unknown;
  try {
    body = res.json();
  } catch {
    throw new Error(
      `${what}: ${res.statusCode} answered with a body that is not JSON: ${res.body.slice(0, 300)}`,
    );
  }
  const parsed = errorBodySchema.safeParse(body);
  if (!parsed.success) throw new Error(`${what}: not the standard error body: ${res.body.slice(0, 300)}`);
  const code = ERROR_CODES[res.statusCode as keyof typeof ERROR_CODES];
  if (parsed.data.error !== code)
    throw new Error(`${what}: error '${parsed.data.error}' for ${res.statusCode}`);
  for (const p of parsed.data.problems ?? [])
    if (CONTROL.test(p.message) || p.message.trim() === '')
      throw new Error(`${what}: a problem that is not one clear line: ${JSON.stringify(p)}`);
}

// --- Monte Carlo work items and results on the bus ---

/** A work item: the item and its campaign, consistent with each other, or an InputError for the dead-letter reason. */
export function checkWorkItem(bytes: Uint8Array, subject: string): Verdict {
  try {
    const { item, spec } = decodeWorkItem(bytes, subject);
    if (!(Number.isInteger(item.run) && item.run >= 0 && item.run < spec.runs))
      throw new Error(`run ${item.run} of ${spec.runs} accepted: ${preview(bytes)}`);
    if (campaignIdOf(spec) !== item.campaignId)
      throw new Error(`a campaign not matching its id: ${preview(bytes)}`);
    return 'accepted';
  } catch (err) {
    if (err instanceof InputError) {
      expectClearRejection(err, preview(bytes), subject);
      return 'rejected';
    }
    throw err;
  }
}

/** A result on a campaign's subject: one of its runs, or null (ignored); never a throw. */
export function checkRunResult(bytes: Uint8Array, campaignId: string, runs: number): Verdict {
  const r = decodeResult(bytes, campaignId, runs);
  if (r === null) return 'rejected';
  if (
    r.campaignId !== campaignId ||
    !Number.isInteger(r.run) ||
    r.run < 0 ||
    r.run >= runs ||
    r.record.run !== r.run
  )
    throw new Error(`a result not of this campaign accepted: ${preview(bytes)}`);
  return 'accepted';
}
