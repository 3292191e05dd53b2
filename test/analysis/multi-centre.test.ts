// Two warning centres on one truth with the exchange between them (issue 9), on the
// 1995 Black Brant XII flight (DOMAIN.md §6.4): Norway's centre notifies Russia's a
// day ahead. The oracle is each scenario's own statement of what the link did to the
// notification — delivered, dropped (the 1995 reality), delayed past the launch —
// and the centre's rules (DESIGN.md §4): a launch matching a notification in force
// stays below attack-warning; an unnotified ballistic missile, under this policy,
// does not.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type MultiCentreDocument, runMultiCentre } from '../../src/analysis/multi-centre.ts';
import { InputError } from '../../src/scenario/input-error.ts';
import { loadScenarioFile } from '../../src/scenario/load.ts';

const DIR = resolve(import.meta.dirname, '../../scenarios/exchange');
const LAUNCH_S = 240;
const run = (name: string, options = {}) => runMultiCentre(loadScenarioFile(`${DIR}/${name}.yaml`), options);
const centre = (d: MultiCentreDocument, id: string) => d.centres.find((c) => c.id === id)!;
/** Russia's alert for the rocket: the one with a launch placed near Andøya. */
const launchAlert = (d: MultiCentreDocument) =>
  centre(d, 'RUS').alerts.find((a) => a.launchArea && Math.abs(a.launchArea.latDeg - 69.3) < 1)!;

describe('two centres and the exchange on the 1995 flight', () => {
  const notified = run('1995-notified');
  const dropped = run('1995-dropped');
  const delayed = run('1995-delayed');

  it('notified: Russia files the notice the day before, matches the launch to it and gives no attack warning', () => {
    const rus = centre(notified, 'RUS');
    expect(rus.notifications).toHaveLength(1);
    expect(rus.notifications[0]!.deliveredS).toBeLessThan(0);
    const alert = launchAlert(notified);
    expect(alert.notificationId).toBe('NOR-1995');
    expect(alert.notificationStatus).toBe('match');
    expect(alert.levelHistory.map((h) => h.level)).not.toContain('attack-warning');
    expect(rus.warning.firstAttackWarningS).toBeNull();
    const nor = centre(notified, 'NOR');
    expect(nor.exchange.sent.map((s) => [s.what, s.acknowledgedS !== null])).toEqual([
      ['notification NOR-1995 (pre-launch)', true],
    ]);
    expect(nor.exchange.alarms.filter((a) => a.kind === 'ack-overdue')).toEqual([]);
  });

  it('dropped: Russia never has it and warns of an attack; Norway is alarmed a day ahead that it was never acknowledged', () => {
    const rus = centre(dropped, 'RUS');
    expect(rus.notifications).toEqual([]);
    const alert = launchAlert(dropped);
    expect(alert.notificationId).toBeNull();
    expect(alert.level).toBe('attack-warning');
    expect(alert.evidence.some((e) => e.includes('no notification covers it'))).toBe(true);
    const nor = centre(dropped, 'NOR');
    expect(nor.exchange.sent[0]!.acknowledgedS).toBeNull();
    expect(nor.exchange.sent[0]!.transmissions).toBeGreaterThan(100);
    const overdue = nor.exchange.alarms.filter((a) => a.kind === 'ack-overdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]!.timeS).toBeLessThan(-80_000);
    // Norway's line checks tell Russia a message #1 was sent that it never received.
    expect(
      rus.exchange.alarms.some((a) => a.kind === 'sequence-gap' && a.peer === 'NOR' && a.timeS < LAUNCH_S),
    ).toBe(true);
  });

  it('delayed: Russia warns before the notice arrives and matches the launch to it once it does', () => {
    const rus = centre(delayed, 'RUS');
    const deliveredS = rus.notifications[0]!.deliveredS!;
    // Lost until 06:26:00, the link's deliveredAt (360 s); then the next retry (≤ 60 s) gets through.
    expect(deliveredS).toBeGreaterThanOrEqual(360);
    expect(deliveredS).toBeLessThan(360 + 61);
    const alert = launchAlert(delayed);
    const warnedS = alert.levelHistory.find((h) => h.level === 'attack-warning')!.timeS;
    expect(warnedS).toBeLessThan(deliveredS);
    expect(alert.notificationId).toBe('NOR-1995');
    const matched = alert.evidence.find((e) => e.includes('Matches notification NOR-1995'))!;
    const [m, s] = /\[T\+(\d+):(\d+)\]/.exec(matched)!.slice(1).map(Number) as [number, number];
    expect(m * 60 + s).toBeGreaterThanOrEqual(deliveredS);
    expect(centre(delayed, 'NOR').exchange.alarms.map((a) => a.kind)).toEqual([
      'ack-overdue',
      'acknowledged-late',
    ]);
  });

  it("each centre's launch reports reach the other and are matched to its own alert of the launch", () => {
    const rus = centre(notified, 'RUS');
    const nor = centre(notified, 'NOR');
    expect(rus.exchange.sent.length).toBeGreaterThan(0);
    expect(rus.exchange.sent.every((s) => s.acknowledgedS !== null)).toBe(true);
    expect(nor.exchange.partnerReports.map((r) => r.revision)).toEqual(
      rus.exchange.sent.map((_, i) => i + 1),
    );
    const last = nor.exchange.partnerReports.at(-1)!;
    expect(last.from).toBe('RUS');
    expect(last.matchesAlertId).not.toBeNull();
    // Coarse: the minute, the 0.5° grid.
    expect(last.launchTime).toMatch(/:00Z$/);
    expect(last.launchArea.center.map((x) => (x * 2) % 1)).toEqual([0, 0]);
  });

  it('a lossy link (30 % of transmissions lost) still delivers every message once and in order, with the same outcome', () => {
    const lossy = run('1995-notified', { link: { lossProbability: 0.3 } });
    expect(Object.values(lossy.exchange.lost).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    for (const c of lossy.centres) {
      const partner = lossy.centres.find((p) => p !== c)!;
      expect(c.exchange.received.map((r) => r.seq)).toEqual(partner.exchange.sent.map((s) => s.seq));
    }
    expect(launchAlert(lossy).notificationId).toBe('NOR-1995');
    expect(centre(lossy, 'RUS').warning.firstAttackWarningS).toBeNull();
  });

  it('the same scenario and seed give the same document', () => {
    expect(JSON.stringify(run('1995-dropped'))).toBe(JSON.stringify(dropped));
  });
});

it('three centres: a notified ICBM test is matched by both partners, each with its own sensors', () => {
  const d = run('icbm-test-three-centres');
  expect(d.centres.map((c) => c.id)).toEqual(['RUS', 'USA', 'CHN']);
  for (const id of ['USA', 'CHN']) {
    const c = centre(d, id);
    expect(c.notifications.map((n) => [n.id, (n.deliveredS ?? 0) < 0])).toEqual([['RUS-ICBM-7', true]]);
    const alert = c.alerts.find((a) => a.launchArea && Math.abs(a.launchArea.latDeg - 62.9) < 1)!;
    expect([alert.notificationId, alert.notificationStatus]).toEqual(['RUS-ICBM-7', 'match']);
    // Each partner's own reports went to both others.
    expect(new Set(c.exchange.sent.map((s) => s.to))).toEqual(
      new Set(['RUS', 'USA', 'CHN'].filter((x) => x !== id)),
    );
  }
  for (const c of d.centres) expect(c.warning.firstAttackWarningS).toBeNull();
});

it('a scenario with fewer than two centres is refused, located at centres', () => {
  const scenario = loadScenarioFile(resolve(import.meta.dirname, '../../scenarios/polar-icbm.yaml'));
  expect(() => runMultiCentre(scenario)).toThrow(InputError);
  try {
    runMultiCentre(scenario);
  } catch (err) {
    expect((err as InputError).problems[0]!.path).toEqual(['centres']);
  }
});
