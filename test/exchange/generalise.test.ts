// Generalised launch reports (DOMAIN.md §7.2: time of launch, approximate launch area
// and azimuth, approximate impact area, filtered by range): the coarsening rules
// checked on hand-worked cases — times to the nearest minute, points to the nearest
// 0.5°, radii grown by the grid's rounding (≤ 0.25°·√2 of arc ≈ 39.3 km) and rounded up
// to 50 km, azimuths to 5° — and the 500 km filter of PLNS 2000 (§7.3).
import { describe, expect, it } from 'vitest';
import { type Alert, newAlert, raise } from '../../src/centre/assessment/alert.ts';
import {
  coarseAzimuthDeg,
  coarseRadiusKm,
  coarseTime,
  gridPoint,
  launchReportOf,
  reportedClass,
} from '../../src/exchange/generalise.ts';
import { launchReportBodySchema } from '../../src/exchange/messages.ts';

const EPOCH = Date.parse('2026-05-01T12:00:00Z');

function alert(changes: Partial<Alert> = {}): Alert {
  const a = newAlert('A1', 100, ['T1'], 'R1');
  raise(a, 'launch-confirmed', 150);
  return Object.assign(a, {
    classification: 'ballistic-missile',
    classEstimate: 'icbm-solid',
    launchTimeS: 89.9,
    launchArea: { latDeg: 62.93, lonDeg: 40.57, semiMajorKm: 8, semiMinorKm: 5, orientationDeg: 10 },
    impactArea: { latDeg: 56.2, lonDeg: 160.1, semiMajorKm: 30, semiMinorKm: 20, orientationDeg: 0 },
    ...changes,
  });
}

describe('coarsening', () => {
  it('rounds times to the nearest minute', () => {
    expect(coarseTime(Date.parse('2026-05-01T12:01:29.9Z'))).toBe('2026-05-01T12:01:00Z');
    expect(coarseTime(Date.parse('2026-05-01T12:01:30Z'))).toBe('2026-05-01T12:02:00Z');
  });

  it('puts points on the 0.5° grid, longitudes in [−180, 180)', () => {
    expect(gridPoint(62.93, 40.57)).toEqual([63, 40.5]);
    expect(gridPoint(-33.74, -70.26)).toEqual([-33.5, -70.5]);
    expect(gridPoint(10.1, 179.9)).toEqual([10, -180]);
  });

  it('grows radii by the rounding and rounds them up to 50 km', () => {
    expect(coarseRadiusKm(0)).toBe(50);
    expect(coarseRadiusKm(10)).toBe(50);
    expect(coarseRadiusKm(10.1)).toBe(100);
    expect(coarseRadiusKm(300)).toBe(350);
  });

  it('rounds azimuths to 5° and wraps 360 to 0', () => {
    expect([coarseAzimuthDeg(37.4), coarseAzimuthDeg(37.5), coarseAzimuthDeg(358)]).toEqual([35, 40, 0]);
  });
});

describe('a report from an alert', () => {
  it('carries the coarse picture of a confirmed ICBM', () => {
    const r = launchReportOf(alert(), EPOCH, { minRangeKm: 500 })!;
    expect(r).toEqual({
      vehicleClass: 'ICBM',
      launchTime: '2026-05-01T12:01:00Z',
      launchArea: { center: [63, 40.5], radiusKm: 50 },
      // Initial great-circle azimuth 37.88° (worked separately: atan2(sin Δλ cos φ2,
      // cos φ1 sin φ2 − sin φ1 cos φ2 cos Δλ)), to the nearest 5°.
      azimuthDeg: 40,
      impactArea: { center: [56, 160], radiusKm: 100 },
      minRangeKm: 500,
    });
    expect(
      launchReportBodySchema.safeParse({
        type: 'launch-report',
        reportId: 'A1',
        revision: 1,
        status: 'observed',
        ...r,
      }).success,
    ).toBe(true);
  });

  it('drops launches whose range is not above the filter', () => {
    // 0.5° of latitude ≈ 55.6 km downrange.
    const short = alert({
      impactArea: { latDeg: 63.43, lonDeg: 40.57, semiMajorKm: 5, semiMinorKm: 5, orientationDeg: 0 },
    });
    expect(launchReportOf(short, EPOCH, { minRangeKm: 500 })).toBeNull();
    expect(launchReportOf(short, EPOCH, { minRangeKm: 50 })).not.toBeNull();
  });

  it('reports nothing before a launch is detected, for what is not a rocket, or without an impact (unless it goes to orbit)', () => {
    const event = newAlert('A2', 100, ['T1'], 'R1');
    Object.assign(event, { launchArea: alert().launchArea, launchTimeS: 90, impactArea: alert().impactArea });
    expect(launchReportOf(event, EPOCH, { minRangeKm: 500 })).toBeNull();
    expect(launchReportOf(alert({ classification: 'false' }), EPOCH, { minRangeKm: 500 })).toBeNull();
    expect(launchReportOf(alert({ impactArea: null }), EPOCH, { minRangeKm: 500 })).toBeNull();
    const slv = launchReportOf(alert({ classification: 'space-launch', impactArea: null }), EPOCH, {
      minRangeKm: 500,
    });
    expect(slv).toMatchObject({ vehicleClass: 'SLV', azimuthDeg: null, impactArea: null });
    expect(launchReportOf(alert({ cancelled: true }), EPOCH, { minRangeKm: 500 })).toBeNull();
  });

  it('names classes as the notification format does', () => {
    expect(
      [
        ['ballistic-missile', 'slbm'],
        ['ballistic-missile', null],
        ['sounding-rocket', null],
        ['false', null],
      ].map(([c, e]) => reportedClass(c!, e ?? null)),
    ).toEqual(['SLBM', 'OTHER', 'SOUNDING', null]);
  });
});
