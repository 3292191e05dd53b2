// The Earth's disk seen from orbit (DOMAIN.md §3.1 geometry, spherical Earth of 6,371 km).
import { describe, expect, it } from 'vitest';
import { earthAngularRadius, limbArcRad } from '../../src/orbits/earth-disk.ts';

const DEG = Math.PI / 180;
const R = 6_371_000;

describe('Earth disk and limb from a satellite', () => {
  it('from GEO (35,786 km) the disk half-angle is 8.69° and the limb is 81.3° of arc away', () => {
    const r = R + 35_786_000;
    expect(earthAngularRadius(r) / DEG).toBeCloseTo(8.69, 2);
    expect(limbArcRad(r) / DEG).toBeCloseTo(81.3, 1);
  });

  it('from 39,700 km the disk half-angle is 7.95° and the limb is 82.1° of arc away', () => {
    const r = R + 39_700_000;
    expect(earthAngularRadius(r) / DEG).toBeCloseTo(7.95, 2);
    expect(limbArcRad(r) / DEG).toBeCloseTo(82.1, 1);
  });

  it('half-angle and limb arc are complementary, and a larger sphere (an atmosphere shell) looks bigger', () => {
    for (const r of [7e6, 2e7, 4.2e7, 4e8]) {
      expect(earthAngularRadius(r) + limbArcRad(r)).toBeCloseTo(Math.PI / 2, 12);
      expect(earthAngularRadius(r, R + 100_000)).toBeGreaterThan(earthAngularRadius(r));
      expect(limbArcRad(r, R + 100_000)).toBeLessThan(limbArcRad(r));
    }
  });

  it('at or below the surface the disk fills the half-sky and the limb is at the feet', () => {
    expect(earthAngularRadius(R)).toBe(Math.PI / 2);
    expect(limbArcRad(R - 1)).toBe(0);
  });
});
