// Field schemas shared by every part of the scenario format: positions, angles,
// durations, instants and ids. Units are in the names (DESIGN.md §3): degrees and
// kilometres in the file; the loader converts to SI.
import { z } from 'zod';
import { describeValue } from './describe-value.ts';
import { checkDuration, DURATION_PATTERN } from './duration.ts';
import { checkUtcInstant, UTC_INSTANT_EXAMPLE } from './utc-instant.ts';

type RawIssue = z.core.$ZodRawIssue;

/** A number within [lo, hi] (or (lo, hi] when `openLow`), with a message naming the quantity. */
export function numberIn(what: string, lo: number, hi: number, openLow = false) {
  const range = `${openLow ? 'greater than' : 'between'} ${lo}${openLow ? ` and at most` : ' and'} ${hi}`;
  const error = (iss: RawIssue) =>
    iss.code === 'too_small' || iss.code === 'too_big'
      ? `${what} must be ${range}, got ${describeValue(iss.input)}`
      : undefined;
  return (openLow ? z.number().gt(lo, { error }) : z.number().min(lo, { error })).max(hi, { error });
}

export const latDeg = numberIn('latitude', -90, 90).meta({
  description: 'Latitude, degrees north (WGS-84).',
});
export const lonDeg = numberIn('longitude', -180, 180).meta({ description: 'Longitude, degrees east.' });

/** `[latDeg, lonDeg]`. */
export const point = z
  .tuple([latDeg, lonDeg], {
    error: (iss) =>
      iss.code === 'too_big' || iss.code === 'too_small' || iss.code === 'invalid_type'
        ? `expected a point [latDeg, lonDeg], got ${describeValue(iss.input)}`
        : undefined,
  })
  .meta({ description: '[latDeg, lonDeg]: geodetic latitude and longitude in degrees.' });

/** A polygon as a list of at least 3 `[latDeg, lonDeg]` vertices (closing vertex optional). */
export const polygon = z
  .array(point)
  .min(3, { error: (iss) => `a polygon needs at least 3 vertices, got ${describeValue(iss.input)}` })
  .max(10_000)
  .meta({ description: 'Vertices [[latDeg, lonDeg], …], at least 3; the ring closes itself.' });

/** A circle on the ground. */
export const circle = z.strictObject({
  center: point,
  radiusKm: numberIn('radiusKm', 0, 20_000, true),
});

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

/** Ids name events, sensors and notifications in every output, so they stay plain. */
export const id = z
  .string()
  .regex(ID_PATTERN, {
    error: (iss) =>
      `an id is 1-64 letters, digits, '_', '.', ':' or '-' starting with a letter or digit, got ${describeValue(iss.input)}`,
  })
  .meta({ description: 'Identifier: letters, digits, _ . : - (at most 64).' });

const durationForms = 'seconds as a number, or text such as 40m, 90s, 1h30m';

/** A duration: seconds, or text such as `40m`, `1h30m`, `90s`. */
export const duration = z
  .union([z.number(), z.string().meta({ pattern: DURATION_PATTERN.source })], {
    error: (iss) => `expected a duration (${durationForms}), got ${describeValue(iss.input)}`,
  })
  .superRefine((value, ctx) => {
    const result = checkDuration(value);
    if ('problem' in result) ctx.addIssue({ code: 'custom', message: result.problem });
  })
  .meta({ description: `Duration: ${durationForms}.` });

/** A time after the scenario epoch, written as a duration. */
export const timeAfterEpoch = duration.meta({
  description: `Time after the scenario epoch: ${durationForms}.`,
});

/** A UTC instant with Z or an offset. */
export const utcInstant = z
  .string({
    error: (iss) =>
      iss.input === undefined
        ? undefined
        : `expected a UTC instant such as ${UTC_INSTANT_EXAMPLE}, got ${describeValue(iss.input)}`,
  })
  .superRefine((text, ctx) => {
    const result = checkUtcInstant(text);
    if ('problem' in result) ctx.addIssue({ code: 'custom', message: result.problem });
  })
  .meta({ format: 'date-time', description: `UTC instant, e.g. ${UTC_INSTANT_EXAMPLE} (Z or an offset).` });

/**
 * A check that exactly one of `keys` is present on an object, for the "one of these
 * forms" objects (orbits, areas): written as one strict object with optional keys
 * rather than a union, so a misspelt key still gets a "did you mean" suggestion.
 */
export function exactlyOneOf(keys: readonly string[], what: string) {
  return (value: Record<string, unknown>, ctx: z.core.$RefinementCtx) => {
    const present = keys.filter((k) => value[k] !== undefined);
    if (present.length === 1) return;
    ctx.addIssue({
      code: 'custom',
      path: present.length > 1 ? [present[1]!] : [],
      // Lets the loader drop "needs one of" when a misspelt key explains it.
      params: present.length === 0 ? { missing: keys } : undefined,
      message:
        present.length === 0
          ? `${what} needs one of: ${keys.join(', ')}`
          : `${what} takes only one of ${keys.join(', ')}; got both '${present[0]}' and '${present[1]}'`,
    });
  };
}
