import { describe, expect, it } from 'vitest';
import {
  checkDuration,
  DURATION_PATTERN,
  MAX_DURATION_S,
  parseDuration,
} from '../../src/scenario/duration.ts';
import { InputError } from '../../src/scenario/input-error.ts';

describe('parseDuration', () => {
  it.each([
    ['40m', 40 * 60],
    ['90s', 90],
    ['1h30m', 3600 + 30 * 60],
    ['2400s', 2400],
    ['2400', 2400],
    ['1.5h', 1.5 * 3600],
    ['1h 30m 15s', 3600 + 30 * 60 + 15],
    ['0', 0],
  ])('reads %s as %d s', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it('takes a number as seconds', () => {
    expect(parseDuration(2400)).toBe(2400);
  });

  it('throws InputError for text that is not a duration', () => {
    expect(() => parseDuration('soon')).toThrow(InputError);
  });
});

describe('checkDuration messages', () => {
  const problem = (value: unknown) => {
    const r = checkDuration(value);
    return 'problem' in r ? r.problem : undefined;
  };

  it('names an unknown unit', () => {
    expect(problem('40x')).toBe(
      "'40x' has an unknown unit 'x': use h, m or s (seconds (2400) or hours/minutes/seconds such as 40m, 90s, 1h30m)",
    );
  });

  it('refuses parts out of order or repeated', () => {
    expect(problem('30m1h')).toContain('write hours, then minutes, then seconds');
    expect(problem('1m1m')).toContain('write hours, then minutes, then seconds');
  });

  it('refuses a bare number after a unit part', () => {
    expect(problem('1h30')).toContain('a number without a unit');
  });

  it('refuses negative, infinite, empty and over-long durations', () => {
    expect(problem(-5)).toContain('negative');
    expect(problem('-5m')).toContain('negative');
    expect(problem(Number.POSITIVE_INFINITY)).toContain('not a finite number');
    expect(problem(Number.NaN)).toContain('not a finite number');
    expect(problem('')).toContain('empty duration');
    expect(problem(MAX_DURATION_S + 1)).toContain('longer than the 30 days');
  });

  it('refuses values that are neither numbers nor text', () => {
    expect(problem(true)).toContain('expected a duration');
  });
});

describe('DURATION_PATTERN (published in the JSON Schema)', () => {
  it('accepts exactly the text forms the parser accepts', () => {
    for (const text of ['40m', '90s', '1h30m', '2400', '2400s', '1.5h', '1h 30m'])
      expect([text, DURATION_PATTERN.test(text)]).toEqual([text, true]);
    for (const text of ['40x', '30m1h', '1e3', '-5', 'm', '1h30'])
      expect([text, DURATION_PATTERN.test(text)]).toEqual([text, false]);
  });
});
