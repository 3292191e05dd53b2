import { describe, expect, it } from 'vitest';
import { recordedAlertAt } from '../../../web/src/data/recorded-alert.ts';
import { salvoAlert } from '../fixtures.ts';

const { operator: _, ...summaryRow } = salvoAlert();

describe('an alert of a recorded run at a time', () => {
  it('does not exist before it was raised', () => {
    expect(recordedAlertAt(summaryRow, 114)).toBeNull();
  });

  it('stands at the level its history gives, with the history so far', () => {
    const early = recordedAlertAt(summaryRow, 200)!;
    expect(early.level).toBe('launch-detected');
    expect(early.levelHistory.map((h) => h.level)).toEqual(['event', 'launch-detected']);
    expect(recordedAlertAt(summaryRow, 275)!.level).toBe('attack-warning');
  });

  it('is withdrawn from the time of its "Withdrawn" evidence line', () => {
    const glint = {
      ...summaryRow,
      timeS: 800,
      level: 'launch-detected' as const,
      levelHistory: [
        { level: 'event' as const, timeS: 800 },
        { level: 'launch-detected' as const, timeS: 810 },
      ],
      evidence: [
        '[T+13:20] Event: track T1 — something seen, not yet a launch',
        '[T+13:40] Withdrawn: judged false (97%)',
      ],
      cancelled: true,
    };
    expect(recordedAlertAt(glint, 815)!.cancelled).toBe(false);
    expect(recordedAlertAt(glint, 820)!.cancelled).toBe(true);
  });

  it('carries no operator actions', () => {
    expect(recordedAlertAt(summaryRow, 300)!.operator.acknowledged).toBe(false);
  });
});
