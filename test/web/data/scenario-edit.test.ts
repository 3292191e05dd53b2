import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  checkLaunch,
  readLaunches,
  readNotifications,
  removeItem,
  writeLaunch,
  writeNotification,
} from '../../../web/src/data/scenario-edit.ts';

const TEXT = `# A scenario to edit
name: Polar shot
epoch: 2026-05-01T12:00:00Z
duration: 40m
defended: [USA]
events:
  - type: glint
    at: 30s
  - type: launch   # the missile
    id: L1
    class: icbm-solid
    from: [55.0, 90.0]
    to: [35.0, -90.0]
    at: 60s
notifications:
  - id: N1
    regime: HCoC
    kind: pre-launch
    issued: 2026-04-30T12:00:00Z
    vehicleClass: SLV
    window: { start: 2026-05-01T11:00:00Z, end: 2026-05-01T13:00:00Z }
    launchArea: { center: [45.9, 63.3], radiusKm: 50 }
`;

describe('the form editor’s view of a scenario', () => {
  it('reads the launch events with their index among all events', () => {
    expect(readLaunches(TEXT)).toEqual([
      { index: 1, id: 'L1', class: 'icbm-solid', from: [55, 90], to: [35, -90], azimuth: null, at: '60s' },
    ]);
  });

  it('reads the notifications', () => {
    expect(readNotifications(TEXT)).toEqual([
      {
        index: 0,
        id: 'N1',
        vehicleClass: 'SLV',
        issued: '2026-04-30T12:00:00Z',
        windowStart: '2026-05-01T11:00:00Z',
        windowEnd: '2026-05-01T13:00:00Z',
        launchCenter: [45.9, 63.3],
        launchRadiusKm: 50,
      },
    ]);
  });

  it('writes an edited launch back, keeping the comments and the other events', () => {
    const row = readLaunches(TEXT)[0]!;
    const text = writeLaunch(TEXT, { ...row, to: [40, -100], at: '90s' });
    expect(text).toContain('# A scenario to edit');
    expect(text).toContain('# the missile');
    const doc = parse(text);
    expect(doc.events[0]).toEqual({ type: 'glint', at: '30s' });
    expect(doc.events[1]).toMatchObject({ id: 'L1', to: [40, -100], at: '90s' });
  });

  it('appends a new launch and a new notification, and removes them by index', () => {
    let text = writeLaunch(TEXT, {
      index: -1,
      id: 'S1',
      class: 'slv',
      from: [45.9, 63.3],
      to: null,
      azimuth: 65,
      at: '600',
    });
    expect(parse(text).events[2]).toEqual({
      type: 'launch',
      id: 'S1',
      class: 'slv',
      from: [45.9, 63.3],
      azimuth: 65,
      at: 600,
    });
    text = writeNotification(text, {
      index: -1,
      id: 'N2',
      vehicleClass: 'SLV',
      issued: '2026-04-30T00:00:00Z',
      windowStart: '2026-05-01T11:50:00Z',
      windowEnd: '2026-05-01T12:20:00Z',
      launchCenter: [45.9, 63.3],
      launchRadiusKm: 30,
    });
    expect(parse(text).notifications[1]).toMatchObject({
      id: 'N2',
      regime: 'HCoC',
      kind: 'pre-launch',
      launchArea: { radiusKm: 30 },
    });
    text = removeItem(removeItem(text, 'events', 2), 'notifications', 1);
    expect(readLaunches(text).map((l) => l.id)).toEqual(['L1']);
    expect(readNotifications(text).map((n) => n.id)).toEqual(['N1']);
  });

  it('finds the problems a form can see, by field', () => {
    const row = readLaunches(TEXT)[0]!;
    expect(checkLaunch(row)).toEqual([]);
    expect(checkLaunch({ ...row, from: [95, 90], class: 'icbm', at: 'soon' })).toEqual([
      ['class', 'one of icbm-liquid, icbm-solid, slbm, irbm, mrbm, srbm, slv, sounding-rocket'],
      ['from[0]', 'latitude from -90 to 90'],
      ['at', "a time after the epoch: '60s', '2m' or seconds"],
    ]);
    expect(checkLaunch({ ...row, to: null })).toEqual([['to', 'a ballistic launch needs an aim point']]);
  });
});
