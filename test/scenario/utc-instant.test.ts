import { describe, expect, it } from 'vitest';
import { checkUtcInstant } from '../../src/scenario/utc-instant.ts';

const ms = (text: string) => {
  const r = checkUtcInstant(text);
  return 'unixMs' in r ? r.unixMs : r.problem;
};

describe('checkUtcInstant', () => {
  it('reads a Z instant as milliseconds since 1970 (oracle: 2026-05-01 is day 20574)', () => {
    // Days from 1970-01-01 to 2026-05-01: 56 years with 14 leap days (1972…2024) = 20454,
    // plus Jan–Apr 2026 (31 + 28 + 31 + 30 = 120) = 20574.
    expect(ms('2026-05-01T12:00:00Z')).toBe((20574 * 86400 + 12 * 3600) * 1000);
  });

  it('applies a numeric offset (12:00+03:00 is 09:00Z)', () => {
    expect(ms('2026-05-01T12:00:00+03:00')).toBe(ms('2026-05-01T09:00:00Z'));
    expect(ms('1983-09-26T00:15:00+04:00')).toBe(ms('1983-09-25T20:15:00Z'));
  });

  it('keeps fractional seconds', () => {
    expect(ms('2026-05-01T12:00:00.25Z')).toBe((ms('2026-05-01T12:00:00Z') as number) + 250);
  });

  it('does not map two-digit years into the 1900s', () => {
    expect(ms('0050-01-01T00:00:00Z')).toBe(Date.parse('0050-01-01T00:00:00Z'));
  });

  it('knows leap years', () => {
    expect(typeof ms('2024-02-29T00:00:00Z')).toBe('number');
    expect(ms('2025-02-29T00:00:00Z')).toContain('day 29 does not exist in month 2 of 2025');
    expect(typeof ms('2000-02-29T00:00:00Z')).toBe('number');
    expect(ms('1900-02-29T00:00:00Z')).toContain('does not exist');
  });

  it.each([
    ['2026-05-01 12:00:00Z'],
    ['2026-05-01T12:00:00'],
    ['2026-05-01T12:00Z'],
    ['2026-05-01'],
    ['1 May 2026'],
  ])('refuses %s, naming the expected form', (text) => {
    expect(ms(text)).toBe(
      `expected a UTC instant such as 2026-05-01T12:00:00Z (date, 'T', time with seconds, and Z or an offset like +03:00), got '${text}'`,
    );
  });

  it('refuses out-of-range fields', () => {
    expect(ms('2026-13-01T00:00:00Z')).toContain('month 13 does not exist');
    expect(ms('2026-05-01T24:00:00Z')).toContain('time of day out of range');
    expect(ms('2026-05-01T23:59:60Z')).toContain('time of day out of range');
  });
});
