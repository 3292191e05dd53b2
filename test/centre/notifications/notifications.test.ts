// The notification file and launch correlation (DOMAIN.md §7.6, §6.4).
import { describe, expect, it } from 'vitest';
import { matchNotification } from '../../../src/centre/notifications/match.ts';
import { NotificationRegistry } from '../../../src/centre/notifications/registry.ts';
import { parseScenario } from '../../../src/scenario/load.ts';

const DEG = Math.PI / 180;

function scenarioWith(notifications: string) {
  return parseScenario(
    `name: n
epoch: 1995-01-25T06:00:00Z
duration: 1h
defended: [RUS]
events: []
notifications:
${notifications}`,
    'n.yaml',
  );
}

// Andøya (DOMAIN.md §6.4): a window, the launch area and a splash-down area near Svalbard.
const ANDOYA_NOTE = `  - id: N1
    regime: NOTAM
    kind: pre-launch
    issued: 1994-12-27T12:00:00Z
    vehicleClass: SOUNDING
    window: { start: 1995-01-15T00:00:00Z, end: 1995-02-10T00:00:00Z }
    launchArea: { center: [69.29, 16.02], radiusKm: 20 }
    plannedDirectionDeg: 0
    impactAreas: [{ center: [78.5, 17.0], radiusKm: 300 }]
    numberOfLaunches: 3
    channel: diplomatic-note
`;

const launch = (impactLatDeg: number, impactLonDeg: number, timeS = 1440) => ({
  launchTimeS: timeS,
  launchTimeSigmaS: 5,
  launch: { latRad: 69.3 * DEG, lonRad: 16.05 * DEG, semiMajorM: 5000 },
  impact: { latRad: impactLatDeg * DEG, lonRad: impactLonDeg * DEG, semiMajorM: 50_000 },
});

describe('notification registry', () => {
  it('holds only what was delivered, from the moment it was delivered', () => {
    const s = scenarioWith(`${ANDOYA_NOTE}    delivered: false\n`);
    expect(new NotificationRegistry(s.notifications).inForce(3600)).toEqual([]);
    const delivered = scenarioWith(`${ANDOYA_NOTE}    deliveredAt: 1995-01-25T06:10:00Z\n`);
    const reg = new NotificationRegistry(delivered.notifications);
    expect(reg.inForce(599)).toEqual([]);
    expect(reg.inForce(600).map((n) => n.id)).toEqual(['N1']);
  });

  it('applies cancellations and updates in delivery order', () => {
    const s = scenarioWith(`${ANDOYA_NOTE}  - id: N2
    regime: NOTAM
    kind: cancellation
    refersTo: N1
    issued: 1995-01-25T06:30:00Z
    vehicleClass: SOUNDING
    window: { start: 1995-01-15T00:00:00Z, end: 1995-02-10T00:00:00Z }
    launchArea: { center: [69.29, 16.02], radiusKm: 20 }
    channel: diplomatic-note
`);
    const reg = new NotificationRegistry(s.notifications);
    expect(reg.inForce(0).map((n) => n.id)).toEqual(['N1']);
    expect(reg.inForce(1800)).toEqual([]);
  });
});

describe('matching a detected launch', () => {
  const notes = new NotificationRegistry(scenarioWith(ANDOYA_NOTE).notifications).inForce(0);

  it('matches a launch in window, area, direction and impact area', () => {
    const r = matchNotification(launch(78.8, 18.1), notes, 300);
    expect(r.status).toBe('match');
    expect(r.notificationId).toBe('N1');
    expect(r.reasons.join(' ')).toMatch(/inside notification N1's window/);
  });

  it('flags a launch from the notified area that flies the wrong way as a mismatch', () => {
    const r = matchNotification(launch(60.0, 30.0), notes, 300);
    expect(r.status).toBe('mismatch');
    expect(r.reasons.join(' ')).toMatch(/not the planned 0°/);
    expect(r.reasons.join(' ')).toMatch(/outside every notified impact area/);
  });

  it('finds no notification for a launch elsewhere or outside the window', () => {
    const elsewhere = {
      ...launch(78.8, 18.1),
      launch: { latRad: 60 * DEG, lonRad: 5 * DEG, semiMajorM: 5000 },
    };
    expect(matchNotification(elsewhere, notes, 300).status).toBe('none');
    // 25 Jan 06:00 + 20 days is after the window's end (10 Feb 00:00) by more than the margin.
    expect(matchNotification(launch(78.8, 18.1, 20 * 86400), notes, 300).status).toBe('none');
  });

  it('counts launches against the number notified', () => {
    const r = matchNotification({ ...launch(78.8, 18.1), matchedCount: () => 3 }, notes, 300);
    expect(r.status).toBe('mismatch');
    expect(r.reasons.join(' ')).toMatch(/announced 3 launches, all already accounted for/);
  });
});
