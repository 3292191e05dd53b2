// The historical incidents and a real attack through the whole chain: each ends the way
// the issue expects, for the reasons the evidence gives (scenarios/incidents/README.md).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/analysis/run-scenario.ts';
import type { AlertSummary } from '../../../src/analysis/summary.ts';
import { levelRank } from '../../../src/centre/assessment/alert.ts';
import { loadScenarioFile, parseScenario } from '../../../src/scenario/load.ts';

const DIR = join(import.meta.dirname, '../../../scenarios/incidents');

function run(file: string) {
  return runScenario(loadScenarioFile(join(DIR, file))).summary;
}

const rank = (a: AlertSummary) => levelRank(a.level as never);
const highest = (alerts: AlertSummary[]) => Math.max(-1, ...alerts.map(rank));
const evidence = (alerts: AlertSummary[]) => alerts.flatMap((a) => a.evidence).join('\n');

describe('incidents', () => {
  it('1983: sun glint into a limb-viewing satellite reaches at most launch-detected, never confirmed, and says why', () => {
    const s = run('1983-oko-glint.yaml');
    expect(s.alerts.length).toBeGreaterThan(0);
    expect(highest(s.alerts)).toBeLessThanOrEqual(levelRank('launch-detected'));
    expect(s.warning.firstConfirmedS).toBeNull();
    expect(evidence(s.alerts)).toMatch(/no radar has seen it|stays over one ground point/);
  });

  it('1983 inverted: the same glint with a radar able to see the fields still never confirms (the radar sees nothing)', () => {
    const text = readFileSync(join(DIR, '1983-oko-glint.yaml'), 'utf8').replace(
      '  radars:\n',
      '  radars:\n    - { id: cavalier, site: [48.725, -97.9], faces: [{ boresightDeg: 270, halfWidthDeg: 60, minElevationDeg: 1.9, maxElevationDeg: 90, maxRangeKm: 3300, band: UHF, revisitS: 5, rangeSigmaM: 150, angleSigmaDeg: 0.1 }] }\n',
    );
    const s = runScenario(parseScenario(text, '1983-with-radar.yaml')).summary;
    expect(s.reports.bySensor['cavalier:1']).toBeGreaterThan(0);
    expect(s.alerts.length).toBeGreaterThan(0);
    expect(s.warning.firstConfirmedS).toBeNull();
  });

  it('1995 with the notification delivered: matched to it and kept below attack-warning', () => {
    const s = run('1995-black-brant.yaml');
    const matched = s.alerts.filter(
      (a) => a.notificationId === 'NOR-1995' && a.notificationStatus === 'match',
    );
    expect(matched.length).toBeGreaterThan(0);
    expect(s.warning.firstAttackWarningS).toBeNull();
  });

  it('1995 with the notification not delivered: confirmed by IR and radar, but no attack-warning (impact far from Russia)', () => {
    const s = run('1995-black-brant-undelivered.yaml');
    expect(s.warning.firstConfirmedS).not.toBeNull();
    expect(s.warning.firstAttackWarningS).toBeNull();
    const confirmed = s.alerts.filter((a) => rank(a) >= levelRank('launch-confirmed'));
    expect(confirmed.every((a) => a.notificationId === null)).toBe(true);
    expect(confirmed.some((a) => a.impactRegion === 'Norway')).toBe(true);
  });

  it('1960: Moon echoes at a folded range make radar-only events that never confirm; with rejection on, nothing', () => {
    const off = run('1960-thule-moonrise.yaml');
    expect(off.reports.byCause['moon']).toBeGreaterThan(0);
    expect(off.alerts.length).toBeGreaterThan(0);
    expect(highest(off.alerts)).toBe(levelRank('event'));
    const on = run('1960-thule-moonrise-rejected.yaml');
    expect(on.reports.byCause['moon'] ?? 0).toBe(0);
    expect(on.alerts.filter((a) => !a.cancelled)).toEqual([]);
  });

  it('1979: an exercise attack replayed into one feed is never confirmed, and the evidence names the feed', () => {
    const s = run('1979-exercise-tape.yaml');
    expect(s.reports.byCause['fault-replay']).toBeGreaterThan(0);
    expect(s.warning.firstConfirmedS).toBeNull();
    expect(evidence(s.alerts)).toMatch(/Inconsistent feed dsp-w35/);
  });

  it('1980: a garbled count field raises no confirmed launch', () => {
    const s = run('1980-chip.yaml');
    expect(s.reports.byCause['fault-corrupt']).toBeGreaterThan(0);
    expect(s.warning.firstConfirmedS).toBeNull();
  });

  it('a real attack: attack-warning for each raid, impact areas on the territory, and a positive warning margin', () => {
    const s = run('real-attack.yaml');
    expect(s.raids.length).toBeGreaterThan(0);
    for (const r of s.raids) expect(r.highestLevel).toBe('attack-warning');
    const warned = s.alerts.filter((a) => a.level === 'attack-warning');
    expect(warned.length).toBeGreaterThanOrEqual(2);
    expect(s.warning.warningMarginS).toBeGreaterThan(0);
    expect(s.warning.firstAttackWarningS!).toBeLessThan(s.warning.firstImpactS!);
  });
});
