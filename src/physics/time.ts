// Time scales and sidereal time. A run's clock is float seconds since the scenario
// epoch (DESIGN.md §3); the epoch is a UTC instant held as Unix milliseconds.
// UT1 = UTC is accepted (|UT1 − UTC| < 0.9 s), and leap seconds are not modelled:
// Unix time has none. GMST: IAU-82 formula as in Vallado's SGP4 `gstime`
// (python-sgp4 `_gstime`), DOMAIN.md §9.2.

import { J2000_JD, SECONDS_PER_DAY } from './constants.ts';

/** Seconds (SI), e.g. since the scenario epoch. */
export type Seconds = number;
/** Milliseconds since 1970-01-01T00:00:00Z, ignoring leap seconds; may carry a fraction. */
export type UnixMs = number;
/** Julian date, days; UT1 (= UTC here) unless stated. */
export type JulianDate = number;

const MS_PER_DAY = SECONDS_PER_DAY * 1000;
/** Julian date of the Unix epoch 1970-01-01T00:00:00Z. */
const UNIX_EPOCH_JD = 2440587.5;
const TWO_PI = 2 * Math.PI;

// YYYY-MM-DDTHH:MM[:SS[.fraction]] then Z or ±HH:MM (RFC 3339 / ISO 8601 extended format).
const ISO_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;

/**
 * Days from 1970-01-01 to the proleptic-Gregorian date y-m-d (m 1–12), exact integer
 * arithmetic (H. Hinnant, "chrono-compatible low-level date algorithms",
 * days_from_civil). Unlike Date.UTC it has no two-digit-year special case.
 */
function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Parses an ISO-8601 / RFC 3339 instant, `2026-05-01T12:00:00Z`,
 * `2026-05-01T12:00:00.250+03:00` or `2026-05-01T12:00Z`, into Unix ms. Returns NaN
 * when the text is not such an instant: a zone (Z or ±HH:MM) is required (a bare local
 * time names no instant), fields are range-checked (month days, hour ≤ 23), and a leap
 * second (:60) is rejected because Unix time cannot hold it. Fractional seconds of any
 * length are kept, so the result may have a fraction of a millisecond.
 */
export function parseUtcIso(text: string): UnixMs {
  const m = ISO_UTC.exec(text);
  if (m === null) return Number.NaN;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  const fraction = m[7] === undefined ? 0 : Number(`0${m[7]}`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return Number.NaN;
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  let offsetMinutes = 0;
  if (m[8] === undefined) {
    const offH = Number(m[10]);
    const offM = Number(m[11]);
    if (offH > 23 || offM > 59) return Number.NaN;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const wholeSeconds =
    daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + (minute - offsetMinutes) * 60 + second;
  return wholeSeconds * 1000 + fraction * 1000;
}

/**
 * Formats Unix ms as `YYYY-MM-DDTHH:MM:SS.sssZ` (always UTC, always milliseconds,
 * rounded to the nearest millisecond), the form of Date.prototype.toISOString.
 * Throws RangeError for a non-finite time or one outside years 0000–9999.
 */
export function isoFromUnixMs(ms: UnixMs): string {
  const rounded = Math.round(ms);
  if (!Number.isFinite(rounded) || rounded < -62167219200000 || rounded > 253402300799999) {
    throw new RangeError(`isoFromUnixMs: ${ms} ms is not a time in years 0000–9999`);
  }
  return new Date(rounded).toISOString();
}

/** Julian date of a Unix time (UTC taken as UT1). */
export function julianDateFromUnixMs(ms: UnixMs): JulianDate {
  return ms / MS_PER_DAY + UNIX_EPOCH_JD;
}

/** Unix time of a Julian date. */
export function unixMsFromJulianDate(jd: JulianDate): UnixMs {
  return (jd - UNIX_EPOCH_JD) * MS_PER_DAY;
}

/** Julian date at tS seconds after an epoch given in Unix ms. */
export function epochSecondsToJd(epochUnixMs: UnixMs, tS: Seconds): JulianDate {
  return (epochUnixMs / 1000 + tS) / SECONDS_PER_DAY + UNIX_EPOCH_JD;
}

/**
 * Greenwich mean sidereal time, rad in [0, 2π), for a UT1 Julian date, IAU-82:
 * θ(s) = 67310.54841 + (876600·3600 + 8640184.812866)·T + 0.093104·T² − 6.2e-6·T³,
 * T = Julian centuries of UT1 since J2000.0 (DOMAIN.md §9.2). This is the angle that
 * rotates TEME/ECI of date into ECEF about z.
 */
export function gmstRad(jdUt1: JulianDate): number {
  const t = (jdUt1 - J2000_JD) / 36525;
  const seconds = 67310.54841 + (876600 * 3600 + 8640184.812866) * t + 0.093104 * t * t - 6.2e-6 * t * t * t;
  const rad = ((seconds % SECONDS_PER_DAY) / 240) * (Math.PI / 180);
  if (rad >= 0) return rad;
  const wrapped = rad + TWO_PI;
  return wrapped < TWO_PI ? wrapped : 0;
}
