import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../../web/src/data/types.ts';
import { raidMargins, reportSeries } from '../../../web/src/format/series.ts';

function alert(
  id: string,
  raidId: string | undefined,
  warnedS: number | null,
  impactTimeS: number | null,
  cancelled = false,
): AlertView {
  return {
    id,
    timeS: 100,
    level: warnedS === null ? 'launch-confirmed' : 'attack-warning',
    levelHistory: [
      { level: 'launch-detected', timeS: 100 },
      ...(warnedS === null ? [] : [{ level: 'attack-warning' as const, timeS: warnedS }]),
    ],
    trackIds: [],
    ...(raidId ? { raidId } : {}),
    launchArea: null,
    impactArea: null,
    impactRegion: null,
    impactTimeS,
    timeToImpactS: null,
    confidence: 1,
    evidence: [],
    notificationId: null,
    cancelled,
    operator: { acknowledged: false, acknowledgedBy: null, acknowledgedAt: null, comments: 0 },
  };
}

describe('warning margin per raid', () => {
  it('runs from the raid’s first attack warning to its first predicted impact', () => {
    const margins = raidMargins([
      alert('A1', 'R1', 275, 2081.2),
      alert('A3', 'R1', 300, 810.588),
      alert('A9', 'R2', null, 900),
    ]);
    expect(margins).toEqual([
      {
        raidId: 'R1',
        alertIds: ['A1', 'A3'],
        firstWarningS: 275,
        firstImpactS: 810.588,
        marginS: 810.588 - 275,
      },
      { raidId: 'R2', alertIds: ['A9'], firstWarningS: null, firstImpactS: 900, marginS: null },
    ]);
  });

  it('leaves withdrawn alerts out and lets an alert without a raid stand alone', () => {
    const margins = raidMargins([alert('A1', undefined, 200, 1000), alert('A2', 'R1', 100, 500, true)]);
    expect(margins.map((m) => [m.raidId, m.marginS])).toEqual([['A1', 800]]);
  });
});

describe('reports per sensor over time', () => {
  const bins = new Map([
    ['thule:1', [5, 10, 20, 40]],
    ['beale:1', [1, 1, 1, 1]],
    ['geo-e10', [0, 3, 0, 0]],
    ['quiet', [0, 0, 0, 0]],
  ]);

  it('keeps the bins up to the time shown', () => {
    const s = reportSeries(bins, 60, 120);
    expect(s.times).toEqual([0, 60]);
    expect(s.series.map((x) => [x.label, x.counts])).toEqual([
      ['thule:1', [5, 10]],
      ['geo-e10', [0, 3]],
      ['beale:1', [1, 1]],
    ]);
  });

  it('keeps the busiest sensors and sums the rest', () => {
    const s = reportSeries(bins, 60, 240, 1);
    expect(s.series).toEqual([
      { label: 'thule:1', counts: [5, 10, 20, 40] },
      { label: '2 others', counts: [1, 4, 1, 1] },
    ]);
  });
});
