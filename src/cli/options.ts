// Parsers for command-line option values. Each throws InputError naming the flag and
// what was expected, so a bad flag exits 2 with one clear line.
import { InputError } from '../scenario/input-error.ts';

function problem(flag: string, message: string): never {
  throw new InputError({ source: flag, path: [], message });
}

/** A non-negative integer seed. */
export function parseSeed(flag: string, text: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n))
    problem(flag, `expected a non-negative integer, got '${text}'`);
  return n;
}

/** `LAT,LON` in degrees → [latDeg, lonDeg]. */
export function parseLatLon(flag: string, text: string): [number, number] {
  const parts = text.split(',').map((p) => p.trim());
  const nums = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || nums.some((n) => !Number.isFinite(n))) {
    problem(flag, `expected LAT,LON in degrees (e.g. 55.0,90.0), got '${text}'`);
  }
  const [lat, lon] = nums as [number, number];
  if (lat < -90 || lat > 90) problem(flag, `latitude ${lat} is outside [-90, 90]`);
  if (lon < -180 || lon > 180) problem(flag, `longitude ${lon} is outside [-180, 180]`);
  return [lat, lon];
}

/** A finite number in [min, max]. */
export function parseNumberIn(flag: string, text: string, min: number, max: number, unit = ''): number {
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n))
    problem(flag, `expected a number${unit ? ` in ${unit}` : ''}, got '${text}'`);
  if (n < min || n > max) problem(flag, `${n}${unit ? ` ${unit}` : ''} is outside [${min}, ${max}]`);
  return n;
}

/** One of a fixed set of words, with the nearest suggestion when misspelt. */
export function parseChoice<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  if ((choices as readonly string[]).includes(text)) return text as T;
  problem(flag, `expected one of ${choices.join(', ')}, got '${text}'`);
}
