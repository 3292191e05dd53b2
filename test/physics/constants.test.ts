import { describe, expect, it } from 'vitest';
import {
  DEG,
  RAD,
  SIDEREAL_DAY_S,
  WGS84_A,
  WGS84_B,
  WGS84_E2,
  WGS84_EP2,
  WGS84_F,
} from '../../src/physics/constants.ts';

describe('constants (DOMAIN.md §9.1)', () => {
  it('WGS-84 derived constants match the published values', () => {
    expect(WGS84_A).toBe(6378137);
    expect(1 / WGS84_F).toBeCloseTo(298.257223563, 9);
    expect(WGS84_B).toBeCloseTo(6356752.3142, 4);
    expect(WGS84_E2).toBeCloseTo(6.69437999014e-3, 14);
    expect(WGS84_EP2).toBeCloseTo(6.73949674228e-3, 14);
  });

  it('half a sidereal day is 718.034 min', () => {
    expect(SIDEREAL_DAY_S / 2 / 60).toBeCloseTo(718.034, 3);
  });

  it('DEG and RAD are inverse conversions', () => {
    expect(180 * DEG).toBe(Math.PI);
    expect(Math.PI * RAD).toBe(180);
  });
});
