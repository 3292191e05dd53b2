// Warning timing against DOMAIN.md §8.1, and the dual-phenomenology rule.
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../src/analysis/run-scenario.ts';
import { levelRank } from '../../../src/centre/assessment/alert.ts';
import { parseScenario } from '../../../src/scenario/load.ts';

function summary(text: string) {
  return runScenario(parseScenario(text, 'timing.yaml')).summary;
}

describe('warning timing for a 10,000 km ICBM on the default network (DOMAIN.md §8.1)', () => {
  // Launch at T+60 s from central Asia at the US Midwest, ≈10,000 km.
  const s = summary(`name: timing
epoch: 2026-05-01T12:00:00Z
duration: 45m
seed: 3
defended: [USA]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [50.0, 70.0], to: [41.0, -100.0], at: 60s }
`);
  const since = (t: number | null) => (t === null ? Number.NaN : (t - 60) / 60);

  it('first detection within about a minute of launch (IR, "T+0.5–1 min" plus revisit)', () => {
    expect(since(s.warning.firstDetectionS)).toBeGreaterThan(0.3);
    expect(since(s.warning.firstDetectionS)).toBeLessThan(1.5);
  });

  it('launch reported at T+1–2 min', () => {
    expect(since(s.warning.firstLaunchDetectedS)).toBeGreaterThan(0.5);
    expect(since(s.warning.firstLaunchDetectedS)).toBeLessThan(2.5);
  });

  it('confirmed by radar in mid-course, T+3–15 min', () => {
    // §8.1: radar acquisition at T+10–15 min for an ICBM from another continent; radars
    // near the launch area (the default network includes them) confirm sooner.
    expect(since(s.warning.firstConfirmedS)).toBeGreaterThan(2);
    expect(since(s.warning.firstConfirmedS)).toBeLessThan(15);
  });

  it('attack warning before impact, impact at T+30–37 min, and a margin of many minutes', () => {
    expect(s.warning.firstAttackWarningS).not.toBeNull();
    expect(since(s.warning.firstImpactS)).toBeGreaterThan(30);
    expect(since(s.warning.firstImpactS)).toBeLessThan(37);
    expect(s.warning.warningMarginS! / 60).toBeGreaterThan(10);
  });
});

describe('the dual-phenomenology rule', () => {
  it('an IR-only picture never reaches launch-confirmed, however many reports it makes', () => {
    const s = summary(`name: IR only
epoch: 2026-05-01T12:00:00Z
duration: 35m
seed: 4
defended: [USA]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [55.0, 90.0], to: [40.0, -100.0], at: 60s, count: 3, spacing: 30s }
network: { preset: default, disable: [beale, cape-cod, clear, thule, fylingdales, cavalier, olenegorsk, pechora, lekhtusi, armavir, pionersky, mishelevka, barnaul, yeniseysk, orsk] }
`);
    expect(s.reports.total).toBeGreaterThan(50);
    expect(s.alerts.some((a) => a.level === 'launch-detected')).toBe(true);
    expect(Math.max(...s.alerts.map((a) => levelRank(a.level as never)))).toBe(levelRank('launch-detected'));
    expect(s.alerts.flatMap((a) => a.evidence).join('\n')).toMatch(/dual phenomenology required/);
  });

  it('the policy can relax it: two IR satellites suffice under confirmRequires: two-sensors', () => {
    const s = summary(`name: IR only, relaxed policy
epoch: 2026-05-01T12:00:00Z
duration: 20m
seed: 4
defended: [USA]
events:
  - { type: launch, id: L1, class: icbm-solid, from: [55.0, 90.0], to: [40.0, -100.0], at: 60s }
policy: { confirmRequires: two-sensors }
network: { preset: default, disable: [beale, cape-cod, clear, thule, fylingdales, cavalier, olenegorsk, pechora, lekhtusi, armavir, pionersky, mishelevka, barnaul, yeniseysk, orsk] }
`);
    expect(s.warning.firstConfirmedS).not.toBeNull();
  });
});
