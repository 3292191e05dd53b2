// Messages for zod issues the schema does not word itself: what was expected, what
// was found, and for a misspelt key or value the nearest valid one. Used as the
// per-parse error map (`safeParse(data, { error })`), so a schema's own wording wins.
import type { z } from 'zod';
import { describeValue, quote, typeName } from './describe-value.ts';
import { nearest } from './suggest.ts';

type RawIssue = z.core.$ZodRawIssue;

/** Fallback for a union no branch of which fits; the loader words these itself. */
export const NO_FORM_MATCHES = 'does not match any allowed form';

export function scenarioErrorMap(iss: RawIssue): string {
  if (iss.input === undefined && (iss.code === 'invalid_type' || iss.code === 'invalid_value'))
    return missingKeyMessage(iss.path);
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${typeName(iss.expected)}, got ${describeValue(iss.input)}`;
    case 'too_small':
      return sizeMessage('at least', iss.minimum, iss.inclusive, iss.origin, iss.input, 'greater than');
    case 'too_big':
      return sizeMessage('at most', iss.maximum, iss.inclusive, iss.origin, iss.input, 'less than');
    case 'invalid_value':
      return valueMessage(iss.input, iss.values);
    case 'unrecognized_keys':
      // One line per key, in the order of `keys`; the loader splits them so that
      // each unknown key is reported at its own position.
      return iss.keys.map((key) => unknownKeyMessage(key, knownKeys(iss.inst))).join('\n');
    case 'invalid_union':
      return discriminatorMessage(iss) ?? NO_FORM_MATCHES;
    case 'invalid_format':
      return `${describeValue(iss.input)} is not in the expected format`;
    default:
      return `invalid value ${describeValue(iss.input)}`;
  }
}

export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = nearest(key, known);
  return guess !== undefined
    ? `unknown key ${quote(key)} — did you mean '${guess}'?`
    : `unknown key ${quote(key)} (expected one of: ${known.join(', ')})`;
}

export function missingKeyMessage(path: readonly PropertyKey[] | undefined): string {
  const key = path?.[path.length - 1];
  return typeof key === 'string' ? `missing required key '${key}'` : 'missing value';
}

function sizeMessage(
  bound: string,
  limit: number | bigint,
  inclusive: boolean | undefined,
  origin: string,
  input: unknown,
  strict: string,
): string {
  if (origin === 'array' || origin === 'set')
    return `expected ${bound} ${limit} item${limit === 1 ? '' : 's'}, got ${describeValue(input)}`;
  if (origin === 'string')
    return Number(limit) === 1 && bound === 'at least'
      ? 'must not be empty'
      : `expected ${bound} ${limit} characters, got ${String(input).length}`;
  return `must be ${inclusive === false ? strict : bound} ${limit}, got ${describeValue(input)}`;
}

function valueMessage(input: unknown, values: readonly unknown[]): string {
  const names = values.map(String);
  const list = names.join(', ');
  if (typeof input !== 'string') return `expected one of: ${list}; got ${describeValue(input)}`;
  const guess = nearest(input, names);
  return guess !== undefined
    ? `unknown value ${quote(input)} — did you mean '${guess}'? (one of: ${list})`
    : `unknown value ${quote(input)}: expected one of: ${list}`;
}

function discriminatorMessage(iss: RawIssue): string | undefined {
  if (iss.code !== 'invalid_union' || !('discriminator' in iss)) return undefined;
  const key = String(iss['discriminator']);
  const options = Array.isArray(iss['options']) ? iss['options'].map(String) : [];
  const list = options.join(', ');
  const input = iss.input as Record<string, unknown> | undefined;
  const value = input?.[key];
  if (value === undefined) return `missing required key '${key}' (one of: ${list})`;
  if (typeof value !== 'string') return `${key} must be one of: ${list}; got ${describeValue(value)}`;
  const guess = nearest(value, options);
  return guess !== undefined
    ? `unknown ${key} ${quote(value)} — did you mean '${guess}'? (one of: ${list})`
    : `unknown ${key} ${quote(value)}: expected one of: ${list}`;
}

/** The keys a strict object schema accepts, read from the schema that raised the issue. */
function knownKeys(inst: unknown): string[] {
  const shape = (inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def
    ?.shape;
  return shape ? Object.keys(shape) : [];
}
