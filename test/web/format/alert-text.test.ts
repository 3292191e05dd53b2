import { describe, expect, it } from 'vitest';
import {
  evidenceUpTo,
  formatConfidence,
  formatNotification,
  parseEvidence,
} from '../../../web/src/format/alert-text.ts';

describe('confidence', () => {
  it('reads whole percent', () => {
    expect(formatConfidence(0.634)).toBe('63%');
    expect(formatConfidence(1)).toBe('100%');
    expect(formatConfidence(0)).toBe('0%');
  });

  it('never rounds a small chance to 0% or a near-certainty to 100%', () => {
    expect(formatConfidence(0.003)).toBe('<1%');
    expect(formatConfidence(0.996)).toBe('>99%');
  });
});

describe('evidence lines', () => {
  const lines = [
    '[T+1:55] Event: track T1 — something seen, not yet a launch',
    '[T+4:35] Launch confirmed: IR and radar agree',
    '[T+1:02:03] Much later',
    'A line with no stamp',
  ];

  it('split into a time and words', () => {
    expect(parseEvidence(lines[0]!)).toEqual({
      timeS: 115,
      stamp: 'T+1:55',
      text: 'Event: track T1 — something seen, not yet a launch',
    });
    expect(parseEvidence(lines[3]!)).toEqual({ timeS: null, stamp: '', text: 'A line with no stamp' });
  });

  it('are shown only up to the time shown (unstamped lines always)', () => {
    expect(evidenceUpTo(lines, 200).map((e) => e.stamp)).toEqual(['T+1:55', '']);
    expect(evidenceUpTo(lines, 275).map((e) => e.stamp)).toEqual(['T+1:55', 'T+4:35', '']);
    expect(evidenceUpTo(lines, 3723)).toHaveLength(4);
  });
});

describe('the notification check in words', () => {
  it('names the notification matched', () => {
    expect(formatNotification({ notificationId: 'NOR-1995', notificationStatus: 'match' })).toBe(
      'matches notification NOR-1995',
    );
  });

  it('says when the launch does not fit its notification', () => {
    expect(formatNotification({ notificationId: 'N1', notificationStatus: 'mismatch' })).toBe(
      'does not fit notification N1',
    );
  });

  it('says when no notification covers it', () => {
    expect(formatNotification({ notificationId: null, notificationStatus: 'none' })).toBe(
      'no notification covers it',
    );
  });
});
