import { describe, expect, it } from 'vitest';
import {
  formatDuration,
  formatRunTime,
  formatUtc,
  impactCountdown,
  parseRunTime,
  URGENT_S,
} from '../../../web/src/format/time.ts';

describe('run times and durations', () => {
  it('a run time under an hour reads T+m:ss, the seconds rounded down', () => {
    expect(formatRunTime(115)).toBe('T+1:55');
    expect(formatRunTime(59.9)).toBe('T+0:59');
    expect(formatRunTime(0)).toBe('T+0:00');
  });

  it('from an hour a run time reads T+h:mm:ss', () => {
    expect(formatRunTime(3600 + 2 * 60 + 3)).toBe('T+1:02:03');
  });

  it('a time before the epoch reads T−m:ss', () => {
    expect(formatRunTime(-254)).toBe('T−4:14');
  });

  it('durations read m:ss and h:mm:ss', () => {
    expect(formatDuration(2700)).toBe('45:00');
    expect(formatDuration(535.588)).toBe('8:55');
    expect(formatDuration(7322)).toBe('2:02:02');
  });

  it('parses the stamps of evidence lines back to seconds', () => {
    expect(parseRunTime('T+1:55')).toBe(115);
    expect(parseRunTime('T+1:02:03')).toBe(3723);
    expect(parseRunTime('T−4:14')).toBe(-254);
    expect(parseRunTime('1:55')).toBeNull();
  });
});

describe('the countdown to a predicted impact', () => {
  it('counts whole seconds left, rounding up', () => {
    // Impact at 2081.2 s seen at 275 s: 1806.2 s left, shown as 30:07.
    expect(impactCountdown(2081.2, 275)).toMatchObject({ text: 'impact in 30:07', urgent: false });
  });

  it('turns urgent under five minutes', () => {
    expect(URGENT_S).toBe(300);
    expect(impactCountdown(1000, 1000 - 299.5)).toMatchObject({ text: 'impact in 5:00', urgent: true });
    expect(impactCountdown(1000, 700).urgent).toBe(false);
  });

  it('says so once the predicted time has passed', () => {
    const c = impactCountdown(810.588, 900);
    expect(c.text).toBe('impact time passed (T+13:30)');
    expect(c.remainingS).toBeLessThan(0);
    expect(c.urgent).toBe(false);
  });
});

describe('wall-clock times', () => {
  it('is the epoch plus the run time, in UTC', () => {
    expect(formatUtc('2026-05-01T12:00:00Z', 275)).toBe('2026-05-01 12:04:35Z');
    expect(formatUtc('2026-05-01T12:00:00Z', 275, false)).toBe('12:04:35Z');
  });

  it('rolls over midnight into the next day', () => {
    expect(formatUtc('1983-09-25T23:59:30Z', 45)).toBe('1983-09-26 00:00:15Z');
  });
});
