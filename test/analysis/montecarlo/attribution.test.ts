// Tracing alerts to the launches behind them through the truth labels of their reports.
import { describe, expect, it } from 'vitest';
import { attributeAlerts, labelIndex } from '../../../src/analysis/montecarlo/attribution.ts';
import { newAlert } from '../../../src/centre/assessment/alert.ts';
import type { ReportCause, TruthLabel } from '../../../src/sensors/report.ts';

function label(reportId: string, cause: ReportCause, eventId: string | null): TruthLabel {
  return { reportId, cause, objectId: cause === 'object' ? `${eventId}/rv` : null, eventId };
}

const labels = labelIndex([
  label('a1', 'object', 'L1'),
  label('a2', 'object', 'L1'),
  label('a3', 'object', 'L2'),
  label('b1', 'object', 'L2'),
  label('b2', 'object', 'L1'),
  label('c1', 'glint', 'G1'),
  label('c2', 'glint', 'G1'),
  label('c3', 'clutter', null),
  label('d1', 'object', 'M1#2'),
  label('d2', 'object', 'M1#1'),
]);

describe('alert attribution', () => {
  it('an alert belongs to the launch behind most of its reports, over all its tracks', () => {
    const a = newAlert('A1', 0, ['T1', 'T2'], 'R1');
    const tracks = new Map([
      ['T1', ['a1', 'a3']],
      ['T2', ['a2', 'c3']],
    ]);
    expect(attributeAlerts([a], tracks, labels, ['L1', 'L2'])).toEqual([
      { alertId: 'A1', eventId: 'L1', eventIds: ['L1', 'L2'], causes: { clutter: 1, object: 3 } },
    ]);
  });

  it('a report shared by two tracks of the alert counts once', () => {
    const a = newAlert('A1', 0, ['T1', 'T2'], 'R1');
    const tracks = new Map([
      ['T1', ['b1', 'a3']],
      ['T2', ['b1', 'a3', 'b2']],
    ]);
    expect(attributeAlerts([a], tracks, labels, ['L1', 'L2'])[0]).toMatchObject({
      eventId: 'L2',
      causes: { object: 3 },
    });
  });

  it('an alert with no report from a real object is false, described by its causes', () => {
    const a = newAlert('A2', 0, ['T3'], 'R1');
    expect(attributeAlerts([a], new Map([['T3', ['c1', 'c2', 'c3']]]), labels, ['L1'])).toEqual([
      { alertId: 'A2', eventId: null, eventIds: [], causes: { clutter: 1, glint: 2 } },
    ]);
  });

  it('a launch behind less than a fifth of the real-object reports is not covered', () => {
    const a = newAlert('A5', 0, ['T5'], 'R1');
    const many = labelIndex([
      ...Array.from({ length: 9 }, (_, i) => label(`x${i}`, 'object', 'L1')),
      label('y0', 'object', 'L2'),
    ]);
    const ids = [...Array.from({ length: 9 }, (_, i) => `x${i}`), 'y0'];
    expect(attributeAlerts([a], new Map([['T5', ids]]), many, ['L1', 'L2'])[0]!.eventIds).toEqual(['L1']);
  });

  it('a tie goes to the earlier launch, and an alert whose tracks were never pictured is false', () => {
    const tie = newAlert('A3', 0, ['T4'], 'R1');
    const unseen = newAlert('A4', 0, ['T9'], 'R1');
    const r = attributeAlerts([tie, unseen], new Map([['T4', ['d1', 'd2']]]), labels, ['M1#1', 'M1#2']);
    expect(r.map((x) => x.eventId)).toEqual(['M1#1', null]);
  });
});
