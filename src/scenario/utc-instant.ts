// UTC instants in scenario files: RFC 3339 date-times (the ISO 8601 profile JSON
// Schema calls `date-time`) with a `Z` or a numeric offset, so an instant never
// depends on the reader's time zone (DESIGN.md §3). Leap seconds (:60) are refused
// because the simulator's time scale has none (UT1 = UTC, DESIGN.md §3).

import { clipped } from './describe-value.ts';

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-](\d{2}):(\d{2}))$/;

export const UTC_INSTANT_EXAMPLE = '2026-05-01T12:00:00Z';

/** Milliseconds since 1970-01-01T00:00:00Z, or the reason the text is not a UTC instant. */
export function checkUtcInstant(text: string): { unixMs: number } | { problem: string } {
  const m = INSTANT.exec(text);
  const expected = `expected a UTC instant such as ${UTC_INSTANT_EXAMPLE} (date, 'T', time with seconds, and Z or an offset like +03:00)`;
  if (!m) return { problem: `${expected}, got '${clipped(text)}'` };
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (month < 1 || month > 12) return { problem: `month ${month} does not exist in '${clipped(text)}'` };
  if (day < 1 || day > daysInMonth(year, month))
    return { problem: `day ${day} does not exist in month ${month} of ${year} ('${clipped(text)}')` };
  if (hour > 23 || minute > 59 || second > 59)
    return {
      problem: `time of day out of range in '${clipped(text)}' (hours 0-23, minutes and seconds 0-59)`,
    };
  let offsetMin = 0;
  if (m[8] !== 'Z') {
    const offH = Number(m[9]);
    const offM = Number(m[10]);
    if (offH > 23 || offM > 59) return { problem: `offset out of range in '${clipped(text)}'` };
    offsetMin = (m[8]!.startsWith('-') ? -1 : 1) * (offH * 60 + offM);
  }
  const fractionMs = m[7] ? Number(m[7]) * 1000 : 0;
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 to 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, 0);
  return { unixMs: date.getTime() + fractionMs - offsetMin * 60_000 };
}

/** Days in a month of the proleptic Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
