// Subject names, the stream layout, and NATS subject matching (the rules of the NATS
// documentation, "Subject-Based Messaging": `*` one token, `>` one or more at the end).
import { describe, expect, it } from 'vitest';
import { streamFor, streamLayout, subjectMatches, subjectsFor } from '../../src/bus/subjects.ts';
import { InputError } from '../../src/scenario/input-error.ts';

describe('subjects', () => {
  it('are the documented names under the root', () => {
    const s = subjectsFor();
    expect([
      s.report('beale:1'),
      s.allReports,
      s.tracks,
      s.alerts,
      s.notifications,
      s.monteCarloWork,
      s.deadLetter,
    ]).toEqual([
      'vigil.reports.beale:1',
      'vigil.reports.>',
      'vigil.tracks',
      'vigil.alerts',
      'vigil.notifications',
      'vigil.work.montecarlo',
      'vigil.deadletter',
    ]);
    expect(subjectsFor('ops-2').tracks).toBe('ops-2.tracks');
  });

  it('a sensor id that cannot be a subject, or a bad root, is an InputError', () => {
    for (const id of ['a b', 'a.*', 'x>', '.a', 'a..b', ''])
      expect(() => subjectsFor().report(id), id).toThrow(InputError);
    expect(() => subjectsFor('Vigil')).toThrow(InputError);
  });

  it('match as NATS matches them', () => {
    const cases: Array<[string, string, boolean]> = [
      ['vigil.reports.>', 'vigil.reports.beale:1', true],
      ['vigil.reports.>', 'vigil.reports.a.b', true],
      ['vigil.reports.>', 'vigil.reports', false],
      ['vigil.*.x', 'vigil.reports.x', true],
      ['vigil.*', 'vigil.reports.x', false],
      ['vigil.tracks', 'vigil.tracks', true],
      ['vigil.tracks', 'vigil.alerts', false],
    ];
    for (const [filter, subject, expected] of cases)
      expect(subjectMatches(filter, subject), `${filter} ~ ${subject}`).toBe(expected);
  });

  it('every subject and filter of the layout belongs to exactly the stream meant for it', () => {
    const layout = streamLayout('vigil');
    const s = subjectsFor('vigil');
    expect(layout.map((x) => x.name)).toEqual([
      'VIGIL_REPORTS',
      'VIGIL_TRACKS',
      'VIGIL_ALERTS',
      'VIGIL_NOTIFICATIONS',
      'VIGIL_EXCHANGE',
      'VIGIL_WORK',
      'VIGIL_DEADLETTER',
    ]);
    expect(streamFor(layout, s.report('a.b'))?.name).toBe('VIGIL_REPORTS');
    expect(streamFor(layout, s.allReports)?.name).toBe('VIGIL_REPORTS');
    expect(streamFor(layout, s.monteCarloWork)?.name).toBe('VIGIL_WORK');
    expect(streamFor(layout, 'vigil.exchange.RUS')?.name).toBe('VIGIL_EXCHANGE');
    expect(streamFor(layout, 'vigil.>')).toBeUndefined();
    expect(streamFor(layout, 'vigil.*')).toBeUndefined();
    expect(layout.every((x) => x.duplicateWindowMs === 120_000)).toBe(true);
    expect(layout.find((x) => x.name === 'VIGIL_WORK')!.retention).toBe('workqueue');
  });
});
