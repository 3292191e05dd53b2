// Checks on values callers hand the store (names, ids, times). A bad one is bad input
// from outside — an API body or a CLI flag passed through — so it is an InputError.
import { InputError } from '../scenario/input-error.ts';

/** Scenario names and run ids: safe in URLs and file names. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}$/;

export function checkName(value: unknown, field: string): string {
  if (typeof value !== 'string' || !NAME.test(value))
    throw new InputError({
      path: [field],
      message: `expected 1-100 letters, digits, '_', '.', ':' or '-' starting with a letter or digit, got ${JSON.stringify(value)}`,
    });
  return value;
}

export function checkTime(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new InputError({
      path: [field],
      message: `expected a finite time in seconds, got ${String(value)}`,
    });
  return value;
}

export function checkOneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  if (!allowed.includes(value as T))
    throw new InputError({
      path: [field],
      message: `expected one of ${allowed.join(', ')}, got ${JSON.stringify(value)}`,
    });
  return value as T;
}
