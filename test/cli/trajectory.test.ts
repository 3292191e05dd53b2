// `vigil trajectory`: the textbook case against DOMAIN.md §1.2 and the full model's
// contract fields.
import { describe, expect, it } from 'vitest';
import { runCli } from './helpers.ts';

describe('vigil trajectory --ideal', () => {
  it('reproduces the DOMAIN.md §1.2 minimum-energy row for 10,000 km, closed form and numerically', async () => {
    const r = await runCli('trajectory', '--ideal', '--range', '10000', '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(Math.abs(d.burnoutSpeedMps / 1000 - 7.198)).toBeLessThan(0.001);
    expect(Math.abs(d.burnoutAngleDeg - 22.52)).toBeLessThan(0.01);
    expect(Math.abs(d.apogeeKm - 1319)).toBeLessThan(1);
    expect(Math.abs(d.flightTimeS / 60 - 32.18)).toBeLessThan(0.01);
    // The numerical two-body integration agrees with the closed form (DOMAIN §1.2: 0.1 s, 0.1 km).
    expect(Math.abs(d.numerical.flightTimeS - d.flightTimeS)).toBeLessThan(0.1);
    expect(Math.abs(d.numerical.apogeeKm - d.apogeeKm)).toBeLessThan(0.1);
    expect(Math.abs(d.numerical.rangeKm - 10000)).toBeLessThan(0.1);
  });

  it('matches the 3,000 km row as well', async () => {
    const d = JSON.parse((await runCli('trajectory', '--ideal', '--range', '3000', '--json')).stdout);
    expect(Math.abs(d.burnoutSpeedMps / 1000 - 4.865)).toBeLessThan(0.001);
    expect(Math.abs(d.apogeeKm - 655)).toBeLessThan(1);
    expect(Math.abs(d.flightTimeS / 60 - 14.92)).toBeLessThan(0.01);
  });
});

describe('vigil trajectory on the full model', () => {
  it('prints every contract field and lands within 1 km', async () => {
    const r = await runCli('trajectory', '--from', '55,90', '--to', '40,-100', '--json');
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    for (const k of [
      'rangeKm',
      'flightTimeS',
      'apogeeKm',
      'burnoutTimeS',
      'burnoutAltitudeKm',
      'burnoutSpeedMps',
      'burnoutInertialSpeedMps',
      'burnoutAngleDeg',
      'impact',
      'missDistanceKm',
    ]) {
      expect(d).toHaveProperty(k);
    }
    expect(d.missDistanceKm).toBeLessThan(1);
    // A solid ICBM burns ≈170 s (DOMAIN.md §2) and burns out at 200–400 km.
    expect(d.burnoutTimeS).toBeLessThanOrEqual(170);
    expect(d.burnoutAltitudeKm).toBeGreaterThan(150);
    expect(d.burnoutAltitudeKm).toBeLessThan(400);
  });

  it('exits 2 with the flag named on bad coordinates or an unknown class', async () => {
    const a = await runCli('trajectory', '--from', '95,0', '--to', '0,0');
    expect(a.code).toBe(2);
    expect(a.stderr).toMatch(/^--from: latitude 95 is outside \[-90, 90\]/);
    const b = await runCli('trajectory', '--from', '0,0', '--to', '10,10', '--class', 'icbm');
    expect(b.code).toBe(2);
    expect(b.stderr).toMatch(/--class: expected one of/);
  });
});
