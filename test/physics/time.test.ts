import { gstime } from 'satellite.js';
import { describe, expect, it } from 'vitest';
import {
  epochSecondsToJd,
  gmstRad,
  isoFromUnixMs,
  julianDateFromUnixMs,
  parseUtcIso,
  unixMsFromJulianDate,
} from '../../src/physics/time.ts';

const RAD_TO_DEG = 180 / Math.PI;

describe('parseUtcIso', () => {
  it('reads a Z instant as Unix milliseconds', () => {
    expect(parseUtcIso('1970-01-01T00:00:00Z')).toBe(0);
    expect(parseUtcIso('2026-05-01T12:00:00Z')).toBe(Date.UTC(2026, 4, 1, 12, 0, 0));
  });

  it('applies an explicit offset', () => {
    expect(parseUtcIso('2026-05-01T14:30:00+02:30')).toBe(Date.UTC(2026, 4, 1, 12, 0, 0));
    expect(parseUtcIso('1983-09-25T16:15:00-04:00')).toBe(Date.UTC(1983, 8, 25, 20, 15, 0));
    expect(parseUtcIso('2026-05-01T12:00:00+00:00')).toBe(parseUtcIso('2026-05-01T12:00:00Z'));
  });

  it('keeps fractional seconds, including sub-millisecond digits', () => {
    expect(parseUtcIso('2026-05-01T12:00:00.25Z')).toBe(Date.UTC(2026, 4, 1, 12) + 250);
    // Unix ms near 1.8e12 carry float64 steps of 2.4e-4 ms, so 0.1 ms survives to ~3 digits.
    expect(parseUtcIso('2026-05-01T12:00:00.0001Z') - Date.UTC(2026, 4, 1, 12)).toBeCloseTo(0.1, 3);
  });

  it('accepts minute precision', () => {
    expect(parseUtcIso('2026-05-01T12:00Z')).toBe(Date.UTC(2026, 4, 1, 12));
  });

  it('agrees with Date.UTC over many dates, including leap days and centuries', () => {
    for (const [y, m, d] of [
      [2000, 2, 29],
      [2024, 2, 29],
      [1900, 3, 1],
      [1600, 12, 31],
      [2100, 1, 1],
      [1969, 12, 31],
      [9999, 12, 31],
    ] as const) {
      const text = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}T23:59:59Z`;
      expect(parseUtcIso(text), text).toBe(Date.UTC(y, m - 1, d, 23, 59, 59));
    }
  });

  it('handles years before 100 without the Date.UTC two-digit-year quirk', () => {
    // Date.UTC(50, …) would mean 1950; setUTCFullYear takes the year literally.
    const date = new Date(0);
    date.setUTCFullYear(50, 0, 1);
    expect(parseUtcIso('0050-01-01T00:00:00Z')).toBe(date.getTime());
  });

  it('returns NaN for text that is not a zoned instant', () => {
    for (const text of [
      '2026-05-01T12:00:00',
      '2026-05-01 12:00:00Z',
      '2026-05-01',
      '2026-13-01T00:00:00Z',
      '2026-02-29T00:00:00Z',
      '1900-02-29T00:00:00Z',
      '2026-04-31T00:00:00Z',
      '2026-05-01T24:00:00Z',
      '2026-05-01T12:60:00Z',
      '2016-12-31T23:59:60Z',
      '2026-05-01T12:00:00+24:00',
      '2026-05-01T12:00:00.Z',
      '2026-5-01T12:00:00Z',
      'garbage',
      '',
    ]) {
      expect(parseUtcIso(text), text).toBeNaN();
    }
  });
});

describe('isoFromUnixMs', () => {
  it('formats as YYYY-MM-DDTHH:MM:SS.sssZ', () => {
    expect(isoFromUnixMs(Date.UTC(2026, 4, 1, 12))).toBe('2026-05-01T12:00:00.000Z');
    expect(isoFromUnixMs(0)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('rounds to the nearest millisecond', () => {
    expect(isoFromUnixMs(1000.9999999)).toBe('1970-01-01T00:00:01.001Z');
    expect(isoFromUnixMs(-0.4)).toBe('1970-01-01T00:00:00.000Z');
  });

  it('round-trips through parseUtcIso', () => {
    const ms = parseUtcIso('1983-09-25T20:15:00.123Z');
    expect(isoFromUnixMs(ms)).toBe('1983-09-25T20:15:00.123Z');
  });

  it('throws RangeError for a non-finite time', () => {
    expect(() => isoFromUnixMs(Number.NaN)).toThrow(RangeError);
  });
});

describe('Julian dates', () => {
  it('J2000.0 (2000-01-01T12:00:00Z) is JD 2451545.0 and the Unix epoch is JD 2440587.5', () => {
    expect(julianDateFromUnixMs(Date.UTC(2000, 0, 1, 12))).toBe(2451545.0);
    expect(julianDateFromUnixMs(0)).toBe(2440587.5);
  });

  it('unixMsFromJulianDate inverts julianDateFromUnixMs to well under a millisecond', () => {
    const ms = Date.UTC(2026, 4, 1, 12, 34, 56, 789);
    expect(Math.abs(unixMsFromJulianDate(julianDateFromUnixMs(ms)) - ms)).toBeLessThan(0.1);
  });

  it('epochSecondsToJd adds run seconds to the epoch', () => {
    const epoch = Date.UTC(2000, 0, 1, 0);
    expect(epochSecondsToJd(epoch, 43200)).toBeCloseTo(2451545.0, 9);
    expect(epochSecondsToJd(epoch, 0)).toBeCloseTo(2451544.5, 9);
  });
});

describe('gmstRad (IAU-82, DOMAIN.md §9.2)', () => {
  it('GMST at J2000.0 is 280.460618°', () => {
    expect(gmstRad(2451545.0) * RAD_TO_DEG).toBeCloseTo(280.460618, 6);
  });

  it('GMST is 308.818° at 20:15 UT1 on 26 Sep 1983, the DOMAIN.md §9.2 oracle value', () => {
    // DOMAIN.md §9.2 labels 308.818° as 1983-09-25 20:15, but that is the value one day
    // later: the 25 Sep value is 0.9856° smaller (next test), and the §6.3 subsolar
    // longitude −126° (RA ≈ 182° − GMST) needs the 25 Sep value.
    const jd = julianDateFromUnixMs(Date.UTC(1983, 8, 26, 20, 15));
    expect(gmstRad(jd) * RAD_TO_DEG).toBeCloseTo(308.818, 3);
  });

  it('GMST at 1983-09-25 20:15 UT1 agrees with satellite.js gstime to 1e-9 rad', () => {
    const date = new Date(Date.UTC(1983, 8, 25, 20, 15));
    const jd = julianDateFromUnixMs(date.getTime());
    expect(Math.abs(gmstRad(jd) - gstime(date))).toBeLessThan(1e-9);
    expect(gmstRad(jd) * RAD_TO_DEG).toBeCloseTo(307.833, 3);
  });

  it('advances 360.9856° per solar day', () => {
    const d = (gmstRad(2451546.0) - gmstRad(2451545.0)) * RAD_TO_DEG;
    expect((d + 360) % 360).toBeCloseTo(0.98564736, 6);
  });

  it('stays in [0, 2π) over decades', () => {
    for (let jd = 2440000; jd < 2470000; jd += 37.77) {
      const g = gmstRad(jd);
      expect(g).toBeGreaterThanOrEqual(0);
      expect(g).toBeLessThan(2 * Math.PI);
    }
  });
});
