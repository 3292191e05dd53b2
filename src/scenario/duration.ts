// Durations in scenario files: a number of seconds (2400), or text with hour, minute
// and second parts in that order (`40m`, `90s`, `1h30m`, `2400s`, `1.5h`, `2400`).
// The loader converts every duration to seconds (DESIGN.md §3: SI inside).
import { clipped } from './describe-value.ts';
import { InputError } from './input-error.ts';

/** Longest duration accepted anywhere in a scenario: 30 days, in seconds. */
export const MAX_DURATION_S = 30 * 86400;

/** The accepted text forms, also published in the JSON Schema for editors. */
export const DURATION_PATTERN =
  /^\s*(?:\d+(?:\.\d+)?|(?:\d+(?:\.\d+)?\s*h)?\s*(?:\d+(?:\.\d+)?\s*m)?\s*(?:\d+(?:\.\d+)?\s*s)?)\s*$/;

const PART = /(\d+(?:\.\d+)?)\s*([a-zA-Z]*)/gy;
const UNIT_SECONDS: Readonly<Record<string, number>> = { h: 3600, m: 60, s: 1 };
const FORMS = 'seconds (2400) or hours/minutes/seconds such as 40m, 90s, 1h30m';

/** Seconds for a valid duration, or the reason it is not one. */
export function checkDuration(value: unknown): { seconds: number } | { problem: string } {
  if (typeof value === 'number') return checkSeconds(value, String(value));
  if (typeof value !== 'string') return { problem: `expected a duration: ${FORMS}` };
  const text = value.trim();
  if (text === '') return { problem: `empty duration: expected ${FORMS}` };
  if (/^\d+(?:\.\d+)?$/.test(text)) return checkSeconds(Number(text), text);
  if (text.startsWith('-')) return { problem: `'${clipped(value)}' is negative: a duration counts forward` };
  let seconds = 0;
  let lastRank = -1;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let m = PART.exec(text); m !== null; m = PART.exec(text)) {
    const unit = m[2]!;
    const perUnit = UNIT_SECONDS[unit];
    if (perUnit === undefined)
      return {
        problem: unit
          ? `'${clipped(value)}' has an unknown unit '${clipped(unit)}': use h, m or s (${FORMS})`
          : `'${clipped(value)}' has a number without a unit after another part: use h, m or s (${FORMS})`,
      };
    const rank = unit === 'h' ? 0 : unit === 'm' ? 1 : 2;
    if (rank <= lastRank)
      return {
        problem: `'${clipped(value)}' repeats or misorders its parts: write hours, then minutes, then seconds`,
      };
    lastRank = rank;
    seconds += Number(m[1]) * perUnit;
    consumed = PART.lastIndex;
    while (text[PART.lastIndex] === ' ') PART.lastIndex++;
  }
  if (consumed === 0 || text.slice(consumed).trim() !== '')
    return { problem: `'${clipped(value)}' is not a duration: expected ${FORMS}` };
  return checkSeconds(seconds, clipped(value));
}

/** Seconds for a duration; throws InputError (with an empty field path) when invalid. */
export function parseDuration(value: string | number): number {
  const result = checkDuration(value);
  if ('problem' in result) throw new InputError({ path: [], message: result.problem });
  return result.seconds;
}

function checkSeconds(seconds: number, written: string): { seconds: number } | { problem: string } {
  if (!Number.isFinite(seconds)) return { problem: `'${written}' is not a finite number of seconds` };
  if (seconds < 0) return { problem: `'${written}' is negative: a duration counts forward` };
  if (seconds > MAX_DURATION_S)
    return { problem: `'${written}' is longer than the ${MAX_DURATION_S / 86400} days a scenario may span` };
  return { seconds };
}
